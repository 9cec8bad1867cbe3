"""The tests' static server: a browser that drops a request is not an error, anything else is."""

from __future__ import annotations

import http.server
import os
import socket
import struct
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from tests.support.server import QuietServer, serve


def test_a_request_dropped_by_the_client_prints_nothing_and_the_server_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "large.bin").write_bytes(os.urandom(16 * 1024 * 1024))  # more than a socket buffers
    (tmp_path / "index.html").write_text("<p>still here</p>", encoding="utf-8")
    with serve(tmp_path) as base:
        address = urlsplit(base)
        client = socket.create_connection((address.hostname, address.port))
        client.sendall(b"GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        client.recv(1024)  # the response has started
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # reset, as a tab that moves on does
        with urlopen(base) as response:
            assert response.read() == b"<p>still here</p>"
    # Leaving `serve` waits for every request's thread, the dropped one included.
    assert capsys.readouterr().err == ""


def test_any_other_error_in_a_request_is_still_printed(capsys: pytest.CaptureFixture[str]) -> None:
    server = QuietServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    try:
        try:
            raise ValueError("a bug in the handler")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    assert "ValueError: a bug in the handler" in capsys.readouterr().err
