"""Demo enrollments for `load_demo`: learner@demo.test part-way through the checkride
course and finished (with a certificate) in the free weather course; premium@demo.test
started on the checkride course. Progress goes through the real services, so the demo
shows exactly what a learner would have; re-running adds nothing twice."""

from django.contrib.auth import get_user_model

from accounts.tiers import tier_for
from learning.courses.models import CoursePage
from learning.courses.outline import course_outline
from learning.enrollments import services
from learning.enrollments.models import Certificate

# (email, course slug, how many lessons to complete: None = all of them)
DEMO_PROGRESS = [
    ("learner@demo.test", "private-pilot-checkride-prep", 3),
    ("learner@demo.test", "weather-briefing-basics", None),
    ("premium@demo.test", "private-pilot-checkride-prep", 5),
]


def load(stdout):
    users = get_user_model().objects
    for email, slug, count in DEMO_PROGRESS:
        user = users.filter(email=email).first()
        course = CoursePage.objects.live().filter(slug=slug).first()
        if user is None or course is None:
            stdout.write(f"  skipped {email} in {slug}: user or course missing")
            continue
        services.enroll(user, course)
        tier = tier_for(user)
        lessons = [
            lesson
            for lesson in course_outline(course).lessons
            if lesson.is_visible_to(tier) and not services.completes_by_quiz(lesson)
        ]
        for lesson in lessons if count is None else lessons[:count]:
            services.complete_lesson(user, lesson)
    stdout.write(
        f"  enrollments: {len(DEMO_PROGRESS)}, certificates: {Certificate.objects.count()}"
    )
