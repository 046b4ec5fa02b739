"""What the certificate tests share: finishing a course and reading a stored PDF."""

import base64
import re
import zlib

from django.core.files.storage import default_storage

from learning.enrollments import services
from learning.enrollments.factories import enroll
from learning.enrollments.models import Certificate

STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def finish(user, course):
    """Enroll `user` and complete every lesson the way a learner would (quizzes by
    passing them); returns the enrollment."""
    enrollment = enroll(user, course)
    for lesson in course.lessons:
        source = "assessment" if lesson.lesson_type == "quiz" else "manual"
        services.complete_lesson(user, lesson, source=source)
    enrollment.refresh_from_db()
    return enrollment


def earn_certificate(user, course, commit):
    """Finish the course with on-commit callbacks run, so the PDF task has run too."""
    with commit():
        enrollment = finish(user, course)
    return Certificate.objects.get(enrollment=enrollment)


def pdf_text(data):
    """The drawing operators of every content stream, inflated (reportlab writes them
    ASCII85 + Flate encoded), so a test can find the strings drawn on the page."""
    chunks = []
    for stream in STREAM.findall(data):
        stream = stream.strip()
        try:
            if stream.endswith(b"~>"):
                stream = base64.a85decode(stream[:-2])
            chunks.append(zlib.decompress(stream))
        except (ValueError, zlib.error):
            chunks.append(stream)
    return b"\n".join(chunks)


def pdf_string(text):
    """`text` as a PDF string literal: what a drawString call leaves in the stream."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def stored_files():
    """The names of the certificate PDFs in storage."""
    if not default_storage.exists("certificates"):
        return []
    return sorted(default_storage.listdir("certificates")[1])
