"""gunicorn.conf.py: the production command sends no Server header."""

import http.client
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "gunicorn.conf.py"


def test_conf_serves_the_project_and_drops_the_server_header():
    from gunicorn.http import wsgi

    conf = runpy.run_path(str(CONF))
    assert conf["wsgi_app"] == "cms.wsgi:application"
    assert wsgi.SERVER == ""

    class Req:
        version = (1, 1)

    response = wsgi.Response.__new__(wsgi.Response)
    response.req, response.status, response.version = Req(), "200 OK", "gunicorn"
    response.upgrade = response.chunked = False
    response.must_close = True
    response.cfg = None
    headers = response.default_headers()
    assert headers[0].startswith("HTTP/1.1 200")
    assert not [h for h in headers if h.lower().startswith("server:")]
    # Loading the file twice (reload) does not wrap twice.
    runpy.run_path(str(CONF))
    assert not hasattr(wsgi.Response.default_headers.__wrapped__, "__wrapped__")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_real_gunicorn_run_sends_no_server_header():
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "-c",
            str(CONF),
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "tests.cms.gunicorn_probe:application",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/")
                response = conn.getresponse()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.status == 200 and response.read() == b"ok"
        assert response.getheader("Server") is None, response.getheaders()
        assert response.getheader("Date")
        conn.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
