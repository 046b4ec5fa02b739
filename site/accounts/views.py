"""The account settings page: profile and preferences edited together."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .forms import PreferencesForm, ProfileForm
from .services import ensure_user_records, save_account_settings


@never_cache
@login_required
def account_settings(request):
    profile, preferences = ensure_user_records(request.user)
    posted = request.method == "POST"
    data, files = (request.POST, request.FILES) if posted else (None, None)
    profile_form = ProfileForm(data, files, instance=profile, prefix="profile")
    preferences_form = PreferencesForm(data, instance=preferences, prefix="prefs")
    if posted:
        if all([profile_form.is_valid(), preferences_form.is_valid()]):  # report both forms
            save_account_settings(profile_form, preferences_form)
            messages.success(request, "Your settings are saved.")
            return redirect("account_settings")
        messages.error(request, "Some settings need attention; nothing was saved yet.")
    context = {"profile_form": profile_form, "preferences_form": preferences_form}
    return render(request, "account/settings.html", context, status=400 if posted else 200)
