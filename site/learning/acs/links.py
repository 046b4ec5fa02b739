"""Where an ACS code lives on the site: its task's own page (/acs/pa/pa.i.c/).

Any page that mentions a task or element code links it through `task_url`, so links stay
right if the task page moves. An element code points into its task's page
(/acs/pa/pa.i.c/#PA.I.C.K2a). No query: a standard's slug is its code slugified (the
importer and the factories both set it so), unless the caller hands the slug over.
"""

import re

from django.urls import reverse
from django.utils.text import slugify

from .codes import normalize_code

TASK_CODE = re.compile(r"^([A-Z]{2,3})\.([IVXL]+)\.([A-Z])$")
CODE_PARTS = 3  # standard, area numeral, task letter


def task_code(code):
    """'pa.i.c.k2A' -> 'PA.I.C'; '' when `code` does not name a task or element."""
    parts = normalize_code(code.strip()).split(".")
    task = ".".join(parts[:CODE_PARTS])
    return task if len(parts) >= CODE_PARTS and TASK_CODE.match(task) else ""


def task_url(code, slug=None):
    """The task page holding `code` (a task or element code), '' for something else."""
    task = task_code(code)
    if not task:
        return ""
    slug = slug or slugify(task.split(".")[0])
    url = reverse("acs_task", args=[slug, task.lower()])
    element = normalize_code(code.strip())
    return url if element == task else f"{url}#{element}"
