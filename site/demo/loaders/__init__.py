"""One loader per app, each with `load(stdout)`; load_demo runs them in dependency order."""
