"""The instructor tools' admin menu items: each is shown only to the users its test
admits. The tests read teaching.credits_of, kept on request.user, so a page's several
instructor menu items cost one query together."""

from wagtail.admin.menu import MenuItem


class ShownTo(MenuItem):
    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)
