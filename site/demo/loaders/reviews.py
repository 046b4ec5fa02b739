"""Demo reviews for `load_demo`: a few published reviews of the checkride course, written
by enrolled demo learners through the real services (words in demo/data/reviews), and the
demo moderator in the Moderators role.

The reviewers are made up, so nobody mistakes a demo review for a real learner's words.
Re-running adds nothing twice: a learner who already reviewed the course keeps their
review exactly as it is (they may have edited it while trying the demo).
"""

from django.contrib.auth import get_user_model

from accounts.roles import MODERATORS, moderators_group
from accounts.tiers import tier_for
from community.reviews import services
from community.reviews.models import Review
from demo.loaders.accounts import demo_password, upsert_user
from demo.loaders.courses import COURSE_INDEX, COURSES
from demo.words import read
from learning.courses.models import CourseIndexPage, CoursePage
from learning.courses.outline import course_outline
from learning.enrollments.services import complete_lesson, enroll

MODERATORS_GROUP = MODERATORS.name
MODERATOR_EMAIL = "marketer@demo.test"
WORDS = read("reviews", "reviews.json")
COURSE_TITLE = WORDS["course_title"]
DEMO_REVIEWERS = WORDS["reviewers"]
DEMO_REVIEWS = [
    (review["email"], review["rating"], review["title"], review["text"])
    for review in WORDS["reviews"]
]


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
