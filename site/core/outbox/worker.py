"""A worker bootstep writing the heartbeat /healthz reads (registered in config.celery).

It runs on the worker's own timer, so it shows the worker process is alive even
when beat is not running; the relay task adds a heartbeat from a pool process too.
"""

import logging

from django.conf import settings

from celery import bootsteps

logger = logging.getLogger("core.outbox")


def beat(hostname):
    from .publishing import record_heartbeat

    try:
        record_heartbeat(hostname)
    except Exception:
        logger.exception("Could not record the worker heartbeat")


class Heartbeat(bootsteps.StartStopStep):
    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.tref = None

    def start(self, worker):
        interval = getattr(settings, "WORKER_HEARTBEAT_INTERVAL", 30)
        logger.info("Recording a heartbeat every %s seconds for /healthz", interval)
        beat(worker.hostname)
        self.tref = worker.timer.call_repeatedly(interval, beat, (worker.hostname,), priority=10)

    def stop(self, worker):
        if self.tref is not None:
            self.tref.cancel()
            self.tref = None
