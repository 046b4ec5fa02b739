"""Imports between apps go downward only (docs/architecture.md draws the layers).

Each app can then be read, tested and changed without the ones above it, and there is
no import cycle to dodge with a function-level import: every `import` and `from ...
import` in site/ counts, wherever it sits in a module. An app that must react to a
higher one offers a signal or a Wagtail hook instead (e.g. pages.providers, the lesson
visit hook in learning.enrollments.visits).
"""

import ast
from pathlib import Path

import pytest

SITE = Path(__file__).resolve().parents[2] / "site"

# Bottom to top. An app may import apps of lower layers only (not its own layer's).
LAYERS = [
    ["core"],
    ["accounts"],
    ["community.notifications"],
    ["snippets", "learning.acs"],
    ["pages"],
    ["learning.courses"],
    ["learning.enrollments"],
    [
        "learning.assessments",
        "learning.flashcards",
        "community.reviews",
        "community.gouge",
        "community.chat",
    ],
    ["learning.orals"],
    ["learning.learner"],
    ["learning.instructors"],
    ["demo", "config"],
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}


def app_packages():
    """Dotted names of our apps (packages with an apps.py) plus config."""
    apps = {".".join(path.parent.relative_to(SITE).parts) for path in SITE.rglob("apps.py")}
    return apps | {"config"}


def owner(module, apps):
    """The app a dotted module name belongs to (the longest matching package), or None."""
    matches = [app for app in apps if module == app or module.startswith(app + ".")]
    return max(matches, key=len) if matches else None


def imported_modules(tree, module):
    """Absolute names of everything a module imports, function-level imports included."""
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                yield ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.module


def app_imports():
    """[(importing app, imported app, file)] for every import that crosses apps."""
    apps = app_packages()
    found = []
    for path in SITE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(SITE).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        source = owner(module, apps)
        tree = ast.parse(path.read_text(), filename=str(path))
        for name in imported_modules(tree, module if parts[-1] != "__init__" else module + ".x"):
            target = owner(name, apps)
            if source and target and target != source:
                found.append((source, target, str(path.relative_to(SITE))))
    return found


def test_every_app_has_a_layer():
    missing = sorted(app_packages() - set(RANK))
    assert not missing, f"Place these apps in LAYERS and docs/architecture.md: {missing}"


def test_imports_between_apps_go_downward_only():
    upward = sorted(
        f"{path}: {source} imports {target}"
        for source, target, path in app_imports()
        if RANK[target] >= RANK[source]
    )
    assert not upward, "Imports that go up or sideways:\n" + "\n".join(upward)


@pytest.mark.parametrize(
    ("source", "target"),
    [("learning.courses", "learning.enrollments"), ("core", "accounts"), ("pages", "demo")],
)
def test_the_check_sees_an_upward_import(tmp_path, source, target):
    """The scan finds imports at any depth of a module (here inside a function)."""
    module = f"{source}.probe"
    tree = ast.parse(f"def f():\n    from {target}.models import X\n")
    names = list(imported_modules(tree, module))
    assert owner(names[0], app_packages()) == target
    assert RANK[target] >= RANK[source]
