from django.apps import AppConfig


class AcsConfig(AppConfig):
    """The FAA Airman Certification Standards: the codes every other study tool tags."""

    name = "learning.acs"
    label = "acs"
    verbose_name = "ACS standards"
