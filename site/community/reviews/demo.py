"""Demo reviews for `load_demo`: a Moderators group and a few published reviews of the
checkride course, written by enrolled demo learners through the real services.

Re-running adds nothing twice: a learner who already reviewed the course keeps their
review exactly as it is (they may have edited it while trying the demo).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from accounts.demo import demo_password, upsert_user
from accounts.tiers import tier_for
from learning.courses.demo_content import COURSE_INDEX, COURSES
from learning.courses.models import CourseIndexPage, CoursePage
from learning.courses.outline import course_outline
from learning.enrollments.services import complete_lesson, enroll
from pages.collections import keep_media_off_root

from . import services
from .models import Review

MODERATORS_GROUP = "Moderators"
COURSE_TITLE = "Private Pilot Checkride Prep"
# Made-up people, so nobody mistakes a demo review for a real learner's words.
DEMO_REVIEWERS = [
    {"email": "casey.crosswind@demo.test", "name": "Casey Crosswind"},
    {"email": "jordan.downwind@demo.test", "name": "Jordan Downwind"},
]
DEMO_REVIEWS = [
    (
        "premium@demo.test",
        5,
        "Walked into my checkride calm",
        "The oral prep lessons mirrored what my examiner asked almost word for word.\n"
        "The airspace module finally made Class B shelves make sense.",
    ),
    (
        "learner@demo.test",
        4,
        "Great structure, want more weather",
        "Clear lessons and a sensible order. I would love a few more METAR and TAF drills.",
    ),
    (
        "casey.crosswind@demo.test",
        5,
        "Worth it for the regulations module",
        "Currency, inspections and the PIC responsibilities are explained with real scenarios.",
    ),
    (
        "jordan.downwind@demo.test",
        4,
        "Solid refresher before the practical",
        "I used it as a two-week refresher. The checklists at the end of each module helped.",
    ),
]


def moderators_group():
    """Wagtail admin access plus seeing and moderating reviews."""
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    keep_media_off_root(group)  # Wagtail's own "Moderators" holds them on the root
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="reviews", codename__in=["view_review", "change_review"]
        ),
    )
    return group


def demo_course():
    slug = next(spec["slug"] for spec in COURSES if spec["title"] == COURSE_TITLE)
    index = CourseIndexPage.objects.filter(slug=COURSE_INDEX["slug"]).first()
    if index is None:
        return None
    return CoursePage.objects.child_of(index).live().filter(slug=slug).first()


def write_review(user, course, rating, title, text):
    """Enroll the reviewer, finish the first lesson (a verified learner), review, publish."""
    enroll(user, course)
    tier = tier_for(user)
    readable = [lesson for lesson in course_outline(course).lessons if lesson.is_visible_to(tier)]
    if readable:
        complete_lesson(user, readable[0])
    review = services.submit_review(user, course, rating, title, text)
    services.approve([review], moderator=None)
    return review


MODERATOR_EMAIL = "marketer@demo.test"


def load(stdout):
    moderators = moderators_group()
    for moderator in get_user_model().objects.filter(email=MODERATOR_EMAIL):
        moderator.groups.add(moderators)
    course = demo_course()
    if course is None:
        stdout.write(f"  skipped reviews: no live course {COURSE_TITLE!r}")
        return
    password = demo_password()
    for spec in DEMO_REVIEWERS:
        upsert_user(spec["email"], spec["name"], password)
    users = get_user_model().objects
    added = 0
    for email, rating, title, text in DEMO_REVIEWS:
        user = users.filter(email=email).first()
        if user is None or Review.objects.filter(user=user, course=course).exists():
            continue
        write_review(user, course, rating, title, text)
        added += 1
    services.recompute_course_rating(course.pk)
    reviews = Review.objects.filter(course=course, is_approved=True).count()
    stdout.write(
        f"  reviews: {reviews} published for {course.title} ({added} added), "
        f"group {MODERATORS_GROUP!r}"
    )
