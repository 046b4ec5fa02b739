"""Contact form pages: submissions are stored and emailed to staff, bots caught by the
honeypot are thanked but dropped, and invalid input comes back with errors, nothing lost."""

from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from accounts.factories import UserFactory
from pages.forms_pages import MULTILINE_MAX_LENGTH, FormField, FormPage
from pages.models import HomePage

STAFF_ADDRESS = "support@groundschool.test"
FIELDS = [
    {"label": "Your name", "field_type": "singleline", "required": True},
    {"label": "Email", "field_type": "email", "required": True},
    {"label": "Topic", "field_type": "dropdown", "required": True, "choices": "Courses\nBilling"},
    {"label": "Message", "field_type": "multiline", "required": True},
]
VALID = {
    "your_name": "Casey Crosswind",
    "email": "casey@example.test",
    "topic": "Billing",
    "message": "Can I pause my membership <b>over the winter</b>?",
}


@pytest.fixture
def contact(db):
    page = FormPage(
        title="Contact us",
        slug="contact",
        intro="<p>Write to an instructor.</p>",
        thank_you_text="<p>Thanks, we will answer within two days.</p>",
        to_address=STAFF_ADDRESS,
        subject="Contact form",
        form_fields=[FormField(sort_order=i, **spec) for i, spec in enumerate(FIELDS)],
    )
    HomePage.objects.get().add_child(instance=page)
    return page


def test_form_page_renders_the_fields_and_an_unreachable_honeypot(client, contact):
    response = client.get("/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Your name", "Email", "Topic", "Message"):
        assert f">{label}</label>" in html
    assert "Write to an instructor." in html
    trap = html.split('<div class="form__trap" aria-hidden="true">', 1)[1].split("</div>", 1)[0]
    assert 'name="website"' in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap
    assert html.count('name="website"') == 1
    assert "public" not in response["Cache-Control"]  # it carries a CSRF token


def test_valid_submission_is_stored_and_emailed_to_staff(client, contact, commit, mailoutbox):
    with commit():
        response = client.post("/contact/", VALID)

    assert response.status_code == 200
    assert "Thanks, we will answer within two days." in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data == VALID  # and no honeypot key
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [STAFF_ADDRESS]
    assert mail.subject == "Contact form"
    assert mail.reply_to == ["casey@example.test"]
    assert "Message: Can I pause my membership <b>over the winter</b>?" in mail.body
    assert "Leave this field empty" not in mail.body


@pytest.mark.parametrize(
    "data",
    [
        {**VALID, "website": "https://cheap-pills.example.test"},
        {"website": "https://cheap-pills.example.test", "message": "x" * 20_000},
    ],
    ids=["valid-otherwise", "invalid-otherwise"],
)
def test_honeypot_submissions_look_successful_but_are_dropped(
    client, contact, commit, mailoutbox, data
):
    with commit():
        response = client.post("/contact/", data)

    assert response.status_code == 200
    assert "Thanks, we will answer within two days." in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_invalid_submission_returns_400_with_errors_and_keeps_what_was_typed(
    client, contact, commit, mailoutbox
):
    long_message = "Carb heat. " * 1000  # 11,000 characters
    with commit():
        response = client.post("/contact/", {**VALID, "your_name": "", "message": long_message})

    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert f"at most {MULTILINE_MAX_LENGTH} characters" in html
    assert 'value="casey@example.test"' in html
    assert '<option value="Billing" selected>' in html
    assert long_message.strip() in html
    assert 'aria-invalid="true"' in html
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_a_required_dropdown_must_really_be_chosen(client, contact):
    form_html = client.get("/contact/").content.decode()
    assert '<option value="" selected>Choose one</option>' in form_html
    response = client.post("/contact/", {**VALID, "topic": ""})
    assert response.status_code == 400
    assert 'id="id_topic_error"' in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_submissions_are_listed_for_editors_in_the_admin(client, contact):
    client.post("/contact/", VALID)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("wagtailforms:list_submissions", args=[contact.pk]))
    assert response.status_code == 200
    assert "Casey Crosswind" in response.content.decode()


class FormPageEditing(WagtailPageTestCase):
    def test_form_pages_live_under_the_home_page_and_have_no_children(self):
        self.assertAllowedParentPageTypes(FormPage, {HomePage})
        self.assertAllowedSubpageTypes(FormPage, set())

    def form_data(self, label):
        return nested_form_data(
            {
                "title": "Contact",
                "slug": "contact",
                "intro": rich_text("<p>Say hello.</p>"),
                "thank_you_text": rich_text("<p>Thanks.</p>"),
                "to_address": STAFF_ADDRESS,
                "from_address": "",
                "subject": "Hello",
                "form_fields": inline_formset(
                    [{"label": label, "field_type": "singleline", "required": "on"}]
                ),
            }
        )

    def test_editor_can_create_a_form_page(self):
        self.login()
        self.assertCanCreate(HomePage.objects.get(), FormPage, self.form_data("Your name"))

    def test_the_honeypot_name_is_reserved(self):
        self.login()
        home = HomePage.objects.get()
        url = reverse("wagtailadmin_pages:add", args=["pages", "formpage", home.pk])
        response = self.client.post(url, self.form_data("Website"))
        assert response.status_code == 200
        assert "reserved for spam protection" in response.content.decode()
        assert not FormPage.objects.exists()


def test_a_burst_of_submissions_is_refused_with_429_and_emails_staff_only_five_times(
    client, contact, commit, mailoutbox
):
    """The review stored 31 submissions and sent staff 31 emails in seconds."""
    with commit():
        statuses = [client.post("/contact/", VALID).status_code for _ in range(8)]

    assert statuses == [200] * 5 + [429] * 3
    assert FormSubmission.objects.filter(page=contact).count() == 5
    assert len(mailoutbox) == 5
    refused = client.post("/contact/", VALID).content.decode()
    assert "Please wait a while before sending another" in refused
