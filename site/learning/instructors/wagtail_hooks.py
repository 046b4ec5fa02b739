"""Wagtail only imports an app's `wagtail_hooks` module, so this one imports the hooks of
each part of the instructor tools; each part registers its own admin URLs and menus."""

from .analytics import hooks as analytics_hooks  # noqa: F401
from .cohorts import hooks as cohorts_hooks  # noqa: F401
from .course_templates import hooks as course_templates_hooks  # noqa: F401
from .endorsements import hooks as endorsements_hooks  # noqa: F401
from .grading import hooks as grading_hooks  # noqa: F401
from .profiles import hooks as profiles_hooks  # noqa: F401
from .roster import hooks as roster_hooks  # noqa: F401
