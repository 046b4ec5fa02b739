"""What enrolling in a course gives one viewer, in the words the course page shows.

Payments are not built yet: enrolling is free for every signed-in learner with a
confirmed email address, and which lessons they may then read is the tier rule, lesson
by lesson (docs/architecture.md, "The tier rule"). The course's price fields wait for
payments; a "$149" beside a free Enroll button would announce a charge that never
happens, so the course page states this offer instead and shows no price.
"""

from dataclasses import dataclass

from accounts.tiers import Tier


@dataclass(frozen=True)
class EnrollmentOffer:
    headline: str
    detail: str
    lessons_for_premium: int  # lessons the viewer would need Premium for


def _lessons(count):
    return f"{count} lesson{'' if count == 1 else 's'}"


def premium_only_lessons(outline):
    """How many of the outline's lessons only Premium members may read (no queries)."""
    return sum(1 for lesson in outline.lessons if lesson.required_tier >= Tier.PREMIUM)


def enrollment_offer(outline, tier):
    """The offer for a viewer of `tier`, from the course's live outline (no queries)."""
    total = outline.lesson_count
    premium_only = premium_only_lessons(outline)
    locked = premium_only if tier < Tier.PREMIUM else 0
    if tier == Tier.PREMIUM and premium_only:
        headline = "Included with Premium"
    else:
        headline = "Free to enroll"
    if not total:
        detail = "Lessons are on their way."
    elif locked:
        need = "needs" if locked == 1 else "need"
        detail = f"{total - locked} of {_lessons(total)} included; {locked} {need} Premium."
    else:
        detail = f"All {_lessons(total)} included." if total > 1 else "The lesson is included."
    if tier == Tier.GUEST:
        detail = f"With a free account. {detail}"
    payment = "Nothing extra to pay." if tier >= Tier.PREMIUM else "No card needed."
    return EnrollmentOffer(headline, f"{detail} {payment}", locked)
