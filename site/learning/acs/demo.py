"""Demo ACS for `load_demo`: the hand-checked FAA-S-ACS-6C subset in demo_data.py, or the
whole standard when the lead's `load_demo --acs PATH` hands over the FAA's PDF.

Both go through services.import_standard, so running it twice changes nothing. The
subset is a *partial* import: it only speaks for its own five tasks, so loading it after
the full PDF neither archives nor rewrites the rest of the standard.
"""

from . import demo_data
from .importer import parse_pages, read_pages
from .importer.records import ParsedArea, ParsedElement, ParsedStandard, ParsedTask
from .services import import_standard


def element_record(code, text, order):
    """A ParsedElement from a (code, text) pair: kind and parent follow from the code."""
    last = code.rsplit(".", 1)[1]
    parent_code = code[:-1] if last[-1].isalpha() and last[-1].islower() else ""
    return ParsedElement(
        code=code,
        kind=last[0],
        text=text,
        parent_code=parent_code,
        order=order,
        archived=text == "[Archived]",
        prefix=code.split(".", 1)[0],
    )


def subset():
    """demo_data as the importer's records."""
    areas = []
    for area in demo_data.AREAS:
        tasks = []
        for task in area["tasks"]:
            elements = [
                element_record(code, text, order)
                for order, (code, text) in enumerate(task["elements"], start=1)
            ]
            tasks.append(
                ParsedTask(
                    letter=task["letter"],
                    code=f"{demo_data.STANDARD['code']}.{area['numeral']}.{task['letter']}",
                    title=task["title"],
                    references=task["references"],
                    objective=task["objective"],
                    order=ord(task["letter"]) - ord("A") + 1,
                    elements=elements,
                )
            )
        areas.append(ParsedArea(numeral=area["numeral"], title=area["title"], tasks=tasks))
    return ParsedStandard(**demo_data.STANDARD, areas=areas)


def load(stdout, acs_pdf=None):
    if acs_pdf:
        summary = import_standard(parse_pages(read_pages(acs_pdf)), complete=True)
    else:
        summary = import_standard(subset(), complete=False)
    for line in summary.lines():
        stdout.write(f"  {line}")
