"""Demo testimonials and examiners for `load_demo`.

Every person here is invented and labelled as a demo, with contact details on the
reserved example.test domain and 555-01xx phone numbers. Records are looked up by name
(testimonials) or slug (examiners) and created only when missing, so an editor's changes
survive a reload. Categories come from learning.courses.demo, not from here.
"""

from .models import Certificate, Examiner, Testimonial

TESTIMONIALS = [
    {
        "name": "Jordan Demo",
        "role": "Demo testimonial · Private pilot applicant",
        "quote": "The airspace lessons finally made Class B and C click, and the mock oral "
        "asked me nearly every question my examiner did.",
        "rating": 5,
    },
    {
        "name": "Priya Sample",
        "role": "Demo testimonial · Instrument rating student",
        "quote": "Ten minutes of flashcards a day kept approach plate symbols fresh between "
        "lessons. I walked into the checkride calm.",
        "rating": 5,
    },
    {
        "name": "Marcus Placeholder",
        "role": "Demo testimonial · Commercial pilot applicant",
        "quote": "The weather course turned METARs and TAFs from alphabet soup into a "
        "go/no-go decision I can explain out loud.",
        "rating": 4,
    },
]

EXAMINERS = [
    {
        "name": "Demo Examiner Alex Rivera",
        "slug": "demo-examiner-alex-rivera",
        "organization": "Demo data: fictional Designated Pilot Examiner",
        "region": "Pacific Northwest",
        "base_airport": "KBFI",
        "certificates": [Certificate.PRIVATE, Certificate.INSTRUMENT, Certificate.COMMERCIAL],
        "years_experience": 18,
        "email": "alex.rivera@example.test",
        "phone": "+1 206 555 0101",
        "website": "https://example.test/examiners/alex-rivera",
        "bio": "A fictional examiner for the demo site. Known in the demo for thorough "
        "scenario-based orals and a calm, by-the-book flight portion.",
    },
    {
        "name": "Demo Examiner Sam Okafor",
        "slug": "demo-examiner-sam-okafor",
        "organization": "Demo data: fictional Designated Pilot Examiner",
        "region": "Southwest",
        "base_airport": "KDVT",
        "certificates": [Certificate.PRIVATE, Certificate.CFI, Certificate.CFII],
        "years_experience": 25,
        "email": "sam.okafor@example.test",
        "phone": "+1 602 555 0102",
        "website": "",
        "bio": "A fictional examiner for the demo site, focused on instructor checkrides "
        "and the fundamentals of instructing.",
    },
    {
        "name": "Demo Examiner Casey Lindqvist",
        "slug": "demo-examiner-casey-lindqvist",
        "organization": "Demo data: fictional Designated Pilot Examiner",
        "region": "Great Lakes",
        "base_airport": "KPWK",
        "certificates": [Certificate.SPORT, Certificate.PRIVATE, Certificate.MEI],
        "years_experience": 12,
        "email": "casey.lindqvist@example.test",
        "phone": "",
        "website": "https://example.test/examiners/casey-lindqvist",
        "bio": "A fictional examiner for the demo site who gives sport, private and "
        "multi-engine instructor checkrides.",
    },
]


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


def load_examiners():
    added = 0
    for spec in EXAMINERS:
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
