"""Admin pages of ours name themselves in their header.

Wagtail's generic views show their breadcrumbs as the header; a view that does not
extend them shows only the first crumb, "Trang Chủ" (Home), so the satisfaction
report, the amendment page and the late-dossier report all read "Trang Chủ". With this
mixin the header's only crumb is the page's own title (the visible header), the same
text as the page's <title> and its screen-reader <h1>.
"""


class NamedHeaderMixin:
    """For WagtailAdminTemplateMixin views (ReportView included): put it first."""

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.get_header_title()}]
