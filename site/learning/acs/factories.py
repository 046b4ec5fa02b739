"""A small ACS tree for tests: standard > areas > tasks > K/R/S elements."""

from .models import AcsArea, AcsElement, AcsStandard, AcsTask, ElementKind

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
LETTERS = "ABCDEFGHIJKLMN"


def make_standard(code="PA", document_id="FAA-S-ACS-6C", title="Private Pilot for Airplane"):
    standard, _ = AcsStandard.objects.get_or_create(
        code=code, defaults={"document_id": document_id, "title": title, "slug": code.lower()}
    )
    return standard


def make_tree(standard=None, areas=2, tasks=2, knowledge=3, risks=2, skills=1):
    """Areas I.. with tasks A.. each holding K1.., R1.., S1.. elements; returns the standard."""
    standard = standard or make_standard()
    elements = []
    for area_index in range(areas):
        area = AcsArea.objects.create(
            standard=standard,
            numeral=ROMAN[area_index],
            title=f"Area {ROMAN[area_index]}",
            order=area_index + 1,
        )
        for task_index in range(tasks):
            letter = LETTERS[task_index]
            task = AcsTask.objects.create(
                area=area,
                letter=letter,
                code=f"{area.code}.{letter}",
                title=f"Task {area.numeral}.{letter}",
                order=task_index + 1,
            )
            counts = {ElementKind.KNOWLEDGE: knowledge, ElementKind.RISK: risks}
            counts[ElementKind.SKILL] = skills
            order = 0
            for kind, count in counts.items():
                for number in range(1, count + 1):
                    order += 1
                    elements.append(
                        AcsElement(
                            task=task,
                            code=f"{task.code}.{kind}{number}",
                            kind=kind,
                            text=f"{kind.label} element {number} of {task.code}.",
                            order=order,
                        )
                    )
    AcsElement.objects.bulk_create(elements)
    return standard
