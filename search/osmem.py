"""A local osmem-server behind a header-rewriting proxy, for tests and the benchmark.

osmem-server is an in-memory OpenSearch-compatible server (not Elasticsearch). The
Elasticsearch 8 client sends `application/vnd.elasticsearch+json; compatible-with=8`,
which osmem rejects, and insists on an `X-Elastic-Product: Elasticsearch` response
header; the proxy rewrites both, on the loopback interface only.
"""

import http.client
import http.server
import threading

_COMPAT = "application/vnd.elasticsearch+"
_HOP_HEADERS = {
    "content-length",
    "connection",
    "transfer-encoding",
    "date",
    "server",
    "x-elastic-product",
}


def _plain(value: str) -> str:
    if value and value.startswith(_COMPAT):
        subtype = value[len(_COMPAT) :].split(";")[0].strip() or "json"
        return f"application/{subtype}"
    return value


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = ("127.0.0.1", 0)

    def log_message(self, *args):  # quiet
        pass

    def _forward(self):
        if getattr(self.server, "stopping", False):
            self.close_connection = True
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {}
        for name, value in self.headers.items():
            lname = name.lower()
            if lname in ("host", "connection", "content-length", "accept-encoding"):
                continue
            if lname in ("content-type", "accept"):
                value = _plain(value)
            headers[name] = value
        if body is not None:
            headers["Content-Length"] = str(len(body))
        try:
            conn = http.client.HTTPConnection(*self.server.upstream, timeout=60)
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            status, reason, resp_headers = resp.status, resp.reason, resp.getheaders()
            conn.close()
        except OSError:
            self.send_response(502)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status, reason)
        for name, value in resp_headers:
            if name.lower() in _HOP_HEADERS:
                continue
            self.send_header(name, value)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        if getattr(self.server, "stopping", False):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class HeaderProxy:
    """Loopback HTTP proxy in a thread: client → proxy → upstream (host, port)."""

    def __init__(self, upstream_url: str, port: int = 0):
        host_port = upstream_url.split("://", 1)[-1].rstrip("/")
        host, _, up_port = host_port.partition(":")
        self.server = _Server(("127.0.0.1", port), _Handler)
        self.server.upstream = (host, int(up_port))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def close(self):
        self.server.stopping = True  # open keep-alive connections stop answering too
        self.server.shutdown()
        self.server.server_close()


class OsmemCluster:
    """osmem-server + proxy. `url` is what the Elasticsearch client talks to."""

    def __init__(self, proxy_port: int = 0):
        from osmem_server import OsmemServer

        self.server = OsmemServer.start(japanese=False)
        self.proxy = HeaderProxy(self.server.url, port=proxy_port)

    @property
    def url(self) -> str:
        return self.proxy.url

    def stop_proxy(self):
        """Simulate the engine going down (the port stops answering)."""
        port = self.proxy.port
        self.proxy.close()
        return port

    def start_proxy(self, port: int):
        self.proxy = HeaderProxy(self.server.url, port=port)

    def close(self):
        try:
            self.proxy.close()
        finally:
            self.server.close()
