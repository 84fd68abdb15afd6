"""Văn bản: public pages (public), admin actions (admin), legal version editing
(versions) and the consolidation review (consolidation)."""
