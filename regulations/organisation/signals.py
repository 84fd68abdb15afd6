"""Keep a staff member's Wagtail groups in step with their role."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Role, StaffProfile
from .roles import group_for, group_name


@receiver(post_save, sender=StaffProfile)
def sync_user_role_group(sender, instance, raw=False, **kwargs):
    if raw:
        return
    user = instance.user
    wanted = group_for(instance.role)
    others = Group.objects.filter(name__in=[group_name(r) for r in Role.values]).exclude(
        pk=wanted.pk
    )
    user.groups.remove(*others)
    user.groups.add(wanted)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
