from .endorsement import Endorsement
from .profile import Certificate, DashboardPanel, DashboardPreference, InstructorProfile
from .snapshots import CourseSnapshot, InstructorSnapshot, LearnerSnapshot, PlatformSnapshot
from .students import Cohort, CohortMember, StudentNote
from .templates import CourseTemplate

__all__ = [
    "Certificate",
    "Cohort",
    "CohortMember",
    "CourseSnapshot",
    "CourseTemplate",
    "DashboardPanel",
    "DashboardPreference",
    "Endorsement",
    "InstructorProfile",
    "InstructorSnapshot",
    "LearnerSnapshot",
    "PlatformSnapshot",
    "StudentNote",
]
