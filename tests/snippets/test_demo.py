"""snippets.demo: clearly fictional testimonials and examiners, loaded once, never
overwriting what an editor changed."""

from io import StringIO

import pytest

from demo.loaders import snippets as demo
from snippets import models

pytestmark = pytest.mark.django_db


def load():
    out = StringIO()
    demo.load(out)
    return out.getvalue()


def test_loading_twice_creates_each_record_once():
    assert "3 added" in load()
    counts = (models.Testimonial.objects.count(), models.Examiner.objects.count())
    assert counts == (len(demo.TESTIMONIALS), len(demo.EXAMINERS)) == (3, 3)
    assert "0 added" in load()
    assert (models.Testimonial.objects.count(), models.Examiner.objects.count()) == counts
    assert not models.Category.objects.exists()  # the courses demo owns categories


def test_demo_testimonials_are_published_featured_and_labelled_as_demo():
    load()
    for testimonial in models.Testimonial.objects.all():
        assert testimonial.live
        assert testimonial.featured
        assert testimonial.live_revision_id is not None
        assert testimonial.role.startswith("Demo testimonial")
    assert models.Testimonial.objects.live().featured().count() == 3


def test_demo_examiners_are_fictional_and_valid():
    load()
    for examiner in models.Examiner.objects.all():
        examiner.full_clean()
        assert examiner.name.startswith("Demo Examiner")
        assert not examiner.email or examiner.email.endswith("@example.test")
        assert not examiner.website or examiner.website.startswith("https://example.test/")
        assert examiner.certificates


def test_reloading_keeps_an_editors_changes():
    load()
    testimonial = models.Testimonial.objects.get(name="Jordan Demo")
    testimonial.quote = "Edited by marketing."
    testimonial.featured = False
    testimonial.save()
    examiner = models.Examiner.objects.get(slug="demo-examiner-alex-rivera")
    examiner.region = "Alaska"
    examiner.save()

    load()
    testimonial.refresh_from_db()
    examiner.refresh_from_db()
    assert (testimonial.quote, testimonial.featured) == ("Edited by marketing.", False)
    assert examiner.region == "Alaska"
