"""A static file server for a built site on 127.0.0.1 (ephemeral port), gzip like a real static host."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


def _handler(root: Path) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if not target.is_relative_to(root):
                self.send_error(403)
                return
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                target = target / "index.html"
            if not target.is_file():
                body = (root / "404.html").read_bytes() if (root / "404.html").is_file() else b"not found"
                self._send(404, body, "text/html")
                return
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self._send(200, target.read_bytes(), kind, compress=target.suffix in COMPRESSIBLE)

        def _send(self, status: int, body: bytes, kind: str, *, compress: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text") else kind)
            self.send_header("Cache-Control", "no-cache")
            if compress and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that says nothing when a browser drops a request it no longer needs.

    A tab that moves on to the next page closes the connections of the last one still loading; the
    standard server then prints a traceback (BrokenPipeError) into the test run's output, where it
    reads like a failure. Any other error in a request is still printed.
    """

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` until the block ends; yields the base URL (`http://127.0.0.1:<port>/`)."""
    server = QuietServer(("127.0.0.1", 0), _handler(root.resolve()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
