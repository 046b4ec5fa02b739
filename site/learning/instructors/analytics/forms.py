"""The analytics page's date range and the admin home's panel preferences."""

import datetime

from django import forms
from django.utils import timezone

MAX_RANGE_DAYS = 366
DEFAULT_RANGE_DAYS = 30
# Dates outside these years are typos; they would also overflow date arithmetic
# (year 1 minus 30 days, year 9999 plus one day) into a 500.
YEARS = range(1970, 9000)


def utc_today():
    return timezone.now().astimezone(datetime.UTC).date()


class DateRangeForm(forms.Form):
    """?start=&end= (YYYY-MM-DD, both optional): by default the last 30 days. A range
    is at most 366 days so a page never draws or exports years of days."""

    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if any(day is not None and day.year not in YEARS for day in data.values()):
            raise forms.ValidationError(f"Choose dates between {YEARS[0]} and {YEARS[-1]}.")
        today = utc_today()
        end = data.get("end") or today
        start = data.get("start") or end - datetime.timedelta(days=DEFAULT_RANGE_DAYS - 1)
        if start > end:
            raise forms.ValidationError("The start date must be on or before the end date.")
        if (end - start).days + 1 > MAX_RANGE_DAYS:
            raise forms.ValidationError(f"Choose a range of at most {MAX_RANGE_DAYS} days.")
        data["start"], data["end"] = start, end
        return data


class DashboardSettingsForm(forms.Form):
    """One "Show" checkbox and one position per panel the user may see."""

    def __init__(self, *args, panels, chosen, **kwargs):
        super().__init__(*args, **kwargs)
        self.panels = panels
        positions = {value: n for n, value in enumerate(chosen, start=1)}
        for index, panel in enumerate(panels, start=1):
            self.fields[f"show_{panel.value}"] = forms.BooleanField(
                label=f"Show “{panel.label}”", required=False, initial=panel in positions
            )
            self.fields[f"position_{panel.value}"] = forms.IntegerField(
                label=f"Position of “{panel.label}”",
                min_value=1,
                max_value=len(panels),
                initial=positions.get(panel, len(chosen) + index),
            )

    def rows(self):
        return [
            (panel, self[f"show_{panel.value}"], self[f"position_{panel.value}"])
            for panel in self.panels
        ]

    def chosen(self):
        """The shown panels' values, by position (ties keep the default order)."""
        shown = [
            (self.cleaned_data[f"position_{panel.value}"], index, panel.value)
            for index, panel in enumerate(self.panels)
            if self.cleaned_data[f"show_{panel.value}"]
        ]
        return [value for _, _, value in sorted(shown)]
