"""A course whose every lesson, gated section and download carries a sentinel word.

A sentinel is a made-up word that appears in exactly one piece of hidden content, so a
test can ask "did this response leak it?" for each tier on each surface.
"""

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from accounts.factories import SubscriptionFactory, UserFactory
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import LessonResource
from learning.courses.services import refresh_course_totals

SENTINELS = {
    "guest_body": "xyzguestbody",
    "gated_registered": "xyzgatedregistered",
    "gated_premium": "xyzgatedpremium",
    "registered_body": "xyzregisteredbody",
    "registered_transcript": "xyzregisteredtranscript",
    "premium_body": "xyzpremiumbody",
    "preview_body": "xyzpreviewbody",
    "resource_registered": "xyzresourceregistered",
    "resource_premium": "xyzresourcepremium",
}


def paragraph(word):
    return {"type": "paragraph", "value": f"<p>Hidden detail {word} for the checkride.</p>"}


def gated(tier, word):
    return {
        "type": "gated_section",
        "value": {"min_tier": tier, "title": f"Gouge for {tier}", "content": [paragraph(word)]},
    }


def document(title):
    doc = get_document_model()(title=title)
    doc.file.save(f"{title}.txt", ContentFile(f"{title} contents".encode()), save=True)
    return doc


@pytest.fixture
def sentinel_course(db):
    catalog = make_catalog()
    course = make_course(catalog, title="Checkride Sentinel Course")
    module = make_module(course, title="Airspace")
    lessons = {
        "guest": make_lesson(
            module,
            title="Open lesson",
            access_level="guest",
            body=[
                paragraph(SENTINELS["guest_body"]),
                gated("registered", SENTINELS["gated_registered"]),
                gated("premium", SENTINELS["gated_premium"]),
            ],
        ),
        "registered": make_lesson(
            module,
            title="Members lesson",
            access_level="registered",
            body=[paragraph(SENTINELS["registered_body"])],
            transcript=f"Transcript {SENTINELS['registered_transcript']}",
        ),
        "premium": make_lesson(
            module,
            title="Premium lesson",
            access_level="premium",
            body=[paragraph(SENTINELS["premium_body"])],
        ),
        "preview": make_lesson(
            module,
            title="Premium sample",
            access_level="premium",
            is_free_preview=True,
            body=[paragraph(SENTINELS["preview_body"])],
        ),
    }
    members = lessons["registered"]
    for key, premium in (("resource_registered", False), ("resource_premium", True)):
        LessonResource.objects.create(
            page=members, document=document(SENTINELS[key]), is_premium=premium
        )
    refresh_course_totals(course.pk)
    return {"catalog": catalog, "course": course, "module": module, **lessons}


@pytest.fixture
def registered_user(db):
    return UserFactory()


@pytest.fixture
def premium_user(db):
    return SubscriptionFactory().user


@pytest.fixture
def instructor(db):
    group, _ = Group.objects.get_or_create(name="Instructors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def viewers(registered_user, premium_user, instructor):
    """Each tier's user (None for a guest), keyed by tier name."""
    return {
        "guest": None,
        "registered": registered_user,
        "premium": premium_user,
        "staff": instructor,
    }
