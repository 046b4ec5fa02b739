"""URL map: admin areas, accounts, health, then Wagtail serves every other path."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from allauth.account.decorators import secure_admin_login

from core.media import debug_media_urls
from learning.courses.search import search
from learning.courses.views import category_courses
from pages import routing
from pages.robots import robots_txt

from .health import healthz, livez, readyz

# One way in: the admin login pages and Wagtail's front-end login (which Wagtail serves
# at _util/login/ for login-restricted pages) all hand over to allauth's, so email
# verification, rate limits and enumeration protection apply to every login.
admin.site.login = secure_admin_login(admin.site.login)
login_handover = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
    path("readyz", readyz, name="readyz"),
    path("django-admin/", admin.site.urls),
    path("admin/login/", login_handover, name="wagtailadmin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", search, name="search"),
    path("categories/<slug:slug>/", category_courses, name="category_courses"),
    path("", include("learning.enrollments.urls")),
    path("", include("learning.enrollments.notes.urls")),
    path("", include("learning.assessments.urls")),
    path("certificates/", include("learning.enrollments.certificates.urls")),
    path("reviews/", include("community.reviews.urls")),
    path("examiners/", include("community.gouge.urls")),
    path("messages/", include("community.chat.urls")),
    path("flashcards/", include("learning.flashcards.urls")),
    path("acs/", include("learning.acs.urls")),
    path("", include("learning.learner.urls")),
    path("", include("learning.instructors.urls")),
    path("orals/", include("learning.orals.urls")),
    path("notifications/", include("community.notifications.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# Signed short-lived links to private files; under DEBUG, /media/ serves public media
# only (documents, certificates and learners' pictures go through checking views).
urlpatterns += [path("", include("core.media"))]
if settings.DEBUG:
    urlpatterns += debug_media_urls()

urlpatterns += [
    # Before wagtail_urls, so this route answers _util/login/ instead of Wagtail's own
    # password form; it keeps Wagtail's name so anything reversing it lands here.
    path("_util/login/", login_handover, name="wagtailcore_login"),
    # Wagtail's page serving, its routes cached (pages.routing); its _util/ views below.
    re_path(routing.SERVE_PATTERN, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
