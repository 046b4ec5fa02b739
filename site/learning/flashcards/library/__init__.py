"""The deck library: learners' own decks and cards, shared and course decks to add to
their study, CSV export, and the upload and job pages of imports."""
