"""Initials and a colour for a person without a photo.

The colour comes from a stable hash of the name, so the same person has the same colour
on every page and every server (Python's own hash() changes between processes). Every
tone carries white initials at a contrast of at least 4.5:1 (tests/core/test_avatars.py
checks it), and they are muted so that no one's badge reads as a warning or a success.
"""

import hashlib
import re

# Muted slate, navy, teal, green, plum, rust, olive and indigo.
TONES = ("#475569", "#1e4e79", "#0f5e63", "#2f6b3a", "#6b3d6e", "#8a4b2a", "#5c5a1f", "#3f3f8f")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def initials(name):
    """ "Maria de la Cruz" -> "MC": the first letters of the first and last words.

    Digits, punctuation and emoji are skipped; a single word gives one letter; a name with
    no letters at all gives "" (the template then shows a neutral person icon).
    """
    words = WORD.findall(name or "")
    if not words:
        return ""
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def tone(name):
    """One of TONES, the same for the same name (ignoring case and surrounding spaces)."""
    digest = hashlib.sha256((name or "").strip().casefold().encode("utf-8")).digest()
    return TONES[digest[0] % len(TONES)]
