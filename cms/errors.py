"""Our own Vietnamese error answers: JSON {"error": ...} under /api/, the site's
layout elsewhere; and a backstop that refuses control characters before any view."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from cms.inputs import has_control_chars

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    403: "Bạn không có quyền truy cập trang này.",
    404: "Không tìm thấy trang.",
    500: "Lỗi máy chủ, xin vui lòng thử lại sau.",
}

BAD_CHARACTERS = "Địa chỉ hoặc tham số chứa ký tự không hợp lệ (ví dụ NUL)."


def _is_api(request):
    return request.path.startswith("/api/")


def _answer(request, code, message=None):
    message = message or MESSAGES[code]
    if _is_api(request):
        return JsonResponse({"error": message}, status=code)
    return render(request, f"{code}.html", {"message": message}, status=code)


def bad_request(request, exception=None):
    return _answer(request, 400)


def permission_denied(request, exception=None):
    return _answer(request, 403)


def page_not_found(request, exception=None):
    return _answer(request, 404)


def server_error(request):
    # No request context: the database or a context processor may be what failed.
    if _is_api(request):
        return JsonResponse({"error": MESSAGES[500]}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)


class RejectControlCharactersMiddleware:
    """NUL and other controls in the path or query string → 400 (PostgreSQL refuses
    NUL in text; no legitimate link carries them). Views still check their own params."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = has_control_chars(request.path) or any(
            has_control_chars(k) or any(has_control_chars(v) for v in vs)
            for k, vs in request.GET.lists()
        )
        if bad:
            return _answer(
                request, 400, "Địa chỉ hoặc tham số chứa ký tự không hợp lệ (ví dụ NUL)."
            )
        return self.get_response(request)
