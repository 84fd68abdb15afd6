"""The admin form for one dossier: the due date is computed, never typed."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .services.appointments import compute_due_date

KEY_FIELDS = ("procedure", "method_kind", "received_at")


class DossierAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "code" in self.fields and self.instance.pk is None:
            # Registering: the code is given on save (services/codes.py) unless typed.
            self.fields["code"].required = False

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        values = [cleaned.get(name) for name in KEY_FIELDS]
        if not all(values):
            return cleaned
        changed = instance.pk is None or any(name in self.changed_data for name in KEY_FIELDS)
        moved = instance.pk is not None and instance.appointment_changes.exists()
        if changed and not moved:
            try:
                due = compute_due_date(*values)
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
            else:
                instance.due_date = instance.appointment_date = due
        return cleaned
