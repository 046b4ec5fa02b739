"""A parsed standard as a JSON file, so the site can ship the FAA's text without the PDF.

The FAA's ACS is public-domain text, but parsing its 87-page PDF needs the PDF; the file
`learning/acs/data/FAA-S-ACS-6C.json` holds what the parser read, and reading it back
gives the very same ParsedStandard, which then takes the same write path
(services.import_standard). Regenerate it with
`manage.py import_acs FAA-S-ACS-6C.pdf --export site/learning/acs/data/FAA-S-ACS-6C.json`.

Only what the document says is stored: areas, tasks (with their Notes as printed) and
each element as a (code, text) pair in document order. What follows from a code (its
kind, prefix and parent), from its position (its order) or from its text ("[Archived]",
class marks, the Notes' sub-element minimums) is derived on reading, by the same rules
the parser applies (notes.py). The output is stable (sorted keys, one element per line)
so regenerating from the same PDF gives an identical file and a new revision a readable
diff.
"""

import json
import re
from datetime import date
from pathlib import Path

from .notes import apply_notes
from .parser import ARCHIVED_TEXT, AcsParseError
from .records import ParsedArea, ParsedElement, ParsedStandard, ParsedTask

FORMAT = 1
# indent=1 puts a pair's code and its text on lines of their own: join them again.
PAIR = re.compile(r'\[\n\s*("(?:[^"\\]|\\.)*"),\n\s*("(?:[^"\\]|\\.)*")\n\s*\]')
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "FAA-S-ACS-6C.json"


def element_record(code, text, order):
    """A ParsedElement from its code and text: kind, prefix and parent follow from the code."""
    last = code.rsplit(".", 1)[1]
    sub = last[-1].isalpha() and last[-1].islower()
    return ParsedElement(
        code=code,
        kind=last[0],
        text=text,
        parent_code=code[:-1] if sub else "",
        order=order,
        archived=text == ARCHIVED_TEXT,
        prefix=code.split(".", 1)[0],
    )


def from_data(data):
    """A ParsedStandard from the decoded JSON."""
    code = data["standard"]["code"]
    revised = data["standard"].get("revision_date")
    areas = []
    for area in data["areas"]:
        tasks = []
        for order, task in enumerate(area["tasks"], start=1):
            elements = [
                element_record(element_code, text, index)
                for index, (element_code, text) in enumerate(task["elements"], start=1)
            ]
            tasks.append(
                ParsedTask(
                    letter=task["letter"],
                    code=f"{code}.{area['numeral']}.{task['letter']}",
                    title=task["title"],
                    references=task["references"],
                    objective=task["objective"],
                    order=order,
                    elements=elements,
                    notes=list(task.get("notes", [])),
                )
            )
            apply_notes(tasks[-1])
        areas.append(ParsedArea(numeral=area["numeral"], title=area["title"], tasks=tasks))
    return ParsedStandard(
        code=code,
        title=data["standard"]["title"],
        document_id=data["standard"]["document_id"],
        revision_date=date.fromisoformat(revised) if revised else None,
        areas=areas,
        removed_codes=list(data.get("removed_codes", [])),
    )


def to_data(parsed):
    return {
        "format": FORMAT,
        "standard": {
            "code": parsed.code,
            "title": parsed.title,
            "document_id": parsed.document_id,
            "revision_date": parsed.revision_date.isoformat() if parsed.revision_date else None,
        },
        "removed_codes": sorted(parsed.removed_codes),
        "areas": [
            {
                "numeral": area.numeral,
                "title": area.title,
                "tasks": [
                    {
                        "letter": task.letter,
                        "title": task.title,
                        "references": task.references,
                        "objective": task.objective,
                        "notes": list(task.notes),
                        "elements": [[element.code, element.text] for element in task.elements],
                    }
                    for task in area.tasks
                ],
            }
            for area in parsed.areas
        ],
    }


def dumps(parsed):
    """The JSON text: sorted keys, one [code, text] pair per line, a final newline."""
    text = json.dumps(to_data(parsed), sort_keys=True, ensure_ascii=False, indent=1)
    return PAIR.sub(r"[\1, \2]", text) + "\n"


def loads(text):
    """A ParsedStandard from JSON text; AcsParseError when it is not one we wrote."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise AcsParseError(f"Unknown ACS JSON format {data.get('format')!r}.")
        return from_data(data)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise AcsParseError(f"Not an ACS JSON file: {error}") from error
