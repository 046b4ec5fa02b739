"""The question bank's own admin pages: preview as a learner, import, export.

Importing is two steps: the upload is read and checked (errors numbered by line,
nothing saved), then a preview shows what will be imported, and only its confirmation
writes, in one transaction. The confirmation carries the file signed (see
bank_forms.ConfirmImportForm), so what is saved is exactly what was previewed.
"""

import random

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..forms import MAX_QUESTIONS, resolve_acs_codes
from ..models import Assessment, Choice, Question
from ..services import draw
from . import csv_bank, gift
from .bank_forms import BankUploadForm, ConfirmImportForm

CHANGE = "assessments.change_assessment"
VIEW = "assessments.view_assessment"
TEMPLATES = "learning/assessments/admin/"
PREVIEW_COUNT = 5
PARSERS = {"gift": gift.parse_gift, "csv": csv_bank.parse_csv}
FORMAT_NAMES = {"gift": "Moodle GIFT", "csv": "CSV"}


def edit_url(assessment):
    return reverse("wagtailsnippets_assessments_assessment:edit", args=[assessment.pk])


def bank_of(assessment):
    return assessment.questions.prefetch_related("choices", "acs_elements").order_by(
        "sort_order", "pk"
    )


class ImportRefused(Exception):
    pass


def import_problems(assessment, parsed, replace):
    """Why the bank, as the import would leave it, must not be saved."""
    problems = resolve_acs_codes(parsed)
    attempts = assessment.attempts.count() if replace else 0
    if attempts:
        problems.append(
            f"Learners have made {attempts} attempt{'s' if attempts != 1 else ''} at this quiz; "
            "replacing the bank would erase their answers. Add the questions instead, or "
            "delete questions one by one in the editor."
        )
    size = len(parsed.questions) + (0 if replace else assessment.questions.count())
    if assessment.questions_per_attempt > size:
        problems.append(
            f"Each attempt draws {assessment.questions_per_attempt} questions but the bank "
            f"would have {size}. Lower “questions per attempt” first."
        )
    return problems


def save_bank(assessment, parsed, replace):
    """Write the parsed questions, all or nothing; the bank is re-checked under a lock.
    Returns how many questions a replacement deleted."""
    with transaction.atomic():
        assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if problems := import_problems(assessment, parsed, replace):
            raise ImportRefused(*problems)
        replaced = assessment.questions.count() if replace else 0
        if replace:
            assessment.questions.all().delete()
        last = assessment.questions.aggregate(last=Max("sort_order"))["last"]
        start = 0 if last is None else last + 1
        questions = Question.objects.bulk_create(
            Question(
                assessment=assessment,
                sort_order=start + index,
                question_type=item.kind,
                text=item.text,
                points=item.points,
                explanation=item.explanation,
                accepted_answers="\n".join(item.accepted),
                case_sensitive=item.case_sensitive,
                numeric_answer=item.numeric_answer,
                numeric_tolerance=item.numeric_tolerance,
            )
            for index, item in enumerate(parsed.questions)
        )
        Question.acs_elements.through.objects.bulk_create(
            Question.acs_elements.through(question_id=question.pk, acselement_id=element_id)
            for question, item in zip(questions, parsed.questions, strict=True)
            for element_id in dict.fromkeys(item.acs_element_ids)
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                sort_order=order,
                text=choice.text,
                is_correct=choice.correct,
                explanation=choice.explanation,
            )
            for question, item in zip(questions, parsed.questions, strict=True)
            for order, choice in enumerate(item.choices)
        )
    return replaced


class BankView(WagtailAdminTemplateMixin, TemplateView):
    """The assessment from the URL, breadcrumbs back to it, and a real 403 page."""

    permissions = (CHANGE,)
    header_icon = "list-ul"
    assessment = None

    def dispatch(self, request, *args, assessment_id, **kwargs):
        if not any(request.user.has_perm(permission) for permission in self.permissions):
            context = WagtailAdminTemplateMixin.get_context_data(self)
            return TemplateResponse(request, TEMPLATES + "forbidden.html", context, status=403)
        self.assessment = get_object_or_404(
            Assessment.objects.select_related("lesson"), pk=assessment_id
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.assessment.title if self.assessment else ""

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_assessments_assessment:list"), "label": "Assessments"},
        ]
        if self.assessment:
            items.append({"url": edit_url(self.assessment), "label": self.assessment.title})
        return [*items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            assessment=self.assessment, edit_url=edit_url(self.assessment), **kwargs
        )


class LearnerPreviewView(BankView):
    """Every question as the attempt page shows it: no right answers, no explanations."""

    permissions = (CHANGE, VIEW)
    page_title = "Preview as a learner"
    template_name = TEMPLATES + "learner_preview.html"

    def get_context_data(self, **kwargs):
        questions = list(bank_of(self.assessment))
        bank_size = len(questions)
        sample = self.request.GET.get("draw") == "1" and bool(questions)
        if sample:
            ids, choice_order = draw(self.assessment, random.SystemRandom())
            by_id = {question.pk: question for question in questions}
            questions = [by_id[pk] for pk in ids if pk in by_id]
        items = []
        for question in questions:
            choices = list(question.choices.all())
            if sample:
                position = {pk: i for i, pk in enumerate(choice_order.get(str(question.pk), []))}
                choices.sort(key=lambda choice: position.get(choice.pk, 0))
            items.append({"question": question, "choices": choices})
        return super().get_context_data(items=items, sample=sample, bank_size=bank_size, **kwargs)


class ImportView(BankView):
    page_title = "Import questions"
    template_name = TEMPLATES + "import.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", BankUploadForm())
        return super().get_context_data(
            bank_size=self.assessment.questions.count(), max_questions=MAX_QUESTIONS, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = BankUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        text, file_format = form.cleaned_data["file"], form.cleaned_data["file_format"]
        mode = form.cleaned_data["mode"]
        parsed = PARSERS[file_format](text)
        problems = parsed.errors or import_problems(self.assessment, parsed, mode == "replace")
        if problems:
            context = self.get_context_data(form=form, problems=problems)
            return self.render_to_response(context)
        confirm = ConfirmImportForm(assessment=self.assessment, user=request.user)
        confirm.initial["payload"] = confirm.sign(text, file_format, mode)
        context = self.get_context_data(
            confirm=confirm,
            parsed=parsed,
            shown=parsed.questions[:PREVIEW_COUNT],
            replace=mode == "replace",
            format_name=FORMAT_NAMES[file_format],
        )
        return TemplateResponse(request, TEMPLATES + "import_preview.html", context)


class ConfirmImportView(ImportView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        confirm = ConfirmImportForm(request.POST, assessment=self.assessment, user=request.user)
        if not confirm.is_valid():
            problems = confirm.errors.get("payload", ["The preview is missing; upload again."])
            context = self.get_context_data(problems=list(problems))
            return self.render_to_response(context, status=400)
        data = confirm.cleaned_data["payload"]
        parsed = PARSERS[data["format"]](data["text"])
        replace = data["mode"] == "replace"
        try:
            if parsed.errors:
                raise ImportRefused(*parsed.errors)
            replaced = save_bank(self.assessment, parsed, replace)
        except ImportRefused as refused:
            context = self.get_context_data(problems=list(refused.args))
            return self.render_to_response(context, status=409)
        summary = ", ".join(f"{count} {label.lower()}" for label, count in parsed.counts())
        count = len(parsed.questions)
        note = f", replacing the {replaced} it had" if replace else ""
        messages.success(
            request,
            f"Imported {count} question{'s' if count != 1 else ''} ({summary}) into "
            f"“{self.assessment.title}”{note}.",
        )
        return redirect(edit_url(self.assessment))


class ExportView(BankView):
    def get(self, request, *args, file_format, **kwargs):
        questions = bank_of(self.assessment)
        if file_format == "csv":
            content, content_type = csv_bank.export_csv(questions), "text/csv"
            filename = f"{slugify(self.assessment.title) or 'quiz'}-questions.csv"
        elif file_format == "gift":
            content, content_type = gift.export_gift(self.assessment, questions), "text/plain"
            filename = f"{slugify(self.assessment.title) or 'quiz'}-gift.txt"
        else:
            raise Http404("Export as csv or gift.")
        response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
