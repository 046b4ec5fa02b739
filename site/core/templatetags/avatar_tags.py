"""{% avatar name image size %}: a person's photo in a circle, or their initials.

`image` may be a Wagtail image (an examiner's photo, a testimonial's avatar), a Django
file (a profile's uploaded avatar) or empty. The name is always the accessible text, so a
screen reader hears who it is whether or not a photo exists.
"""

from django import template

from core.avatars import initials, tone

register = template.Library()

SIZES = {"sm": 32, "md": 48, "lg": 96}


def rendition_spec(size="md"):
    """The rendition an avatar of `size` shows: twice its pixels (sharp on high-density
    screens). Listings prefetch it (`prefetch_renditions(rendition_spec())`)."""
    pixels = SIZES[size] * 2
    return f"fill-{pixels}x{pixels}|format-webp"


def photo_url(image, size):
    if not image:
        return ""
    if hasattr(image, "get_rendition"):
        return image.get_rendition(rendition_spec(size)).url
    return getattr(image, "url", "")


@register.inclusion_tag("components/avatar.html")
def avatar(name, image=None, size="md"):
    size = size if size in SIZES else "md"
    pixels = SIZES[size]
    return {
        "name": name,
        "size": size,
        "pixels": pixels,
        "photo_url": photo_url(image, size),
        "initials": initials(name),
        "tone": tone(name),
    }
