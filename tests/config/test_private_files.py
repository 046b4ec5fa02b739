"""Private files stay private (security finding: premium documents were readable at
/media/documents/<file name> by anyone).

Every kind of private file (a document of each tier, a certificate PDF, a flashcard
import upload, a learner's card picture and an image imported with Anki cards) is
checked for every viewer, on the local disk and on an S3 stand-in (moto's server):
only the checking views hand it out, /media/ never serves it, S3 refuses anonymous
reads, presigned links are short-lived, and every stored name has a random token.
"""

import re
import time
import types
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest

from accounts.factories import SubscriptionFactory, UserFactory
from core.media import debug_media_urls
from core.storage import SIGNED_URL_SALT, private_media_root
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import LessonResource
from learning.enrollments.certificates.pdf import store_certificate_pdf
from learning.enrollments.factories import enroll
from learning.enrollments.models import Certificate
from learning.flashcards.factories import DeckFactory
from learning.flashcards.imports import services as importing
from learning.flashcards.models import Deck, Flashcard, ImportJob
from pages.collections import SITE_MEDIA, child_collection
from tests.learning.flashcards.apkg_builders import PNG, genanki_package, note
from tests.storage_helpers import fetch

pytestmark = pytest.mark.django_db

TOKEN = "[0-9a-f]{24}"
LOCAL = pytest.mark.parametrize("backend", ["local"], indirect=True)
S3 = pytest.mark.parametrize("backend", ["s3"], indirect=True)
VIEWERS = ("guest", "registered", "premium", "owner", "other")
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff")  # uploads may be re-encoded as JPEG


@pytest.fixture(params=["local", "s3"])
def backend(request, settings, tmp_path):
    """Local disk (MEDIA_ROOT and its private sibling in tmp_path) or the S3 stand-in."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return request.getfixturevalue("s3_media") if request.param == "s3" else None


@dataclass
class World:
    users: dict
    course: object
    documents: dict
    certificate: Certificate
    job: ImportJob
    deck: Deck
    picture_card: Flashcard
    imported_card: Flashcard
    imported_url: str
    public_image: object


def as_viewer(client, world, viewer):
    client.logout()
    if world.users[viewer] is not None:
        client.force_login(world.users[viewer])
    return client


def document(title, content):
    doc = get_document_model()(title=title)
    doc.file.save(f"{title}.pdf", ContentFile(content), save=True)
    return doc


def image_upload(name="sign.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


@pytest.fixture
def world(backend, client, tmp_path):
    users = {
        "guest": None,
        "registered": UserFactory(),
        "premium": SubscriptionFactory().user,
        "owner": UserFactory(first_name="Olive", last_name="Owner"),
        "other": UserFactory(),
    }
    owner = users["owner"]
    course = make_course(make_catalog(), title="Checkride Prep", has_certificate=True)
    lesson = make_lesson(make_module(course), access_level="registered")
    documents = {"free": document("free-notes", b"free notes")}
    for tier, premium in (("registered", False), ("premium", True)):
        documents[tier] = document(f"{tier}-notes", f"{tier} notes".encode())
        LessonResource.objects.create(page=lesson, document=documents[tier], is_premium=premium)

    enrollment = enroll(owner, course)
    certificate = Certificate.objects.create(
        enrollment=enrollment, holder_name="Olive Owner", course_title=course.title
    )
    store_certificate_pdf(certificate.pk)
    certificate.refresh_from_db()

    client.force_login(owner)
    csv = SimpleUploadedFile("my deck.csv", b"Front,Back\nxyzsecretfront,Back\n")
    client.post(reverse("flashcards_import"), {"file": csv})
    job = ImportJob.objects.get(user=owner)
    deck = DeckFactory(owner=owner, name="My signs")
    card_form = {"front": "Which sign?", "back": "Hold short", "difficulty": "2"}
    response = client.post(
        reverse("flashcards_card_create", args=[deck.pk]), {**card_form, "image": image_upload()}
    )
    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == f"/flashcards/decks/{deck.pk}/#add-card"
    picture_card = deck.cards.get(front="Which sign?")
    client.logout()

    package = genanki_package(tmp_path, [note('<img src="s.png">Imported', "Back")], {"s.png": PNG})
    importing.import_data(owner, package)
    imported_card = Flashcard.objects.get(front__contains="Imported")
    imported_url = re.search(r'src="([^"]+)"', imported_card.front).group(1)

    public_image = get_image_model().objects.create(
        title="Runway diagram",
        file=image_upload("runway-diagram.png"),
        collection=child_collection(SITE_MEDIA),
    )
    return World(
        users,
        course,
        documents,
        certificate,
        job,
        deck,
        picture_card,
        imported_card,
        imported_url,
        public_image,
    )


def download(client, url, bucket):
    """(status, bytes) of ``url`` as the client's viewer gets it: a redirect to the S3
    stand-in is followed with no credentials but the link's own signature."""
    response = client.get(url)
    if response.status_code == 302 and bucket and response["Location"].startswith(bucket.endpoint):
        assert_short_lived(response["Location"])
        assert "private" in response["Cache-Control"]
        return fetch(response["Location"])
    if response.status_code != 200:
        return response.status_code, None
    assert "public" not in response.get("Cache-Control", "") or url.startswith("/documents/")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return 200, body


def assert_short_lived(url):
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Signature"], url
    assert 0 < int(query["X-Amz-Expires"][0]) <= 300, url


def private_files(world):
    """Every private file of the world: (label, stored name)."""
    picture = world.picture_card.image
    rendition = picture.get_rendition("max-480x320")
    imported = "flashcards/" + world.imported_url.removeprefix("/flashcards/media/")
    return [
        *((f"{tier} document", doc.file.name) for tier, doc in world.documents.items()),
        ("certificate PDF", world.certificate.pdf.name),
        ("import upload", world.job.upload.name),
        ("card picture", picture.file.name),
        ("card picture rendition", rendition.file.name),
        ("imported card image", imported),
    ]


# --- Who gets what -----------------------------------------------------------------


def test_documents_follow_the_tier_rule(world, client, backend):
    expected = {
        "free": dict.fromkeys(VIEWERS, 200),
        "registered": {**dict.fromkeys(VIEWERS, 200), "guest": 403},
        "premium": {**dict.fromkeys(VIEWERS, 403), "premium": 200},
    }
    for tier, doc in world.documents.items():
        for viewer in VIEWERS:
            status, body = download(as_viewer(client, world, viewer), doc.url, backend)
            assert status == expected[tier][viewer], (tier, viewer)
            if status == 200:
                assert body == f"{tier} notes".encode(), (tier, viewer)


def test_a_certificate_pdf_is_for_its_holder_only(world, client, backend):
    url = reverse("certificate_pdf", args=[world.certificate.certificate_number])
    for viewer in VIEWERS:
        status, body = download(as_viewer(client, world, viewer), url, backend)
        if viewer == "owner":
            assert status == 200
            assert body.startswith(b"%PDF")
        elif viewer == "guest":
            assert status == 302  # to the login page
        else:
            assert status == 404, viewer


def test_an_import_upload_is_read_by_its_owner_only(world, client, backend):
    url = reverse("flashcards_import_job", args=[world.job.pk])
    for viewer in VIEWERS:
        response = as_viewer(client, world, viewer).get(url)
        shown = b"xyzsecretfront" in response.content
        assert shown is (viewer == "owner"), viewer
        if viewer not in ("owner", "guest"):
            assert response.status_code == 404, viewer
    with world.job.upload.open("rb") as upload:
        assert b"xyzsecretfront" in upload.read()


@pytest.mark.parametrize(
    "route", ["flashcards_card_picture", "flashcards_card_picture_small", "imported"]
)
def test_card_images_follow_the_deck(world, client, backend, route):
    """A private deck's images are its owner's; a public deck's are every signed-in
    learner's; an official deck's are its course's learners'. Others get a 404."""
    if route == "imported":
        card, url = world.imported_card, world.imported_url
    else:
        card = world.picture_card
        url = reverse(route, args=[card.pk])

    def statuses():
        return {v: download(as_viewer(client, world, v), url, backend) for v in VIEWERS}

    seen = statuses()
    assert {v: s for v, (s, _) in seen.items()} == {**dict.fromkeys(VIEWERS, 404), "owner": 200}
    assert seen["owner"][1].startswith(IMAGE_MAGIC)

    card.deck.is_public = True
    card.deck.save()
    seen = statuses()
    assert {v: s for v, (s, _) in seen.items()} == {**dict.fromkeys(VIEWERS, 200), "guest": 404}

    if route == "flashcards_card_picture":
        official = Deck.objects.create(course=world.course, name="Official signs")
        shared = Flashcard.objects.create(
            deck=official, front="Sign", back="Stop", image=card.image
        )
        url = reverse(route, args=[shared.pk])
        enroll(world.users["registered"], world.course)
        seen = statuses()
        expected = {**dict.fromkeys(VIEWERS, 404), "owner": 200, "registered": 200}
        assert {v: s for v, (s, _) in seen.items()} == expected


@LOCAL
def test_card_pages_point_at_the_checking_views(world, client):
    as_viewer(client, world, "owner")
    page = client.get(reverse("flashcards_deck", args=[world.picture_card.deck_id])).content
    assert reverse("flashcards_card_picture_small", args=[world.picture_card.pk]).encode() in page
    page = client.get(reverse("flashcards_deck", args=[world.imported_card.deck_id])).content
    assert f'src="{world.imported_url}"'.encode() in page
    assert b'src="/media/' not in page


# --- Where the files are -----------------------------------------------------------


def test_stored_names_have_a_random_token(world):
    names = dict(private_files(world))
    for tier in ("free", "registered", "premium"):
        assert re.fullmatch(rf"documents/{TOKEN}/{tier}-notes\.pdf", names[f"{tier} document"])
    assert re.fullmatch(r"certificates/[0-9a-f]{32}\.pdf", names["certificate PDF"])
    assert re.fullmatch(r"flashcard-imports/[0-9a-f]{32}\.csv", names["import upload"])
    assert re.fullmatch(rf"original_images/{TOKEN}/cardpic-{TOKEN}\.\w+", names["card picture"])
    assert re.fullmatch(
        rf"images/{TOKEN}/cardpic-[0-9a-f]+\.max-480x320\.\w+", names["card picture rendition"]
    )
    assert re.fullmatch(rf"flashcards/{TOKEN}/0\.png", names["imported card image"])


@LOCAL
def test_private_files_live_outside_media_root(world, settings):
    media_root, private_root = Path(settings.MEDIA_ROOT), Path(private_media_root())
    assert not private_root.is_relative_to(media_root)
    for label, name in private_files(world):
        assert not (media_root / name).exists(), label
        assert (private_root / name).is_file(), label
    assert (media_root / world.public_image.file.name).is_file()


@pytest.fixture
def debug_media(settings):
    """The URLs `make run` serves (DEBUG): /media/ comes before Wagtail's pages."""
    import config.urls

    settings.DEBUG = True
    urlconf = types.ModuleType("debug_urlconf")
    patterns = list(config.urls.urlpatterns)
    urlconf.urlpatterns = [*patterns[:-1], *debug_media_urls(), patterns[-1]]
    assert debug_media_urls(), "DEBUG serves /media/"
    settings.ROOT_URLCONF = urlconf


@LOCAL
def test_debug_media_serves_public_images_only(world, client, settings, debug_media):
    public = world.public_image
    response = client.get(f"/media/{public.file.name}")
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    rendition = public.get_rendition("max-165x165")
    served = client.get(f"/media/{rendition.file.name}")
    assert (served.status_code, served["Content-Type"]) == (200, "image/png")
    # Files left in MEDIA_ROOT from before private storage: not served either.
    legacy = Path(settings.MEDIA_ROOT) / "documents" / "premium-checklist.pdf"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"premium")
    private = [*private_files(world), ("legacy document", "documents/premium-checklist.pdf")]
    for label, name in private:
        for viewer in VIEWERS:
            response = as_viewer(client, world, viewer).get(f"/media/{name}")
            assert response.status_code == 404, (label, viewer)
            assert response["Content-Type"].startswith("text/html"), (label, viewer)  # no file


@S3
def test_s3_objects_are_private_and_public_images_public(world, s3_media):
    files = private_files(world)  # renders the card picture's rendition too
    keys = s3_media.keys()
    for label, name in files:
        assert f"private/{name}" in keys, label
        assert f"public/{name}" not in keys, label
        assert s3_media.anonymous_get(f"private/{name}")[0] == 403, label
        link = storages["private"].url(name)
        assert_short_lived(link)
        assert fetch(link)[0] == 200, label
    public = world.public_image.file
    assert f"public/{public.name}" in keys
    status, body = s3_media.anonymous_get(f"public/{public.name}")
    assert status == 200
    assert body.startswith(IMAGE_MAGIC)
    assert "X-Amz-Signature" not in public.url


# --- Signed links to local private files --------------------------------------------


class _SignedAnHourAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 3600)


@LOCAL
def test_local_private_links_are_signed_and_short_lived(world, client):
    name = world.picture_card.image.file.name
    link = storages["private"].url(name)
    served = client.get(link)  # the link itself is the permission
    assert (served.status_code, served["Content-Type"]) == (200, "image/png")
    path, _, signature = link.partition("?s=")
    other = world.documents["premium"].file.name
    expired = _SignedAnHourAgo(salt=SIGNED_URL_SALT).sign(name)[len(name) + 1 :]
    for refused in (
        path,
        f"{path}?s={signature[:-2]}xx",
        f"{reverse('private_file', args=[other])}?s={signature}",
        f"{path}?s={expired}",
    ):
        response = client.get(refused)
        assert response.status_code == 404, refused
        assert "We could not find that page" in response.content.decode(), refused


@LOCAL
def test_admin_shows_card_pictures_through_signed_links(world, client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(f"/admin/images/{world.picture_card.image.pk}/").content.decode()
    links = re.findall(r'src="(/private-media/[^"]+)"', page)
    assert links
    assert client.get(links[0].replace("&amp;", "&")).status_code == 200
    client.logout()
    assert Client().get(links[0].replace("&amp;", "&").split("?")[0]).status_code == 404
