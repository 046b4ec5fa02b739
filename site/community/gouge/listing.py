"""Read side of the examiner directory and examiner pages, in a fixed number of queries.

The directory reads the query string leniently like the course catalog: unknown filters
are dropped with a notice, never an error. Examiner pages show approved reports only,
pseudonymously, and figures only once aggregates.publishable() says there are enough.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch, Q, TextField, Value
from django.db.models.functions import Cast, Coalesce

from wagtail.images import get_image_model

from core.pagination import paginate
from core.query import MAX_QUERY_LENGTH, LenientFilters, search_text
from core.templatetags.avatar_tags import rendition_spec
from snippets.models.examiner import Certificate, Examiner

from .aggregates import publishable
from .models import GougeFlag, GougeReport, Status

DIRECTORY_PAGE_SIZE = 20
REPORTS_PAGE_SIZE = 10
SORTS = {
    "name": ("Name (A to Z)", ["name", "pk"]),
    "reports": ("Most reports", ["-approved_reports", "name", "pk"]),
}
DIFFICULTY_WORDS = [(1.6, "Easy"), (2.3, "Moderate"), (3.0, "Hard")]
PLENTY_OF_DECIDED = 30  # from here on a 95% interval is tight enough to call "likely"


def active_examiners():
    return Examiner.objects.filter(active=True)


def examiner_regions():
    """The regions of active examiners, for the region select (one query)."""
    regions = active_examiners().exclude(region="").order_by("region").values_list("region")
    return [region for (region,) in regions.distinct()]


@dataclass
class DirectoryFilters(LenientFilters):
    query: str = ""
    region: str = ""
    certificate: str = ""
    sort: str = "name"

    @classmethod
    def from_querydict(cls, params, regions):
        filters = cls()
        filters.query = search_text(params, "q", MAX_QUERY_LENGTH)
        filters.region = filters.choice(params, "region", set(regions), "region")
        filters.certificate = filters.choice(
            params, "certificate", dict(Certificate.choices), "certificate"
        )
        filters.sort = filters.choice(params, "sort", SORTS, "sort order") or "name"
        return filters

    @property
    def active(self):
        return bool(self.query or self.region or self.certificate)

    def as_query(self):
        """The filters as a query string, for the pagination links."""
        values = {"q": self.query, "region": self.region, "certificate": self.certificate}
        values = {key: value for key, value in values.items() if value}
        if self.sort != "name":
            values["sort"] = self.sort
        return urlencode(values)

    def apply(self, examiners):
        if self.query:
            examiners = examiners.filter(
                Q(name__icontains=self.query) | Q(base_airport__icontains=self.query)
            )
        if self.region:
            examiners = examiners.filter(region=self.region)
        if self.certificate:
            # The list is JSON text on SQLite and PostgreSQL with every value quoted, so
            # '"cfi"' matches CFI but not CFII (as snippets.filters does).
            examiners = examiners.alias(certificates_text=Cast("certificates", TextField())).filter(
                certificates_text__contains=f'"{self.certificate}"'
            )
        examiners = examiners.annotate(
            approved_reports=Coalesce("gouge_stats__report_count", Value(0))
        )
        return examiners.order_by(*SORTS[self.sort][1])


def directory_examiners(filters):
    """The examiners the directory lists, each with its stats joined in."""
    photos = get_image_model().objects.prefetch_renditions(rendition_spec())
    examiners = active_examiners().select_related("gouge_stats")
    return filters.apply(examiners.prefetch_related(Prefetch("photo", queryset=photos)))


def stats_of(examiner):
    """The examiner's ExaminerStats, or None; uses the joined row when there is one."""
    try:
        return examiner.gouge_stats
    except Examiner.gouge_stats.RelatedObjectDoesNotExist:
        return None


def with_card_figures(examiners):
    """The examiners as a list, each with `card_stats`: its stats when publishable."""
    examiners = list(examiners)
    for examiner in examiners:
        stats = stats_of(examiner)
        examiner.card_stats = stats if publishable(stats) else None
    return examiners


def difficulty_word(average):
    if average is None:
        return ""
    rounded = round(average, 1)
    for limit, word in DIFFICULTY_WORDS:
        if rounded <= limit:
            return word
    return DIFFICULTY_WORDS[-1][1]


def approved_reports(examiner):
    return GougeReport.objects.filter(examiner=examiner, status=Status.APPROVED).order_by(
        "-checkride_date", "-pk"
    )


def figures(examiner, stats):
    """What the page says about the numbers; None below the threshold."""
    if not publishable(stats):
        return None
    decided = stats.decided_count
    return {
        "stats": stats,
        "decided": decided,
        "likely": decided >= PLENTY_OF_DECIDED,
        "oral_word": difficulty_word(stats.average_oral_difficulty),
        "flight_word": difficulty_word(stats.average_flight_difficulty),
        "top_areas": [{"area": area, "count": count} for area, count in stats.top_acs_areas],
    }


def mark_viewer_flags(reports, user):
    """Tell each report on screen whether the viewer flagged it or wrote it (one query)."""
    reports = list(reports)
    flagged = set()
    if user.is_authenticated and reports:
        flagged = set(
            GougeFlag.objects.filter(user=user, report__in=reports).values_list(
                "report_id", flat=True
            )
        )
    for report in reports:
        report.viewer_flagged = report.pk in flagged
        report.viewer_is_author = user.is_authenticated and report.author_id == user.pk
    return reports


def examiner_page_context(examiner, user, raw_page):
    notices = []
    stats = stats_of(examiner)
    page = paginate(approved_reports(examiner), raw_page, notices, REPORTS_PAGE_SIZE)
    own = []
    if user.is_authenticated:
        own = list(
            GougeReport.objects.filter(author=user, examiner=examiner).order_by(
                "-checkride_date", "-pk"
            )
        )
    return {
        "examiner": examiner,
        "figures": figures(examiner, stats),
        "reports": mark_viewer_flags(page.object_list, user),
        "page_obj": page,
        "own_reports": own,
        "notices": notices,
        "seo_title": f"{examiner.name}, checkride examiner",
        "seo_description": f"{examiner.name}: checkrides, region and applicants' reports.",
    }
