"""Course template screens: validation of template data and who may do what."""

import pytest

from learning.instructors.models import CourseTemplate

LIST = "/admin/instructors/templates/"
ADD = "/admin/instructors/templates/add/"


def post_data(data, **extra):
    import json

    return {"name": "T", "template_type": "checkride", "template_data": json.dumps(data), **extra}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"modules": []}, "at least one module"),
        ({"modules": [{"title": "", "lessons": []}]}, "Module 1: a title is required"),
        ({"modules": [{"title": "A", "lessons": [{"title": " "}]}]}, "lesson 1: a title"),
        (
            {
                "modules": [
                    {"title": "A", "lessons": [{"title": "L", "blocks": [{"type": "raw_html"}]}]}
                ]
            },
            "&#x27;raw_html&#x27; is not a lesson block",
        ),
        (
            {
                "modules": [
                    {
                        "title": "A",
                        "lessons": [{"title": "L", "blocks": [{"type": "heading", "value": "x"}]}],
                    }
                ]
            },
            "not a valid heading block",
        ),
        (
            {"modules": [{"title": "A", "lessons": [{"title": "L", "access_level": "vip"}]}]},
            "access level must be one of",
        ),
    ],
)
def test_invalid_template_data_is_refused(client, team, data, words):
    client.force_login(team.lead)
    response = client.post(ADD, post_data(data))
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not CourseTemplate.objects.exists()


def test_not_json_is_refused(client, team):
    client.force_login(team.lead)
    response = client.post(ADD, {"name": "T", "template_type": "blank", "template_data": "{oops"})
    assert response.status_code == 200
    assert not CourseTemplate.objects.exists()


def test_instructor_creates_and_only_the_author_edits(client, team):
    client.force_login(team.lead)
    data = {
        "modules": [{"title": "A", "lessons": [{"title": "L", "blocks": [{"type": "paragraph"}]}]}]
    }
    assert client.post(ADD, post_data(data, tags="ppl, ppl, checkride")).status_code == 302
    template = CourseTemplate.objects.get()
    assert template.created_by == team.lead
    assert template.tags == ["ppl", "checkride"]
    assert "Replace:" in template.template_data["modules"][0]["lessons"][0]["blocks"][0]["value"]
    edit = f"/admin/instructors/templates/{template.pk}/"
    client.force_login(team.outsider)
    assert "T" in client.get(LIST).content.decode()
    assert client.get(edit).status_code == 403
    assert client.post(edit, post_data(data, name="Hijacked")).status_code == 403
    client.force_login(team.admin)
    assert client.post(edit, post_data(data, name="Renamed")).status_code == 302
    assert CourseTemplate.objects.get().name == "Renamed"
    assert client.get("/admin/instructors/templates/999999/").status_code == 404


@pytest.mark.parametrize("who", ["lead", "co", "assistant", "outsider", "admin"])
def test_team_reaches_the_screens(client, team, who):
    client.force_login(getattr(team, who))
    for url in (
        LIST,
        ADD,
        "/admin/instructors/templates/new-course/",
        "/admin/instructors/templates/from-course/",
    ):
        assert client.get(url).status_code == 200


def test_learner_and_anonymous_are_kept_out(client, team):
    assert client.get(LIST).status_code == 302
    client.force_login(team.learner)
    assert client.get(LIST).status_code in (302, 403)
    assert client.post(ADD, post_data({"modules": [{"title": "A"}]})).status_code in (302, 403)
    assert not CourseTemplate.objects.exists()
