"""Slow enrollment work for Celery: recomputing a course's progress, certificate PDFs."""

from celery import shared_task


@shared_task
def recompute_course_progress(course_id):
    """Every learner's progress in a course, after its live lessons changed."""
    from .services import recompute_course_progress as recompute

    return recompute(course_id)


@shared_task
def render_certificate_pdf(certificate_id):
    """Render and store the certificate's PDF unless the stored one is current."""
    from .certificates.pdf import store_certificate_pdf

    return store_certificate_pdf(certificate_id)


@shared_task
def send_announcement(announcement_id):
    """Fan a course announcement out to its enrolled learners (once, however often run)."""
    from .announcements import send_announcement as send

    return send(announcement_id)


@shared_task
def announce_lesson(lesson_id):
    """Tell a course's enrolled learners about a lesson published for the first time."""
    from .announcements import announce_lesson as announce

    return announce(lesson_id)
