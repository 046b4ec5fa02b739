"""Admin and serving hooks for courses: lesson document downloads follow the tier rule,
the home page's course sections get their courses from here (pages.providers), and a
course's page tree follows its team: whoever creates or copies a course leads it, and
only its editing instructors add pages inside it."""

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import GroupPagePermission, Page

from pages.providers import COURSE_CARDS_HOOK, SITE_COUNTS_HOOK

from .access import viewer_tier
from .catalog import course_cards
from .documents import document_required_tier
from .models import CourseInstructor, CoursePage, LessonPage
from .teaching import EDIT_CONTENT, RIGHTS, has_right


@hooks.register("before_serve_document")
def refuse_documents_above_viewer_tier(document, request):
    needed = document_required_tier(document)
    if needed is not None and viewer_tier(request) < needed:
        raise PermissionDenied("This download is part of a lesson you don't have access to yet.")


@hooks.register(COURSE_CARDS_HOOK)
def home_course_cards():
    """The courses the home page's "Featured courses" section may show."""
    return course_cards()


@hooks.register(SITE_COUNTS_HOOK)
def live_course_counts():
    """Published, public courses and lessons, for the home page's stats strip."""
    return {
        "courses": CoursePage.objects.live().public().count(),
        "lessons": LessonPage.objects.live().public().count(),
    }


def credit_as_lead(user, page):
    """Make `user` the lead of the course `page` (when it is one) with every right, so the
    instructor who made it goes on editing and publishing it (team_access)."""
    if user.is_superuser or not isinstance(page.specific, CoursePage):
        return
    CourseInstructor.objects.update_or_create(
        page_id=page.pk,
        user=user,
        defaults={"role": CourseInstructor.Role.LEAD, "is_active": True}
        | dict.fromkeys(RIGHTS, True),
    )


@hooks.register("after_create_page")
def lead_the_new_course(request, page):
    credit_as_lead(request.user, page)


def ancestor_paths(page):
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def may_work_inside(user, page):
    """Whether `user` may add or edit pages at `page`, when it is (or sits in) a course:
    its team's edit right, or page editing an admin granted a group above it. Wagtail
    also lets whoever may add pages edit the pages they own; the Instructors role may
    add below every catalog (to create courses), so ownership alone must not open a
    course whose team no longer includes them."""
    paths = ancestor_paths(page)
    course = CoursePage.objects.filter(path__in=paths).only("pk", "path").first()
    if course is None or user.is_superuser or has_right(user, course.pk, EDIT_CONTENT):
        return True
    return GroupPagePermission.objects.filter(
        group__user=user,
        permission__codename="change_page",
        page__path__in=paths[: len(course.path) // page.steplen],
    ).exists()


@hooks.register("before_create_page")
def add_inside_taught_courses_only(request, parent_page, page_class):
    if not may_work_inside(request.user, parent_page):
        return permission_denied(request)
    return None


@hooks.register("before_edit_page")
def edit_taught_courses_only(request, page):
    if not may_work_inside(request.user, page):
        return permission_denied(request)
    return None


# Copy, move and delete also follow the team: Wagtail allows them from the catalog-wide
# add right (copy/move into any page below a catalog, delete or move pages one owns).


def _page_from(value):
    try:
        return Page.objects.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


@hooks.register("before_copy_page")
def copy_within_taught_courses_only(request, page):
    if not may_work_inside(request.user, page):
        return permission_denied(request)
    if request.method == "POST":
        destination = _page_from(request.POST.get("new_parent_page"))
        if destination is not None and not may_work_inside(request.user, destination):
            return permission_denied(request)
    return None


@hooks.register("before_move_page")
def move_within_taught_courses_only(request, page, destination):
    if not (may_work_inside(request.user, page) and may_work_inside(request.user, destination)):
        return permission_denied(request)
    return None


@hooks.register("before_delete_page")
def delete_within_taught_courses_only(request, page):
    if not may_work_inside(request.user, page):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def bulk_within_taught_courses_only(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    form = getattr(action_class_instance, "cleaned_form", None)
    destination = form.cleaned_data.get("chooser") if form is not None else None
    if isinstance(destination, Page):
        pages.append(destination)
    if any(not may_work_inside(request.user, page) for page in pages):
        return permission_denied(request)
    return None
