"""Read-only Wagtail API v2. Domain apps register their endpoints here."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from regulations.documents.api import LegalDocumentsAPIViewSet, ProvisionsAPIViewSet
from regulations.procedures.api import ProceduresAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("files", DocumentsAPIViewSet)
api_router.register_endpoint("procedures", ProceduresAPIViewSet)
api_router.register_endpoint("documents", LegalDocumentsAPIViewSet)
api_router.register_endpoint("provisions", ProvisionsAPIViewSet)
