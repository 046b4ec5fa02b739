"""The folded standard page in Chromium: typing filters it in place, "Jump to task" opens
the task, and a link to an element opens the folds around it."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import browser, page  # noqa: F401  (fixtures)
from tests.learning.acs.standard_fixtures import standard  # noqa: F401  (a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_filter_jump_and_deep_links_open_the_folds(page, standard):  # noqa: F811
    page.goto("/acs/pa/")
    sub_element = page.locator('[id="PA.I.A.K3a"]')
    expect(page.get_by_role("heading", name="Area II. Area II")).to_be_visible()
    expect(sub_element).to_be_hidden()  # folded

    page.get_by_label("Search elements").fill("sub-element")
    expect(page.get_by_text("1 element in 1 task matches “sub-element”.")).to_be_visible()
    expect(sub_element).to_be_visible()
    expect(page.locator('[id="PA.I.A.K1"]')).to_be_hidden()
    expect(page.get_by_role("heading", name="Area II. Area II")).to_be_hidden()

    page.get_by_label("Search elements").fill("")
    expect(page.get_by_role("heading", name="Area II. Area II")).to_be_visible()
    expect(sub_element).to_be_hidden()

    page.get_by_label("Jump to task").select_option("PA.II.B")
    expect(page).to_have_url(re.compile(r"#PA\.II\.B$"))
    expect(page.get_by_text("Skill element 1 of PA.II.B.")).to_be_visible()

    page.goto("/acs/pa/#PA.I.A.K3a")
    expect(sub_element).to_be_visible()
    page.get_by_role("button", name="Collapse all").click()
    expect(sub_element).to_be_hidden()
