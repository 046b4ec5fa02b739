"""The standard page in Chromium: typing filters the task list in place, "Jump to task"
opens the task's page, old links to a task open its area and old links to an element go
on to the element on its task page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import browser, page  # noqa: F401  (fixtures)
from tests.learning.acs.standard_fixtures import standard  # noqa: F401  (a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_filter_jump_and_old_links(page, standard):  # noqa: F811
    page.goto("/acs/pa/")
    area_two = page.get_by_role("heading", name="Area II. Area II")
    task_row = page.get_by_role("link", name="PA.II.B Task II.B")
    expect(area_two).to_be_visible()
    expect(task_row).to_be_hidden()  # folded

    page.get_by_label("Search elements").fill("task ii.b")
    expect(page.get_by_text("1 task matches “task ii.b”.")).to_be_visible()
    expect(task_row).to_be_visible()
    expect(page.get_by_role("heading", name="Area I. Area I")).to_be_hidden()

    page.get_by_label("Search elements").fill("pa.i.a.k3a")  # an element code: its task
    expect(page.get_by_role("link", name="PA.I.A Task I.A")).to_be_visible()
    expect(area_two).to_be_hidden()

    page.get_by_label("Search elements").fill("")
    expect(area_two).to_be_visible()
    expect(task_row).to_be_hidden()

    page.get_by_role("button", name="Expand all").click()
    expect(task_row).to_be_visible()
    page.get_by_role("button", name="Collapse all").click()
    expect(task_row).to_be_hidden()

    page.get_by_label("Jump to task").select_option("PA.II.B")
    expect(task_row).to_be_visible()
    page.get_by_role("button", name="Go").click()
    expect(page).to_have_url(re.compile(r"/acs/pa/pa\.ii\.b/$"))
    expect(page.get_by_text("Skill element 1 of PA.II.B.")).to_be_visible()

    page.goto("/acs/pa/#PA.II.A")
    expect(page.get_by_role("link", name="PA.II.A Task II.A")).to_be_visible()

    page.goto("/acs/pa/#PA.I.A.K3a")
    expect(page).to_have_url(re.compile(r"/acs/pa/pa\.i\.a/#PA\.I\.A\.K3a$"))
    expect(page.get_by_text("Sub-element a of K3.")).to_be_visible()
