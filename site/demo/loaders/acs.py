"""Demo ACS for `load_demo`: the whole FAA-S-ACS-6C the site ships
(learning/acs/data/FAA-S-ACS-6C.json, parsed from the FAA's PDF by `import_acs --export`),
or the standard in the PDF or JSON that `load_demo --acs PATH` hands over.

Either goes through services.import_standard as a complete document, so running it
twice changes nothing and a newer revision archives the codes it dropped. The other
loaders (orals, ACS tags) use codes of tasks PA.I.B, PA.I.C, PA.I.E, PA.IX.C and PA.XI.A.
"""

from learning.acs.importer import SHIPPED, read_standard
from learning.acs.services import import_standard


def load(stdout, acs_path=None):
    summary = import_standard(read_standard(acs_path or SHIPPED), complete=True)
    for line in summary.lines():
        stdout.write(f"  {line}")
