"""An upload being imported into a deck in the background, with its progress."""

from django.conf import settings
from django.db import models

from core.storage import private_storage


class ImportStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    RUNNING = "running", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"


class ImportJob(models.Model):
    """A CSV or Anki package import. The upload is deleted once the job ends; the
    counts and message stay so the learner can see what happened."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flashcard_imports"
    )
    deck = models.ForeignKey(
        "flashcards.Deck", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=[("csv", "CSV"), ("apkg", "Anki package")])
    original_name = models.CharField(max_length=255)
    # Private storage under a random name (the upload view picks it); deleted once the job ends.
    upload = models.FileField(upload_to="flashcard-imports/", storage=private_storage, blank=True)
    status = models.CharField(max_length=8, choices=ImportStatus.choices, default="pending")
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Import of {self.original_name}"

    @property
    def live_processed(self):
        """Progress while the import's transaction is still open: the worker reports it
        through the shared cache (Redis in production), which other processes can read."""
        from django.core.cache import cache

        if self.status != ImportStatus.RUNNING:
            return self.processed
        return max(self.processed, cache.get(progress_key(self.pk), 0))

    @property
    def percent(self):
        done = self.live_processed
        return min(100, round(100 * done / self.total)) if self.total else 0


def progress_key(job_id):
    return f"flashcards:import-progress:{job_id}"


class ImportedMedia(models.Model):
    """A folder of images imported with Anki cards (``flashcards/<folder>/<n>.png`` in
    private storage) and a deck whose cards show them: whoever may open the deck may
    see the folder's images (learning.flashcards.imports.media_views)."""

    wagtail_reference_index_ignore = True

    folder = models.CharField(max_length=64)
    deck = models.ForeignKey("flashcards.Deck", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["folder", "deck"], name="flashcards_media_folder_deck"),
        ]

    def __str__(self):
        return f"Images {self.folder} shown in deck {self.deck_id}"
