"""Read-only Wagtail API v2. Domain apps register their endpoints here."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms.api_inputs import ValidatedAPIMixin
from regulations.documents.api import LegalDocumentsAPIViewSet, ProvisionsAPIViewSet
from regulations.procedures.api import ProceduresAPIViewSet


class ValidatedPagesAPIViewSet(ValidatedAPIMixin, PagesAPIViewSet):
    pass


class ValidatedFilesAPIViewSet(ValidatedAPIMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ValidatedPagesAPIViewSet)
api_router.register_endpoint("files", ValidatedFilesAPIViewSet)
api_router.register_endpoint("procedures", ProceduresAPIViewSet)
api_router.register_endpoint("documents", LegalDocumentsAPIViewSet)
api_router.register_endpoint("provisions", ProvisionsAPIViewSet)
