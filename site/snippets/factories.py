"""Test and demo factories for the snippets (factory_boy)."""

import factory

from .models import Category, Certificate, Examiner, Testimonial


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    description = factory.LazyAttribute(lambda category: f"Courses about {category.name}.")


class TestimonialFactory(factory.django.DjangoModelFactory):
    """A live testimonial saved straight to the table (no revision); use
    `save_revision().publish()` in a test that needs Wagtail's publishing path."""

    class Meta:
        model = Testimonial

    name = factory.Sequence(lambda n: f"Pilot {n}")
    role = "Private pilot, 2026"
    quote = "The oral exam practice was worth every minute."
    rating = 5


class ExaminerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Examiner

    name = factory.Sequence(lambda n: f"Examiner {n}")
    organization = "Designated Pilot Examiner"
    region = "Pacific Northwest"
    base_airport = "KBFI"
    certificates = factory.LazyFunction(lambda: [Certificate.PRIVATE, Certificate.INSTRUMENT])
    years_experience = 10
