"""Bringing cards in from CSV files and Anki packages: parsing, the background job and
its queue state, and serving the pictures that come with cards (imported or uploaded)."""
