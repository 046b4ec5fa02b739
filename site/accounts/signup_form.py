"""The sign-up form allauth uses (ACCOUNT_FORMS["signup"]).

Its own module: allauth imports accounts.forms (ACCOUNT_SIGNUP_FORM_CLASS) while
building its SignupForm, so subclassing that form there would be a circular import.
"""

from django.db import IntegrityError, transaction

from allauth.account.forms import SignupForm as AllauthSignupForm


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, safe when the same address signs up twice at once.

    Both requests pass the "address already taken" check before either has saved, and
    the slower one then fails on the unique email constraint. It is answered exactly as
    a sign-up with a taken address is: "check your email" (allauth then mails the owner
    that the account exists), never a 500, and nothing about the account is revealed.
    """

    def try_save(self, request):
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            self.account_already_exists = True
            return super().try_save(request)
