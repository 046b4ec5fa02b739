"""Certificates in the Wagtail admin: find, inspect and export them, and revoke one.

Certificates are earned, never made by hand, and what one says is fixed on the day of
issue; so the admin can neither create, edit nor delete them. The one change staff may
make is a revocation (with a reason, behind a confirmation), which the public
verification page shows at once and the PDF is re-rendered for. Revoking needs
`enrollments.change_certificate`; viewing needs any certificate permission.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import display
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_http_methods

from wagtail import hooks

from wagtail_modeladmin.helpers import AdminURLHelper, ButtonHelper

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView, ScopedModelAdmin

from ..models import Certificate
from . import services as certificates
from .pdf import verification_url

REVOKE_PERMISSION = "enrollments.change_certificate"
REVOKE_URL_NAME = "enrollments_certificate_modeladmin_revoke"
REVOKE_TEMPLATE = "learning/enrollments/certificates/admin_revoke.html"
REASON_REQUIRED = "Give a reason for revoking the certificate."


def user_can_revoke(user, certificate):
    return certificate.is_valid and user.has_perm(REVOKE_PERMISSION)


class CertificateButtonHelper(ButtonHelper):
    """Adds "Revoke" beside the usual buttons, for valid certificates and staff who may."""

    def revoke_button(self, pk, classnames_add=None, classnames_exclude=None):
        return {
            "url": self.url_helper.get_action_url("revoke", quote(pk)),
            "label": "Revoke",
            "classname": self.finalise_classname(
                ["serious", *(classnames_add or [])], classnames_exclude
            ),
            "title": "Revoke this certificate",
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if "revoke" not in (exclude or []) and user_can_revoke(self.request.user, obj):
            buttons.append(self.revoke_button(obj.pk, classnames_add, classnames_exclude))
        return buttons


class CertificateAdmin(ScopedModelAdmin):
    model = Certificate
    menu_label = "Certificates"
    menu_icon = "doc-full"
    menu_order = 300
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = CertificateButtonHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    inspect_template_name = "learning/enrollments/certificates/admin_inspect.html"
    list_display = [
        "certificate_number",
        "holder_name",
        "course_title",
        "user_email",
        "issued_at",
        "is_valid",
    ]
    list_export = [
        *list_display,
        "revocation_date",
        "revocation_reason",
        "verification_link",
    ]
    export_filename = "certificates"
    list_filter = ["is_valid", "issued_at"]
    search_fields = [
        "certificate_number",
        "holder_name",
        "course_title",
        "enrollment__user__email",
    ]
    list_select_related = ["enrollment__user"]
    ordering = ["-issued_at"]
    inspect_view_fields = [
        "certificate_number",
        "holder_name",
        "course_title",
        "enrollment",
        "issued_at",
        "is_valid",
        "revocation_date",
        "revocation_reason",
        "template_version",
    ]

    @display(description="Email", ordering="enrollment__user__email")
    def user_email(self, certificate):
        return certificate.enrollment.user.email

    @display(description="Verification link")
    def verification_link(self, certificate):
        return verification_url(certificate)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kept in the admin for the record; the public page shows only the date.",
        error_messages={"required": REASON_REQUIRED},
    )


def inspect_url(certificate):
    return AdminURLHelper(Certificate).get_action_url("inspect", quote(certificate.pk))


@require_http_methods(["GET", "HEAD", "POST"])
def revoke_view(request, pk):
    """The form is the confirmation step: it says what will happen before anything does."""
    if not request.user.has_perm(REVOKE_PERMISSION):
        return TemplateResponse(
            request, REVOKE_TEMPLATE, {"forbidden": True, "certificate": None}, status=403
        )
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment__user"), pk=pk)
    if not certificate.is_valid:
        messages.warning(
            request, f"Certificate {certificate.certificate_number} is already revoked."
        )
        return redirect(inspect_url(certificate))
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        certificates.revoke_certificate(certificate, form.cleaned_data["reason"])
        messages.success(
            request,
            f"Certificate {certificate.certificate_number} is revoked. Its verification page "
            "now says so, and its PDF is being remade with a REVOKED mark.",
        )
        return redirect(inspect_url(certificate))
    if form.errors:
        messages.error(request, "The certificate was not revoked: " + form.errors["reason"][0])
    context = {
        "certificate": certificate,
        "form": form,
        "cancel_url": inspect_url(certificate),
        "holder_email": certificate.enrollment.user.email,
    }
    return TemplateResponse(request, REVOKE_TEMPLATE, context)


@hooks.register("register_admin_urls")
def register_revoke_url():
    return [path("enrollments/certificate/revoke/<int:pk>/", revoke_view, name=REVOKE_URL_NAME)]
