"""Write paths for gouge (docs/architecture.md, "Write paths"): submit, edit, withdraw,
flag, approve, reject.

Every change that can move an examiner's numbers schedules the idempotent recompute
task through the task outbox (core.outbox), published after commit; moderation
decisions notify the author (community.notifications: in the app, and by email as
their preferences say).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.standing import has_verified_email
from community.notifications.services import notify
from core.fragments import Refused
from core.outbox import enqueue
from core.page_cache.purge import purge_all

from .models import GougeFlag, GougeReport, Status

DAILY_REPORT_LIMIT = 3
DUPLICATE = "You already reported a checkride with this examiner on that date; edit that report."


class GougeError(Refused):
    """Refused: a gouge request the learner or moderator should hear about."""


def schedule_recompute(*examiner_ids):
    from .tasks import recompute_examiner_stats

    for examiner_id in sorted(set(examiner_ids)):
        enqueue(recompute_examiner_stats, examiner_id)  # published once this commits


def _require_reporter(user):
    if not user.is_authenticated:
        raise GougeError("Log in to share your checkride.", status=403)
    if not has_verified_email(user):
        raise GougeError("Confirm your email address before you share a report.", status=403)


def submit_report(user, examiner, fields, now=None):
    """Create a pending report from validated form fields. At most DAILY_REPORT_LIMIT a
    day per author: the author's row is locked, so parallel posts cannot slip past."""
    _require_reporter(user)
    now = now or timezone.now()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        recent = GougeReport.objects.filter(
            author=user, created_at__gte=now - datetime.timedelta(days=1)
        ).count()
        if recent >= DAILY_REPORT_LIMIT:
            raise GougeError(
                f"You can share up to {DAILY_REPORT_LIMIT} reports a day. "
                "Please try again tomorrow.",
                status=429,
            )
        try:
            with transaction.atomic():
                report = GougeReport.objects.create(
                    author=user, examiner=examiner, created_at=now, **fields
                )
        except IntegrityError:
            raise GougeError(DUPLICATE) from None
    return report


def own_report(user, report_id, lock=False):
    reports = GougeReport.objects.select_for_update() if lock else GougeReport.objects
    report = reports.filter(pk=report_id, author_id=getattr(user, "pk", None)).first()
    if report is None:
        raise GougeError("We could not find that report.", status=404)
    return report


def update_report(user, report_id, fields):
    """The author edits their report: it goes back to moderation (and out of the
    numbers until a moderator looks again)."""
    with transaction.atomic():
        report = own_report(user, report_id, lock=True)
        was_public = report.status == Status.APPROVED
        for name, value in fields.items():
            setattr(report, name, value)
        report.status = Status.PENDING
        report.moderated_by, report.moderated_at, report.moderation_note = None, None, ""
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            raise GougeError(DUPLICATE) from None
    if was_public:
        schedule_recompute(report.examiner_id)
    return report


def withdraw_report(user, report_id):
    """The author takes their report down for good."""
    with transaction.atomic():
        report = own_report(user, report_id, lock=True)
        was_public = report.status == Status.APPROVED
        report.delete()
    if was_public:
        schedule_recompute(report.examiner_id)
    return report


def flag_report(user, report_id, reason):
    """Anyone signed in may tell moderators about a problem with a published report."""
    if not user.is_authenticated:
        raise GougeError("Log in to report a problem.", status=403)
    if not has_verified_email(user):
        raise GougeError("Confirm your email address before you report a problem.", status=403)
    reason = (reason or "").replace("\x00", "").strip()
    if not reason:
        raise GougeError("Tell the moderators what is wrong with this report.")
    report = GougeReport.objects.filter(pk=report_id, status=Status.APPROVED).first()
    if report is None:
        raise GougeError("We could not find that report.", status=404)
    try:
        with transaction.atomic():
            flag, created = GougeFlag.objects.get_or_create(
                report=report, user=user, defaults={"reason": reason[:1000]}
            )
    except IntegrityError:  # a double click: the first one's flag stands
        return GougeFlag.objects.get(report=report, user=user), False
    return flag, created


def moderate(report_ids, moderator, approve, note=""):
    """Approve or reject reports (ids or instances); notify each author whose report
    changed; returns how many changed. Flags on all of them are resolved, so approving
    a flagged published report keeps it published and dismisses the flags."""
    ids = {getattr(report, "pk", report) for report in report_ids}
    target = Status.APPROVED if approve else Status.REJECTED
    with transaction.atomic():
        changing = list(
            GougeReport.objects.select_for_update(of=("self",))
            .filter(pk__in=ids)
            .exclude(status=target)
            .select_related("author__preferences", "examiner")
        )
        now = timezone.now()
        for report in changing:
            report.status, report.moderated_by, report.moderated_at = target, moderator, now
            report.moderation_note = (note or "").replace("\x00", "").strip()
        GougeReport.objects.bulk_update(
            changing, ["status", "moderated_by", "moderated_at", "moderation_note"]
        )
        # A decision answers the flags, also "keep it published" for a flagged report.
        GougeFlag.objects.filter(report_id__in=ids, resolved=False).update(resolved=True)
        for report in changing:
            notify_author(report)
        if changing:  # bulk_update sends no signal; guests must see the decision now
            purge_all()
    schedule_recompute(*(report.examiner_id for report in changing))
    return len(changing)


def notify_author(report):
    """Tell the author the decision (notify(): in the app, and by email unless their
    preferences say otherwise); a rejection carries the moderator's note."""
    examiner = report.examiner
    if report.status == Status.APPROVED:
        text = f"Your checkride report on {examiner.name} is published"
        url = reverse("examiner_detail", args=[examiner.slug])
    else:
        text = f"Your checkride report on {examiner.name} was not published"
        if report.moderation_note:
            text += f". The moderator's note: {report.moderation_note}"
        url = reverse("gouge_edit", args=[report.pk])
    notify(
        [report.author_id],
        "gouge_decision",
        text=text,
        url=url,
        actor=report.moderated_by,
        target=report,
    )
