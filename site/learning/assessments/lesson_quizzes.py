"""Which lesson has a quiz: the fact every lesson page asks, kept in the Django cache.

Most lessons have no quiz, yet the lesson page's quiz panel (and its completion box,
which asks whether a required quiz completes the lesson) had to look for one on every
view. The answer depends only on which lesson each assessment is attached to, so it is
cached per lesson, the same for every viewer. Saving or deleting any assessment starts
a new generation, at once and again when the change commits (a request that read the
old attachment meanwhile cannot keep it), so the next page view sees the change. The
quiz itself, its question count and the learner's attempts are still read per view.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.generations import Generation

from .models import Assessment

GENERATION_KEY = "assessments:lesson-quizzes:generation"
TIMEOUT = 24 * 60 * 60
NO_QUIZ = 0


LESSON_QUIZZES = Generation(GENERATION_KEY)


def _key(generation, lesson_id):
    return f"assessments:lesson-quiz:{generation}:{lesson_id}"


def known_quiz_id(lesson_id):
    """(generation, the lesson's assessment id or NO_QUIZ); the id is None when the
    cache does not know yet. Remember the answer with `remember_quiz_id`."""
    generation = LESSON_QUIZZES.current()
    return generation, cache.get(_key(generation, lesson_id))


def remember_quiz_id(generation, lesson_id, assessment_id):
    cache.set(_key(generation, lesson_id), assessment_id or NO_QUIZ, TIMEOUT)


def forget_lesson_quizzes():
    LESSON_QUIZZES.renew()


@receiver(post_save, sender=Assessment, dispatch_uid="assessments_lesson_quiz_saved")
@receiver(post_delete, sender=Assessment, dispatch_uid="assessments_lesson_quiz_deleted")
def assessment_changed(sender, **kwargs):
    forget_lesson_quizzes()
