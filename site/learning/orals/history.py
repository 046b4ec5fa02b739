"""A learner's finished mock orals and their score per Area of Operation over time.

Everything comes from two queries (sessions, then their graded items), so the history
costs the same for 3 sessions or 30.
"""

import dataclasses

from .models import MockOralItem, MockOralSession
from .services import score_for

TREND_SESSIONS = 10
SPARK_WIDTH, SPARK_HEIGHT = 120, 32


@dataclasses.dataclass
class AreaTrend:
    code: str
    title: str
    scores: list  # one per session, oldest first; None when the area was not asked

    @property
    def latest(self):
        asked = [score for score in self.scores if score is not None]
        return asked[-1] if asked else None

    @property
    def change(self):
        asked = [score for score in self.scores if score is not None]
        return asked[-1] - asked[0] if len(asked) > 1 else None

    @property
    def change_text(self):
        change = self.change
        if change is None:
            return "first result"
        if change == 0:
            return "steady"
        return f"{'up' if change > 0 else 'down'} {abs(change)} points"

    @property
    def points(self):
        """SVG polyline points for the sessions where the area was asked."""
        count = len(self.scores)
        step = SPARK_WIDTH / max(count - 1, 1)
        return " ".join(
            f"{index * step:.1f},{SPARK_HEIGHT - score * SPARK_HEIGHT / 100:.1f}"
            for index, score in enumerate(self.scores)
            if score is not None
        )


def finished_sessions(user, limit=TREND_SESSIONS):
    return list(
        MockOralSession.objects.filter(user=user, completed_at__isnull=False).order_by(
            "-completed_at", "-pk"
        )[:limit]
    )


def area_scores(items):
    """{area code: (title, score)} from items with element__task__area loaded or values."""
    grades = {}
    for area_code, title, grade in items:
        grades.setdefault(area_code, (title, []))[1].append(grade)
    return {code: (title, score_for(found)) for code, (title, found) in grades.items()}


def trends(user, sessions):
    """One AreaTrend per area asked in ``sessions`` (newest first in, oldest first out)."""
    chronological = list(reversed(sessions))
    rows = (
        MockOralItem.objects.filter(session__in=chronological)
        .exclude(grade="")
        .values_list(
            "session_id",
            "element__task__area__standard__code",
            "element__task__area__numeral",
            "element__task__area__order",
            "element__task__area__title",
            "grade",
        )
    )
    per_session, titles = {}, {}
    for session_id, standard, numeral, order, title, grade in rows:
        code = f"{standard}.{numeral}"
        titles[code] = (standard, order, title)
        per_session.setdefault(session_id, []).append((code, title, grade))
    scores = {session.pk: area_scores(per_session.get(session.pk, [])) for session in sessions}
    return [
        AreaTrend(
            code,
            titles[code][2],
            [scores[session.pk].get(code, (None, None))[1] for session in chronological],
        )
        for code in sorted(titles, key=lambda code: titles[code][:2])
    ]
