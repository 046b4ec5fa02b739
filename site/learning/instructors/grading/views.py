"""The instructor's feedback pages in the Wagtail admin: a quiz attempt and a mock oral.

Access comes from access.py (404 for anything the viewer may not read); an instructor
with no manage-students right anywhere gets a readable 403. Writes go through
services.py, which never touches a score or a grade.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from learning.assessments.models import AttemptAnswer
from learning.courses.teaching import MANAGE_STUDENTS, holds_right

from . import services
from .access import attempt_for, session_for
from .forms import AttemptFeedbackForm, OralCommentsForm
from .links import student_url

TEMPLATES = "learning/instructors/grading/"


class FeedbackView(TitledAdminView, TemplateView):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or holds_right(user, MANAGE_STUDENTS)):
            context = TitledAdminView.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        self.save(form)
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form())
        return super().get_context_data(**kwargs)

    def tell(self, changed, learner):
        name = learner.get_full_name() or learner.email
        if changed:
            messages.success(self.request, f"Feedback saved; {name} has been told.")
        else:
            messages.info(self.request, "Nothing changed, so nothing was sent.")


class AttemptFeedbackView(FeedbackView):
    template_name = TEMPLATES + "attempt.html"
    page_title = "Quiz feedback"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.attempt = None

    def load(self):
        if self.attempt is None:
            self.attempt = attempt_for(self.request.user, self.kwargs["attempt_id"])
            answers = (
                AttemptAnswer.objects.filter(attempt=self.attempt)
                .select_related("question")
                .prefetch_related("question__choices")
            )
            by_question = {}
            for answer in answers:
                chosen = set(answer.selected_choices or [])
                answer.chosen = [c.text for c in answer.question.choices.all() if c.pk in chosen]
                by_question[answer.question_id] = answer
            order = [pk for pk in self.attempt.question_ids if pk in by_question]
            self.answers = [(n, by_question[pk]) for n, pk in enumerate(order, start=1)]
        return self.attempt

    def form(self, data=None):
        attempt = self.load()
        per_answer = attempt.assessment.show_results_immediately
        return AttemptFeedbackForm(
            data, attempt=attempt, answers=self.answers, per_answer=per_answer
        )

    def save(self, form):
        data = form.cleaned_data
        changed = services.save_attempt_feedback(
            self.attempt, self.request.user, data["overall"], form.per_answer()
        )
        self.tell(changed, self.attempt.user)

    def get_page_subtitle(self):
        return self.attempt.assessment.title if self.attempt else ""

    def get_context_data(self, **kwargs):
        attempt = self.load()
        return super().get_context_data(
            attempt=attempt,
            learner=attempt.user,
            student_url=student_url(attempt.user_id),
            **kwargs,
        )


class OralFeedbackView(FeedbackView):
    template_name = TEMPLATES + "oral.html"
    page_title = "Mock oral feedback"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.session = None

    def load(self):
        if self.session is None:
            self.session = session_for(self.request.user, self.kwargs["session_id"])
            self.items = list(
                self.session.items.select_related("element", "question").order_by("order")
            )
        return self.session

    def form(self, data=None):
        self.load()
        return OralCommentsForm(data, items=self.items)

    def save(self, form):
        changed = services.save_oral_comments(self.session, self.request.user, form.comments())
        self.tell(changed, self.session.user)

    def get_page_subtitle(self):
        return self.session.acs_type if self.session else ""

    def get_context_data(self, **kwargs):
        session = self.load()
        return super().get_context_data(
            session=session,
            learner=session.user,
            student_url=student_url(session.user_id),
            **kwargs,
        )
