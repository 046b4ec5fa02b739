"""The account settings page (profile and preferences edited together), and allauth's
email confirmation page taught to finish the trip the visitor signed up for."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from allauth.account.views import ConfirmEmailView

from .adapter import with_next
from .forms import PreferencesForm, ProfileForm
from .services import ensure_user_records, save_account_settings
from .standing import is_staff_member


@never_cache
@login_required
def account_settings(request):
    profile, preferences = ensure_user_records(request.user)
    posted = request.method == "POST"
    data, files = (request.POST, request.FILES) if posted else (None, None)
    editor = is_staff_member(request.user)  # certificate fields: see ProfileForm
    profile_form = ProfileForm(data, files, instance=profile, prefix="profile", editor=editor)
    preferences_form = PreferencesForm(data, instance=preferences, prefix="prefs")
    if posted:
        if all([profile_form.is_valid(), preferences_form.is_valid()]):  # report both forms
            save_account_settings(profile_form, preferences_form)
            messages.success(request, "Your settings are saved.")
            return redirect("account_settings")
        messages.error(request, "Some settings need attention; nothing was saved yet.")
    context = {"profile_form": profile_form, "preferences_form": preferences_form}
    return render(request, "account/settings.html", context, status=400 if posted else 200)


class ConfirmEmailThenContinueView(ConfirmEmailView):
    """allauth's confirmation page, which signs in only the browser that signed up.

    Confirmed anywhere else (the link opened on a phone), the visitor is still a guest:
    allauth would send them straight to `next`, the lesson, where the same "sign up"
    call to action waits. They go to log in first, with `next` kept, and land on it.
    """

    def get_redirect_url(self):
        next_url = self.get_next_url()  # only a safe one (AccountAdapter.is_safe_url)
        if next_url and not self.request.user.is_authenticated:
            return with_next(reverse("account_login"), next_url)
        return super().get_redirect_url()


confirm_email = ConfirmEmailThenContinueView.as_view()
