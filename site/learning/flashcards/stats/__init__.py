"""A learner's flashcard statistics, their charts, and the parameter fit they can ask for."""
