"""Every kind of notification, who receives it, and the channel it uses by default.

Apps name their kind by its key when they call notify(); the settings page lists these
in this order. Keys are stored in Notification.kind and NotificationPreference.kind,
so they never change once shipped.
"""

from dataclasses import dataclass

from .models import Channel


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    default: str = Channel.EMAIL
    for_instructors: bool = False
    # How a group of several reads on the notifications page: "3 new messages".
    plural: str = "updates"


KINDS = [
    Kind(
        "new_message",
        "New messages (emailed only if still unread after a few minutes)",
        plural="new messages",
    ),
    Kind("lesson_published", "New lessons in my courses", Channel.DIGEST, plural="new lessons"),
    Kind("announcement", "Course announcements", plural="announcements"),
    Kind("quiz_graded", "Quiz results and feedback", Channel.IN_APP),
    Kind("certificate_issued", "Certificates issued"),
    Kind("oral_graded", "Mock oral graded by an instructor"),
    Kind("gouge_decision", "Decisions on my gouge reports"),
    Kind("review_update", "Replies to and moderation of my reviews"),
    Kind("instructor_feedback", "Feedback from my instructors on quizzes and mock orals"),
    Kind("endorsement", "Logbook endorsements given or revoked"),
    Kind("cohort", "Added to or removed from a class"),
    Kind("subscription", "Subscription and billing"),
    Kind(
        "new_enrollment", "New enrollments in my courses", Channel.DIGEST, True, "new enrollments"
    ),
    Kind("new_review", "New reviews of my courses", Channel.EMAIL, True, "new reviews"),
    Kind("learner_message", "Messages from my learners", Channel.EMAIL, True, "new messages"),
    Kind("course_finished", "Learners finishing my courses", Channel.DIGEST, True),
    Kind(
        "instructor_credentials",
        "My CFI recent-experience date coming up",
        Channel.EMAIL,
        True,
        "reminders",
    ),
]
BY_KEY = {kind.key: kind for kind in KINDS}


def kind_for(key):
    """The Kind for `key`; an unknown key is a programming error, not user input."""
    return BY_KEY[key]


def kinds_for(user_instructs):
    """The kinds a person can set: the instructor kinds only for those who instruct."""
    return [kind for kind in KINDS if user_instructs or not kind.for_instructors]
