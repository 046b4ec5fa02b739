"""Admin screens of course templates: the list, create and edit (its author or an
administrator edits a template; every instructor may use the active ones), "New course
from template" and "Save course as template". Instructors and administrators only; the
rest get a readable 403 page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from learning.courses.teaching import EDIT_CONTENT, has_right

from ..models import CourseTemplate
from ..profiles.access import may_keep_profile
from ..profiles.views import GuardedAdminView
from .forms import CourseTemplateForm, NewCourseForm, SaveAsTemplateForm
from .services import TemplateRefused, create_course_from_template, save_course_as_template

TEMPLATES = "learning/instructors/course_templates/"
LIST = "instructors_course_templates"
ADD = "instructors_course_template_add"
EDIT = "instructors_course_template_edit"
FROM_TEMPLATE = "instructors_course_from_template"
SAVE_AS = "instructors_course_save_as_template"
PAGE_SIZE = 50


def may_edit_template(user, template):
    return user.is_superuser or template.created_by_id == user.pk


class InstructorView(GuardedAdminView):
    forbidden_message = "Only instructors and administrators can use course templates."

    def allowed(self, user):
        return may_keep_profile(user)


class TemplateListView(InstructorView, TemplateView):
    page_title = "Course templates"
    header_icon = "doc-empty-inverse"
    template_name = TEMPLATES + "list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        templates = CourseTemplate.objects.order_by("name", "pk")
        if not user.is_superuser:
            templates = templates.filter(Q(is_active=True) | Q(created_by=user))
        page = Paginator(templates, PAGE_SIZE).get_page(self.request.GET.get("p"))
        for template in page:
            template.edit_url = (
                reverse(EDIT, args=[template.pk]) if may_edit_template(user, template) else ""
            )
            template.use_url = f"{reverse(FROM_TEMPLATE)}?template={template.pk}"
            template.module_count = len((template.template_data or {}).get("modules") or [])
        return super().get_context_data(
            templates=page,
            add_url=reverse(ADD),
            from_template_url=reverse(FROM_TEMPLATE),
            save_as_url=reverse(SAVE_AS),
            **kwargs,
        )


class TemplateFormView(InstructorView, FormView):
    form_class = CourseTemplateForm
    template_name = TEMPLATES + "form.html"
    parent_crumb = (LIST, "Course templates")
    header_icon = "doc-empty-inverse"
    instance = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.instance}

    def form_valid(self, form):
        template = form.save(commit=False)
        if template.created_by_id is None:
            template.created_by = self.request.user
        template.save()
        messages.success(self.request, f"Template “{template.name}” saved.")
        return redirect(LIST)


class TemplateAddView(TemplateFormView):
    page_title = "New course template"


class TemplateEditView(TemplateFormView):
    page_title = "Edit course template"

    def dispatch(self, request, *args, pk, **kwargs):
        if may_keep_profile(request.user):
            self.instance = get_object_or_404(CourseTemplate, pk=pk)
            self.forbidden_message = "Only this template's author or an administrator can edit it."
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, user):
        return may_keep_profile(user) and may_edit_template(user, self.instance)


class CourseFromTemplateView(InstructorView, FormView):
    page_title = "New course from template"
    header_icon = "folder-inverse"
    template_name = TEMPLATES + "from_template.html"
    parent_crumb = (LIST, "Course templates")

    def get_form(self, form_class=None):
        return NewCourseForm(**self.get_form_kwargs(), user=self.request.user)

    def get_initial(self):
        return {"template": self.request.GET.get("template", "")[:12]}

    def form_valid(self, form):
        try:
            course = create_course_from_template(
                self.request.user,
                form.cleaned_data["template"],
                form.cleaned_data["catalog"],
                form.cleaned_data["title"],
            )
        except TemplateRefused as refusal:
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        except ValidationError:  # a template stored with bad data: say so, build nothing
            form.add_error("template", "This template has problems: ask its author to fix it.")
            return self.form_invalid(form)
        messages.success(self.request, f"Draft course “{course.title}” created from the template.")
        return redirect("wagtailadmin_pages:edit", course.pk)


class SaveAsTemplateView(InstructorView, FormView):
    page_title = "Save course as template"
    header_icon = "doc-empty-inverse"
    template_name = TEMPLATES + "save_as.html"
    parent_crumb = (LIST, "Course templates")

    def get_form(self, form_class=None):
        return SaveAsTemplateForm(**self.get_form_kwargs(), user=self.request.user)

    def get_initial(self):
        return {"course": self.request.GET.get("course", "")[:12]}

    def form_valid(self, form):
        course = form.cleaned_data["course"]
        if not has_right(self.request.user, course.pk, EDIT_CONTENT):  # the form narrows too
            form.add_error("course", "You may not edit this course.")
            return self.form_invalid(form)
        template = save_course_as_template(
            self.request.user, course, form.cleaned_data["name"], form.cleaned_data["description"]
        )
        messages.success(self.request, f"Template “{template.name}” saved from {course.title}.")
        return redirect(EDIT, template.pk)
