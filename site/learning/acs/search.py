"""Searching a standard's tree (from tree.load_tree) in memory: what `/acs/<slug>/?q=` shows.

The whole tree is already loaded for the page, so filtering it in Python costs no query
and matches exactly what the reader sees. A query matches an element when every word
of it appears in the element's text (any case), or when it is a code the element's
code starts with, segment by segment ("PA.I.C" finds PA.I.C.K2a but not PA.I.CX;
"PA.I.C.K2" finds K2 and its sub-elements, not K20). A task whose title has every word
keeps all its elements. static/js/acs-standard.js filters the page in place by the same
rules, so typing and pressing Enter agree.
"""

from dataclasses import dataclass, replace

from .codes import normalize_code

MAX_QUERY = 60
MAX_TERMS = 8


@dataclass
class SearchResult:
    query: str
    terms: list
    areas: list  # AreaNodes holding only what matched (area readiness left as computed)
    elements: int  # matching elements shown
    tasks: int


def search_terms(query):
    """The lower-cased words of `query`, each once, at most MAX_TERMS of them."""
    terms = []
    for word in query.casefold().split():
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def code_matches(code, prefix):
    if not code.startswith(prefix):
        return False
    rest = code[len(prefix) :]
    return not rest or rest[0] == "." or (prefix[-1].isdigit() and rest[0].islower())


def text_matches(text, terms):
    folded = text.casefold()
    return all(term in folded for term in terms)


def _matches(element, terms, prefix):
    return code_matches(element.code, prefix) or text_matches(element.text, terms)


def _filter_nodes(nodes, terms, prefix):
    """The nodes that match, each with its matching sub-elements; an element that does
    not match but has a sub-element that does is kept as context for it."""
    kept = []
    for node in nodes:
        children = [child for child in node.children if _matches(child.element, terms, prefix)]
        if _matches(node.element, terms, prefix):
            kept.append(replace(node, children=children))
        elif children:
            kept.append(replace(node, children=children, context=True))
    return kept


def _filter_task(task, terms, prefix):
    if code_matches(task.task.code, prefix) or text_matches(task.task.title, terms):
        return task
    groups = []
    for group in task.groups:
        elements = _filter_nodes(group.elements, terms, prefix)
        if elements:
            groups.append(replace(group, elements=elements))
    return replace(task, groups=groups) if groups else None


def search_tree(areas, query):
    """A SearchResult with the parts of `areas` that match `query` (already trimmed)."""
    terms = search_terms(query)
    prefix = normalize_code(query.strip()) if len(terms) == 1 else "\0"
    found = []
    for area in areas:
        tasks = [task for task in (_filter_task(t, terms, prefix) for t in area.tasks) if task]
        if tasks:
            found.append(replace(area, tasks=tasks))
    tasks = [task for area in found for task in area.tasks]
    shown = sum(1 for task in tasks for node in task.nodes() if not node.context)
    return SearchResult(query=query, terms=terms, areas=found, elements=shown, tasks=len(tasks))


def find_task(areas, code):
    """The TaskNode whose code is `code` (as typed: any case), or None."""
    wanted = normalize_code(code.strip())
    return next((t for area in areas for t in area.tasks if t.task.code == wanted), None)
