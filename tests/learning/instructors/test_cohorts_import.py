"""Adding cohort members from a CSV file: the preview names every line's fate and saves
nothing, the confirmation re-checks the signed file and adds each member once, existing
learners are enrolled and told, everyone else is invited by email and joins only once
they confirm that address."""

from django.core import mail
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.notifications.models import Notification
from learning.enrollments.models import Enrollment
from learning.instructors.models import CohortMember

from .cohort_helpers import import_url, make_cohort, payload_of, preview

pytestmark = pytest.mark.django_db

BAD_FILE = "\ufeffemail,name\n" + "\n".join(
    [
        "known@example.test,Kim Known",  # line 2: has an account
        "new.pilot@example.test,Nia New",  # line 3: no account
        "not-an-email,Bad Row",  # line 4
        "KNOWN@example.test,Kim Again",  # line 5: duplicate of line 2
        "",  # line 6: empty
        "member@example.test,Mo Member",  # line 7: already a member
        "long@example.test," + "y" * 151,  # line 8: name too long
        "'=HYPERLINK(1),Formula",  # line 9: a guarded formula, unguarded: not an address
        "'-dash@example.test,'=SUM(A1)",  # line 10: unguarded, valid
    ]
)


@pytest.fixture
def cohort(team):
    cohort = make_cohort(team.lead, [team.course])
    cohort.members.create(email="member@example.test", name="Mo Member")
    return cohort


@pytest.fixture
def known(db):
    return UserFactory(email="known@example.test", first_name="Kim", last_name="Known")


def rows_of(response):
    return {row.line: (row.outcome, row.reason) for row in response.context["reading"].rows}


def test_the_preview_names_each_line_and_saves_nothing(client, team, cohort, known):
    client.force_login(team.lead)
    response = preview(client, cohort, BAD_FILE)
    assert response.status_code == 200
    rows = rows_of(response)
    assert rows[2][0] == "enroll"
    assert rows[3] == ("invite", "No account yet: will be sent an invitation.")
    assert rows[4] == ("error", "“not-an-email” is not a valid email address.")
    assert rows[5] == ("error", "Duplicate of line 2.")
    assert rows[6] == ("skip", "Empty line skipped.")
    assert rows[7] == ("error", "Already a member of this cohort.")
    assert rows[8] == ("error", "The name is 151 characters long; at most 150.")
    assert rows[9][0] == "error"
    assert rows[10][0] == "invite"
    html = response.content.decode()
    assert "1 to enroll, 2 to invite, 5 with an error, 1 empty line skipped." in html
    assert "Duplicate of line 2." in html
    assert cohort.members.count() == 1
    assert not Enrollment.objects.filter(user=known).exists()
    assert len(mail.outbox) == 0


def test_confirming_enrolls_invites_and_notifies_once(client, team, cohort, known, commit):
    client.force_login(team.lead)
    payload = payload_of(preview(client, cohort, BAD_FILE))
    with commit():
        response = client.post(import_url(cohort), {"payload": payload})
    assert response.status_code == 302
    members = {m.email: m for m in cohort.members.all()}
    assert members["known@example.test"].status == CohortMember.Status.ACTIVE
    assert members["known@example.test"].user == known
    assert members["new.pilot@example.test"].status == CohortMember.Status.INVITED
    assert members["-dash@example.test"].name == "=SUM(A1)"  # unguarded, stored as text
    assert Enrollment.objects.filter(user=known, course=team.course).exists()
    assert Notification.objects.filter(recipient=known, kind="cohort").count() == 1
    invitations = [m for m in mail.outbox if "new.pilot@example.test" in m.to]
    assert len(invitations) == 1
    assert "Spring 2027 class" in invitations[0].subject
    assert reverse("account_signup") in invitations[0].body

    with commit():
        again = client.post(import_url(cohort), {"payload": payload})
    assert again.status_code == 302
    assert cohort.members.count() == 4  # Mo, Kim, Nia, dash: nobody twice
    assert Notification.objects.filter(recipient=known, kind="cohort").count() == 1
    assert len([m for m in mail.outbox if "new.pilot@example.test" in m.to]) == 1


def test_a_changed_or_foreign_payload_is_refused(client, team, cohort):
    client.force_login(team.lead)
    payload = payload_of(preview(client, cohort, "a@example.test,A\n"))
    tampered = client.post(import_url(cohort), {"payload": payload[:-3] + "abc"})
    assert tampered.status_code == 400
    assert "upload the file again" in tampered.content.decode()
    other = make_cohort(team.lead, [team.course], name="Other class")
    foreign = client.post(import_url(other), {"payload": payload})
    assert foreign.status_code == 400
    assert not CohortMember.objects.filter(email="a@example.test").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a@example.test,\xff\xfe broken\n", "Line 1 is not UTF-8 text."),
        (b"", "The submitted file is empty."),
        (b"\n\n", "The file has no rows"),
        (b"x@example.test,X\n" * 2_001, "import at most 2,000 at once"),
        (b"a" * (1024 * 1024 + 1), "upload at most 1 MB at a time"),
        (b'a@example.test,"unclosed\n', "cannot be read as CSV"),
    ],
)
def test_unreadable_files_are_a_form_error(client, team, cohort, content, message):
    client.force_login(team.lead)
    response = preview(client, cohort, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert cohort.members.count() == 1


def test_an_unconfirmed_account_is_invited_not_enrolled(client, team, cohort, commit):
    pending = UserFactory(email="pending@example.test", verified=False)
    client.force_login(team.lead)
    response = preview(client, cohort, "pending@example.test,Pat Pending\n")
    assert rows_of(response)[1][0] == "invite"
    with commit():
        client.post(import_url(cohort), {"payload": payload_of(response)})
    member = cohort.members.get(email="pending@example.test")
    assert (member.status, member.user) == (CohortMember.Status.INVITED, None)
    assert not Enrollment.objects.filter(user=pending).exists()


def sign_up(client, commit, email):
    with commit():
        return client.post(
            reverse("account_signup"),
            {
                "email": email,
                "password1": "Cumulonimbus-42",
                "password2": "Cumulonimbus-42",
                "display_name": "Nia New",
            },
        )


def confirmation_path(message):
    line = next(word for word in message.body.split() if "/accounts/confirm-email/" in word)
    return line[line.index("/accounts/") :]


def test_an_invited_address_joins_when_it_is_confirmed(client, team, cohort, commit):
    client.force_login(team.lead)
    response = preview(client, cohort, "New.Pilot@example.test,Nia New\n")
    with commit():
        client.post(import_url(cohort), {"payload": payload_of(response)})
    client.logout()
    mail.outbox.clear()

    sign_up(client, commit, "new.pilot@example.test")
    member = cohort.members.get(email="new.pilot@example.test")
    assert member.status == CohortMember.Status.INVITED  # signed up, not confirmed yet
    newcomer = Enrollment.objects.filter(user__email="new.pilot@example.test")
    assert not newcomer.exists()

    with commit():
        client.post(confirmation_path(mail.outbox[0]))
    member.refresh_from_db()
    assert member.status == CohortMember.Status.ACTIVE
    assert member.user.email == "new.pilot@example.test"
    assert Enrollment.objects.filter(user=member.user, course=team.course).exists()
    assert Notification.objects.filter(recipient=member.user, kind="cohort").exists()


def test_an_unconfirmed_signup_never_takes_the_spot(client, team, cohort, commit):
    cohort.members.create(email="victim@example.test", status=CohortMember.Status.INVITED)
    sign_up(client, commit, "victim@example.test")
    member = cohort.members.get(email="victim@example.test")
    assert (member.status, member.user) == (CohortMember.Status.INVITED, None)
    assert not Enrollment.objects.filter(user__email="victim@example.test").exists()


def test_an_account_created_already_confirmed_joins(team, cohort):
    cohort.members.create(email="ready@example.test", status=CohortMember.Status.INVITED)
    user = UserFactory(email="Ready@example.test")
    member = cohort.members.get(email="ready@example.test")
    assert (member.status, member.user) == (CohortMember.Status.ACTIVE, user)
    assert Enrollment.objects.filter(user=user, course=team.course).exists()
