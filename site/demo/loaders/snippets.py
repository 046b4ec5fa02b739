"""Demo testimonials and examiners for `load_demo` (words in demo/data/snippets).

Every person here is invented and labelled as a demo, with contact details on the
reserved example.test domain and 555-01xx phone numbers. Records are looked up by name
(testimonials) or slug (examiners) and created only when missing, so an editor's changes
survive a reload. Categories come from the courses loader, not from here.
"""

from demo.words import read
from snippets.models import Examiner, Testimonial

TESTIMONIALS = read("snippets", "testimonials.json")
EXAMINERS = read("snippets", "examiners.json")


def load_testimonials():
    """Published, featured demo testimonials; returns how many were added."""
    added = 0
    for spec in TESTIMONIALS:
        if Testimonial.objects.filter(name=spec["name"]).exists():
            continue
        testimonial = Testimonial(featured=True, **spec)
        testimonial.full_clean()
        testimonial.save()
        testimonial.save_revision().publish()
        added += 1
    return added


def load_examiners(specs=EXAMINERS):
    """The examiners in `specs` whose slug is free; returns how many were added."""
    added = 0
    for spec in specs:
        if Examiner.objects.filter(slug=spec["slug"]).exists():
            continue
        examiner = Examiner(**spec)
        examiner.full_clean()
        examiner.save()
        added += 1
    return added


def load(stdout):
    testimonials = load_testimonials()
    examiners = load_examiners()
    stdout.write(
        f"  snippets: {len(TESTIMONIALS)} demo testimonials ({testimonials} added), "
        f"{len(EXAMINERS)} demo examiners ({examiners} added)"
    )
