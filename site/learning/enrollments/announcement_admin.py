"""Course announcements in the Wagtail admin: the list, and "New announcement".

Only courses the user may announce to (announcements.announceable_courses: pages they
may edit and teach; every course for a superuser) appear in the list and the form; the
form shows how many learners each course would reach. Posting stores the announcement
and leaves the fan-out to Celery, so the request costs the same for 10 learners or
10,000.
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView

from .announcements import (
    BODY_MAX,
    TITLE_MAX,
    announceable_courses,
    post_announcement,
    recipient_counts,
)
from .models import Announcement

PAGE_SIZE = 25


def may_announce(user):
    return announceable_courses(user).exists()


def learners(count):
    return f"{count} learner{'' if count == 1 else 's'}"


class AnnouncementForm(forms.Form):
    course = forms.ModelChoiceField(queryset=None, empty_label="Choose a course")
    title = forms.CharField(max_length=TITLE_MAX)
    body = forms.CharField(
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Plain text. Learners see the title in their notifications, with a link "
        "to the course page.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        courses = list(announceable_courses(user))
        counts = recipient_counts([course.pk for course in courses])
        field = self.fields["course"]
        field.queryset = announceable_courses(user)
        field.label_from_instance = lambda course: (
            f"{course.title} ({learners(counts.get(course.pk, 0))})"
        )


class AnnouncementAccessMixin(TitledAdminView):
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not may_announce(request.user):
            # A real 403 (Wagtail would turn PermissionDenied into a redirect home).
            context = TitledAdminView.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        return super().dispatch(request, *args, **kwargs)


class AnnouncementListView(AnnouncementAccessMixin, TemplateView):
    template_name = "learning/enrollments/admin/announcements.html"
    page_title = "Announcements"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = (
            Announcement.objects.filter(course__in=announceable_courses(self.request.user))
            .select_related("course", "author__profile")
            .order_by("-created_at", "-pk")
        )
        context["announcements"] = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("p"))
        return context


class AnnouncementCreateView(AnnouncementAccessMixin, TemplateView):
    template_name = "learning/enrollments/admin/announcement_form.html"
    page_title = "New announcement"
    parent_crumb = ("enrollments_announcements", "Announcements")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AnnouncementForm(user=self.request.user))
        return context

    def post(self, request, *args, **kwargs):
        form = AnnouncementForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        announcement = post_announcement(request.user, data["course"], data["title"], data["body"])
        messages.success(
            request,
            f"“{announcement.title}” is on its way to the learners of {announcement.course.title}.",
        )
        return redirect("enrollments_announcements")
