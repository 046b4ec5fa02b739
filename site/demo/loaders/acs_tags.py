"""Demo ACS tags on the demo lessons and the official flashcard deck, so the demo
learner's coverage page shows studied and retained elements.

Runs after the courses, ACS, flashcards and orals loaders. The codes used are in areas
I, III and XI of the shipped standard, each the element whose text covers the card;
an editor's own tags are never replaced (only untagged items are tagged).
Which codes go where is in demo/data/acs/tags.json: lessons by title, and cards by their
first matching tag.
"""

from demo.words import read
from learning.acs.models import AcsElement
from learning.courses.models import LessonPage
from learning.flashcards.models import Flashcard

TAGS = read("acs", "tags.json")
LESSON_CODES = TAGS["lessons"]
CARD_TAG_CODES = [tuple(pair) for pair in TAGS["cards"]]
DECK_NAME = TAGS["deck"]


def load(stdout):
    elements = {element.code: element for element in AcsElement.objects.filter(archived=False)}
    lessons = 0
    for lesson in LessonPage.objects.live().filter(
        title__in=LESSON_CODES, acs_elements__isnull=True
    ):
        found = [elements[code] for code in LESSON_CODES[lesson.title] if code in elements]
        if found:
            # Through a published revision, as an editor would: the editor form (which
            # reads the latest revision) then shows the same tags.
            draft = lesson.get_latest_revision_as_object()
            draft.acs_elements = found
            draft.save_revision().publish()
            lessons += 1
    cards = 0
    untagged = Flashcard.objects.filter(deck__name=DECK_NAME, deck__course__isnull=False)
    for card in untagged.filter(acs_elements__isnull=True):
        tags = set(card.tag_list)
        codes = next((codes for tag, codes in CARD_TAG_CODES if tag in tags), [])
        found = [elements[code] for code in codes if code in elements]
        if found:
            card.acs_elements.set(found)
            cards += 1
    stdout.write(f"  ACS tags: {lessons} lessons and {cards} flashcards tagged")
