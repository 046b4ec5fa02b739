"""Our own Wagtail admin views name themselves in the slim header.

WagtailAdminTemplateMixin's breadcrumbs stop at "Home", so a plain admin view showed
"Home" where its title belongs; this mixin appends the view's title, and a view may set
`parent_crumb` ((url name, label)) for the list it belongs to.
"""

from django.urls import reverse

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class TitledAdminView(WagtailAdminTemplateMixin):
    parent_crumb = None

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.parent_crumb:
            url_name, label = self.parent_crumb
            items.append({"url": reverse(url_name), "label": label})
        return [*items, {"url": "", "label": self.get_page_title()}]
