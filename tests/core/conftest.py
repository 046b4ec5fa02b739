"""Broker fixtures for the outbox tests (defined in tests/core/brokers.py)."""

from tests.core.brokers import broker_at, dead_broker, memory_broker, redis_server, worker_on

__all__ = ["broker_at", "dead_broker", "memory_broker", "redis_server", "worker_on"]
