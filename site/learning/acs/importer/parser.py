"""Parse the text of an FAA Airman Certification Standards document into plain records.

Works on the per-page text pypdf produces, which has quirks the patterns below undo:

- drop capitals come out after the word they start: "eferences: R AIM" is
  "References: AIM", "bjective: O To ..." and "ote: N ..." likewise;
- every page starts with a running header (document title line, page number) and, in the
  body, the current "Area of Operation" heading, which must not break an element that
  wraps from one page to the next;
- elements and objectives wrap across lines; sub-elements repeat their letter
  ("PA.I.C.K2a a. Airport Observations ...");
- a task's Notes ("ote: N If K2 is selected ...") are kept verbatim, in order; what they
  and the class marks in headings mean for planning is derived in notes.py;
- the front matter has a table of contents (task titles with dotted leaders) and lists
  of codes added and removed: only the removed list is used, to flag archived codes.

A task only counts once its References line follows its heading, which is what keeps the
table of contents and the appendices (which name tasks again) out of the tree.
"""

import re
from datetime import date

from .notes import apply_notes
from .records import ParsedArea, ParsedElement, ParsedStandard, ParsedTask


class AcsParseError(Exception):
    """The file is not a readable ACS document; the message says why."""


DOCUMENT_ID = re.compile(r"\bFAA-S-ACS-\d+[A-Z]?\b")
PAGE_HEADER = re.compile(r"\bACS \(FAA-S-ACS-[\w-]+\)\s*$")
PAGE_NUMBER = re.compile(r"^(?:\d{1,3}|[ivxlc]{1,6})$")
AREA = re.compile(r"^Area of Operation ([IVXL]{1,6})\.\s+(.{1,200}?)$")
TASK = re.compile(r"^Task ([A-Z])\.\s+(.{1,200}?)$")
LEADERS = re.compile(r"\.{4,}\s*\d*\s*$")
REFERENCES = re.compile(r"^(R?)eferences:\s*(.*)$")
OBJECTIVE = re.compile(r"^(O?)bjective:\s*(.*)$")
NOTE = re.compile(r"^(N?)ote:\s*(.*)$")
KNOWLEDGE = re.compile(r"^Knowledge:")
RISK_START = re.compile(r"^Risk\s*$")
RISK = re.compile(r"^(?:Risk\s+)?Management:")
SKILLS = re.compile(r"^Skills:")
SECTION_HEADINGS = (NOTE, KNOWLEDGE, RISK_START, RISK, SKILLS)
APPENDIX = re.compile(r"^Appendix \d+:")
ELEMENT = re.compile(
    r"^(?P<code>(?P<prefix>[A-Z]{2,3})\.[IVXL]{1,6}\.[A-Z]\.(?P<kind>[KRS])\d{1,2}(?P<sub>[a-z])?)"
    r"\s+(?P<text>\S.*)$"
)
BARE_CODE = re.compile(r"^[A-Z]{2,3}\.[IVXL]{1,6}\.[A-Z]\.[KRS]\d{1,2}[a-z]?$")
REMOVED_HEADING = re.compile(r"codes have been removed", re.IGNORECASE)
BULLET = re.compile(r"^[•\u2022]")
ARCHIVED_TEXT = "[Archived]"
MAX_TITLE = 200  # the models' title length
MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES.split(" "), start=1)}
COVER_DATE = re.compile(r"^(" + "|".join(MONTHS) + r")\s+(?:(\d{1,2}),\s+)?(\d{4})$")


def join_lines(lines):
    """Wrapped lines as one: a space between them, none after a hyphen that ends a line
    inside a word ("pilot-in-" + "command")."""
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text += line
        else:
            text += " " + line
    return text


def drop_cap(match):
    """The text after a heading whose capital pypdf moved: 'eferences: R AIM' -> 'AIM'."""
    moved, text = match.group(1), match.group(2)
    if not moved and len(text) > 1 and text[1] == " ":
        text = text[2:]
    return text.strip()


def page_lines(text):
    """The lines of one page without the running title and page number at its top."""
    lines = [line.replace("\x00", "").strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not PAGE_HEADER.search(line)]
    if lines and PAGE_NUMBER.match(lines[0]):
        lines = lines[1:]
    return lines


class _Parser:
    def __init__(self):
        self.areas = []
        self.area_heading = None  # (numeral, title) of the last heading seen
        self.pending_task = None  # a Task heading not yet confirmed by its References
        self.task = None
        self.element = None
        self.sink = None
        self.removed = set()
        self.in_removed_list = False
        self.finished = False
        self.seen = set()

    def feed(self, line):
        if self.finished:
            return
        if not self.areas:
            self.front_matter(line)
        if APPENDIX.match(line) and self.areas:
            self.close()
            self.finished = True
            return
        if match := AREA.match(line):
            self.area(match)
        elif (match := TASK.match(line)) and not LEADERS.search(line):
            self.close()
            self.pending_task = ParsedTask(letter=match.group(1), code="", title=match.group(2))
            self.sink = None
        elif LEADERS.search(line):
            self.pending_task = None
        elif self.pending_task is not None:
            self.task_heading(line)
        elif self.task is not None:
            self.task_body(line)

    def front_matter(self, line):
        """Codes listed under 'have been removed and archived', up to the next bullet."""
        if REMOVED_HEADING.search(line):
            self.in_removed_list = True
        elif BULLET.match(line):
            self.in_removed_list = False
        elif self.in_removed_list and BARE_CODE.match(line):
            self.removed.add(line)

    def area(self, match):
        numeral, title = match.group(1), match.group(2).strip()
        if self.area_heading and self.area_heading[0] == numeral:
            return  # the running header repeats the current area on every page
        self.close()
        self.task = None
        self.pending_task = None
        self.area_heading = (numeral, title)

    def task_heading(self, line):
        if match := REFERENCES.match(line):
            task, self.pending_task = self.pending_task, None
            if self.area_heading is None:
                return
            numeral, title = self.area_heading
            if not self.areas or self.areas[-1].numeral != numeral:
                self.areas.append(ParsedArea(numeral=numeral, title=title))
            area = self.areas[-1]
            task.code = f"{{prefix}}.{numeral}.{task.letter}"
            task.order = len(area.tasks) + 1
            area.tasks.append(task)
            self.task = task
            self.start_sink("references", drop_cap(match))
        else:
            title = join_lines([self.pending_task.title, line])
            if len(title) > MAX_TITLE:  # a heading wraps over a line or two; this is prose
                self.pending_task = None
            else:
                self.pending_task.title = title

    def task_body(self, line):
        if match := OBJECTIVE.match(line):
            self.start_sink("objective", drop_cap(match))
        elif match := NOTE.match(line):
            self.start_sink("note", drop_cap(match))
        elif any(pattern.match(line) for pattern in SECTION_HEADINGS):
            self.start_sink(None)  # a kind heading starts afresh
        elif match := ELEMENT.match(line):
            self.start_element(match)
        elif self.sink is not None:
            self.sink[1].append(line)

    def start_sink(self, name, first=None):
        self.close()
        self.sink = (name, [first] if first else []) if name else None

    def start_element(self, match):
        self.close()
        code, text = match.group("code"), match.group("text")
        sub = match.group("sub")
        if sub and text.startswith(f"{sub}. "):
            text = text[len(sub) + 2 :]
        if code.split(".")[1:3] != [self.areas[-1].numeral, self.task.letter]:
            raise AcsParseError(f"Element {code} is printed under another task.")
        if code in self.seen:
            raise AcsParseError(f"Element {code} is printed twice.")
        if sub and code[:-1] not in self.seen:
            raise AcsParseError(f"Sub-element {code} comes before its element {code[:-1]}.")
        self.seen.add(code)
        element = ParsedElement(
            code=code,
            kind=match.group("kind"),
            text="",
            parent_code=code[:-1] if sub else "",
            order=len(self.task.elements) + 1,
            prefix=match.group("prefix"),
        )
        self.task.elements.append(element)
        self.sink = ("element", [text])
        self.element = element

    def close(self):
        """Finish what the collected lines belong to."""
        if self.sink is None or self.task is None:
            self.sink = None
            return
        name, lines = self.sink
        text = join_lines(lines)
        if name == "element":
            self.element.text = text
            self.element.archived = text == ARCHIVED_TEXT
        elif name == "note":
            self.task.notes.append(text)
        elif name:
            setattr(self.task, name, text)
        self.sink = None


def cover_details(pages):
    """(title, document id, revision date) from the cover page."""
    lines = [line.strip() for line in (pages[0] if pages else "").splitlines() if line.strip()]
    document_id, title_lines, revised = "", [], None
    for line in lines:
        match = DOCUMENT_ID.search(line)
        if match and not document_id:
            document_id = match.group(0)
        elif not document_id:
            title_lines.append(line)
        if (found := COVER_DATE.match(line)) and revised is None:
            month, day, year = found.groups()
            revised = date(int(year), MONTHS[month], int(day or 1))
    title = join_lines(title_lines) if document_id else ""
    return (title if len(title) <= MAX_TITLE else ""), document_id, revised


def parse_pages(pages):
    """A ParsedStandard from the text of each page; AcsParseError when it is not an ACS."""
    title, document_id, revised = cover_details(pages)
    if not document_id:
        text = "\n".join(pages[:3])
        found = DOCUMENT_ID.search(text)
        if not found:
            raise AcsParseError("Not an ACS: no FAA-S-ACS- document number on its first pages.")
        document_id = found.group(0)
    parser = _Parser()
    for page in pages:
        for line in page_lines(page):
            parser.feed(line)
    parser.close()
    elements = [
        element for area in parser.areas for task in area.tasks for element in task.elements
    ]
    if not parser.areas or not elements:
        raise AcsParseError(f"Not an ACS: no Areas of Operation with elements in {document_id}.")
    prefix = elements[0].prefix
    for area in parser.areas:
        for task in area.tasks:
            task.code = task.code.format(prefix=prefix)
            apply_notes(task)
    return ParsedStandard(
        code=prefix,
        title=title or document_id,
        document_id=document_id,
        revision_date=revised,
        areas=parser.areas,
        removed_codes=sorted(parser.removed),
    )
