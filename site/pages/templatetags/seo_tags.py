"""SEO and social-sharing tags for <head>: canonical URL, description, Open Graph,
Twitter card and the Organization JSON-LD the home page carries."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from core.jsonld import jsonld_script
from pages.site_settings import SiteBranding

register = template.Library()

SOCIAL_IMAGE_SPEC = "fill-1200x630"


def _branding(request):

    return SiteBranding.for_request(request) if request is not None else None


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """Canonical link plus description, Open Graph and Twitter tags for this response."""
    request = context.get("request")
    page = context.get("page")
    branding = _branding(request)
    site_name = (branding and branding.site_name) or settings.WAGTAIL_SITE_NAME
    if page is not None and hasattr(page, "get_meta_description"):
        canonical = page.get_full_url(request)
        title = page.seo_title or page.title
        description = page.get_meta_description()
        image = page.get_social_image()
    else:
        canonical = _absolute(request, request.path) if request is not None else ""
        title = context.get("seo_title") or site_name
        description = context.get("seo_description", "")
        image = None
    image = image or (branding and branding.default_social_image)
    image_url = _absolute(request, image.get_rendition(SOCIAL_IMAGE_SPEC).url) if image else ""
    return render_to_string(
        "components/seo_meta.html",
        {
            "canonical": canonical,
            "title": title,
            "description": description,
            "image_url": image_url,
            "site_name": site_name,
            "og_type": "website" if page is None or page.depth <= 2 else "article",
        },
    )


@register.simple_tag(takes_context=True)
def organization_jsonld(context):
    """schema.org Organization for the home page (name, URL, logo)."""
    request = context.get("request")
    branding = _branding(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": (branding and (branding.organization_name or branding.site_name))
        or settings.WAGTAIL_SITE_NAME,
        "url": _absolute(request, "/"),
    }
    if branding and branding.logo:
        data["logo"] = _absolute(request, branding.logo.get_rendition("max-512x512").url)
    return jsonld_script(data)
