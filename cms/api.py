"""Read-only Wagtail API v2. Domain apps register their endpoints here."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms.api_inputs import ValidatedAPIMixin
from cms.private_files import private_collections_q
from regulations.documents.api import LegalDocumentsAPIViewSet, ProvisionsAPIViewSet
from regulations.procedures.api import ProceduresAPIViewSet


class ValidatedPagesAPIViewSet(ValidatedAPIMixin, PagesAPIViewSet):
    pass


class ValidatedFilesAPIViewSet(ValidatedAPIMixin, DocumentsAPIViewSet):
    """Public files only: nothing from a collection with a view restriction."""

    def get_queryset(self):
        return super().get_queryset().exclude(private_collections_q())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ValidatedPagesAPIViewSet)
api_router.register_endpoint("files", ValidatedFilesAPIViewSet)
api_router.register_endpoint("procedures", ProceduresAPIViewSet)
api_router.register_endpoint("documents", LegalDocumentsAPIViewSet)
api_router.register_endpoint("provisions", ProvisionsAPIViewSet)
