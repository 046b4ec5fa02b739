"""Every admin URL, for every role: nobody reads what their permissions don't cover.

The sweep walks the URL resolver under /admin/ and /django-admin/ (Wagtail's own admin,
every modeladmin and snippet viewset, the project's admin views and Django's admin), fills
each id in the URL with a real object of that model (see admin_sweep_world), and GETs it
as each role: a superuser, a member of each staff group the demo loaders set up
(Instructors, Marketers, Moderators), a plain learner and an anonymous visitor.

What a role may see is derived from the Django model permissions it holds (Wagtail's page
and collection permissions for pages and media, as Wagtail grants them) plus the known
object scoping: learners' records only for courses the user is credited on, official
decks and cards only of courses whose page the user may edit, media only in collections
the user has rights on. Any other answer must be a refusal: a redirect to a login page
(anonymous visitors, learners and non-staff in Django's admin), Wagtail's "no permission"
redirect to the dashboard, 403, 404 or 405 (a redirect elsewhere must lead to one). Never a
500, and no response to anyone but the superuser may contain the secret learner's records.
A few Wagtail pages open to every admin user by design (bulk-action confirmations, the
workflow task chooser, the collection-scoped media choosers and admin API listings) are
listed in OPEN_TO_ADMIN_USERS: they may answer 200, but must not name the object.

One test per role requests every URL and reports every failure at once, by URL and role.
"""

import inspect
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Task,
    Workflow,
)

import pytest
from wagtail_modeladmin.options import ModelAdmin as WagtailModelAdmin

from accounts.models import User
from community.gouge.models import GougeReport
from community.reviews.models import Review
from learning.assessments.models import Assessment, Attempt
from learning.courses.models import CourseInstructor, CoursePage
from learning.enrollments.models import (
    Certificate,
    Enrollment,
    LessonProgress,
    UserActivity,
)
from learning.flashcards.models import CardState, Deck, Flashcard, ReviewLog
from learning.orals.models import MockOralSession, OralQuestion
from snippets.models import Category, Testimonial

from .admin_sweep_world import SECRET_EMAIL, SECRET_NAME, build_world, objects_by_model

pytestmark = pytest.mark.django_db

PREFIXES = ("admin/", "django-admin/")
ROLES = ["superuser", "instructor", "marketer", "moderator", "learner", "anonymous"]
# What only the secret learner's records (and the superuser's view of them) contain.
SECRETS = (
    SECRET_EMAIL,
    SECRET_NAME,
    "Secret private deck",
    "Secret private front",
    "Secret card picture",
)

# Pages anyone may open: signing in, resetting a password, translations, the icon sprite.
PUBLIC = {
    "admin:login",
    "wagtailadmin_login",
    "wagtailadmin_login_redirect",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtail_modeladmin:javascript_catalog",
    "wagtailadmin_sprite",
}
# Wagtail's deliberate error page (it raises for every admin user, to test error mail).
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}
# Wagtail pages any admin user may open by Wagtail's design, which must still show nothing
# of an object the user has no rights on (checked: no secret, not the object's title):
OPEN_TO_ADMIN_USERS = {
    # A bulk action's confirmation: it acts (on POST) only on the objects the user may
    # change, and lists the others as "no permission" (unnamed for snippets, see the
    # project's template override).
    "wagtail_bulk_action",
    # The workflow editor's task chooser: every admin user may list task names.
    "wagtailadmin_workflows:task_chooser",
    "wagtailadmin_workflows:task_chooser_results",
    "wagtailadmin_workflows:task_chooser_create",
    "wagtailadmin_workflows:task_chosen",
    # Image and document choosers and the admin API's media listings: they list only what
    # the user's collection rights allow (Wagtail's choosers; pages/wagtail_hooks for the API).
    "wagtailimages_chooser:choose",
    "wagtailimages_chooser:choose_results",
    "wagtailimages_chooser:chosen_multiple",
    "wagtaildocs_chooser:choose",
    "wagtaildocs_chooser:choose_results",
    "wagtaildocs_chooser:chosen_multiple",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:images:find",
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:documents:find",
}

# The project's own admin views, by URL name: the model whose permissions open them.
PROJECT_VIEWS = {
    "orals_gaps": OralQuestion,
    "reviews_moderation": Review,
    "gouge_moderation": GougeReport,
    "assessments_statistics": Assessment,
    "assessments_assessment_statistics": Assessment,
    "assessments_learner_preview": Assessment,
    "assessments_import": Assessment,
    "assessments_import_confirm": Assessment,
    "assessments_export": Assessment,
    "enrollments_certificate_modeladmin_revoke": Certificate,
}
# Wagtail views whose view class names no model (or another one than their ids), by prefix.
NAMED_MODELS = [
    ("wagtailadmin_workflows:usage", Workflow),
    ("wagtailadmin_workflows:remove", Page),
    ("wagtailadmin_workflows:enable_task", Task),
    ("wagtailadmin_workflows:edit_task", Task),
    ("wagtailadmin_workflows:disable_task", Task),
    ("wagtailadmin_workflows:add_task", Task),
    ("wagtailadmin_workflows:select_task_type", Task),
    ("wagtailadmin_workflows:task_cho", Task),
    ("wagtailadmin_workflows:enable", Workflow),
    ("wagtailadmin_pages:", Page),
    ("wagtailadmin_explore", Page),
    ("wagtailadmin_choose_page", Page),
    ("wagtailadmin_api:pages", Page),
    ("wagtailadmin_api:images", get_image_model()),
    ("wagtailadmin_api:documents", get_document_model()),
    ("wagtailadmin_collections:set_privacy", Collection),
    ("wagtailforms:", Page),
    ("wagtailimages", get_image_model()),
    ("wagtaildocs", get_document_model()),
    ("admin:auth_user_password_change", User),
]
# A URL kwarg that carries the id of the URL's own object.
OBJECT_KWARGS = {
    "pk",
    "instance_pk",
    "object_id",
    "id",
    "image_id",
    "document_id",
    "doc_id",
    "redirect_id",
    "assessment_id",
    "collection_id",
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "page_pk",
}


def teaches(user, course):
    return course is not None and CourseInstructor.objects.filter(page=course, user=user).exists()


def may_edit_page(user, course):
    return course is not None and course.specific.permissions_for_user(user).can_edit()


def course_of_lesson(lesson):
    return lesson and CoursePage.objects.ancestor_of(lesson).first()


def sees_mock_oral(user, session):
    """A credited instructor of a course the learner is in, who shares their progress."""
    if not session.user.preferences.show_progress_to_instructors:
        return False
    enrollments = Enrollment.objects.filter(
        user=session.user, status__in=[Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED]
    )
    return any(teaches(user, enrollment.course) for enrollment in enrollments)


def in_granted_collection(user, obj):
    """A right on the object's collection or one above it (Wagtail's collection rule)."""
    grants = GroupCollectionPermission.objects.filter(
        group__user=user, permission__content_type=ContentType.objects.get_for_model(type(obj))
    ).select_related("collection")
    path = Collection.objects.get(pk=obj.collection_id).path  # adding a sibling moves paths
    return any(path.startswith(grant.collection.path) for grant in grants)


# The known object scoping: whether `user` (with the model's permissions) may see `obj`.
SCOPES = {
    Enrollment: lambda user, obj: teaches(user, obj.course),
    LessonProgress: lambda user, obj: teaches(user, obj.enrollment.course),
    UserActivity: lambda user, obj: teaches(user, obj.course),
    Attempt: lambda user, obj: teaches(user, course_of_lesson(obj.assessment.lesson)),
    MockOralSession: sees_mock_oral,
    ReviewLog: lambda user, obj: teaches(user, obj.card.deck.course),
    CardState: lambda user, obj: teaches(user, obj.card.deck.course),
    Deck: lambda user, obj: may_edit_page(user, obj.course),
    Flashcard: lambda user, obj: may_edit_page(user, obj.deck.course),
    get_image_model(): in_granted_collection,
    get_document_model(): in_granted_collection,
}
# Permissions on another model that also open a model's admin (the permission helpers').
ALSO_OPENED_BY = {
    Attempt: ["assessments.view_assessment", "assessments.change_assessment"],
}
# Snippets page editors pick in page panels and blocks: their choosers also open to users
# with page rights (core.choosers).
PICKED_IN_PAGES = {Category, Testimonial}


def holds_permission(user, model):
    """Any permission on `model`, as Wagtail grants it: page permissions for pages,
    collection permissions for media and collections, model permissions otherwise."""
    if issubclass(model, Page):
        return GroupPagePermission.objects.filter(group__user=user).exists()
    content_type = ContentType.objects.get_for_model(model)
    if GroupCollectionPermission.objects.filter(
        group__user=user, permission__content_type=content_type
    ).exists():
        return True
    codenames = Permission.objects.filter(content_type=content_type).values_list(
        "codename", flat=True
    )
    perms = [f"{content_type.app_label}.{codename}" for codename in codenames]
    return any(user.has_perm(perm) for perm in [*perms, *ALSO_OPENED_BY.get(model, [])])


def scope_of(model):
    for scoped, rule in SCOPES.items():
        if issubclass(model, scoped):
            return rule
    return None


@dataclass
class AdminUrl:
    url: str
    name: str
    route: str
    model: type | None = None
    obj: Model | None = None
    query: dict = field(default_factory=dict)

    @property
    def django_admin(self):
        return self.route.startswith("django-admin/")

    def __str__(self):
        query = "?" + "&".join(f"{k}={v}" for k, v in self.query.items()) if self.query else ""
        return f"{self.url}{query} [{self.name or self.route}]"


def entitled(user, target):
    """May `user` (None: anonymous) see this page, by their permissions and the scoping?"""
    if target.name in PUBLIC:
        return True
    if user is None:
        return False
    if target.django_admin:
        if not (user.is_active and user.is_staff):
            return False
    elif not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.is_superuser:
        return True
    if target.django_admin:
        return target.model is not None and holds_permission(user, target.model)
    if target.model is None:
        return True  # Wagtail's own furniture (dashboard, account, search, reports)
    if not holds_permission(user, target.model):
        picks = target.name.startswith("wagtailsnippetchoosers_")
        if not (picks and target.model in PICKED_IN_PAGES and holds_permission(user, Page)):
            return False
    rule = scope_of(target.model)
    return target.obj is None or rule is None or rule(user, target.obj)


# URL building ------------------------------------------------------------------------

ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)")


def walk(resolver, prefix="", namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield prefix + str(pattern.pattern), name or "", pattern.callback


def admin_routes():
    return [row for row in walk(get_resolver()) if row[0].startswith(PREFIXES)]


def params_of(route):
    return ROUTE_PARAM.findall(route) + REGEX_GROUP.findall(route)


def fill(route, values):
    url = REGEX_GROUP.sub(lambda m: str(values[m[1]]), route)
    url = ROUTE_PARAM.sub(lambda m: str(values[m[1]]), url)
    url = url.replace("^", "").replace("$", "").replace(".*", "sweep-unknown")
    return "/" + url.replace("\\.", ".")


def modeladmin_of(callback):
    """The ModelAdmin behind one of its views (Wagtail wraps admin URLs' callbacks)."""
    owner = getattr(inspect.unwrap(callback), "__self__", None)
    return owner if isinstance(owner, WagtailModelAdmin) else None


def view_model(name, callback):
    owner = modeladmin_of(callback)
    if owner is not None:
        return owner.model
    django_admin = getattr(callback, "model_admin", None)
    if django_admin is not None:
        return django_admin.model
    if name in PROJECT_VIEWS:
        return PROJECT_VIEWS[name]
    for prefix, model in NAMED_MODELS:
        if name.startswith(prefix):
            return model
    model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(
        getattr(callback, "view_class", None), "model", None
    )
    if isinstance(model, str):
        return apps.get_model(model)
    if isinstance(model, type) and issubclass(model, Model):
        return model
    return None


def objects_for(model, objects):
    for known, found in objects.items():
        if issubclass(model, known) or issubclass(known, model):
            return found
    return []


def base_values(w):
    """Every URL kwarg that is not the URL's own object, by name."""
    return {
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "destination_id": w.catalog.pk,
        "content_type_app_name": "courses",
        "content_type_model_name": "modulepage",
        "action_name": "approve",
        "task_state_id": w.task_state.pk,
        "workflow_state_id": w.workflow_state.pk,
        "task_id": w.task.pk,
        "workflow_pk": w.workflow.pk,
        "session_id": 1,
        "uploaded_file_id": 1,
        "filter_spec": "original",
        "file_format": "csv",
        "uidb64": "MQ",
        "token": "sweep-token",
        "url": "sweep-unknown/",
        "app_label": "courses",
        "model_name": "coursepage",
        "app_name": "taggit",
        "action": "delete",
        "content_type_id": ContentType.objects.get_for_model(CoursePage).pk,
    }


def revision_of(obj):
    if obj is None:
        return Revision.objects.first()
    found = Revision.objects.for_instance(obj).order_by("-pk").first()
    return found or Revision.objects.first()


def special_variants(name, w, objects):
    """URLs whose kwargs name a model: settings, bulk actions, the apps of Django's admin,
    view on site. Returns (model, obj, values, query) tuples, or None for the usual way."""
    if name.startswith("wagtailsettings:"):
        variants = []
        for model in settings_registry:
            instance = model.for_site(w.site) if hasattr(model, "for_site") else model.load()
            pk = w.site.pk if hasattr(model, "for_site") else instance.pk
            values = {"app_name": model._meta.app_label, "model_name": model._meta.model_name}
            variants.append((model, None, {**values, "pk": pk}, {}))
        return variants
    if name == "wagtail_bulk_action":
        bulk_action_registry._scan_for_bulk_actions()
        variants = []
        for app_label, models in bulk_action_registry.actions.items():
            for model_name, actions in models.items():
                model = apps.get_model(app_label, model_name)
                for obj in objects_for(model, objects)[:2] or [None]:
                    for action in actions:
                        values = {"app_label": app_label, "model_name": model_name}
                        query = {"id": obj.pk} if obj else {}
                        variants.append((model, obj, {**values, "action": action}, query))
        return variants
    if name == "admin:app_list":
        labels = sorted({model._meta.app_label for model in apps.get_models()})
        return [(None, None, {"app_label": label}, {}) for label in labels]
    if name == "admin:view_on_site":
        return [(CoursePage, w.other_course, {"object_id": w.other_course.pk}, {})]
    return None


def admin_urls(w):
    """Every admin URL, once per object it can name; plus each listing's CSV export."""
    objects = objects_by_model(w)
    defaults = base_values(w)
    targets, unresolved, shadowed = [], [], []
    for route, name, callback in admin_routes():
        params = params_of(route)
        special = special_variants(name, w, objects)
        if special is None:
            model = view_model(name, callback)
            own = [param for param in params if param in OBJECT_KWARGS]
            found = objects_for(model, objects) if model and own else []
            if "workflow" in name and model is Page:
                found = [w.workflow_page]
            special = [(model, obj, dict.fromkeys(own, obj.pk), {}) for obj in found]
            special = special or [(model, None, {}, {})]
        for model, obj, values, query in special:
            values = {**defaults, "pk": 1, "instance_pk": 1, "object_id": 1, **values}
            values.setdefault("revision_id", revision_of(obj).pk)
            if "revision_id" in params:
                values["revision_id"] = revision_of(obj).pk
            for param in params:
                values.setdefault(param, 1)
            url = fill(route, values)
            try:
                match = resolve(url)
            except Resolver404:
                unresolved.append(f"{route} -> {url}")
                continue
            if match.route.replace("^", "") != route.replace("^", ""):
                shadowed.append(f"{route} -> {url} -> {match.route}")
                continue  # shadowed by an earlier pattern: never reachable
            targets.append(AdminUrl(url, name, route, model, obj, query))
            if name.endswith(("_modeladmin_index", ":list")):
                targets.append(AdminUrl(url, name, route, model, None, {"export": "csv"}))
    return targets, unresolved, shadowed


# The sweep ---------------------------------------------------------------------------


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def refused(response, user):
    """A refusal that shows nothing: a login redirect, Wagtail's "no permission" redirect
    to the dashboard (for signed-in admin users), 403, 404 or 405."""
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        admin_home = location.rstrip("/") in ("/admin", "/django-admin")
        return "login" in location or (user is not None and admin_home)
    return user is not None and status in (403, 404, 405)


def server_error(response):
    error = getattr(response, "exc_info", None)
    detail = f": {error[0].__name__}: {error[1]}" if error else ""
    return f"{response.status_code}{detail}"


def check(client, user, target, is_superuser):
    response = client.get(target.url, target.query)
    status = response.status_code
    if status >= 500:
        return None if target.name in DELIBERATE_ERRORS else server_error(response)
    allowed = entitled(user, target)
    text = body_of(response) if status == 200 else ""
    if status == 200 and not allowed:
        if target.name not in OPEN_TO_ADMIN_USERS:
            return "200 without the permission or outside the user's scope"
        if target.obj is not None and str(target.obj) in text:
            return f"200 names an object the user has no rights on: {target.obj}"
    if not allowed and status in (301, 302) and not refused(response, user):
        # A redirect elsewhere (a setting's page for the site) must lead to a refusal.
        response = client.get(response["Location"])
        if response.status_code >= 500:
            return server_error(response)
        if not refused(response, user):
            return f"{status} to {response.request['PATH_INFO']} is not a refusal"
    elif not allowed and status != 200 and not refused(response, user):
        return f"{status} ({response.get('Location', '')}) is not a refusal"
    leaked = [secret for secret in SECRETS if secret in text]
    if leaked and not is_superuser:
        return f"200 shows the secret learner's data: {leaked}"
    return None


@pytest.mark.parametrize("role", ROLES)
def test_admin_urls_answer_only_what_the_role_may_see(role, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = build_world()
    user = {
        "superuser": w.superuser,
        "instructor": w.instructor,
        "marketer": w.marketer,
        "moderator": w.moderator,
        "learner": w.learner,
        "anonymous": None,
    }[role]
    targets, unresolved, shadowed = admin_urls(w)
    assert not unresolved, "URLs the sweep could not build:\n" + "\n".join(unresolved)
    assert len({t.route for t in targets}) > 450, "\n".join(shadowed)

    client = Client(raise_request_exception=False)
    failures = []
    for target in targets:
        if user is not None:
            client.force_login(user)  # a view may have signed the client out
        problem = check(client, user, target, role == "superuser")
        if problem:
            failures.append(f"{role} GET {target}: {problem}")
    assert not failures, f"{len(failures)} of {len(targets)} URLs:\n" + "\n".join(failures)


def test_every_modeladmin_checks_its_objects_views():
    """The sweep covers today's objects; this keeps tomorrow's ModelAdmin on the base
    class that scopes and checks its inspect, edit, delete and history views."""
    from core.modeladmin import ScopedModelAdmin

    admins = {type(modeladmin_of(callback)) for _, _, callback in admin_routes()}
    admins.discard(type(None))
    assert admins, "no modeladmin URL found"
    assert [admin for admin in admins if not issubclass(admin, ScopedModelAdmin)] == []
