"""The small ACS standard the standard-page tests build (tree page and readiness)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.acs.factories import make_standard, make_tree
from learning.acs.models import AcsElement, ElementKind


@pytest.fixture
def standard(db):
    """PA with areas I-II, tasks A-B, K1-K3 / R1-R2 / S1, a sub-element and an archived one."""
    standard = make_tree(make_standard(), areas=2, tasks=2)
    k3 = AcsElement.objects.get(code="PA.I.A.K3")
    AcsElement.objects.create(
        task=k3.task,
        parent=k3,
        code="PA.I.A.K3a",
        kind=ElementKind.KNOWLEDGE,
        text="Sub-element a of K3.",
        order=4,
    )
    AcsElement.objects.create(
        task=k3.task,
        code="PA.I.A.K9",
        kind=ElementKind.KNOWLEDGE,
        text="Removed by the FAA long ago.",
        order=99,
        archived=True,
    )
    return standard


def element(code):
    return AcsElement.objects.get(code=code)


def count_queries(client, slug):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("acs_standard", args=[slug]))
    assert response.status_code == 200
    return len(queries)
