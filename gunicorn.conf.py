"""gunicorn settings for production (README, "Production deployment").

    gunicorn -c gunicorn.conf.py            # cms.wsgi on 127.0.0.1:8000, 3 workers
    gunicorn -c gunicorn.conf.py --workers 5 --bind 127.0.0.1:9000

gunicorn reads ./gunicorn.conf.py by itself when started from this directory;
command-line options (or GUNICORN_CMD_ARGS) override what is set here.

gunicorn has no option to leave out its `Server: gunicorn` response header, so this file
patches the response class (the master loads it before forking the workers): no Server
header on HTTP/1.x, and no name or version in it on HTTP/2.
"""

from gunicorn.http import wsgi as _gunicorn_wsgi

wsgi_app = "cms.wsgi:application"
bind = ["127.0.0.1:8000"]
workers = 3
# The TLS-terminating proxy in front sets X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER);
# gunicorn trusts it from 127.0.0.1 only (its default forwarded_allow_ips).


def _without_server_header(default_headers):
    def default_headers_without_server(self):
        return [h for h in default_headers(self) if not h.lower().startswith("server:")]

    default_headers_without_server.__wrapped__ = default_headers
    return default_headers_without_server


if not hasattr(_gunicorn_wsgi.Response.default_headers, "__wrapped__"):
    _gunicorn_wsgi.Response.default_headers = _without_server_header(
        _gunicorn_wsgi.Response.default_headers
    )
# Read by Response.__init__ (HTTP/2 adds a "server" header from it when the app sets none).
_gunicorn_wsgi.SERVER = ""
