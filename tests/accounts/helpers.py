"""Helpers for reading links out of the emails the site sends."""

import re

LINK = re.compile(r"https?://[^\s]+")


def links_in(message):
    return LINK.findall(message.body)


def path_of(url):
    """The path part of an absolute link, for Django's test client."""
    return "/" + url.split("/", 3)[3]
