"""Signals other apps send to the search index."""

from django.dispatch import Signal

#: Send (sender=Model, instance=obj) after changing what an indexed object shows
#: without saving it, e.g. replacing a version's provisions in bulk: the index treats
#: it as a save of `obj`. Model signals would also wake every other post_save
#: listener (Wagtail's reference index, its admin search) for nothing.
content_changed = Signal()
