from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/v2/", api_router.urls),
    path("van-ban/", include("regulations.documents.urls")),
    path("thu-tuc/", include("regulations.procedures.urls")),
    path("", include("search.urls")),
    path("", include("regulations.planning.urls")),
    path("ho-so/", include("regulations.dossiers.urls")),
    path("khao-sat/", include("regulations.surveys.urls")),
    path("phan-anh/", include("regulations.feedback.urls")),
    path("word/", include("regulations.wordio.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "cms.errors.bad_request"
handler403 = "cms.errors.permission_denied"
handler404 = "cms.errors.page_not_found"
handler500 = "cms.errors.server_error"
