"""How `make test` shares the suite between pytest-xdist workers.

`--dist loadfile` keeps a test file on one worker, so its module fixtures (the shared
demo content) are built once, but it hands files out largest first. pytest-django
orders a run as Django does: tests inside a rolled-back transaction first, then the
transactional ones, which end by flushing the database (the home page, site and
permissions the migrations made go with it). Handed out whole and in any order, a file
with tests of both kinds could flush a worker's database before another file's tests
that need that content.

So here a unit of work is a run of consecutive tests from one file, in pytest-django's
order, and units are handed out in that order: each worker runs all its rolled-back
tests before any flushing one, as a serial run does.
"""

from xdist.scheduler import LoadFileScheduling


def file_runs(nodeids):
    """Each test id's unit: its file and which run of consecutive tests it is in."""
    scopes, previous, number = {}, None, 0
    for nodeid in nodeids:
        file = nodeid.split("::", 1)[0]
        if file != previous:
            previous, number = file, number + 1
        scopes[nodeid] = f"{file}#{number}"
    return scopes


class FileRunScheduling(LoadFileScheduling):
    """loadfile with runs of a file as units, handed out in collection order."""

    def __init__(self, config, log=None):
        super().__init__(config, log)
        config.option.loadscopereorder = False  # keep pytest-django's order
        self.scopes = {}

    def schedule(self):
        if self.collection is None and self.registered_collections:
            self.scopes = file_runs(next(iter(self.registered_collections.values())))
        super().schedule()

    def _split_scope(self, nodeid):
        return self.scopes.get(nodeid) or super()._split_scope(nodeid)
