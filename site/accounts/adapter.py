"""allauth adapter: Groundschool's deviations from allauth's defaults, each with a reason."""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429

from core.redirects import same_site_url

from .standing import is_staff_member

TOO_MANY_LOGIN_ATTEMPTS = "too_many_login_attempts"
# The links allauth puts in the context of its emails.
EMAIL_LINKS = ("activate_url", "password_reset_url", "signup_url")
EMAIL_MAX_LENGTH = 254  # RFC 5321 path limit, and User.email's column width


def with_next(url, next_url):
    """`url` with `next` added to its query string."""
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': next_url})}"


def at_site_url(url):
    """`url` with SITE_URL's scheme and host (a relative one simply gets them)."""
    site = urlsplit(settings.SITE_URL)
    return urlunsplit(urlsplit(url)._replace(scheme=site.scheme, netloc=site.netloc))


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

    def is_safe_url(self, url):
        """Only a path or a URL of this very host may be a `next`.

        allauth's own check also accepts every ALLOWED_HOSTS entry and a bare word; a
        bare word ("dashboard") would then be reversed as a URL name by redirect().
        """
        request = context.request
        return request is not None and same_site_url(request, url, fallback=None) is not None

    def get_login_redirect_url(self, request):
        """Where a log-in without a (safe) `next` lands: editors in the Wagtail admin,
        where their work is; everyone else on their dashboard, not the marketing home
        page they came in through."""
        if is_staff_member(request.user):
            return reverse("wagtailadmin_home")
        return reverse("dashboard")

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The confirmation link, carrying the page the visitor signed up from.

        allauth signs in on confirmation only in the browser that signed up; the link
        also works in another browser (the phone the email was read on), and there the
        `next` it carries brings the learner back to their lesson after logging in.
        """
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = get_next_redirect_url(request) if request else None
        return with_next(url, next_url) if next_url else url

    def send_mail(self, template_prefix, email, context):
        """Links in account emails start at SITE_URL, not at the host the request came in on.

        allauth builds them from the request, so behind a proxy, or under `make run`,
        they named whatever address reached the app (127.0.0.1:8000) rather than the
        site's public address.
        """
        links = {key: at_site_url(context[key]) for key in EMAIL_LINKS if context.get(key)}
        super().send_mail(template_prefix, email, {**context, **links})
