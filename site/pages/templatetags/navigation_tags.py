"""`{% site_menus as menus %}`: the header and footer menus for this request.

`menus.main`, `menus.footer` (NavLinks with label, url, current), `menus.social`
(platform, label, url) and `menus.cache_key`, the value the `{% wagtailcache %}`
fragments around them vary on (see pages.navigation).
"""

from django import template

from pages.navigation import Menus, NavLink, fallback_main_menu, menus_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menus(context):
    request = context.get("request")
    if request is None:  # the 500 page is rendered without a request
        main = [NavLink(label, url) for label, url in fallback_main_menu()]
        return Menus(main=main, footer=[], social=[])
    return menus_for_request(request)
