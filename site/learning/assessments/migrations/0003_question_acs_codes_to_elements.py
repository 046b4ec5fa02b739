"""Question.acs_codes (free text) -> Question.acs_elements, then drop the text field.

Codes naming a current element become tags; anything else (task-level codes such as
"PA.I.E", typos, archived codes) cannot be a tag and is dropped, as the editor and the
importers now refuse them.
"""

import re

from django.db import migrations

SEPARATORS = re.compile(r"[,;\s]+")
SUB_LETTER = re.compile(r"^(.*\d)([A-Za-z])$")


def normalized(code):
    match = SUB_LETTER.match(code)
    return match.group(1).upper() + match.group(2).lower() if match else code.upper()


def codes_to_elements(apps, schema_editor):
    Question = apps.get_model("assessments", "Question")
    AcsElement = apps.get_model("acs", "AcsElement")
    Through = Question._meta.get_field("acs_elements").remote_field.through
    tagged = {}
    for pk, raw in Question.objects.exclude(acs_codes="").values_list("pk", "acs_codes"):
        tagged[pk] = [normalized(piece) for piece in SEPARATORS.split(raw) if piece]
    wanted = {code for codes in tagged.values() for code in codes}
    known = dict(
        AcsElement.objects.filter(code__in=wanted, archived=False).values_list("code", "pk")
    )
    Through.objects.bulk_create(
        [
            Through(question_id=pk, acselement_id=known[code])
            for pk, codes in tagged.items()
            for code in dict.fromkeys(codes)
            if code in known
        ],
        ignore_conflicts=True,
    )


def elements_to_codes(apps, schema_editor):
    Question = apps.get_model("assessments", "Question")
    Through = Question._meta.get_field("acs_elements").remote_field.through
    codes = {}
    for pk, code in Through.objects.order_by("pk").values_list("question_id", "acselement__code"):
        codes.setdefault(pk, []).append(code)
    for pk, found in codes.items():
        Question.objects.filter(pk=pk).update(acs_codes=", ".join(found)[:200])


class Migration(migrations.Migration):
    dependencies = [
        ("acs", "0001_initial"),
        ("assessments", "0002_question_acs_elements"),
    ]

    operations = [
        migrations.RunPython(codes_to_elements, elements_to_codes),
        migrations.RemoveField(model_name="question", name="acs_codes"),
    ]
