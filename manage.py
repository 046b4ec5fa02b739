#!/usr/bin/env python
"""Django's command-line entry point.

site/ is a source root, not a package (the standard library owns the name `site`),
so it is put on sys.path here before Django imports anything from it.
"""

import os
import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent / "site"


def main():
    sys.path.insert(0, str(SOURCE_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
