"""ACS codes from an Airman Knowledge Test Report (AKTR).

The AKTR lists the ACS code of the element behind each question a learner missed on
the knowledge test, and the evaluator tests "any elements in which the applicant was
shown to be deficient on the knowledge test" (FAA-S-ACS-6C, Appendix 1, "Use of the
ACS During a Practical Test"). Learners type the codes or paste the report's text;
this finds every element code in it, tolerant of case, commas, newlines and spaces
around the dots ("pa. i. c. k2"), and ignores everything else on the report.
"""

import re

from learning.acs.codes import normalize_code

CODE_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9.])([A-Z]{2,3})\s*\.\s*([IVXL]+)\s*\.\s*([A-Z])\s*\.\s*([KRS]\d{1,2}[A-Z]?)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
MAX_CODES = 60


def codes_in(text):
    """The element codes in ``text``, normalized (PA.I.C.K2, PA.I.B.K3a), each once, in
    the order they appear."""
    codes = []
    for match in CODE_IN_TEXT.finditer(text or ""):
        code = normalize_code(".".join(match.groups()))
        if code not in codes:
            codes.append(code)
    return codes
