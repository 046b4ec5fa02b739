"""What the parser returns and `services.import_standard` takes: plain data, no models.

The shipped JSON (importer/jsonfile.py) reads back into the same records, so a PDF and
the JSON go through one write path.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass
class ParsedElement:
    code: str
    kind: str
    text: str
    parent_code: str = ""
    order: int = 0
    archived: bool = False
    prefix: str = ""
    airplane_classes: str = ""  # derived by importer.notes, e.g. "ASES,AMES"
    min_sub_elements: int | None = None  # derived from the Task's notes


@dataclass
class ParsedTask:
    letter: str
    code: str
    title: str
    references: str = ""
    objective: str = ""
    order: int = 0
    elements: list[ParsedElement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # each "Note:" as printed
    airplane_classes: str = ""  # derived by importer.notes from the title


@dataclass
class ParsedArea:
    numeral: str
    title: str
    tasks: list[ParsedTask] = field(default_factory=list)


@dataclass
class ParsedStandard:
    code: str
    title: str
    document_id: str
    revision_date: date | None = None
    areas: list[ParsedArea] = field(default_factory=list)
    removed_codes: list[str] = field(default_factory=list)

    @property
    def tasks(self):
        return [task for area in self.areas for task in area.tasks]

    @property
    def elements(self):
        return [element for task in self.tasks for element in task.elements]
