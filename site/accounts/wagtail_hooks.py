"""Subscriptions in the Wagtail admin, so staff can grant or end Premium by hand.

Until payments arrive this is the only way a learner's plan changes, and afterwards
it is how support fixes one. Staff need a listing they can filter, search and export,
and a form that can neither move a plan to another learner nor touch the payment
fields the payments integration owns. Access follows the Django subscription
permissions (add/change/delete/view), which Wagtail offers in its group editor;
instructors do not get them.

Also the Reports menu's "Content due for review" (review_list.py).
"""

from django import forms
from django.contrib.admin import display
from django.core.exceptions import ValidationError
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList

from wagtail_modeladmin.options import modeladmin_register
from wagtail_modeladmin.views import CreateView

from core.modeladmin import SafeExportIndexView, ScopedModelAdmin

from .managers import normalize_email_address
from .models import Subscription, User
from .review_list import URL_NAME as REVIEW_LIST_URL_NAME
from .review_list import ReviewListView, may_see_review_list


class LearnerEmailField(forms.ModelChoiceField):
    """Pick the learner by the address they sign in with: a select of every user won't scale."""

    widget = forms.EmailInput
    default_error_messages = {"invalid_choice": "No account uses this email address."}

    def __init__(self, **kwargs):
        super().__init__(queryset=User.objects.all(), to_field_name="email", **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return super().to_python(normalize_email_address(str(value)))


class SubscriptionCreateForm(WagtailAdminModelForm):
    user = LearnerEmailField(
        label="Learner", help_text="The email address the learner signs in with."
    )

    def clean_user(self):
        user = self.cleaned_data["user"]
        if Subscription.objects.filter(user=user).exists():
            raise ValidationError("This learner already has a subscription; edit that one instead.")
        return user


PLAN_PANELS = [
    FieldRowPanel([FieldPanel("tier"), FieldPanel("status")]),
    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    FieldPanel("auto_renew"),
]
PAYMENT_HELP = "Filled in by the payments integration."

CREATE_HANDLER = ObjectList(
    [FieldPanel("user"), *PLAN_PANELS], base_form_class=SubscriptionCreateForm
)
EDIT_HANDLER = ObjectList(
    [
        FieldPanel("user", read_only=True, heading="Learner"),
        *PLAN_PANELS,
        FieldPanel("payment_method", read_only=True, help_text=PAYMENT_HELP),
        FieldPanel("payment_id", read_only=True, help_text=PAYMENT_HELP),
    ]
)


class SubscriptionCreateView(CreateView):
    """Only a new subscription may choose its learner; editing shows the learner read-only."""

    def get_edit_handler(self):
        return CREATE_HANDLER.bind_to_model(Subscription)


class SubscriptionAdmin(ScopedModelAdmin):
    model = Subscription
    menu_label = "Subscriptions"
    menu_icon = "tick-inverse"
    menu_order = 800
    list_display = [
        "user_email",
        "user_display_name",
        "tier",
        "status",
        "start_date",
        "end_date",
        "auto_renew",
        "grants_premium_now",
    ]
    list_export = [*list_display, "payment_method", "payment_id", "created_at"]
    export_filename = "subscriptions"
    list_filter = ["tier", "status", "auto_renew"]
    search_fields = ["user__email", "user__profile__display_name"]
    ordering = ["-created_at"]
    list_select_related = ["user", "user__profile"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "tier",
        "status",
        "start_date",
        "end_date",
        "auto_renew",
        "payment_method",
        "payment_id",
        "created_at",
        "updated_at",
    ]
    index_view_class = SafeExportIndexView
    create_view_class = SubscriptionCreateView
    edit_handler = EDIT_HANDLER

    @display(description="Email", ordering="user__email")
    def user_email(self, subscription):
        return subscription.user.email

    @display(description="Name", ordering="user__profile__display_name")
    def user_display_name(self, subscription):
        return subscription.user.display_name

    @display(description="Grants premium now", boolean=True)
    def grants_premium_now(self, subscription):
        return subscription.grants_premium()


modeladmin_register(SubscriptionAdmin)


class ReviewListMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_review_list(request.user)


@hooks.register("register_admin_urls")
def register_review_list_url():
    return [path("reports/content-review/", ReviewListView.as_view(), name=REVIEW_LIST_URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_review_list_menu_item():
    """Under Reports, beside Wagtail's own lists of pages to look at."""
    return ReviewListMenuItem(
        "Content due for review", reverse(REVIEW_LIST_URL_NAME), icon_name="date", order=50
    )
