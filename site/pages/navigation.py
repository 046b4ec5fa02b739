"""The header and footer menus as each request sees them, cached and invalidated.

Resolving the menus costs a few queries (the settings row, one query per menu for the
chosen pages), so it runs once per cache generation and host; the result is plain data.
Each request then marks its current link and gets a fragment cache key that varies on
the generation, host, signed-in state and *which link is current*, never on the raw
path, so random URLs cannot fill the cache with copies of the header.

Any change that can alter a menu (saving a site setting, publishing, unpublishing or
moving a page) starts a new generation, so the next response shows it.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from wagtail.signals import page_published, page_unpublished, post_page_move

from core.generations import Generation

from .site_settings import SOCIAL_PLATFORMS, SiteBranding, SiteNavigation

GENERATION_KEY = "pages:navigation:generation"
DATA_TIMEOUT = 60 * 60
PLATFORM_LABELS = dict(SOCIAL_PLATFORMS)


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: str = ""  # "page" on the page itself, "true" inside its section


@dataclass
class Menus:
    main: list[NavLink]
    footer: list[NavLink]
    social: list[dict]
    cache_key: str = ""


MENUS = Generation(GENERATION_KEY)


def generation():
    """The current menu generation; fragments and data of older ones are never read."""
    return MENUS.current()


def fallback_main_menu():
    """A fresh install's header, before an editor builds the main menu."""
    return [("Home", "/"), ("Courses", "/courses/"), ("Search", reverse("search"))]


def resolve_links(stream, request):
    """(label, url) pairs for a menu StreamField; the chosen pages load in one query."""
    links = []
    for block in stream:
        value = block.value
        page = value["page"]
        if page is None:
            if value["url"]:
                links.append((value["label"], value["url"]))
            continue
        url = page.get_url(request) if page.live else None
        if url:  # unpublished, deleted or unrouteable pages drop out of the menu
            links.append((value["label"] or page.title, url))
    return links


def build_menu_data(request):
    nav = SiteNavigation.for_request(request)
    social = [{"platform": b.value["platform"], "url": b.value["url"]} for b in nav.social_links]
    for item in social:
        item["label"] = PLATFORM_LABELS.get(item["platform"], item["platform"])
    return {
        "main": resolve_links(nav.main_menu, request) or fallback_main_menu(),
        "footer": resolve_links(nav.footer_menu, request),
        "social": social,
    }


def mark_current(links, path):
    """NavLinks with aria-current on the best match for the path (one per menu), and a
    short token naming that match, for the fragment cache key."""
    best, best_len = None, 0
    for index, (_label, url) in enumerate(links):
        if not url.startswith("/") or url.startswith("//"):
            continue
        if url == path:
            best, best_len = index, len(url) + 1
            break
        if url != "/" and path.startswith(url) and len(url) > best_len:
            best, best_len = index, len(url)
    marked = [
        NavLink(label, url, ("page" if url == path else "true") if index == best else "")
        for index, (label, url) in enumerate(links)
    ]
    return marked, "-" if best is None else f"{best}{marked[best].current}"


def menus_for_request(request):
    memo = getattr(request, "_groundschool_menus", None)
    if memo is not None:
        return memo
    gen, host = generation(), request.get_host()
    data_key = (
        "pages:navigation:data:"
        + hashlib.md5(  # noqa: S324 - a cache key, not security
            f"{gen}:{host}".encode()
        ).hexdigest()
    )
    data = cache.get(data_key)
    if data is None:
        data = build_menu_data(request)
        cache.set(data_key, data, DATA_TIMEOUT)
    main, main_current = mark_current(data["main"], request.path)
    footer, footer_current = mark_current(data["footer"], request.path)
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    menus = Menus(
        main=main,
        footer=footer,
        social=data["social"],
        cache_key=f"{gen}:{host}:{int(signed_in)}:{main_current}:{footer_current}",
    )
    request._groundschool_menus = menus
    return menus


def invalidate_now_and_on_commit(**kwargs):
    """Invalidate at once (this process sees its own change) and again after commit
    (a request that rebuilt the menus from the old rows meanwhile is discarded)."""
    MENUS.renew()


def settings_changed(created=False, **kwargs):
    """A new settings row needs no refresh: rendering a menu creates the row it reads
    (BaseSiteSetting.for_site), so no cached fragment was built without it."""
    if not created:
        invalidate_now_and_on_commit()


for model in (SiteNavigation, SiteBranding):
    post_save.connect(settings_changed, sender=model, dispatch_uid=f"nav-save-{model.__name__}")
    post_delete.connect(
        invalidate_now_and_on_commit, sender=model, dispatch_uid=f"nav-del-{model.__name__}"
    )


@receiver(page_published, dispatch_uid="nav-page-published")
@receiver(page_unpublished, dispatch_uid="nav-page-unpublished")
@receiver(post_page_move, dispatch_uid="nav-page-moved")
def page_changed(**kwargs):
    """A menu page's title, URL or live state may have changed."""
    invalidate_now_and_on_commit()
