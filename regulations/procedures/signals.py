"""Flag procedures when a confirmed legal version changes their legal basis."""

from django.dispatch import receiver

from regulations.documents.signals import version_confirmed


@receiver(version_confirmed, dispatch_uid="procedures_flag_basis_changes")
def flag_basis_changes(sender, version, previous=None, **kwargs):
    from .services.affected import flag_affected

    flag_affected(version, previous)
