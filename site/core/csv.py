"""CSV cells that a spreadsheet will not run as formulas.

Names, titles and card text are user input; a cell starting with "=", "+", "-", "@", a
tab or a carriage return is run as a formula by Excel, LibreOffice and Sheets. Exports
put an apostrophe in front (spreadsheets hide it); imports take exactly one off again.
A cell that already looks guarded ("'=x") gets one more, so export then import always
gives back what was written.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def needs_guard(value):
    return str(value).lstrip("'").startswith(FORMULA_PREFIXES)


def guard_formula(value):
    """The cell to write for `value`."""
    value = str(value)
    return "'" + value if needs_guard(value) else value


def unguard_formula(value):
    """The value a cell written by guard_formula stood for."""
    value = str(value)
    return value[1:] if value.startswith("'") and needs_guard(value[1:]) else value
