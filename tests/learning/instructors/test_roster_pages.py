"""What an instructor reads on the roster, its CSV, the student page and the home panel:
the at-risk flags, sorting, filters, private notes, and query counts flat in learners."""

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from learning.acs.factories import make_tree
from learning.assessments.factories import make_assessment
from learning.assessments.models import Attempt
from learning.courses.models import LessonPage
from learning.enrollments.factories import enroll
from learning.enrollments.models import Enrollment
from learning.instructors.models import LearnerSnapshot, StudentNote
from learning.instructors.roster.panel import StudentsNeedingAttentionPanel
from learning.instructors.roster.risk import count_at_risk, flags_for

pytestmark = pytest.mark.django_db


def quiz_of(course):
    lesson = LessonPage.objects.descendant_of(course).first()
    return make_assessment(lesson=lesson, title="Airspace quiz", passing_score=70)


def attempt(user, quiz, number, passed, percentage):
    return Attempt.objects.create(
        user=user,
        assessment=quiz,
        attempt_number=number,
        submitted_at=timezone.now(),
        percentage=percentage,
        passed=passed,
    )


def idle(user, course, days):
    then = timezone.now() - timedelta(days=days)
    Enrollment.objects.filter(user=user, course=course).update(
        last_accessed=then, enrolled_date=then
    )


def roster(client, team, **params):
    url = reverse("instructors_roster", args=[team.course.pk])
    return client.get(url, params).content.decode()


def csv_rows(client, team, **params):
    response = client.get(reverse("instructors_roster_csv", args=[team.course.pk]), params)
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_inactive_for_15_days_is_flagged_13_is_not(client, team):
    idle(team.learner, team.course, 15)
    quiet = UserFactory(first_name="Quinn", last_name="Quiet")
    enroll(quiet, team.course)
    idle(quiet, team.course, 13)
    enrollments = Enrollment.objects.filter(course=team.course)
    assert flags_for(enrollments) == {team.learner.pk: {"inactive"}, quiet.pk: set()}
    client.force_login(team.lead)
    flagged = roster(client, team, risk="inactive")
    assert "Lee Learner" in flagged
    assert "Quinn" not in flagged
    assert count_at_risk([team.course.pk]) == 1


def test_two_failed_attempts_at_one_quiz_flag_failing_until_a_pass(client, team):
    quiz = quiz_of(team.course)
    attempt(team.learner, quiz, 1, False, 40)
    assert flags_for(Enrollment.objects.filter(course=team.course))[team.learner.pk] == set()
    attempt(team.learner, quiz, 2, False, 55)
    client.force_login(team.lead)
    page = roster(client, team, risk="failing")
    assert "Lee Learner" in page
    assert "Failing a quiz" in page
    rows = csv_rows(client, team)
    assert rows[1][8] == "2"  # Failed attempts
    assert rows[1][13] == "Failing a quiz"  # At risk
    attempt(team.learner, quiz, 3, True, 90)
    assert "Lee Learner" not in roster(client, team, risk="failing")
    assert "90%" in roster(client, team)


def test_a_learner_who_keeps_progress_private_is_never_counted_at_risk(team):
    idle(team.learner, team.course, 30)
    team.learner.enrollments.update(share_progress=False)
    assert count_at_risk([team.course.pk]) == 0


def test_sort_search_status_and_csv(client, team):
    ada = UserFactory(first_name="Ada", last_name="Zulu", email="ada@example.test")
    enroll(ada, team.course)
    Enrollment.objects.filter(user=ada).update(progress_percentage=80, status="completed")
    Enrollment.objects.filter(user=team.learner).update(progress_percentage=20)
    client.force_login(team.assistant)
    by_name = roster(client, team)
    assert by_name.index("Ada Zulu") < by_name.index("Lee Learner")
    by_progress = roster(client, team, sort="-progress")
    assert by_progress.index("Ada Zulu") < by_progress.index("Lee Learner")
    assert roster(client, team, sort="progress").index("Lee Learner") < roster(
        client, team, sort="progress"
    ).index("Ada Zulu")
    searched = roster(client, team, q="ada@exa")
    assert "Ada Zulu" in searched
    assert "Lee Learner" not in searched
    active = roster(client, team, status="active")
    assert "Lee Learner" in active
    assert "Ada Zulu" not in active
    odd = roster(client, team, sort="password", risk="<script>", status="x", page="abc")
    assert "We ignored an unknown sort order." in odd
    assert "<script>" not in odd
    url = reverse("instructors_roster_csv", args=[team.course.pk])
    response = client.get(url, {"sort": "-progress"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Learner", "Email", "Status", "Progress (%)"]
    assert [row[0] for row in rows[1:]] == ["Ada Zulu", "Lee Learner"]
    assert rows[1][2:4] == ["Completed", "80"]


def test_csv_cells_cannot_run_as_formulas(client, team):
    team.learner.first_name = "=HYPERLINK(1)"
    team.learner.save()
    client.force_login(team.lead)
    response = client.get(reverse("instructors_roster_csv", args=[team.course.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][0].startswith("'=HYPERLINK")


def test_notes_are_private_to_their_author(client, team):
    student = reverse("instructors_student", args=[team.learner.pk])
    add = reverse("instructors_student_note_add", args=[team.learner.pk])
    client.force_login(team.lead)
    client.post(add, {"body": "Struggles with <b>airspace</b>"})
    client.post(add, {"body": "Struggles with <b>airspace</b>"})  # a double click
    assert StudentNote.objects.count() == 1
    note = StudentNote.objects.get()
    lead_page = client.get(student).content.decode()
    assert "Struggles with &lt;b&gt;airspace&lt;/b&gt;" in lead_page
    blank = client.post(add, {"body": "   "})
    assert blank.status_code == 400
    assert "Write something" in blank.content.decode()

    client.force_login(team.co)
    assert "Struggles" not in client.get(student).content.decode()
    edit = reverse("instructors_student_note_edit", args=[team.learner.pk, note.pk])
    delete = reverse("instructors_student_note_delete", args=[team.learner.pk, note.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"body": "Rewritten"}).status_code == 404
    assert client.get(delete).status_code == 404
    assert client.post(delete).status_code == 404
    note.refresh_from_db()
    assert note.body == "Struggles with <b>airspace</b>"

    client.force_login(team.lead)
    assert "Struggles" in client.get(edit).content.decode()
    assert client.post(edit, {"body": "Now fine on airspace"}).status_code == 302
    assert "Now fine on airspace" in client.get(student).content.decode()
    assert "Delete this note?" in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302
    assert not StudentNote.objects.exists()


def test_student_page_shows_weak_elements_and_the_panels(client, team):
    standard = make_tree()
    team.course.acs_standard = "FAA-S-ACS-6C"
    team.course.save_revision().publish()
    LearnerSnapshot.objects.create(
        learner=team.learner,
        day=timezone.localdate(),
        retention=87,
        acs_readiness={standard.slug: {"I": 40, "II": 75}},  # area numerals, as analytics writes
    )
    client.force_login(team.lead)
    page = client.get(reverse("instructors_student", args=[team.learner.pk])).content.decode()
    assert "Weakest ACS elements" in page
    assert "PA.I.A.K1" in page
    assert "Not studied yet" in page
    assert "87%" in page
    assert "40%" in page
    assert "75%" in page
    assert "Your private notes" in page


def test_panel_lists_flagged_students_and_is_empty_for_non_teachers(rf, team):
    idle(team.learner, team.course, 20)
    request = rf.get("/admin/")
    html = StudentsNeedingAttentionPanel(team.lead).render_html({"request": request})
    assert "Lee Learner" in html
    assert "Inactive" in html
    assert reverse("instructors_student", args=[team.learner.pk]) in html
    Enrollment.objects.update(last_accessed=timezone.now())
    calm = StudentsNeedingAttentionPanel(team.lead).render_html({"request": request})
    assert "No one needs attention" in calm
    assert StudentsNeedingAttentionPanel(team.learner).render_html({"request": request}) == ""


def add_learners(team, quiz, count):
    for index in range(count):
        learner = UserFactory(first_name=f"Learner{index}")
        enroll(learner, team.course)
        attempt(learner, quiz, 1, index % 2 == 0, 50 + index % 40)
        LearnerSnapshot.objects.create(
            learner=learner, day=timezone.localdate(), retention=80, acs_readiness={"pa": {}}
        )


# roster, sorted and filtered roster, CSV, student page, "My students"
BUDGETS = [60, 60, 25, 60, 50]  # about 35 of each admin page are Wagtail's menu and chrome


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_are_flat_in_learners(client, team, django_assert_max_num_queries):
    make_tree(areas=1, tasks=1)
    team.course.acs_standard = "PA"
    team.course.save_revision().publish()
    quiz = quiz_of(team.course)
    add_learners(team, quiz, 2)
    client.force_login(team.lead)
    urls = [
        reverse("instructors_roster", args=[team.course.pk]),
        reverse("instructors_roster", args=[team.course.pk]) + "?sort=-activity&risk=any",
        reverse("instructors_roster_csv", args=[team.course.pk]),
        reverse("instructors_student", args=[team.learner.pk]),
        reverse("instructors_rosters"),
    ]
    few = [queries(client, url) for url in urls]
    add_learners(team, quiz, 57)
    for url, budget in zip(urls, BUDGETS, strict=True):
        with django_assert_max_num_queries(budget):
            client.get(url)
    assert [queries(client, url) for url in urls] == few
