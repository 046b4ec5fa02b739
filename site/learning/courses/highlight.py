"""Server-side syntax highlighting with Pygments, so lessons need no JavaScript for it."""

from django.utils.safestring import mark_safe

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

LANGUAGE_CHOICES = [
    ("text", "Plain text (METAR, TAF, checklists)"),
    ("python", "Python"),
    ("javascript", "JavaScript"),
    ("json", "JSON"),
    ("bash", "Shell"),
    ("sql", "SQL"),
    ("yaml", "YAML"),
    ("xml", "XML / HTML"),
]

ALLOWED_LANGUAGES = {value for value, _ in LANGUAGE_CHOICES}
_FORMATTER = HtmlFormatter(nowrap=True)


def highlight(code, language):
    """Highlighted HTML for `code`; Pygments escapes the text, so the result is safe."""
    if language not in ALLOWED_LANGUAGES:
        language = "text"
    try:
        lexer = get_lexer_by_name(language, stripnl=False)
    except ClassNotFound:  # a Pygments release that dropped a lexer we offer
        lexer = get_lexer_by_name("text", stripnl=False)
    return mark_safe(pygments_highlight(code, lexer, _FORMATTER))  # noqa: S308
