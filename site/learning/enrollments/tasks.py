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
