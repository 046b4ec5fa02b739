"""schema.org structured data as a <script type="application/ld+json"> element."""

import json

from django.utils.safestring import mark_safe

# The characters that could end a <script> element or open a comment, escaped the way
# Django's json_script does, so JSON-LD built from editor text stays data.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld_script(data):
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
