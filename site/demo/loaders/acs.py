"""Demo ACS for `load_demo`: the hand-checked FAA-S-ACS-6C subset in
demo/data/acs/subset.json, or the whole standard when `load_demo --acs PATH` hands over
the FAA's PDF.

The subset's wording is the FAA's, exactly as printed (wrapped lines joined; a
sub-element's repeated letter "a." dropped because its code already carries it). Tasks:
PA.I.B, PA.I.C, PA.I.E, PA.IX.C (with its archived K1a-K1d) and PA.XI.A, which has no
skill elements. Both go through services.import_standard, so running it twice changes
nothing. The subset is a *partial* import: it only speaks for its own five tasks, so
loading it after the full PDF neither archives nor rewrites the rest of the standard.
"""

from demo.words import date, read
from learning.acs.importer import parse_pages, read_pages
from learning.acs.importer.records import ParsedArea, ParsedElement, ParsedStandard, ParsedTask
from learning.acs.services import import_standard

SUBSET = read("acs", "subset.json")
STANDARD = {**SUBSET["standard"], "revision_date": date(SUBSET["standard"]["revision_date"])}
AREAS = SUBSET["areas"]


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
    """The subset as the importer's records."""
    areas = []
    for area in AREAS:
        tasks = []
        for task in area["tasks"]:
            elements = [
                element_record(code, text, order)
                for order, (code, text) in enumerate(task["elements"], start=1)
            ]
            tasks.append(
                ParsedTask(
                    letter=task["letter"],
                    code=f"{STANDARD['code']}.{area['numeral']}.{task['letter']}",
                    title=task["title"],
                    references=task["references"],
                    objective=task["objective"],
                    order=ord(task["letter"]) - ord("A") + 1,
                    elements=elements,
                )
            )
        areas.append(ParsedArea(numeral=area["numeral"], title=area["title"], tasks=tasks))
    return ParsedStandard(**STANDARD, areas=areas)


def load(stdout, acs_pdf=None):
    if acs_pdf:
        summary = import_standard(parse_pages(read_pages(acs_pdf)), complete=True)
    else:
        summary = import_standard(subset(), complete=False)
    for line in summary.lines():
        stdout.write(f"  {line}")
