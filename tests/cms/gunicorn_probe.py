"""A WSGI app for the gunicorn header test (no Django: the test is about gunicorn)."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"ok"]
