"""Flashcard Celery tasks: the hourly reminders, parameter fits and (B's) imports."""

from celery import shared_task

# Celery's autodiscovery imports only this module: importing the import tasks registers them.
from .imports.tasks import delete_stale_imports, run_import  # noqa: F401


@shared_task
def send_due_reminders():
    """Hourly: email learners whose study day has cards due (once per day each)."""
    from .reminders import send_due_reminders as send

    return send()


@shared_task
def optimize_parameters(user_id):
    """Fit one learner's FSRS parameters; with too few reviews, keep the defaults and
    return why. Safe to repeat: each run recomputes from the whole log."""
    from django.contrib.auth import get_user_model

    from .optimizer import fit_parameters

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return "no such learner"
    return fit_parameters(user).reason


@shared_task
def optimize_all():
    """Weekly: refit learners with enough reviews whose parameters are missing or stale."""
    from .optimizer import learners_to_refit

    user_ids = learners_to_refit()
    for user_id in user_ids:
        optimize_parameters(user_id)
    return len(user_ids)
