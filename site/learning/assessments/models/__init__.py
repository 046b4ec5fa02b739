from .attempt import Attempt, AttemptAnswer
from .bank import Assessment, Choice, Question, QuestionType

__all__ = ["Assessment", "Attempt", "AttemptAnswer", "Choice", "Question", "QuestionType"]
