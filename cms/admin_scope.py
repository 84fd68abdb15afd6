"""Snippet viewsets whose every view sees the same scoped queryset as the listing.

Wagtail scopes only the index view through ``SnippetViewSet.get_queryset``; the
inspect, edit, delete, history, usage and revision views look objects up by primary
key on the whole table, and the chooser (used by foreign-key widgets of other
snippets) lists and returns every row. A unit head could therefore read another
unit's rows by guessing ids. ``ScopedSnippetViewSet`` routes all of them through one
``scope_queryset(queryset, user)``.
"""

from django.http import Http404
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


class _ScopedObjectMixin:
    """Object views: an object outside the user's scope is not found (404, not 403,
    so ids of other units' rows are not confirmed either)."""

    scoped_viewset = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        viewset = self.scoped_viewset
        if isinstance(obj, viewset.model) and not viewset.in_scope(obj, self.request.user):
            raise Http404
        return obj


class _ScopedChooserMixin:
    scoped_viewset = None

    def get_object_list(self, *args, **kwargs):
        objects = super().get_object_list(*args, **kwargs)
        return self.scoped_viewset.scope_queryset(objects, self.request.user)

    def get_object(self, pk):
        # ChosenView: the modal's answer carries the object's title.
        objects = self.scoped_viewset.scope_queryset(
            self.model_class._default_manager.all(), self.request.user
        )
        return objects.get(pk=pk)

    def get_objects(self, pks):
        return self.scoped_viewset.scope_queryset(super().get_objects(pks), self.request.user)


def _scoped_view_class(view_class, mixin, viewset):
    return type(view_class.__name__, (mixin, view_class), {"scoped_viewset": viewset})


class ScopedSnippetChooserViewSet(SnippetChooserViewSet):
    scoped_viewset = None

    def __init__(self, *args, scoped_viewset=None, **kwargs):
        self.scoped_viewset = scoped_viewset
        super().__init__(*args, **kwargs)

    def construct_view(self, view_class, **kwargs):
        if self.scoped_viewset is not None and not issubclass(view_class, _ScopedChooserMixin):
            view_class = _scoped_view_class(view_class, _ScopedChooserMixin, self.scoped_viewset)
        return super().construct_view(view_class, **kwargs)


class ScopedSnippetViewSet(SnippetViewSet):
    """Subclasses override ``scope_queryset``; the default keeps everything."""

    chooser_viewset_class = ScopedSnippetChooserViewSet

    def scope_queryset(self, queryset, user):
        return queryset

    def in_scope(self, obj, user) -> bool:
        return self.scope_queryset(self.model._default_manager.filter(pk=obj.pk), user).exists()

    def get_queryset(self, request):
        return self.scope_queryset(self.model._default_manager.all(), request.user)

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object") and not issubclass(view_class, _ScopedObjectMixin):
            view_class = _scoped_view_class(view_class, _ScopedObjectMixin, self)
        return super().construct_view(view_class, **kwargs)

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            scoped_viewset=self,
        )
