"""Grouping on the notifications page: consecutive unread notifications sharing a
group key read as one line ("3 new messages from Ida Instructor")."""

from dataclasses import dataclass, field

from .kinds import BY_KEY


@dataclass
class Entry:
    """One line of the page: the newest notification and the ones it stands for."""

    first: object
    items: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.items)

    @property
    def is_read(self):
        return self.first.is_read

    @property
    def text(self):
        if self.count == 1:
            return self.first.text
        kind = BY_KEY.get(self.first.kind)
        plural = kind.plural if kind else "updates"
        actors = {item.actor_id for item in self.items}
        actor = self.first.actor
        if len(actors) == 1 and actor is not None:
            return f"{self.count} {plural} from {actor.display_name}"
        return f"{self.count} {plural}: {self.first.text}"


def grouped(notifications):
    """Entries for `notifications` (newest first) in the same order."""
    entries = []
    for item in notifications:
        last = entries[-1] if entries else None
        joins = (
            last is not None
            and item.group_key
            and not item.is_read
            and not last.is_read
            and last.first.group_key == item.group_key
            and last.first.recipient_id == item.recipient_id
        )
        if joins:
            last.items.append(item)
        else:
            entries.append(Entry(item, [item]))
    return entries
