"""allauth adapter: Groundschool's deviations from allauth's defaults, each with a reason."""

from django.core.exceptions import ValidationError

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429

TOO_MANY_LOGIN_ATTEMPTS = "too_many_login_attempts"
EMAIL_MAX_LENGTH = 254  # RFC 5321 path limit, and User.email's column width


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        """Refuse addresses that cannot be delivered to, instead of cutting them short."""
        if len(email) > EMAIL_MAX_LENGTH:
            raise ValidationError(
                f"Email addresses can be at most {EMAIL_MAX_LENGTH} characters long."
            )
        return super().clean_email(email)

    def pre_authenticate(self, request, **credentials):
        """Answer a password-guessing run with HTTP 429, not a form error.

        allauth reports an exhausted failed-login limit as a form error (HTTP 200);
        a 429 tells clients, proxies and monitoring that the limit was hit.
        """
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == TOO_MANY_LOGIN_ATTEMPTS:
                raise ImmediateHttpResponse(respond_429(request)) from error
            raise
