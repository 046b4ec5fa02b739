"""Snippets: editorial records that pages point at rather than contain."""

from .category import Category
from .examiner import Certificate, Examiner
from .testimonial import Testimonial, TestimonialQuerySet

__all__ = ["Category", "Certificate", "Examiner", "Testimonial", "TestimonialQuerySet"]
