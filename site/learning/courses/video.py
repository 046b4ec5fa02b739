"""Recognise YouTube and Vimeo links without calling either service.

Lessons embed videos through a click-to-load facade: nothing is fetched from the
provider until the learner presses play, and YouTube plays from its no-cookie domain.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIMEO_ID = re.compile(r"^\d{6,12}$")


@dataclass(frozen=True)
class VideoLink:
    provider: str
    video_id: str

    @property
    def embed_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0"
        return f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"

    @property
    def watch_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def provider_name(self):
        return "YouTube" if self.provider == "youtube" else "Vimeo"


def parse_video_url(url):
    """A VideoLink for a YouTube or Vimeo URL, or None for anything else."""
    parsed = urlparse((url or "").strip())
    if parsed.scheme not in {"http", "https"}:
        return None
    host = (parsed.hostname or "").lower()
    parts = [part for part in parsed.path.split("/") if part]
    candidate = None
    if host == "youtu.be" and parts:
        candidate = parts[0]
    elif host in YOUTUBE_HOSTS:
        if parts[:1] == ["watch"]:
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
            candidate = parts[1]
    if candidate is not None:
        return VideoLink("youtube", candidate) if YOUTUBE_ID.match(candidate) else None
    if host in VIMEO_HOSTS and parts:
        candidate = parts[-1]
        return VideoLink("vimeo", candidate) if VIMEO_ID.match(candidate) else None
    return None
