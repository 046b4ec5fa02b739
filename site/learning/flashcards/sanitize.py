"""Card HTML allowlist.

Card fronts and backs come from learners, CSV files and Anki packages, so they are
hostile input. Everything is parsed with the stdlib HTML parser and rebuilt from an
allowlist: formatting tags without attributes, ``span class="cloze"`` for cloze
answers, and ``img`` only when its ``src`` is our card image view (imports rewrite
Anki media names to images kept in private storage, which that view hands out to
whoever may open the card's deck). Script/style contents are dropped whole; other
unknown tags are dropped but their text is kept.
"""

import re
from html import escape
from html.parser import HTMLParser

from django.urls import reverse

ALLOWED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "sub", "sup", "br", "p", "ul", "ol", "li", "code", "div"}
    | {"span", "img"}
)
VOID_TAGS = frozenset({"br", "img"})
# Their text content is never shown to a learner.
DROP_CONTENT_TAGS = frozenset({"script", "style", "template", "iframe", "object", "noscript"})
ALLOWED_CLASSES = frozenset({"cloze"})
MAX_DEPTH = 40


# What an import stores: flashcards/<random folder>/<n>.<image type> in private storage.
CARD_MEDIA_PATH = re.compile(r"[0-9a-f]{16,64}/[0-9]{1,6}\.(?:png|jpg|jpeg|gif|webp)")
# Imports before private storage pointed cards at the public media URL of the same file.
LEGACY_MEDIA_PREFIX = "/media/flashcards/"


def card_media_prefix():
    """Only images we stored ourselves (imported Anki media), through the view that
    checks the viewer, may be shown."""
    return reverse("flashcards_card_media", kwargs={"path": "-"})[:-1]


def card_media_url(name):
    """The view URL of ``flashcards/<folder>/<n>.<ext>`` as stored by an import."""
    return card_media_prefix() + name.removeprefix("flashcards/")


def _safe_src(value):
    prefix = card_media_prefix()
    if value and value.startswith(LEGACY_MEDIA_PREFIX):
        value = prefix + value[len(LEGACY_MEDIA_PREFIX) :]
    if not value or not value.startswith(prefix):
        return None
    if not CARD_MEDIA_PATH.fullmatch(value[len(prefix) :]):
        return None
    return value


class _Cleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.open = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_CONTENT_TAGS:
            self.skipping += 1
            return
        if self.skipping or tag not in ALLOWED_TAGS:
            return
        if tag == "img":
            src = _safe_src(dict(attrs).get("src"))
            if src:
                alt = dict(attrs).get("alt") or ""
                self.out.append(f'<img src="{escape(src)}" alt="{escape(alt[:200])}">')
            return
        if tag == "br":
            self.out.append("<br>")
            return
        if len(self.open) >= MAX_DEPTH:
            return
        classes = (dict(attrs).get("class") or "").split()
        keep = [c for c in classes if c in ALLOWED_CLASSES]
        attr = f' class="{" ".join(keep)}"' if keep and tag == "span" else ""
        self.out.append(f"<{tag}{attr}>")
        self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and tag not in DROP_CONTENT_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in DROP_CONTENT_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or tag not in self.open:
            return
        while self.open:
            top = self.open.pop()
            self.out.append(f"</{top}>")
            if top == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(escape(data, quote=False))

    def result(self):
        self.close()
        self.out.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open = []
        return "".join(self.out).strip()


def clean_card_html(html):
    """Return ``html`` reduced to the card allowlist (always safe to mark safe)."""
    if not html:
        return ""
    cleaner = _Cleaner()
    cleaner.feed(str(html).replace("\x00", ""))
    return cleaner.result()


def text_to_card_html(text):
    """Plain text (a CSV cell, a textarea without markup) as card HTML."""
    if not text:
        return ""
    text = str(text).replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return escape(text.strip(), quote=False).replace("\n", "<br>")


MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,31});")


def card_input_html(text):
    """What a learner typed (form, CSV cell): HTML when it holds tags or character
    references (so an exported "A &amp; B" comes back as A & B, not A &amp;amp; B),
    else plain text whose line breaks are kept."""
    text = str(text or "").strip()
    return clean_card_html(text) if MARKUP.search(text) else text_to_card_html(text)


def card_text(html):
    """The visible text of card HTML, for search snippets, titles and CSV export."""
    parser = _TextOnly()
    parser.feed(str(html or "").replace("\x00", ""))
    parser.close()
    return " ".join("".join(parser.parts).split())


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_CONTENT_TAGS:
            self.skipping += 1
        elif tag in {"br", "p", "div", "li"}:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in DROP_CONTENT_TAGS:
            self.skipping = max(0, self.skipping - 1)

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)
