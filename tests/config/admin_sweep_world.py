"""The world the admin URL sweep requests pages of: the demo's staff groups with the
permissions their loaders grant, one user per role, and at least one real object of every
model an admin URL can name.

Every learner record (subscription, enrollment, progress, activity, certificate, quiz
attempt, mock oral, flashcard states and logs, a private deck and picture) belongs to
SECRET_EMAIL, enrolled in "Other course" only. The instructor is credited on "Taught
course" (and, like the demo's Instructors, may edit every course page), so course scoping
must hide all of that learner's records from them.
"""

import datetime
import io
import random
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.utils import timezone

from taggit.models import Tag
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupApprovalTask, Site, Workflow, WorkflowTask

from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)

from accounts.factories import SubscriptionFactory, UserFactory
from accounts.roles import instructors_group
from accounts.roles import moderators_group as gouge_moderators
from accounts.roles import moderators_group as review_moderators
from community.gouge import services as gouge_services
from community.reviews import services as review_services
from demo.loaders.orals import grant_grading
from learning.acs.factories import make_tree
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from learning.assessments import services as assessment_services
from learning.assessments.factories import make_assessment, single
from learning.assessments.permissions import grant_quiz_editing
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import CourseInstructor
from learning.courses.permissions import grant_course_editing
from learning.enrollments import services as enrollment_services
from learning.enrollments.certificates.services import issue_certificate
from learning.enrollments.factories import enroll
from learning.enrollments.models import ActivityType, UserActivity
from learning.flashcards import services as flashcard_services
from learning.flashcards.factories import DeckFactory, FlashcardCategoryFactory, FlashcardFactory
from learning.flashcards.permissions import grant_deck_editing
from learning.orals import services as oral_services
from learning.orals.models import MockOralSection, OralQuestion, Scenario
from pages.collections import FLASHCARD_PICTURES, SITE_MEDIA, child_collection
from pages.forms_pages import FormField, FormPage
from pages.models import StandardPage
from pages.permissions import marketers_group
from snippets.factories import CategoryFactory, ExaminerFactory, TestimonialFactory
from tests.community.gouge.conftest import report_fields

SECRET_EMAIL = "secret.learner@sweep.test"
SECRET_NAME = "Secretia Learnerova"


def staff(email, *groups):
    """A Wagtail user in `groups`; like the demo's staff, not Django staff."""
    first, _, last = email.partition("@")[0].partition(".")
    user = UserFactory(email=email, first_name=first.title(), last_name=last.title() or "Staff")
    user.groups.add(*groups)
    return user


def build_groups(home, catalog):
    instructors = instructors_group()
    grant_course_editing(instructors, catalog)
    grant_quiz_editing(instructors)
    grant_deck_editing(instructors)
    grant_grading(io.StringIO())
    marketers = marketers_group(home)
    moderators = review_moderators()
    gouge_moderators()
    return instructors, marketers, moderators


def add_image(title, collection):
    image = get_image_model().objects.create(
        title=title, file=get_test_image_file(), collection=collection
    )
    return image


def build_learning(w):
    """Courses, the secret learner's records in "Other course", and the bank pages."""
    w.taught_course = make_course(w.catalog, title="Taught course")
    w.other_course = make_course(w.catalog, title="Other course", has_certificate=True)
    module = make_module(w.other_course, title="Weather")
    w.lesson = make_lesson(module, title="METARs", lesson_type="reading")
    w.quiz_lesson = make_lesson(module, title="Weather quiz", lesson_type="quiz")
    w.other_course.save_revision()  # revision views need one
    CourseInstructor.objects.create(page=w.taught_course, user=w.instructor)

    w.subscription = SubscriptionFactory(user=w.learner)
    w.enrollment = enroll(w.learner, w.other_course)
    enrollment_services.complete_lesson(w.learner, w.lesson)
    w.progress = w.enrollment.progress.get()
    w.activity = UserActivity.objects.create(
        user=w.learner, type=ActivityType.LESSON_COMPLETED, course=w.other_course
    )
    w.certificate, _ = issue_certificate(w.enrollment)

    w.acs_standard = make_tree(areas=1, tasks=1, knowledge=2, risks=1, skills=1)
    element = AcsElement.objects.filter(kind="K").first()
    w.oral_question = OralQuestion.objects.create(
        prompt="Tell me about weather minimums.", key_points="Ceilings\nVisibility"
    )
    w.oral_question.elements.add(element)
    w.oral_scenario = Scenario.objects.create(
        standard=w.acs_standard,
        title="Sweep trip",
        route="KHIO direct KRDM",
        flight_date=datetime.date(2026, 8, 15),
        aircraft="Cessna 172S",
        planted_problem="Annual expired",
    )
    task = AcsTask.objects.first()
    w.oral_section = MockOralSection.objects.create(standard=w.acs_standard, name="Area I", order=1)
    w.oral_section.tasks.set([task])
    w.mock_oral, _ = oral_services.start_session(
        w.learner,
        w.acs_standard,
        task_ids=[task.pk],
        planned_minutes=15,
        rng=random.Random(3),
    )

    w.assessment = make_assessment(
        w.quiz_lesson, [single("Which airspace needs a clearance?", "Class B", "Class G")]
    )
    w.attempt, _ = assessment_services.start_attempt(w.learner, w.assessment)

    w.flashcard_category = FlashcardCategoryFactory(name="Weather")
    w.official_deck = DeckFactory(owner=None, course=w.other_course, name="Official weather")
    w.official_card = FlashcardFactory(deck=w.official_deck, front="What is a METAR?")
    w.private_deck = DeckFactory(owner=w.learner, name="Secret private deck")
    w.private_card = FlashcardFactory(deck=w.private_deck, front="Secret private front")
    flashcard_services.start_studying(w.learner, w.official_deck)
    flashcard_services.start_studying(w.learner, w.private_deck)
    w.card_state, w.review_log, _ = flashcard_services.review_card(w.learner, w.official_card.pk, 3)
    w.private_state, w.private_log, _ = flashcard_services.review_card(
        w.learner, w.private_card.pk, 3
    )


def build_community(w):
    """A review and a gouge report with a flag, written by someone else (moderators see
    those), never by the secret learner."""
    enroll(w.reviewer, w.other_course)
    w.review = review_services.submit_review(
        w.reviewer, w.other_course, 4, "Clear lessons", "The weather module is good."
    )
    w.examiner = ExaminerFactory(name="Alex Rivera")
    w.gouge_report = gouge_services.submit_report(w.reviewer, w.examiner, report_fields())
    gouge_services.moderate([w.gouge_report], moderator=None, approve=True)
    w.gouge_flag, _ = gouge_services.flag_report(w.flagger, w.gouge_report.pk, "Off topic")


def build_wagtail(w):
    """Media, snippets, settings, workflows and the other things Wagtail's own admin
    views name by id."""
    w.site = Site.objects.get(is_default_site=True)
    w.media = child_collection(SITE_MEDIA)
    w.collection = w.media
    w.image = add_image("Site picture", w.media)
    w.private_image = add_image("Secret card picture", child_collection(FLASHCARD_PICTURES))
    document_model = get_document_model()
    w.document = document_model.objects.create(
        title="Syllabus", file=get_test_image_file(filename="syllabus.txt"), collection=w.media
    )
    w.testimonial = TestimonialFactory()
    w.testimonial.save_revision()
    w.category = CategoryFactory()
    w.redirect = Redirect.objects.create(old_path="/sweep-old", redirect_link="/sweep-new")
    w.tag = Tag.objects.create(name="sweep")

    w.form_page = w.home.add_child(
        instance=FormPage(title="Contact", slug="contact", to_address="staff@sweep.test")
    )
    FormField.objects.create(page=w.form_page, label="Message", field_type="multiline")
    FormSubmission.objects.create(page=w.form_page, form_data={"message": "Hello"})

    w.workflow_page = w.home.add_child(instance=StandardPage(title="In review", slug="in-review"))
    w.workflow = Workflow.objects.create(name="Sweep review")
    w.task = GroupApprovalTask.objects.create(name="Sweep approval")
    w.task.groups.add(w.groups["Marketers"])
    WorkflowTask.objects.create(workflow=w.workflow, task=w.task, sort_order=0)
    w.workflow_page.save_revision()
    w.workflow_state = w.workflow.start(w.workflow_page, w.superuser)
    w.task_state = w.workflow_state.current_task_state

    interval = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.DAYS)
    w.periodic_task = PeriodicTask.objects.create(
        name="sweep", task="config.tasks.noop", interval=interval
    )
    w.interval = interval
    w.crontab = CrontabSchedule.objects.create(minute="0", hour="4")
    w.solar = SolarSchedule.objects.create(event="sunrise", latitude=47, longitude=-122)
    w.clocked = ClockedSchedule.objects.create(clocked_time=timezone.now())


def build_world():
    w = SimpleNamespace()
    w.home = Site.objects.get(is_default_site=True).root_page.specific
    w.catalog = make_catalog()
    instructors, marketers, moderators = build_groups(w.home, w.catalog)
    w.groups = {"Instructors": instructors, "Marketers": marketers, "Moderators": moderators}
    w.superuser = UserFactory(email="root@sweep.test", is_staff=True, is_superuser=True)
    w.instructor = staff("ida.instructor@sweep.test", instructors)
    w.marketer = staff("max.marketer@sweep.test", marketers)
    w.moderator = staff("mo.moderator@sweep.test", moderators)
    first, _, last = SECRET_NAME.partition(" ")
    w.learner = UserFactory(email=SECRET_EMAIL, first_name=first, last_name=last)
    w.reviewer = UserFactory(email="rae.reviewer@sweep.test")
    w.flagger = UserFactory(email="fay.flagger@sweep.test")
    build_learning(w)
    build_community(w)
    build_wagtail(w)
    w.acs_area = AcsArea.objects.first()
    w.acs_task = AcsTask.objects.first()
    w.acs_element = AcsElement.objects.first()
    w.acs_standard = AcsStandard.objects.first()
    w.group = instructors
    w.email_address = w.learner.emailaddress_set.get()
    return w


def objects_by_model(w):
    """Model -> the world's objects of it, the ones an admin URL is filled with (several
    where access differs between them, e.g. an official and a private deck)."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Collection, Page, Task

    from allauth.account.models import EmailAddress

    from accounts.models import Subscription
    from community.gouge.models import GougeFlag, GougeReport
    from community.reviews.models import Review
    from learning.assessments.models import Assessment, Attempt
    from learning.enrollments.models import Certificate, Enrollment, LessonProgress
    from learning.flashcards.models import CardState, Deck, Flashcard, FlashcardCategory, ReviewLog
    from learning.orals.models import MockOralSession
    from snippets.models import Category, Examiner, Testimonial

    return {
        Subscription: [w.subscription],
        Enrollment: [w.enrollment],
        LessonProgress: [w.progress],
        UserActivity: [w.activity],
        Certificate: [w.certificate],
        Attempt: [w.attempt],
        Assessment: [w.assessment],
        MockOralSession: [w.mock_oral],
        OralQuestion: [w.oral_question],
        Scenario: [w.oral_scenario],
        MockOralSection: [w.oral_section],
        Deck: [w.official_deck, w.private_deck],
        Flashcard: [w.official_card, w.private_card],
        FlashcardCategory: [w.flashcard_category],
        ReviewLog: [w.review_log, w.private_log],
        CardState: [w.card_state, w.private_state],
        AcsStandard: [w.acs_standard],
        AcsArea: [w.acs_area],
        AcsTask: [w.acs_task],
        AcsElement: [w.acs_element],
        Review: [w.review],
        GougeReport: [w.gouge_report],
        GougeFlag: [w.gouge_flag],
        Testimonial: [w.testimonial],
        Category: [w.category],
        Examiner: [w.examiner],
        get_image_model(): [w.image, w.private_image],
        get_document_model(): [w.document],
        Collection: [w.collection],
        Page: [w.other_course],
        Site: [w.site],
        get_user_model(): [w.learner],
        Group: [w.group],
        Redirect: [w.redirect],
        Workflow: [w.workflow],
        Task: [w.task],
        Tag: [w.tag],
        EmailAddress: [w.email_address],
        PeriodicTask: [w.periodic_task],
        IntervalSchedule: [w.interval],
        CrontabSchedule: [w.crontab],
        SolarSchedule: [w.solar],
        ClockedSchedule: [w.clocked],
    }
