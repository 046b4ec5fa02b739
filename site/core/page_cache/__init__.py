"""A full-page cache for guests, in front of Wagtail and every other view.

Guests (no session, no messages, no Authorization) are most of the traffic and all see
the same page, so their responses are kept in the Django cache (Redis in production,
local memory in `make run`) and served again without touching the database or the
session. `keys` decides which requests qualify and under which key, `middleware` serves
and stores, `purge` drops everything when content guests can see changes.
"""
