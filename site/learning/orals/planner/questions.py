"""Questions for the planned elements: one question is asked once, for every planned
element it covers, so those items sit together in the plan."""


def covered_by(question, element):
    return set(getattr(question, "element_ids", None) or ()) | {element.pk}


def assign(elements, question_bank, recent_ids, rng):
    """{element pk: question or None} for ``elements`` in asking order.

    A question is never used twice; one not asked recently is preferred. The question
    chosen for an element also serves every later planned element it covers."""
    planned = {element.pk for element in elements}
    chosen, used = {}, set()
    for element in elements:
        if element.pk in chosen:
            continue
        options = [q for q in question_bank.get(element.pk) or () if q.pk not in used]
        if not options:
            chosen[element.pk] = None
            continue
        fresh = [q for q in options if q.pk not in recent_ids] or options
        question = rng.choice(fresh)
        used.add(question.pk)
        for pk in covered_by(question, element) & planned:
            chosen.setdefault(pk, question)
    return chosen


def grouped(elements, chosen):
    """``elements`` with those sharing a question moved up to the first of them."""
    groups = {}
    for element in elements:
        question = chosen[element.pk]
        key = ("q", question.pk) if question is not None else ("e", element.pk)
        groups.setdefault(key, []).append(element)
    return [element for group in groups.values() for element in group]
