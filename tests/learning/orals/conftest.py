"""An ACS tree with oral questions, learners, and an instructor of their course."""

from django.contrib.auth.models import Group, Permission

import pytest

from accounts.factories import UserFactory
from learning.acs.factories import make_tree
from learning.acs.models import AcsElement, AcsTask
from learning.courses.factories import make_catalog, make_course
from learning.courses.models import CourseInstructor
from learning.courses.permissions import grant_course_editing
from learning.enrollments.models import Enrollment
from learning.orals.models import MockOralSection, OralQuestion


def add_question(element, prompt=None, **fields):
    question = OralQuestion.objects.create(
        prompt=prompt or f"Tell me about {element.code}.",
        key_points=fields.pop("key_points", "First point\nSecond point"),
        reference=fields.pop("reference", "14 CFR 91.213"),
        **fields,
    )
    question.elements.add(element)
    return question


@pytest.fixture
def standard(db):
    """Areas I and II, tasks A and B each, K1-K3, R1-R2, S1 (evaluable on the ground)
    per task; a question for every knowledge element and a section per area."""
    standard = make_tree(areas=2, tasks=2, knowledge=3, risks=2, skills=1)
    AcsElement.objects.filter(kind="S").update(
        text="Determine the airplane is airworthy.", ground_evaluable=True
    )
    for element in AcsElement.objects.filter(kind="K"):
        add_question(element)
    for area in standard.areas.all():
        section = MockOralSection.objects.create(
            standard=standard, name=f"Area {area.numeral}", order=area.order
        )
        section.tasks.set(area.tasks.all())
    return standard


@pytest.fixture
def task(standard):
    return AcsTask.objects.get(code="PA.I.A")


@pytest.fixture
def other(db):
    return UserFactory(first_name="Oz", last_name="Other")


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def course(db):
    return make_course(make_catalog(), title="Checkride Prep")


@pytest.fixture
def enrolled(learner, course):
    """The learner, enrolled in the instructor's course."""
    return Enrollment.objects.create(user=learner, course=course)


def make_instructor(catalog=None, grader=True, teaches=(), **fields):
    """A user in a group like Instructors (not Django staff, like the demo's): admin
    access, the mock oral permissions when ``grader``, editing of the course tree under
    ``catalog`` when given, and credited on the courses in ``teaches``."""
    group = Group.objects.create(name=f"Teachers {Group.objects.count() + 1}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if grader:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="orals"))
    if catalog is not None:
        grant_course_editing(group, catalog)
    user = UserFactory(first_name="Ida", last_name="Instructor", **fields)
    user.groups.add(group)
    for course in teaches:
        CourseInstructor.objects.create(page=course, user=user)
    return user


@pytest.fixture
def instructor(course):
    """An instructor credited on ``course`` who can edit it (through its catalog) and
    grade mock orals."""
    return make_instructor(course.get_parent(), teaches=[course])


PLANTED = "PLANTED-PROBLEM: the annual inspection expired on 31 July."


def add_scenario(standard, **fields):
    """An active ASEL scenario with a planted problem learners must not see too early."""
    from learning.orals.models import Scenario

    defaults = {
        "title": "Trip to Redmond",
        "route": "KHIO direct KRDM",
        "flight_date": "2026-08-15",
        "aircraft": "Cessna 172S N172GS",
        "performance": "Maximum takeoff weight 2,550 lb",
        "metars": "KRDM 151556Z 32008KT 6SM HZ SKC 24/04 A3002",
        "notams": "!RDM 08/021 RDM RWY 11/29 CLSD",
        "records": "08 Jul 2025: annual inspection",
        "planted_problem": PLANTED,
    }
    defaults.update(fields)
    return Scenario.objects.create(standard=standard, **defaults)


@pytest.fixture
def scenario(standard):
    return add_scenario(standard)
