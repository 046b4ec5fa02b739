"""Which tier a lesson document needs, for Wagtail's document download view.

A document URL is as shareable as any link, so the download itself checks the tier:
a premium resource or a file inside a premium lesson (or gated section) is refused to
anyone below that tier. Documents no lesson uses keep Wagtail's own rules.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import ReferenceIndex

from accounts.tiers import Tier

from .access import required_tier
from .models import LessonPage, LessonResource


def document_required_tier(document):
    """The lowest tier that may download `document`, or None if no lesson uses it."""
    tiers = [
        resource.tier_needed(resource.page.required_tier) if resource.page.live else Tier.STAFF
        for resource in LessonResource.objects.filter(document=document).select_related("page")
    ]
    tiers.extend(_body_usage_tiers(document))
    return min(tiers) if tiers else None


def _body_usage_tiers(document):
    references = ReferenceIndex.get_references_to(document).filter(
        content_type=ContentType.objects.get_for_model(LessonPage),
        content_path__startswith="body.",
    )
    paths_by_lesson = {}
    for reference in references:
        paths_by_lesson.setdefault(int(reference.object_id), []).append(reference.content_path)
    for lesson in LessonPage.objects.filter(pk__in=paths_by_lesson):
        blocks_by_id = {block.id: block for block in lesson.body}
        for path in paths_by_lesson[lesson.pk]:
            if not lesson.live:
                yield Tier.STAFF
                continue
            block = blocks_by_id.get(path.split(".")[1])
            tier = lesson.required_tier
            if block is None:  # stale index entry: assume the strictest reading
                tier = Tier.STAFF
            elif block.block_type == "gated_section":
                tier = max(tier, required_tier(block.value["min_tier"]))
            yield tier
