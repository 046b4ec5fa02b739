"""Build assessments for tests, benchmarks and the demo: one call per quiz.

A question spec is a dict: {"type": "single", "text": "...", "choices": [("A", True),
("B", False)], "points": 1, "accepted": ["..."], "answer": "1.5", "tolerance": "0.1",
"explanation": "...", "acs": "PA.I.E.K1, PA.I.E.K2"}; only the keys the type needs.
"""

from decimal import Decimal

from learning.acs.codes import split_codes
from learning.acs.models import AcsElement

from .models import Assessment, Choice, Question


def make_question(assessment, spec, order=0):
    question = Question(
        assessment=assessment,
        question_type=spec.get("type", "single"),
        text=spec.get("text", "<p>Question</p>"),
        points=spec.get("points", 1),
        explanation=spec.get("explanation", ""),
        accepted_answers="\n".join(spec.get("accepted", [])),
        case_sensitive=spec.get("case_sensitive", False),
        numeric_answer=Decimal(spec["answer"]) if "answer" in spec else None,
        numeric_tolerance=Decimal(spec.get("tolerance", "0")) if "answer" in spec else None,
        sort_order=order,
    )
    question.acs_elements.set(current_elements(spec.get("acs", "")))
    question.save()
    for position, (text, correct) in enumerate(spec.get("choices", [])):
        Choice.objects.create(question=question, text=text, is_correct=correct, sort_order=position)
    return question


def current_elements(codes):
    """The current elements named in `codes`; codes the database lacks are left out, so the
    demo loads whether or not the ACS has been imported."""
    wanted = split_codes(codes)
    if not wanted:
        return []
    found = {e.code: e for e in AcsElement.objects.filter(code__in=wanted, archived=False)}
    return [found[code] for code in wanted if code in found]


def make_assessment(lesson=None, questions=(), **fields):
    assessment = Assessment.objects.create(
        title=fields.pop("title", "Airspace quiz"), lesson=lesson, **fields
    )
    for order, spec in enumerate(questions):
        make_question(assessment, spec, order)
    return assessment


def true_false(text, answer):
    return {
        "type": "true_false",
        "text": f"<p>{text}</p>",
        "choices": [("True", answer), ("False", not answer)],
    }


def single(text, right, *wrong):
    choices = [(right, True), *((choice, False) for choice in wrong)]
    return {"type": "single", "text": f"<p>{text}</p>", "choices": choices}
