"""Admin views of instructor profiles: "My instructor profile" (the signed-in user's
own; no id in its URL, so nobody reaches another's by changing a number) and, for
superusers only, the list of every profile and an editor for any of them.

Anyone else gets a readable 403 page, not Wagtail's silent redirect home."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.admin_titles import TitledAdminView

from ..models import InstructorProfile
from . import recency
from .access import may_edit_any_profile, may_keep_profile
from .forms import InstructorProfileForm
from .services import profile_of, save_profile

TEMPLATES = "learning/instructors/profiles/"
MY_PROFILE = "instructors_my_profile"
PROFILES = "instructors_profiles"
EDIT_PROFILE = "instructors_edit_profile"
PAGE_SIZE = 50


class GuardedAdminView(TitledAdminView):
    """Renders the forbidden page with status 403 when `allowed(user)` is false."""

    forbidden_message = "Only instructors can keep an instructor profile."

    def allowed(self, user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            context = WagtailAdminTemplateMixin.get_context_data(
                self, forbidden=self.forbidden_message, form=None
            )
            return self.response_class(request, TEMPLATES + "forbidden.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)


class ProfileFormView(GuardedAdminView, FormView):
    form_class = InstructorProfileForm
    template_name = TEMPLATES + "form.html"
    header_icon = "user"

    def owner(self):
        raise NotImplementedError

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        profile = profile_of(self.owner())
        if profile is None:
            name = self.owner().get_full_name() or self.owner().email.split("@")[0]
            profile = InstructorProfile(user=self.owner(), display_name=name)
        kwargs["instance"] = profile
        return kwargs

    def get_context_data(self, **kwargs):
        form = kwargs.setdefault("form", self.get_form())
        profile = form.instance
        return super().get_context_data(
            profile=profile,
            owner=self.owner(),
            public_url=reverse("instructor_profile", args=[profile.slug]) if profile.pk else "",
            latest_valid_through=recency.latest_valid_through(form.today),
            **kwargs,
        )

    def form_valid(self, form):
        if save_profile(self.owner(), form) is None:
            return self.form_invalid(form)
        messages.success(self.request, "Instructor profile saved.")
        return redirect(self.request.path)

    def form_invalid(self, form):
        messages.error(self.request, "The profile was not saved: please correct the errors.")
        return super().form_invalid(form)


class MyProfileView(ProfileFormView):
    page_title = "My instructor profile"

    def allowed(self, user):
        return may_keep_profile(user)

    def owner(self):
        return self.request.user


class EditProfileView(ProfileFormView):
    parent_crumb = (PROFILES, "Instructor profiles")
    forbidden_message = "Only administrators can edit other instructors' profiles."

    def allowed(self, user):
        return may_edit_any_profile(user)

    def owner(self):
        if not hasattr(self, "_owner"):
            users = get_user_model().objects.filter(is_active=True)
            self._owner = get_object_or_404(users, pk=self.kwargs["user_id"])
        return self._owner

    def get_page_title(self):
        return f"Instructor profile: {self.owner().get_full_name() or self.owner().email}"


class ProfileListView(GuardedAdminView, TemplateView):
    page_title = "Instructor profiles"
    header_icon = "group"
    template_name = TEMPLATES + "list.html"
    forbidden_message = "Only administrators can see every instructor profile."

    def allowed(self, user):
        return may_edit_any_profile(user)

    def get_context_data(self, **kwargs):
        profiles = InstructorProfile.objects.select_related("user").order_by("display_name", "pk")
        page = Paginator(profiles, PAGE_SIZE).get_page(self.request.GET.get("p"))
        today = timezone.localdate()
        for profile in page:
            profile.edit_url = reverse(EDIT_PROFILE, args=[profile.user_id])
            profile.needs_warning = recency.needs_warning(profile.cfi_expiration, today)
        return super().get_context_data(profiles=page, **kwargs)
