"""A transactional outbox for Celery tasks: no work is lost when the broker is down.

Why: a request that saves something and then calls ``task.delay()`` loses the task if
the broker (Redis) is down at that moment or restarts without persistence before a
worker runs it: sign-up emails, imports and recomputes silently vanish, or the
request fails after its data was committed. So nothing publishes directly any more:

* ``enqueue(task, *args, **kwargs)`` writes a TaskIntent row in the caller's
  transaction (a rolled-back request queues nothing) and, once it commits, tries to
  publish at once over a dedicated connection with short timeouts and no retries.
  A broker that is down costs the request milliseconds, never a 500: the row waits.
  Without a broker (eager mode: ``make run``, the tests) the task runs in-process on
  commit, exactly as before, and the row is marked done then.
* The row's UUID is the Celery task_id. Worker signals (core.outbox.signals) mark it
  started, retried and done. A row counts as done only when a worker finished the
  task, not when it was published.
* The relay (``relay()``; the ``relay_outbox`` task run by beat every 30 s and on
  worker start; ``manage.py relay_outbox`` for operators) publishes rows that are
  due: never published (with exponential backoff while the broker stays down), or
  published and not finished within OUTBOX_VISIBILITY_TIMEOUT (the message was lost,
  e.g. Redis restarted empty, or the worker died). Rows are claimed with row locks
  (SKIP LOCKED on PostgreSQL), so parallel relays do not publish the same row twice.
  Finished rows are pruned after a week.

Delivery is therefore at-least-once: a task can run twice (republished after the
timeout while a slow worker still had it, or published by the request and the relay
at once), so every task sent through the outbox must be idempotent. deliver_email
dedupes by Message-ID; the recomputes recompute from scratch; the certificate render
skips a current PDF under a row lock; run_import claims its pending job atomically;
optimize_parameters refits from the whole review log.

A task that runs and fails for good (its own retries exhausted) is finished too, with
outcome "failure" and its error: the outbox guards against lost messages, while
retrying failures stays each task's own business (autoretry_for and friends).

Health: workers record heartbeats (core.outbox.worker, the relay), and /healthz
reports their age and the backlog (config.health).
"""

from .publishing import enqueue, pending_intent, relay

__all__ = ["enqueue", "pending_intent", "relay"]
