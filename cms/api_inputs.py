"""Validation for the Wagtail API v2 endpoints: every query parameter is checked
against the model field it filters before Wagtail builds a query, and every error
is a JSON 400/404 {"error": "..."} instead of an HTML 500."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from cms.inputs import (
    MAX_ID,
    MAX_OFFSET,
    InputError,
    check_params,
    parse_choice,
    parse_date,
    parse_int,
)


class ValidatedAPIMixin:
    """Mix into a BaseAPIViewSet (before it)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            self._validate(request)
        except InputError as exc:
            raise BadRequestError(str(exc)) from None

    def _validate(self, request):
        params = request._request.GET
        check_params(params)
        if "pk" in self.kwargs:
            parse_int(str(self.kwargs["pk"]), "id")
        cleaned = params.copy()
        if "offset" in params:
            parse_int(params["offset"], "offset", 0, MAX_OFFSET)
        if "limit" in params:
            parse_int(params["limit"], "limit", 0, MAX_OFFSET)
        if "search_operator" in params:
            parse_choice(params["search_operator"], "search_operator", ("and", "or"))
        for name, value in params.items():
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, models.DateField):
                cleaned[name] = parse_date(value, name).isoformat()
            elif isinstance(field, models.ForeignKey | models.AutoField):
                parse_int(value, name)
            elif isinstance(field, models.IntegerField):
                parse_int(value, name, -MAX_ID - 1, MAX_ID)
        # Wagtail's filters read request.GET: give them the normalised dates.
        request._request.GET = cleaned

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"error": "Không tìm thấy."}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response({"error": _vietnamese(str(exc))}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, ValidationError | OverflowError | ValueError):
            # Wagtail's own filter and search paths raise these on odd values.
            return Response(
                {"error": "Tham số truy vấn không hợp lệ."}, status=status.HTTP_400_BAD_REQUEST
            )
        return super().handle_exception(exc)


def _vietnamese(message):
    """Wagtail's own messages are English: keep them, after a Vietnamese lead."""
    if message.isascii():
        return f"Yêu cầu không hợp lệ: {message}"
    return message
