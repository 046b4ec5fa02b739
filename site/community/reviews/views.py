"""Review views: thin wrappers that check input, call services and answer page or fragment.

Writes answer the JS path with the re-rendered section (or review) and the no-JS path with
a redirect; refusals keep what the learner typed (core.fragments has the protocol).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.fragments import answers_refusals, fragment_or_redirect, refusal, wants_fragment
from core.pagination import paginate
from core.query import LenientFilters
from core.redirects import referer_or
from learning.courses.models import CoursePage

from . import services
from .forms import ReviewForm
from .listing import (
    SORTS,
    approved_reviews,
    mark_viewer,
    section_context,
    summary_context,
    with_viewer_votes,
)
from .models import Review

SECTION = "community/reviews/section.html"
REVIEW = "community/reviews/components/review.html"


def login_for_reviews(view):
    """Signed-in learners only: JS gets a 403 it can announce, a form post the login page.
    A refusal the services raise is answered as one (answers_refusals)."""
    view = answers_refusals(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if wants_fragment(request):
            return refusal(request, "Log in to review courses and vote.", status=403)
        return redirect_to_login(referer_or(request, "/"))

    return wrapper


def reviewable_course(course_id):
    return CoursePage.objects.live().public().defer_streamfields().filter(pk=course_id).first()


def section_url(course):
    return f"{course.url or '/'}#course-reviews"


def course_reviews(request, course_id):
    """GET: every published review of the course. POST: write or edit the viewer's own."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    course = reviewable_course(course_id)
    if course is None:
        return refusal(request, "That course does not exist.", status=404)
    if request.method == "POST":
        return write_review(request, course)
    filters = LenientFilters()
    sort = filters.choice(request.GET, "sort", SORTS, "sort order", default="newest")
    notices = filters.notices
    page = paginate(approved_reviews(course, sort), request.GET.get("page"), notices)
    context = {
        "course": course,
        **summary_context(course),
        "reviews": with_viewer_votes(page.object_list, request.user),
        "page_obj": page,
        "query": f"sort={sort}",
        "sort": sort,
        "sort_choices": [(key, label) for key, (label, _) in SORTS.items()],
        "notices": notices,
    }
    return TemplateResponse(request, "community/reviews/course_reviews.html", context)


@login_for_reviews
def write_review(request, course):
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return refuse_form(request, course, form, form.refusal_message, 400)
    data = form.cleaned_data
    try:
        review = services.submit_review(
            request.user, course, data["rating"], data["title"], data["text"]
        )
    except services.ReviewError as error:
        return refuse_form(request, course, form, error.message, error.status)
    if review.is_approved:
        message = "Thanks! Your review is published."
    else:
        message = "Thanks! Your review will appear once a moderator has checked it."
    return fragment_or_redirect(
        request, SECTION, section_context(request, course), section_url(course), message
    )


def refuse_form(request, course, form, message, status):
    """The form again with the learner's words and the reason: in the section for JS, on
    its own page otherwise."""
    context = {**section_context(request, course, form=form), "typed_form": form}
    if not context.get("enrolled"):
        context["form"] = None  # not enrolled (any more): the section says so instead
    page = "community/reviews/form_page.html"
    return refusal(request, message, status, template=SECTION, context=context, page=page)


@require_POST
@login_for_reviews
def delete_review(request, review_id):
    review = services.delete_review(request.user, review_id)
    message = "Your review is deleted."
    course = reviewable_course(review.course_id)
    if course is None:
        return fragment_or_redirect(request, None, {}, "/", message)
    context = section_context(request, course)
    return fragment_or_redirect(request, SECTION, context, section_url(course), message)


@require_POST
@login_for_reviews
def helpful(request, review_id):
    """Mark a review helpful (helpful=1, the default) or take the vote back (helpful=0).

    The form says which, so a double click votes once instead of toggling twice.
    """
    wanted = request.POST.get("helpful", "1") != "0"
    if wanted:
        review = services.vote_helpful(request.user, review_id)
    else:
        review = services.unvote(request.user, review_id)
    review = Review.objects.select_related("user__profile").filter(pk=review.pk).first()
    if review is None:  # deleted by its author a moment ago
        return refusal(request, services.NO_SUCH_REVIEW, status=404)
    mark_viewer(review, request.user, wanted)
    context = {"review": review, "heading_level": 2 if request.POST.get("heading") == "2" else 3}
    message = "Marked as helpful." if wanted else "Helpful vote removed."
    default = reverse("course_reviews", args=[review.course_id])
    return fragment_or_redirect(request, REVIEW, context, referer_or(request, default), message)
