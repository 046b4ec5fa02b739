"""Where uploaded files live: public media, and private files only views hand out.

Two STORAGES aliases hold the bytes:

- ``public``: files meant for anyone (page and course images and their renditions,
  avatars), under MEDIA_ROOT (served at MEDIA_URL) or a public S3 prefix.
- ``private``: everything else (Wagtail documents, certificate PDFs, flashcard import
  uploads, learners' card pictures and images imported with Anki cards), outside
  MEDIA_ROOT or under a private S3 prefix. Nothing serves it directly: views check the
  viewer, then stream the file or (S3) redirect to a presigned URL that expires after
  PRIVATE_MEDIA_URL_SECONDS.

``default`` is MediaStorage, which routes each name to one of the two: only the public
prefixes below go to ``public``, so a file field nobody thought about is private.
Wagtail's documents and images use ``default`` (their models take no storage); a
learner's card picture is a Wagtail image whose file name starts with
PRIVATE_IMAGE_PREFIX, which keeps it and its renditions private. Every private name
written through ``default`` gets a random folder (``documents/<token>/notes.pdf``),
so a leaked listing or an old URL scheme does not lead to a file.
"""

import posixpath
import re
import secrets

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, cached_property, empty

PUBLIC_PREFIXES = ("original_images/", "images/", "avatars/", "avatar_images/")
# Learners' card pictures: Wagtail images, public by prefix, kept private by this start
# of their file name (renditions keep the start of the original's name).
PRIVATE_IMAGE_PREFIX = "cardpic-"
TOKEN_BYTES = 12
TOKEN = re.compile(rf"[0-9a-f]{{{TOKEN_BYTES * 2}}}")
SIGNED_URL_SALT = "core.storage.private-file"


def _clean(name):
    return str(name).replace("\\", "/").lstrip("/")


def is_public_name(name):
    """Whether a stored file may be served to anyone (True only for public prefixes)."""
    name = _clean(name)
    if ".." in name.split("/"):
        return False
    base = posixpath.basename(name)
    return name.startswith(PUBLIC_PREFIXES) and not base.startswith(PRIVATE_IMAGE_PREFIX)


def random_token():
    return secrets.token_hex(TOKEN_BYTES)


def with_token(name):
    """``documents/notes.pdf`` -> ``documents/<random token>/notes.pdf``: the file keeps
    its name (Wagtail's document URLs and downloads use it), its path is unguessable."""
    folder, base = posixpath.split(_clean(name))
    return posixpath.join(folder, random_token(), base)


def has_token(name):
    return any(TOKEN.fullmatch(part) for part in _clean(name).split("/")[:-1])


def private_media_root():
    """PRIVATE_MEDIA_ROOT, or (when unset, as in the tests) a folder beside MEDIA_ROOT."""
    return getattr(settings, "PRIVATE_MEDIA_ROOT", None) or f"{settings.MEDIA_ROOT}-private"


def url_seconds():
    return settings.PRIVATE_MEDIA_URL_SECONDS


@deconstructible(path="core.storage.MediaStorage")
class MediaStorage(Storage):
    """The ``default`` storage: public names to ``public``, all others to ``private``
    (private names saved through it get a random folder)."""

    @staticmethod
    def backend(name):
        return storages["public"] if is_public_name(name) else storages["private"]

    def save(self, name, content, max_length=None):
        if name is None:
            name = content.name
        if not is_public_name(name):
            name = with_token(name)
        return self.backend(name).save(name, content, max_length=max_length)

    def get_available_name(self, name, max_length=None):
        return self.backend(name).get_available_name(name, max_length=max_length)

    def _open(self, name, mode="rb"):
        return self.backend(name).open(name, mode)

    def _save(self, name, content):  # pragma: no cover - save() hands over whole
        return self.backend(name).save(name, content)

    def delete(self, name):
        return self.backend(name).delete(name)

    def exists(self, name):
        return self.backend(name).exists(name)

    def listdir(self, path):
        return self.backend(path.rstrip("/") + "/").listdir(path)

    def size(self, name):
        return self.backend(name).size(name)

    def url(self, name):
        return self.backend(name).url(name)

    def path(self, name):
        return self.backend(name).path(name)

    def get_accessed_time(self, name):
        return self.backend(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self.backend(name).get_created_time(name)

    def get_modified_time(self, name):
        return self.backend(name).get_modified_time(name)


@deconstructible(path="core.storage.PrivateFileSystemStorage")
class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on the local disk, never under MEDIA_ROOT. ``url()`` is a signed
    link to ``core.media.private_file`` that works for PRIVATE_MEDIA_URL_SECONDS
    (what the admin shows for a card picture), like a presigned S3 URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, private_media_root())

    def url(self, name):
        return signed_url(name)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting in {"PRIVATE_MEDIA_ROOT", "MEDIA_ROOT"}:
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def signed_url(name):
    signature = signing.TimestampSigner(salt=SIGNED_URL_SALT).sign(_clean(name))
    stamp_and_signature = signature[len(_clean(name)) + 1 :]
    return f"{reverse('private_file', args=[_clean(name)])}?s={stamp_and_signature}"


def check_signed_url(name, stamp_and_signature):
    """True when the signature of ``name`` is ours and younger than the URL lifetime."""
    try:
        signing.TimestampSigner(salt=SIGNED_URL_SALT).unsign(
            f"{_clean(name)}:{stamp_and_signature}", max_age=url_seconds()
        )
    except signing.BadSignature:
        return False
    return True


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


PRIVATE = _PrivateStorage()


def private_storage():
    """The ``private`` alias, for a model field's ``storage=`` (resolved at use, so tests
    and settings changes reach it)."""
    return PRIVATE


def _reset_private(*, setting, **kwargs):
    if setting == "STORAGES":
        PRIVATE._wrapped = empty


setting_changed.connect(_reset_private)


def shareable_images():
    """limit_choices_to for image foreign keys shown on the public site: never a learner's
    private card picture (its name carries PRIVATE_IMAGE_PREFIX)."""
    from django.db.models import Q

    return ~Q(file__contains=f"/{PRIVATE_IMAGE_PREFIX}")
