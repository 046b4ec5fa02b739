"""Feedback forms: one text box for the whole attempt and one per answer (or per mock
oral item), each limited to its model field's length so an over-long text is a form
error, never a database error."""

from django import forms

from learning.assessments.models import Attempt, AttemptAnswer
from learning.orals.models import MockOralItem

OVERALL_MAX = Attempt._meta.get_field("instructor_feedback").max_length
ANSWER_MAX = AttemptAnswer._meta.get_field("feedback").max_length
COMMENT_MAX = MockOralItem._meta.get_field("instructor_comment").max_length


def text_field(label, max_length, rows=3):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=f"At most {max_length:,} characters. The learner reads this.",
    )


class AttemptFeedbackForm(forms.Form):
    """`answers` are (number, answer) pairs in the order the learner saw them; per-answer
    boxes are offered only when the quiz shows learners its question-by-question
    results, since otherwise they would never read them."""

    def __init__(self, *args, attempt, answers, per_answer=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overall"] = text_field("Feedback on the whole attempt", OVERALL_MAX, 5)
        self.initial["overall"] = attempt.instructor_feedback
        self.answer_rows = []
        for number, answer in answers if per_answer else ():
            name = f"answer_{answer.pk}"
            self.fields[name] = text_field(f"Feedback on question {number}", ANSWER_MAX)
            self.initial[name] = answer.feedback
            self.answer_rows.append((number, answer, name))

    def answer_fields(self):
        return [(number, answer, self[name]) for number, answer, name in self.answer_rows]

    def per_answer(self):
        return {answer.pk: self.cleaned_data[name] for _n, answer, name in self.answer_rows}


class OralCommentsForm(forms.Form):
    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = []
        for item in items:
            name = f"item_{item.pk}"
            self.fields[name] = text_field(f"Comment on {item.element.code}", COMMENT_MAX)
            self.initial[name] = item.instructor_comment
            self.items.append((item, name))

    def item_fields(self):
        return [(item, self[name]) for item, name in self.items]

    def comments(self):
        return {item.pk: self.cleaned_data[name] for item, name in self.items}
