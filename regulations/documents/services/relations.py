"""Kiểm tra quan hệ văn bản, as the apps above documents import it (planning checks
the provision paths its tasks name).

The checks are invariants of the models and live with them: `validate` (what
DocumentRelation.clean() runs) in models/relations.py, `has_text` and `provision_exists`
in models/versions.py, `normalise_path` in structure.py. Code inside documents imports
them from there; this module only keeps the import path planning uses.
"""

from ..models.versions import has_text, provision_exists
from ..structure import normalise_path

__all__ = ["has_text", "normalise_path", "provision_exists"]
