"""Codes from an Airman Knowledge Test Report: typed or pasted, checked against the
standard, each asked in the mock oral and marked "from your knowledge test"."""

from django.urls import reverse

import pytest

from learning.orals.knowledge_test import codes_in
from learning.orals.models import MockOralSession

pytestmark = pytest.mark.django_db

REPORT = """AIRMAN KNOWLEDGE TEST REPORT
EXAM: Private Pilot Airplane (PAR)   SCORE: 85
ACS CODES: pa.i.b.k2, PA. II. A. R1
PA.I.B.K2 (repeated)   PLT012 is an old learning statement code and is ignored
"""


def test_codes_are_found_in_pasted_report_text():
    assert codes_in(REPORT) == ["PA.I.B.K2", "PA.II.A.R1"]
    assert codes_in("PA.I.C.K3a,PA.I.C.K3B\nPA.I.C.K1") == ["PA.I.C.K3a", "PA.I.C.K3b", "PA.I.C.K1"]
    assert codes_in("no codes here") == []


def start(client, standard, **data):
    data.setdefault("minutes", "15")
    return client.post(reverse("orals_start"), {"standard": standard.pk, **data})


def test_every_code_of_the_report_is_asked_and_marked(signed_in, learner, standard, task):
    response = start(signed_in, standard, tasks=[task.pk], knowledge_test=REPORT)
    session = MockOralSession.objects.get(user=learner)
    assert response.url == reverse("orals_session", args=[session.pk])
    assert session.knowledge_test_codes == ["PA.I.B.K2", "PA.II.A.R1"]
    codes = set(session.items.values_list("element__code", flat=True))
    assert {"PA.I.B.K2", "PA.II.A.R1"} <= codes  # from tasks outside the chosen scope
    assert {"PA.I.B", "PA.II.A"} <= set(session.tasks.values_list("code", flat=True))
    item = session.items.get(element__code="PA.II.A.R1")
    order = list(session.items.order_by("order")).index(item)
    page = signed_in.get(reverse("orals_session", args=[session.pk]) + f"?q={order + 1}")
    text = page.content.decode()
    assert "PA.II.A.R1" in text
    assert "From your knowledge test" in text
    assert (
        "Every code from your knowledge test report that applies to your class of airplane "
        "is asked: PA.I.B.K2, PA.II.A.R1"
    ) in text


def test_unknown_codes_are_named_and_nothing_is_lost(signed_in, learner, standard, task):
    response = start(
        signed_in,
        standard,
        tasks=[task.pk],
        minutes="45",
        airplane_class="ASES",
        knowledge_test="PA.I.B.K2, PA.IX.Z.K9, pa.i.a.k77",
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "PA.IX.Z.K9, PA.I.A.K77" in text
    assert "PA.I.B.K2, PA.IX.Z.K9, pa.i.a.k77</textarea>" in text
    assert f'value="{task.pk}" id="task-{task.pk}" checked' in text
    assert '<option value="45" selected>' in text
    assert '<option value="ASES" selected>' in text
    assert not MockOralSession.objects.exists()


def test_text_without_any_code_is_refused(signed_in, standard, task):
    response = start(signed_in, standard, tasks=[task.pk], knowledge_test="I passed!")
    assert response.status_code == 400
    assert "We found no ACS code" in response.content.decode()
    assert not MockOralSession.objects.exists()


def test_the_report_alone_is_a_scope(signed_in, learner, standard):
    start(signed_in, standard, knowledge_test="PA.II.B.K1")
    session = MockOralSession.objects.get(user=learner)
    assert list(session.tasks.values_list("code", flat=True)) == ["PA.II.B"]
    assert session.items.filter(element__code="PA.II.B.K1").exists()
