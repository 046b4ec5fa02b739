"""The allauth forms Groundschool uses (ACCOUNT_FORMS): allauth's, in our words.

Their own module: allauth imports accounts.forms (ACCOUNT_SIGNUP_FORM_CLASS) while
building its SignupForm, so subclassing that form there would be a circular import.
"""

from django.db import IntegrityError, transaction

from allauth.account import forms as allauth_forms

from .forms import password_rules_summary

# allauth's labels are Title Case; the rest of the site writes sentence case.
SENTENCE_CASE_LABELS = {"remember": "Keep me logged in", "oldpassword": "Current password"}


class InOurWords:
    """Mixed into allauth's forms: sentence-case labels, no placeholders repeating the
    label (they look like typed text and vanish on typing), and the password rules as
    one short line.

    `replaces_old`: the form changes an existing password, so the new one says "New".
    """

    replaces_old = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = "New password" if self.replaces_old else "Password"
        labels = {**SENTENCE_CASE_LABELS, "password1": chosen, "password2": f"{chosen} (again)"}
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in labels:
                field.label = labels[name]
        if "password2" in self.fields:  # a form that sets a new password
            self.fields["password1"].help_text = password_rules_summary()


class SignupForm(InOurWords, allauth_forms.SignupForm):
    """allauth's sign-up form, name first, safe when the same address signs up twice at
    once.

    Both requests pass the "address already taken" check before either has saved, and
    the slower one then fails on the unique email constraint. It is answered exactly as
    a sign-up with a taken address is: "check your email" (allauth then mails the owner
    that the account exists), never a 500, and nothing about the account is revealed.
    """

    field_order = ["display_name", "email", "password1", "password2"]

    def try_save(self, request):
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            self.account_already_exists = True
            return super().try_save(request)


class LoginForm(InOurWords, allauth_forms.LoginForm):
    pass


class ChangePasswordForm(InOurWords, allauth_forms.ChangePasswordForm):
    replaces_old = True


class SetPasswordForm(InOurWords, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordKeyForm(InOurWords, allauth_forms.ResetPasswordKeyForm):
    replaces_old = True


class ResetPasswordForm(InOurWords, allauth_forms.ResetPasswordForm):
    pass
