"""Demo instructors for `load_demo`: instructor@demo.test leads the checkride course with
a full profile, coinstructor@demo.test co-instructs it without the analytics right, the
"Spring private pilot class" cohort holds five students with varied progress (ahead,
failing a quiz twice, inactive for 20 days, not sharing, just enrolled), a week of
analytics snapshots, two pre-solo endorsements for student1 and the two course
templates. The words live in demo/data/instructors.

Everything goes through the services where one exists, and every step first looks for
what an earlier run made, so running load_demo twice adds nothing (the snapshots of the
week are recomputed in place).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import instructors_group
from accounts.tiers import tier_for
from demo.loaders.accounts import demo_password, upsert_user
from demo.words import read
from learning.assessments import services as quizzes
from learning.assessments.models import Assessment, Attempt
from learning.courses.models import CourseInstructor, CoursePage
from learning.courses.outline import course_outline
from learning.enrollments import services as enrollments
from learning.enrollments.models import Enrollment, LessonProgress
from learning.enrollments.sharing import set_sharing
from learning.instructors.analytics.snapshots import take_snapshots
from learning.instructors.course_templates.data import validate_template_data
from learning.instructors.endorsements.services import sign_endorsement
from learning.instructors.models import Cohort, CohortMember, CourseTemplate, Endorsement
from learning.instructors.profiles.recency import month_end
from learning.instructors.profiles.services import upsert_profile

TEAM = read("instructors", "team.json")
COHORT = read("instructors", "cohort.json")
# Everyone this loader signs up: the co-instructor and the cohort's students.
DEMO_INSTRUCTOR_USERS = [TEAM["co_instructor"]["email"]] + [
    student["email"] for student in COHORT["students"]
]
TEMPLATES = read("instructors", "templates.json")
CO_RIGHTS = {"can_edit_content": True, "can_manage_students": True, "can_view_analytics": False}
LEAD_RIGHTS = {"can_edit_content": True, "can_manage_students": True, "can_view_analytics": True}


def profile_fields(spec, today):
    fields = dict(spec)
    months = fields.pop("valid_through_months_ahead")
    fields["cfi_expiration"] = month_end(today.year, today.month + months)
    return fields


def credit(course, user, role, rights):
    """Put `user` on the team; True when a row was created or changed."""
    row = CourseInstructor.objects.filter(page=course, user=user).first()
    wanted = {"role": role, "is_active": True, **rights}
    if row and all(getattr(row, name) == value for name, value in wanted.items()):
        return False
    CourseInstructor.objects.update_or_create(page=course, user=user, defaults=wanted)
    return True


def load_team(course, today):
    users = get_user_model().objects
    lead = users.get(email=TEAM["lead"]["email"])
    co_spec = TEAM["co_instructor"]
    co = upsert_user(co_spec["email"], co_spec["name"], demo_password())
    co.groups.add(instructors_group())
    upsert_profile(lead, **profile_fields(TEAM["lead"]["profile"], today))
    upsert_profile(co, **profile_fields(co_spec["profile"], today))
    changed = credit(course, lead, CourseInstructor.Role.LEAD, LEAD_RIGHTS)
    changed |= credit(course, co, CourseInstructor.Role.CO_INSTRUCTOR, CO_RIGHTS)
    if changed:  # the editor opens the latest revision: it must hold the same team
        CoursePage.objects.get(pk=course.pk).save_revision(user=lead).publish(user=lead)
    return lead, co


def complete_first(user, course, count):
    tier = tier_for(user)
    lessons = [
        lesson
        for lesson in course_outline(course).lessons
        if lesson.is_visible_to(tier) and not enrollments.completes_by_quiz(lesson)
    ]
    for lesson in lessons[:count]:
        enrollments.complete_lesson(user, lesson)


def fail_quiz_twice(user, course, now, stdout):
    quiz = Assessment.objects.filter(lesson__path__startswith=course.path).order_by("pk").first()
    if quiz is None:
        return
    failed = Attempt.objects.filter(user=user, assessment=quiz, passed=False).count()
    for n in range(failed, 2):  # unanswered attempts fail; days apart for any wait rule
        at = now - timedelta(days=3 - n)
        try:
            attempt, _ = quizzes.start_attempt(user, quiz, now=at)
            quizzes.submit_attempt(user, attempt.pk, now=at + timedelta(minutes=12))
        except quizzes.AssessmentError as refusal:
            stdout.write(f"  skipped a failed attempt for {user.email}: {refusal.message}")
            return


def make_inactive(user, course, days, now):
    then = now - timedelta(days=days)
    enrollment = Enrollment.objects.get(user=user, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_date=then, last_accessed=then)
    LessonProgress.objects.filter(enrollment=enrollment).update(
        last_accessed=then, completed_date=then
    )


def load_cohort(course, lead, co, now, stdout):
    cohort, _ = Cohort.objects.get_or_create(
        name=COHORT["name"],
        defaults={
            "description": COHORT["description"],
            "created_by": lead,
            "starts_on": now.date() - timedelta(days=30),
        },
    )
    cohort.courses.add(course)
    cohort.instructors.add(lead, co)
    students = {}
    for spec in COHORT["students"]:
        user = upsert_user(spec["email"], spec["name"], demo_password())
        students[spec["email"]] = user
        CohortMember.objects.get_or_create(
            cohort=cohort,
            email=spec["email"],
            defaults={
                "user": user,
                "name": spec["name"],
                "joined_at": now,
                "status": CohortMember.Status.ACTIVE,
            },
        )
        enrollments.enroll(user, course)
        complete_first(user, course, spec["lessons"])
        if spec.get("failed_quiz_attempts"):
            fail_quiz_twice(user, course, now, stdout)
        if spec.get("inactive_days"):
            make_inactive(user, course, spec["inactive_days"], now)
        if spec.get("share_progress") is False:
            set_sharing(Enrollment.objects.get(user=user, course=course), False)
    return cohort, students


def load_endorsements(course, lead, students, today):
    spec = COHORT["endorsements"]
    student = students[spec["student"]]
    for kind in spec["kinds"]:
        if Endorsement.objects.filter(student=student, instructor=lead, kind=kind).exists():
            continue
        sign_endorsement(
            instructor=lead,
            student=student,
            course_id=course.pk,
            kind=kind,
            details={"aircraft": spec["aircraft"]},
            signed_on=today - timedelta(days=spec["days_ago"]),
            signature=lead.get_full_name(),
            token=f"demo-{kind}",
        )


def load_templates(lead):
    for spec in TEMPLATES:
        fields = {**spec, "template_data": validate_template_data(spec["template_data"])}
        CourseTemplate.objects.get_or_create(
            name=spec["name"], defaults={**fields, "created_by": lead}
        )


def load(stdout):
    course = CoursePage.objects.filter(slug=TEAM["course"]).first()
    if course is None:
        stdout.write(f"  skipped the instructors: no {TEAM['course']} course")
        return
    now = timezone.now()
    today = timezone.localdate()
    lead, co = load_team(course, today)
    cohort, students = load_cohort(course, lead, co, now, stdout)
    load_endorsements(course, lead, students, today)
    load_templates(lead)
    yesterday = today - timedelta(days=1)
    for n in range(COHORT["snapshot_days"]):
        take_snapshots(yesterday - timedelta(days=n))
    stdout.write(
        f"  instructors: {lead.email} (lead), {co.email} (co-instructor); "
        f"cohort “{cohort.name}” of {len(students)}; "
        f"{Endorsement.objects.filter(instructor=lead).count()} endorsements"
    )
