"""Shared infrastructure for every app: the task outbox (core.outbox) and helpers."""
