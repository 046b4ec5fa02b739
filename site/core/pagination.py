"""One page of a long listing, read leniently from `?page=`.

A stale or hand-edited link (`?page=abc`, `?page=999`) still shows a useful page, with a
notice saying what happened, never an error.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_SIZE = 12
NOT_A_PAGE = "That page number was not valid, so here is the first page."
PAST_THE_END = "There are fewer pages than that, so here is the last page."


def paginate(items, raw_page, notices, per_page=PAGE_SIZE):
    """One page of results; a page number that is not a page falls back with a notice."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(raw_page or 1)
    except PageNotAnInteger:
        notices.append(NOT_A_PAGE)
        return paginator.page(1)
    except EmptyPage:
        if str(raw_page).lstrip("-").isdigit() and int(raw_page) > 1:
            notices.append(PAST_THE_END)
            return paginator.page(paginator.num_pages)
        notices.append(NOT_A_PAGE)
        return paginator.page(1)
