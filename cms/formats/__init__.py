"""Input formats per language (FORMAT_MODULE_PATH): the admin date pickers post dates
as WAGTAIL_DATE_FORMAT (dd/mm/yyyy); Django's own locales would read "05/01/2017"
as 1 May (en) or not at all (vi)."""
