"""Periodic quiz work: submit attempts whose time ran out."""

from celery import shared_task


@shared_task
def submit_expired_attempts():
    from .services import submit_expired_attempts as submit

    return submit()
