"""Course editing: edit the catalog's page tree (and nothing else in the tree) and upload
the images and documents lessons use. The Instructors role (accounts.roles) holds it on
every course catalog; this grants it to any group on one catalog.
"""

from accounts.roles import COURSE_EDITING, grant


def grant_course_editing(group, catalog):
    """Idempotently let `group` edit the course tree under `catalog` and add media."""
    grant(group, COURSE_EDITING, pages=[catalog])
