"""Chat for tests and the demo: people who may talk (a course with its instructor and
an enrolled learner) and conversations built through the real services."""

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course
from learning.courses.models import CourseIndexPage, CourseInstructor
from learning.enrollments.factories import enroll

from . import services


def course_with_instructor(instructor=None, title="Private Pilot Prep"):
    """A live course credited to `instructor` (a new one by default); returns both."""
    catalog = CourseIndexPage.objects.first() or make_catalog()
    course = make_course(catalog, title=title)
    instructor = instructor or UserFactory(first_name="Ida", last_name="Instructor")
    CourseInstructor.objects.create(page=course, user=instructor)
    return course, instructor


def learner_in(course, learner=None):
    """`learner` (a new one by default) enrolled in `course` through the real service."""
    learner = learner or UserFactory(first_name="Lee", last_name="Learner")
    enroll(learner, course)
    return learner


def direct_conversation(learner, instructor, *messages, course=None, topic=""):
    """The direct conversation between the two, with `messages` sent alternately by
    the learner and the instructor."""
    conversation = services.start_direct(learner, instructor, topic=topic, course=course)
    for n, text in enumerate(messages):
        sender = learner if n % 2 == 0 else instructor
        services.send_message(sender, conversation, content=text)
    return conversation
