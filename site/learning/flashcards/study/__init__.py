"""Studying: today's cards one at a time, reviews, undo, card actions and study settings."""
