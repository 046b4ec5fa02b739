"""Template filters for examiner figures: proportions as whole percentages."""

import math

from django import template

register = template.Library()


@register.filter
def percent(value):
    """0.7537 -> '75%' (halves round up); empty for a missing value."""
    if value is None or value == "":
        return ""
    return f"{math.floor(float(value) * 100 + 0.5)}%"
