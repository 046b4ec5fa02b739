"""Shared steps for the quiz-taking tests: start an attempt through the real view, and
the form data a learner's browser would post to answer it (right or wrong)."""

from django.urls import reverse

from learning.assessments.models import Attempt, Question


def start(client, assessment, **headers):
    """POST the lesson page's Start button; the new (or resumed) attempt."""
    response = client.post(reverse("quiz_start", args=[assessment.pk]), **headers)
    assert response.status_code == 302, response.content.decode()[:500]
    return Attempt.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def right_answer(question):
    """(choice ids, text) that grades as correct."""
    if question.has_choices:
        return [c.pk for c in question.choices.all() if c.is_correct], ""
    if question.question_type == "numeric":
        return [], str(question.numeric_answer)
    return [], question.accepted_answer_list[0]


def wrong_answer(question):
    if question.has_choices:
        return [next(c.pk for c in question.choices.all() if not c.is_correct)], ""
    return [], "999999" if question.question_type == "numeric" else "no idea"


def form_data(attempt, answer=right_answer, only=None):
    """The attempt form as posted: `shown` per question, `answer-<id>` / `text-<id>`."""
    data = {"shown": []}
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    for question in questions:
        if only is not None and question.pk not in only:
            continue
        choice_ids, text = answer(question)
        data["shown"].append(str(question.pk))
        if question.has_choices:
            data[f"answer-{question.pk}"] = tokens(attempt, question.pk, choice_ids)
        else:
            data[f"text-{question.pk}"] = text
    return data


def tokens(attempt, question_id, choice_ids):
    """What the form posts for these choices: their places in the attempt's order."""
    order = attempt.choice_order[str(question_id)]
    return [str(order.index(pk)) for pk in choice_ids]


def url(name, attempt):
    return reverse(name, args=[attempt.pk])
