"""Move files that must be private out of MEDIA_ROOT, under unguessable names.

Before files were split into public media and private storage (core/storage.py),
everything was written under MEDIA_ROOT, which DEBUG (and any web server serving
MEDIA_URL) served to anyone. This command, safe to run again at any time:

1. moves every file under MEDIA_ROOT that is not public media (documents, certificate
   PDFs, flashcard imports and imported card images, Wagtail's upload leftovers) to
   private storage under the same name (the database keeps pointing at it);
2. gives Wagtail documents stored without one a random folder in their path, keeping
   the file name, so /documents/<id>/<file name> links still work;
3. moves learners' card pictures (Wagtail images in "Flashcard pictures") to private
   storage under a new random name, and deletes their public renditions (the card
   picture view renders them again, privately).

`make run` runs it after `migrate`; deployments run it once after upgrading.
"""

import os
import posixpath
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage, storages
from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.storage import PRIVATE_IMAGE_PREFIX, has_token, is_public_name
from pages.collections import FLASHCARD_PICTURES


class Command(BaseCommand):
    help = "Move private files out of MEDIA_ROOT into private storage, under random names."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be moved.")

    def handle(self, *args, dry_run=False, **options):
        self.dry_run = dry_run
        moved = self.move_private_files_out_of_media_root()
        renamed = self.give_documents_random_folders()
        pictures = self.make_card_pictures_private()
        verb = "Would move" if dry_run else "Moved"
        self.stdout.write(
            f"{verb} {moved} private files out of MEDIA_ROOT, {renamed} documents to random "
            f"folders and {pictures} card pictures to private storage."
        )

    def move_private_files_out_of_media_root(self):
        root = Path(settings.MEDIA_ROOT)
        if not root.is_dir():
            return 0
        private = storages["private"]
        moved = 0
        for folder, _dirs, files in os.walk(root):
            for file_name in files:
                path = Path(folder) / file_name
                name = path.relative_to(root).as_posix()
                if is_public_name(name):
                    continue
                if private.exists(name):
                    if private.size(name) != path.stat().st_size:
                        self.stderr.write(f"Left {name}: private storage holds another file.")
                    elif not self.dry_run:
                        path.unlink()  # an earlier run copied it, then stopped
                    continue
                moved += 1
                if self.dry_run:
                    self.stdout.write(f"private: {name}")
                    continue
                with path.open("rb") as handle:
                    stored = private.save(name, File(handle, name=file_name))
                if stored != name:  # never for a name checked free just above
                    private.delete(stored)
                    self.stderr.write(f"Left {name} in MEDIA_ROOT: it could not keep its name.")
                    continue
                path.unlink()
        return moved

    def give_documents_random_folders(self):
        Document = get_document_model()
        renamed = 0
        for document in Document.objects.only("pk", "file").iterator():
            old = document.file.name
            if not old or has_token(old):
                continue
            if not default_storage.exists(old):
                self.stderr.write(f"Document {document.pk}: {old} is missing from storage.")
                continue
            renamed += 1
            if self.dry_run:
                self.stdout.write(f"document {document.pk}: {old}")
                continue
            with default_storage.open(old, "rb") as handle:
                new = default_storage.save(old, File(handle, name=posixpath.basename(old)))
            Document.objects.filter(pk=document.pk).update(file=new)
            default_storage.delete(old)
        return renamed

    def make_card_pictures_private(self):
        collections = Collection.objects.filter(name=FLASHCARD_PICTURES, depth=2)
        Image = get_image_model()
        moved = 0
        for image in Image.objects.filter(collection__in=collections).iterator():
            old = image.file.name
            if not old or not is_public_name(old):
                continue
            if not default_storage.exists(old):
                self.stderr.write(f"Card picture {image.pk}: {old} is missing from storage.")
                continue
            moved += 1
            if self.dry_run:
                self.stdout.write(f"card picture {image.pk}: {old}")
                continue
            extension = posixpath.splitext(old)[1].lower()[:6]
            name = f"original_images/{PRIVATE_IMAGE_PREFIX}{secrets.token_hex(12)}{extension}"
            with default_storage.open(old, "rb") as handle:
                new = default_storage.save(name, File(handle, name=posixpath.basename(name)))
            Image.objects.filter(pk=image.pk).update(file=new)
            for rendition in image.renditions.all():
                storage, name = rendition.file.storage, rendition.file.name
                rendition.delete()  # and Wagtail's cache entry
                storage.delete(name)
            default_storage.delete(old)
        return moved
