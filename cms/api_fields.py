"""Serializer fields shared by the apps' Wagtail API v2 endpoints."""

from rest_framework import serializers


class NamedField(serializers.Field):
    """A foreign key as {id, name[, extra]} (extra: code, slug…) instead of a bare id."""

    def __init__(self, extra="", **kwargs):
        self.extra = extra
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source)

    def to_representation(self, obj):
        data = {"id": obj.pk, "name": obj.name}
        if self.extra:
            data[self.extra] = getattr(obj, self.extra)
        return data
