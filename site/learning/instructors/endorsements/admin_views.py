"""The instructor's endorsement pages in the Wagtail admin: write one (kind, details,
preview, sign) and look at or revoke one they signed. Access rules are in access.py;
a student the instructor may not endorse, or an endorsement they did not sign, is a
404 like an unknown id, so ids reveal nothing."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from core.ratelimit import throttled
from learning.instructors.models import Endorsement

from . import access
from .forms import EndorsementForm, KindForm, RevokeForm
from .services import revoke_endorsement, sign_endorsement
from .services import student_name as name_of_student

TEMPLATES = "learning/instructors/endorsements/admin/"
THROTTLED = "Too many signing attempts. Wait a few minutes, then try again."


def profile_url():
    try:
        return reverse("instructors_my_profile")
    except NoReverseMatch:
        return ""


def student_page_url(student):
    try:
        return reverse("instructors_student", args=[student.pk])
    except NoReverseMatch:
        return ""


class EndorseView(TitledAdminView, TemplateView):
    template_name = TEMPLATES + "endorse.html"
    header_icon = "edit"

    def get_page_title(self):
        return f"Endorse {self.student_name}" if hasattr(self, "student_name") else "Endorse"

    def dispatch(self, request, *args, student_id, **kwargs):
        self.student = get_object_or_404(get_user_model(), pk=student_id, is_active=True)
        self.course_id = access.endorsing_course_id(request.user, self.student)
        if self.course_id is None:
            raise Http404("No student you may endorse has this id.")
        self.student_name = name_of_student(self.student)
        self.profile, self.problem = access.signing_profile(request.user)
        if self.problem:
            context = self.get_context_data(problem=self.problem, profile_url=profile_url())
            return self.render_to_response(context, status=403)
        kind = request.POST.get("kind") or request.GET.get("kind")
        self.kind = kind if kind in Endorsement.Kind.values else None
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            student=self.student,
            student_name=self.student_name,
            student_url=student_page_url(self.student),
            **kwargs,
        )

    def make_form(self, data=None, signing=False):
        return EndorsementForm(
            data,
            kind=self.kind,
            instructor=self.request.user,
            profile=self.profile,
            today=access.instructor_today(self.profile),
            signing=signing,
        )

    def render_form(self, form, status=200):
        context = self.get_context_data(
            form=form,
            kind_label=Endorsement.Kind(self.kind).label,
            preview=form.preview(self.student_name),
        )
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        if self.kind is None:
            kind_form = KindForm(request.GET or None)
            return self.render_to_response(self.get_context_data(kind_form=kind_form))
        return self.render_form(self.make_form())

    def post(self, request, *args, **kwargs):
        if self.kind is None:
            kind_form = KindForm(request.POST)
            context = self.get_context_data(kind_form=kind_form)
            return self.render_to_response(context, status=400)
        signing = request.POST.get("action") == "sign"
        form = self.make_form(request.POST, signing=signing)
        if not signing:
            return self.render_form(form)
        limited = throttled(request, "endorsement_sign", THROTTLED)
        if limited is not None:
            return limited
        if not form.is_valid():
            return self.render_form(form)
        endorsement, created = sign_endorsement(
            instructor=request.user,
            student=self.student,
            course_id=self.course_id,
            kind=self.kind,
            details=form.details(),
            signed_on=form.cleaned_data["signed_on"],
            signature=form.cleaned_data["signature"],
            token=form.cleaned_data["token"],
        )
        if created:
            messages.success(request, f"Signed: {endorsement} ({endorsement.regulation}).")
        else:
            messages.info(request, "This endorsement was already signed; nothing was added.")
        return redirect("instructors_endorsement", endorsement.pk)


class EndorsementView(TitledAdminView, TemplateView):
    """One endorsement as signed, with its links and the revoke form."""

    template_name = TEMPLATES + "endorsement.html"
    header_icon = "doc-full"

    def get_page_title(self):
        endorsement = getattr(self, "endorsement", None)
        return str(endorsement) if endorsement else "Endorsement"

    def dispatch(self, request, *args, endorsement_id, **kwargs):
        self.endorsement = get_object_or_404(
            Endorsement.objects.select_related("student"), pk=endorsement_id
        )
        if not access.may_manage(request.user, self.endorsement):
            raise Http404("No endorsement you signed has this id.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("revoke_form", RevokeForm())
        return super().get_context_data(
            endorsement=self.endorsement,
            student_url=student_page_url(self.endorsement.student),
            **kwargs,
        )


@method_decorator(require_POST, name="dispatch")
class RevokeView(EndorsementView):
    def post(self, request, *args, **kwargs):
        form = RevokeForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(revoke_form=form), status=400)
        _, revoked = revoke_endorsement(
            self.endorsement.pk, by=request.user, reason=form.cleaned_data["reason"]
        )
        if revoked:
            messages.success(request, "Revoked. The student has been told.")
        else:
            messages.info(request, "This endorsement was already revoked.")
        return redirect("instructors_endorsement", self.endorsement.pk)
