"""An endorsement is never edited: once stored, only its revocation may be filled in.

The services never change anything else, but the Django admin, a shell or a future
view could; this receiver (connected by InstructorsConfig.ready) refuses such a save so
that the signed text, names, CFI number and date stay exactly as signed. Revocation is
one way: a revoked endorsement cannot be restored. (QuerySet.update() skips signals;
no code of ours updates endorsements that way.)
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from learning.instructors.models import Endorsement

REVOCATION_FIELDS = {"revoked_at", "revoked_by", "revoke_reason"}


class EndorsementFrozen(ValueError):
    """Raised on an attempt to change a signed endorsement."""


def _frozen_fields():
    return [
        field.attname
        for field in Endorsement._meta.concrete_fields
        if field.name not in REVOCATION_FIELDS and not field.primary_key
    ]


@receiver(pre_save, sender=Endorsement, dispatch_uid="instructors_endorsement_frozen")
def refuse_edits(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    stored = Endorsement.objects.filter(pk=instance.pk).values(*_frozen_fields(), "revoked_at")
    stored = stored.first()
    if stored is None:
        return
    changed = [name for name in _frozen_fields() if getattr(instance, name) != stored[name]]
    if changed:
        raise EndorsementFrozen(
            f"A signed endorsement cannot be edited (tried to change {', '.join(changed)}); "
            "revoke it with a reason and write a new one."
        )
    if stored["revoked_at"] is not None and instance.revoked_at != stored["revoked_at"]:
        raise EndorsementFrozen("A revoked endorsement stays revoked.")
