"""What a Task's heading and Notes say about planning it, derived from the printed text.

FAA-S-ACS-6C, Appendix 1 ("Use of the ACS During a Practical Test"): "The abbreviation(s)
within parentheses immediately following a Task refers to the category and/or class
airplane appropriate to that Task. The absence of a class indicates the Task is for all
classes." Headings print it as "Task C. Soft-Field Takeoff and Climb (ASEL)". A few
elements carry the same mark at their end ("Water rudders (ASES, AMES)"); an element
that names two ("...centerline (ASEL, AMEL) or takeoff path (ASES, AMES).") applies to
every class of its Task.

Notes of the form "If K2 is selected, the evaluator must assess the applicant's
knowledge of at least three sub-elements." (PA.I.C, PA.I.G) give that element a minimum
number of sub-elements. These rules are applied to the PDF's parse and to the shipped
JSON alike (the JSON stores only the printed text), so both give the same records.
"""

import re

from ..models import ALL_CLASSES
from ..models import CLASS_CODES as CLASSES

CLASS_MARK = re.compile(r"\(((?:A[SM]E[LS])(?:,\s*A[SM]E[LS])*)\)")
TRAILING_MARK = re.compile(CLASS_MARK.pattern + r"\.?\s*$")
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
SUB_ELEMENT_RULE = re.compile(
    r"If (?P<element>[KRS]\d{1,2}) is selected, the evaluator must assess "
    r"(?:the applicant.s knowledge of )?at least (?P<count>\w+) sub-elements",
    re.IGNORECASE,
)


def _codes(mark):
    return ",".join(code for code in CLASSES if code in mark)


def task_classes(title):
    """'ASES,AMES' for '... Navigation (ASES, AMES)'; every class when none is printed."""
    found = CLASS_MARK.findall(title)
    return _codes(found[-1]) if found else ALL_CLASSES


def element_classes(text, task_classes_=ALL_CLASSES):
    """The classes an element applies to: its own trailing mark when it prints only one,
    else its Task's."""
    if len(CLASS_MARK.findall(text)) == 1 and (match := TRAILING_MARK.search(text)):
        return _codes(match.group(1))
    return task_classes_


def sub_element_minimums(notes):
    """{'K2': 3, ...} from a Task's notes."""
    minimums = {}
    for note in notes:
        for match in SUB_ELEMENT_RULE.finditer(note):
            count = match.group("count").lower()
            number = int(count) if count.isdigit() else NUMBERS.get(count)
            if number:
                minimums[match.group("element")] = number
    return minimums


def apply_notes(task):
    """Set the derived fields of a ParsedTask and its elements from their printed text."""
    task.airplane_classes = task_classes(task.title)
    minimums = sub_element_minimums(task.notes)
    for element in task.elements:
        element.airplane_classes = element_classes(element.text, task.airplane_classes)
        element.min_sub_elements = minimums.get(element.code.rsplit(".", 1)[1])
    return task
