"""Which names are public, and `manage.py secure_media`: files stored the old way
(everything under MEDIA_ROOT, served at /media/) move to private storage and keep
working through the checking views."""

import importlib
import re
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest

from accounts.factories import UserFactory
from core.storage import has_token, is_public_name, with_token
from learning.courses.factories import make_catalog, make_course
from learning.enrollments.factories import enroll
from learning.enrollments.models import Certificate
from learning.flashcards.factories import DeckFactory
from learning.flashcards.models import Flashcard, ImportedMedia
from pages.collections import FLASHCARD_PICTURES, child_collection
from tests.learning.flashcards.apkg_builders import PNG

MIGRATION = importlib.import_module("learning.flashcards.migrations.0003_private_media")


@pytest.mark.parametrize(
    ("name", "public"),
    [
        ("original_images/runway.png", True),
        ("images/runway.max-165x165.png", True),
        ("avatars/2026/01/me.jpg", True),
        ("avatar_images/avatar_x.png", True),
        ("original_images/cardpic-0123abcd.png", False),
        ("images/0123456789abcdef01234567/cardpic-0123.max-480x320.png", False),
        ("documents/premium-checklist.pdf", False),
        ("certificates/abc.pdf", False),
        ("flashcard-imports/abc.csv", False),
        ("flashcards/0123456789abcdef01234567/0.png", False),
        ("wagtail_uploads/x.pdf", False),
        ("original_images/../documents/x.pdf", False),
        ("/documents/x.pdf", False),
        ("anything-new/x.txt", False),
    ],
)
def test_only_public_prefixes_are_public(name, public):
    assert is_public_name(name) is public


def test_random_folder_keeps_the_file_name():
    name = with_token("documents/checklist.pdf")
    assert re.fullmatch(r"documents/[0-9a-f]{24}/checklist\.pdf", name)
    assert has_token(name)
    assert not has_token("documents/checklist.pdf")
    assert with_token("documents/checklist.pdf") != name


@pytest.mark.django_db
def test_secure_media_moves_files_stored_the_old_way(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path / "media"
    media_root = Path(settings.MEDIA_ROOT)
    old_storage = FileSystemStorage(location=media_root)  # the default storage before
    owner, other = UserFactory(), UserFactory()

    old_storage.save("documents/premium-checklist.pdf", ContentFile(b"checklist"))
    document = get_document_model().objects.create(
        title="Checklist", file="documents/premium-checklist.pdf"
    )
    document_url = document.url

    picture_name = "original_images/card-0123456789abcdef01234567.png"
    old_storage.save(picture_name, ContentFile(PNG))
    picture = get_image_model().objects.create(
        title="Flashcard picture",
        file=picture_name,
        width=1,
        height=1,
        collection=child_collection(FLASHCARD_PICTURES),
    )
    old_rendition = picture.get_rendition("max-480x320").file.name
    assert (media_root / old_rendition).exists()
    deck = DeckFactory(owner=owner)
    card = Flashcard.objects.create(deck=deck, front="Which sign?", back="Stop", image=picture)

    folder = "ab" * 12
    old_storage.save(f"flashcards/{folder}/0.png", ContentFile(PNG))
    imported = Flashcard.objects.create(
        deck=deck, front=f'<img src="/media/flashcards/{folder}/0.png" alt="">Q', back="A"
    )

    course = make_course(make_catalog(), has_certificate=True)
    certificate = Certificate.objects.create(
        enrollment=enroll(owner, course), holder_name="Owner", course_title=course.title
    )
    pdf_name = "certificates/0123456789abcdef0123456789abcdef.pdf"
    old_storage.save(pdf_name, ContentFile(b"%PDF-1.4 old"))
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=pdf_name, pdf_state=certificate.state_key
    )

    MIGRATION.point_cards_at_the_image_view(apps, None)
    call_command("secure_media", verbosity=0)

    left = {p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()}
    assert not [name for name in left if not is_public_name(name)]
    assert picture_name not in left
    assert old_rendition not in left

    document.refresh_from_db()
    assert re.fullmatch(r"documents/[0-9a-f]{24}/premium-checklist\.pdf", document.file.name)
    assert document.url == document_url
    response = client.get(document_url)
    assert b"".join(response.streaming_content) == b"checklist"

    picture.refresh_from_db()
    assert not is_public_name(picture.file.name)
    assert not picture.renditions.exists()
    imported.refresh_from_db()
    image_url = f"/flashcards/media/{folder}/0.png"
    assert f'src="{image_url}"' in imported.front
    assert ImportedMedia.objects.filter(folder=folder, deck=deck).exists()
    picture_url = reverse("flashcards_card_picture_small", args=[card.pk])
    pdf_url = reverse("certificate_pdf", args=[certificate.certificate_number])
    for user, status in ((owner, 200), (other, 404)):
        client.force_login(user)
        for url in (picture_url, image_url):
            assert client.get(url).status_code == status, (url, user)
        assert client.get(pdf_url).status_code == status
    client.force_login(owner)
    assert b"".join(client.get(pdf_url).streaming_content) == b"%PDF-1.4 old"

    call_command("secure_media", verbosity=0)  # again: nothing left to do
    document.refresh_from_db()
    assert document.url == document_url
    assert b"".join(client.get(document_url).streaming_content) == b"checklist"
