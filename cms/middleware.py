"""Vietnamese first: the visitor's explicit choice, else Vietnamese.

Django's LocaleMiddleware would also follow the browser's Accept-Language, so a
civil servant with an English-language browser would land on an English site.
Here only the language switch (its cookie) changes the language.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
