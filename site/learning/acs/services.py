"""Write path for the ACS tables: one idempotent upsert of a parsed standard.

Everything is keyed by the FAA's codes, so a re-import finds the rows it made before:
text the FAA (or an admin by mistake) changed is put back to the document's, nothing is
duplicated, and an element the document no longer has is archived rather than deleted,
because lessons, questions, flashcards and oral grades keep pointing at it. The whole
import is one transaction with the standard's row locked, so two imports cannot
interleave and a failure leaves the tables as they were. Bulk queries keep the full
standard (about 1,200 elements) to a handful of statements.

The planning fields come along: Notes, classes and sub-element minimums from the
document (importer/notes.py), ground/crosswind/choice flags from the reviewed file
(importer/flags.py), so running the import again gives an existing database the
values, except a ground flag an instructor edited in the admin.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.fragments import Refused

from .importer.flags import load_flags
from .models import ALL_CLASSES, AcsArea, AcsElement, AcsStandard, AcsTask, ElementKind

BATCH = 400
ARCHIVED_TEXT = "[Archived]"
TASK_FIELDS = [
    "area",
    "letter",
    "title",
    "references",
    "objective",
    "notes",
    "airplane_classes",
    "order",
]
ELEMENT_FIELDS = [
    "task",
    "parent",
    "kind",
    "text",
    "order",
    "archived",
    "airplane_classes",
    "min_sub_elements",
    "crosswind",
    "choice_group",
    "ground_evaluable",
]


class AcsImportError(Refused):
    """A parsed document the tables cannot take (e.g. no areas, a sub-element orphan)."""


@dataclass
class ImportSummary:
    """What an import did, for the command's report and the tests."""

    standard: str
    per_area: dict = field(default_factory=dict)  # numeral -> Counter of current kinds
    kinds: Counter = field(default_factory=Counter)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    archived: int = 0
    archived_in_document: int = 0
    tasks_created: int = 0
    tasks_updated: int = 0

    def lines(self):
        labels = dict(ElementKind.choices)
        yield f"{self.standard}: {sum(self.kinds.values())} current elements"
        for numeral, counts in self.per_area.items():
            parts = ", ".join(f"{counts[kind]} {kind}" for kind in labels)
            yield f"  Area {numeral}: {parts}"
        for kind, label in labels.items():
            yield f"  {label} ({kind}): {self.kinds[kind]}"
        yield (
            f"  Elements created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, newly archived {self.archived}; "
            f"{self.archived_in_document} codes archived by the document; "
            f"tasks created {self.tasks_created}, updated {self.tasks_updated}"
        )


def roman_value(numeral):
    """'IX' -> 9: an area's order is its numeral, so a subset (I, IX, XI) sorts like the
    whole standard and a later full import does not reorder it."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        following = values[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _changed(obj, values):
    """Set `values` on `obj`; True when any differed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _standard(parsed, now):
    standard, _ = AcsStandard.objects.get_or_create(
        code=parsed.code,
        defaults={
            "title": parsed.title,
            "document_id": parsed.document_id,
            "slug": slugify(parsed.code),
        },
    )
    standard = AcsStandard.objects.select_for_update().get(pk=standard.pk)
    standard.title = parsed.title
    standard.document_id = parsed.document_id
    standard.revision_date = parsed.revision_date or standard.revision_date
    standard.imported_at = now
    standard.save(update_fields=["title", "document_id", "revision_date", "imported_at"])
    return standard


def _areas(standard, parsed):
    existing = {area.numeral: area for area in standard.areas.all()}
    new, changed = [], []
    for spec in parsed.areas:
        order = roman_value(spec.numeral)
        area = existing.get(spec.numeral)
        if area is None:
            area = AcsArea(standard=standard, numeral=spec.numeral, title=spec.title, order=order)
            new.append(area)
            existing[spec.numeral] = area
        elif _changed(area, {"title": spec.title, "order": order}):
            changed.append(area)
    AcsArea.objects.bulk_create(new)
    AcsArea.objects.bulk_update(changed, ["title", "order"])
    return existing


def _tasks(parsed, areas, summary):
    specs = [(area, task) for area in parsed.areas for task in area.tasks]
    existing = {t.code: t for t in AcsTask.objects.filter(code__in=[t.code for _, t in specs])}
    new, changed = [], []
    for area_spec, spec in specs:
        values = {
            "area_id": areas[area_spec.numeral].pk,
            "letter": spec.letter,
            "title": spec.title,
            "references": spec.references,
            "objective": spec.objective,
            "notes": "\n".join(spec.notes),
            "airplane_classes": spec.airplane_classes or ALL_CLASSES,
            "order": spec.order,
        }
        task = existing.get(spec.code)
        if task is None:
            task = existing[spec.code] = AcsTask(code=spec.code, **values)
            new.append(task)
        elif _changed(task, values):
            changed.append(task)
    AcsTask.objects.bulk_create(new, batch_size=BATCH)
    AcsTask.objects.bulk_update(changed, TASK_FIELDS, batch_size=BATCH)
    summary.tasks_created, summary.tasks_updated = len(new), len(changed)
    return existing


def _element_values(spec, task, parent, current, flags):
    """The row's fields from the document and the reviewed flags. An archived code keeps
    the text it had, so old grades and tags still read as they did; only a new archived
    row says '[Archived]'. A ground flag an instructor edited in the admin is kept."""
    text = spec.text
    if spec.archived:
        text = current.text if current is not None and current.text else ARCHIVED_TEXT
    ground = flags.ground_evaluable.get(spec.code, False)
    if current is not None and current.ground_evaluable_edited:
        ground = current.ground_evaluable
    return {  # ids, not instances: comparing instances would fetch each old one
        "task_id": task.pk,
        "parent_id": parent.pk if parent else None,
        "kind": spec.kind,
        "text": text,
        "order": spec.order,
        "archived": spec.archived,
        "airplane_classes": spec.airplane_classes or ALL_CLASSES,
        "min_sub_elements": spec.min_sub_elements,
        "crosswind": spec.code in flags.crosswind,
        "choice_group": flags.choice_groups.get(spec.code, ""),
        "ground_evaluable": ground and spec.kind == ElementKind.SKILL,
    }


def _elements(parsed, tasks, summary, flags):
    specs = [(task, element) for task in parsed.tasks for element in task.elements]
    codes = {element.code for _, element in specs}
    existing = {e.code: e for e in AcsElement.objects.filter(code__in=codes)}
    # Parents first, so their ids exist when the sub-elements are written.
    for pass_specs in (
        [(t, e) for t, e in specs if not e.parent_code],
        [(t, e) for t, e in specs if e.parent_code],
    ):
        new, changed = [], []
        for task_spec, spec in pass_specs:
            parent = None
            if spec.parent_code:
                parent = existing.get(spec.parent_code)
                if parent is None:
                    raise AcsImportError(f"Sub-element {spec.code} has no parent element.")
            current = existing.get(spec.code)
            if current is not None and not current.archived and spec.archived:
                summary.archived += 1  # the new revision marks it [Archived]
            values = _element_values(spec, tasks[task_spec.code], parent, current, flags)
            if current is None:
                existing[spec.code] = AcsElement(code=spec.code, **values)
                new.append(existing[spec.code])
            elif _changed(current, values):
                changed.append(current)
            else:
                summary.unchanged += 1
        AcsElement.objects.bulk_create(new, batch_size=BATCH)
        AcsElement.objects.bulk_update(changed, ELEMENT_FIELDS, batch_size=BATCH)
        summary.created += len(new)
        summary.updated += len(changed)
    return codes


def _archive_missing(standard, parsed, codes, complete):
    """Archive current elements the document no longer lists (or lists as removed).

    A complete document speaks for the whole standard; a partial one (a few tasks, as tests import)
    only for the tasks it contains."""
    scope = AcsElement.objects.filter(task__area__standard=standard, archived=False)
    if not complete:
        scope = scope.filter(task__code__in=[task.code for task in parsed.tasks])
    missing = scope.exclude(code__in=codes)
    removed = AcsElement.objects.filter(code__in=parsed.removed_codes, archived=False)
    return missing.update(archived=True) + removed.update(archived=True)


def import_standard(parsed, *, complete=True, now=None, flags=None):
    """Upsert `parsed` (an importer.records.ParsedStandard) with the reviewed planning
    `flags` (default: the file shipped for its document); returns an ImportSummary."""
    if not parsed.areas or not parsed.elements:
        raise AcsImportError("The document has no Areas of Operation with elements.")
    if flags is None:
        flags = load_flags(parsed.document_id)
    summary = ImportSummary(standard=f"{parsed.code} ({parsed.document_id})")
    with transaction.atomic():
        standard = _standard(parsed, now or timezone.now())
        areas = _areas(standard, parsed)
        tasks = _tasks(parsed, areas, summary)
        codes = _elements(parsed, tasks, summary, flags)
        summary.archived += _archive_missing(standard, parsed, codes, complete)
    for area in parsed.areas:
        counts = Counter(
            element.kind for task in area.tasks for element in task.elements if not element.archived
        )
        summary.per_area[area.numeral] = counts
        summary.kinds.update(counts)
    summary.archived_in_document = sum(1 for element in parsed.elements if element.archived)
    return summary
