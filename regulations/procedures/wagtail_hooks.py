"""Admin menu "Thủ tục hành chính": bộ thủ tục, thủ tục, phiên bản thủ tục."""

from wagtail.snippets.models import register_snippet

from .admin_views import ProcedureAdminGroup

register_snippet(ProcedureAdminGroup)
