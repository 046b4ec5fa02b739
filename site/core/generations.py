"""Generation tokens: invalidate a whole family of cache entries with one write.

Each family (cached routes and bodies, listings, guest pages, menus, permission sets,
which lesson has a quiz) keys its entries by the family's current token. A change draws a
new token, so it never needs to know which entries it made stale: old entries are simply
never read again and expire on their own. A lost token (eviction, Redis restart) is
replaced by a fresh one, never an old one, so losing it means misses, not stale reads.
"""

import uuid

from django.core.cache import cache
from django.db import transaction


def _new_token():
    return uuid.uuid4().hex[:16]


class Generation:
    def __init__(self, key):
        self.key = key

    def current(self, known=None):
        """The current token. `known` is the value of `self.key` when the caller already
        read it with its own entries in one `get_many`."""
        token = known if known is not None else cache.get(self.key)
        if token is None:
            cache.add(self.key, _new_token(), timeout=None)
            # A cache that keeps nothing: a token of this request only, so every read misses.
            token = cache.get(self.key) or _new_token()
        return token

    def renew(self, **_signal_kwargs):
        """Make every entry of the family stale, now and again once the current
        transaction commits: a request that cached the old rows in between, under the
        new token, is discarded too. Usable as a signal receiver."""
        self._draw()
        # robust: the change is committed by then; a cache outage is logged, not a 500.
        transaction.on_commit(self._draw, robust=True)

    def _draw(self):
        cache.set(self.key, _new_token(), timeout=None)
