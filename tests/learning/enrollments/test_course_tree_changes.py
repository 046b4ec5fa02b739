"""Progress is recomputed, never drifted, when instructors add, unpublish or delete lessons."""

from learning.courses.factories import make_lesson
from learning.courses.models import ModulePage
from learning.enrollments import services
from learning.enrollments.models import Enrollment


def progress_of(enrollment):
    enrollment.refresh_from_db()
    return enrollment.progress_percentage, enrollment.status


def test_a_new_lesson_lowers_progress_and_reopens_a_finished_course(
    commit, course, premium_learner
):
    enrollment = services.enroll(premium_learner, course)[0]
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    assert progress_of(enrollment) == (100, Enrollment.Status.COMPLETED)

    module = ModulePage.objects.child_of(course).first()
    with commit():
        make_lesson(module, title="Class E", publish=True)
    assert progress_of(enrollment) == (85, Enrollment.Status.ACTIVE)  # 6 of 7
    assert enrollment.certificate.is_valid  # earned once, kept


def test_unpublishing_a_lesson_counts_only_live_lessons(commit, course, learner):
    enrollment = services.enroll(learner, course)[0]
    services.complete_lesson(learner, course.lessons[0])
    assert progress_of(enrollment)[0] == 16  # 1 of 6
    with commit():
        course.lessons[3].unpublish()
    assert progress_of(enrollment)[0] == 20  # 1 of 5
    with commit():
        course.lessons[0].unpublish()  # the completed one goes away
    assert progress_of(enrollment)[0] == 0


def test_deleting_a_lesson_recomputes(commit, course, learner):
    enrollment = services.enroll(learner, course)[0]
    services.complete_lesson(learner, course.lessons[0])
    with commit():
        course.lessons[5].delete()
        course.lessons[4].delete()
    assert progress_of(enrollment)[0] == 25  # 1 of 4


def test_the_recompute_task_is_idempotent(course, learner):
    from learning.enrollments.tasks import recompute_course_progress

    enrollment = services.enroll(learner, course)[0]
    services.complete_lesson(learner, course.lessons[0])
    Enrollment.objects.filter(pk=enrollment.pk).update(progress_percentage=90)  # drifted
    assert recompute_course_progress.delay(course.pk).get() == 1
    assert recompute_course_progress.delay(course.pk).get() == 0
    assert progress_of(enrollment)[0] == 16


def test_switching_on_certificates_rewards_learners_who_already_finished(
    commit, course, premium_learner
):
    from learning.enrollments.models import Certificate

    course.has_certificate = False
    course.save()
    services.enroll(premium_learner, course)
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    assert not Certificate.objects.exists()

    course.has_certificate = True
    with commit():
        course.save_revision().publish()
    assert Certificate.objects.get().holder_name == "Pat Premium"
