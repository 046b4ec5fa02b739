"""Ten sign-ups with one address at once: one account, and ten clear answers.

The review saw nine of ten parallel sign-ups answer 500 (the unique email constraint
firing after allauth's "already taken" check had passed). PostgreSQL only: SQLite
serialises every write, so it cannot show the race.
"""

from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.races import POSTGRES_RACES, in_parallel

pytestmark = POSTGRES_RACES

PARALLEL = 10
EMAIL = "twin.signups@example.test"


def test_parallel_sign_ups_with_one_address_make_one_account():
    def sign_up(number):
        client = Client(raise_request_exception=False)
        return client.post(
            reverse("account_signup"),
            {
                "email": EMAIL,
                "password1": "Cumulonimbus-42",
                "password2": "Cumulonimbus-42",
                "display_name": f"Twin {number}",
            },
        )

    responses = in_parallel(PARALLEL, sign_up)

    assert [response.status_code for response in responses] == [302] * PARALLEL
    assert {response["Location"] for response in responses} == {
        reverse("account_email_verification_sent")
    }
    assert User.objects.filter(email__iexact=EMAIL).count() == 1
