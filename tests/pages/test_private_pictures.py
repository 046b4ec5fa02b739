"""A learner's private card picture can never be put on a page, a snippet or the site
settings, even by an editor who posts its id by hand (the choosers do not list it)."""

from io import BytesIO

from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image

import pytest
from PIL import Image as PillowImage

from accounts.factories import UserFactory
from learning.courses.models import CoursePage
from pages.blocks import FigureBlock
from tests.learning.courses.test_instructor_credit import course, edit_form  # noqa: F401

pytestmark = pytest.mark.django_db


def stored_image(name):
    buffer = BytesIO()
    PillowImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return Image.objects.create(title=name, file=ImageFile(buffer, name=name))


def test_the_course_editor_refuses_a_learners_card_picture(client, course):  # noqa: F811
    picture = stored_image("cardpic-diary.png")
    public = stored_image("cessna.png")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])

    refused = client.post(url, {**edit_form(course, []), "thumbnail": picture.pk})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert CoursePage.objects.get(pk=course.pk).thumbnail is None

    accepted = client.post(url, {**edit_form(course, []), "thumbnail": public.pk})
    assert accepted.status_code == 302
    assert CoursePage.objects.get(pk=course.pk).thumbnail == public


def test_a_figure_block_refuses_a_learners_card_picture():
    picture = stored_image("cardpic-diary.png")
    picture.contextual_alt_text, picture.decorative = "A page of my diary", False
    block = FigureBlock().child_blocks["image"]
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(picture)
    assert "belongs to a learner's flashcards" in str(refused.value.block_errors["image"])
    public = stored_image("cessna.png")
    public.contextual_alt_text, public.decorative = "A Cessna 172", False
    assert block.clean(public) == public
