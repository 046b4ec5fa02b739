"""The demo artwork as Wagtail images in the Site media collection.

Site media is where the staff roles may use images (accounts.roles) and what the public
site may show (core.storage: original_images/ is a public prefix). Each picture is found
by its title and drawn only when missing, so running load_demo again adds nothing, and
an editor who replaces a picture's file keeps their file.
"""

from django.core.files.base import ContentFile

from wagtail.images import get_image_model

from accounts.roles import site_media
from demo.words import read

from . import png_bytes

ART = read("art", "images.json")


def demo_image(key):
    """The Wagtail image for one entry of demo/data/art/images.json, created on first use."""
    spec = ART["images"][key]
    image_model = get_image_model()
    existing = image_model.objects.filter(title=spec["title"]).first()
    if existing is not None:
        return existing
    width, height = spec["size"]
    image = image_model(
        title=spec["title"],
        description=spec["alt"],
        collection=site_media(),
    )
    image.file.save(
        f"demo-art-{key}.png", ContentFile(png_bytes(spec["scene"], width, height)), save=False
    )
    image.width, image.height = width, height  # the file field's own update leaves them unset
    image._set_image_file_metadata()  # size and hash, as Wagtail's upload form records them
    image.save()
    return image


def course_image(course_slug, category_slug=None):
    """A course's picture: its own, else its category's, else the default trainer."""
    key = ART["courses"].get(course_slug) or ART["categories"].get(category_slug)
    return demo_image(key or ART["default"])


def category_image(category_slug):
    key = ART["categories"].get(category_slug)
    return demo_image(key) if key else None


def home_hero_image():
    return demo_image(ART["home_hero"])
