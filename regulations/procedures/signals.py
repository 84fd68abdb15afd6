"""Flag procedures when a confirmed legal version changes their legal basis."""

from django.dispatch import receiver

from regulations.documents.signals import version_confirmed

from .services.affected import flag_affected


@receiver(version_confirmed, dispatch_uid="procedures_flag_basis_changes")
def flag_basis_changes(sender, version, previous=None, **kwargs):
    flag_affected(version, previous)
