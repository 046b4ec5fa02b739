"""Admin URLs and form data for the snippet tests.

URL names come from wagtail.snippets.views.snippets.SnippetViewSet:
"wagtailsnippets_<app_label>_<model_name>:<action>".
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def snippet_url(model_name, action, *args):
    return reverse(f"wagtailsnippets_snippets_{model_name}:{action}", args=args)


def field_errors(response):
    """{field name: [messages]} from the admin form the view re-rendered."""
    form = response.context["form"]
    return {name: list(errors) for name, errors in form.errors.items()}


def listed_titles(response):
    """The object titles in an admin listing, in order."""
    return [str(obj) for obj in response.context["object_list"]]


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


def text_of(response):
    """The response HTML with tags removed and whitespace collapsed, for message checks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
