"""URL reader against a local http.server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sorot.config import Settings
from sorot.ingest import read_paths
from sorot.records import IngestError, RawDoc

PAGE = b"""<html><head><meta property="og:title" content="Pelabuhan Tanjung Perak Tambah Dermaga">
<meta property="og:site_name" content="Bahari Kini"></head><body><article>
<h1>Pelabuhan Tanjung Perak Tambah Dermaga</h1>
<p>SURABAYA - Pengelola Pelabuhan Tanjung Perak menambah dua dermaga baru untuk kapal peti kemas.</p>
<p>Penambahan itu diharapkan memangkas waktu tunggu kapal hingga separuhnya, kata direktur operasional.</p>
</article></body></html>"""

TEXT = "Sidang Gugatan Lahan Ditunda\nHakim menunda sidang gugatan lahan warga Kendari hingga pekan depan.\n"

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/berita/dermaga": (200, "text/html; charset=utf-8", PAGE),
    "/teks": (200, "text/plain; charset=iso-8859-1", TEXT.replace("Kendari", "Kendarí").encode("latin-1")),
    "/besar": (200, "text/html", b"<html><body><p>" + b"kata " * 5000 + b"</p></body></html>"),
    "/kosong": (200, "text/html", b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/chunked":  # no Content-Length: the cap must stop the stream itself
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(50):
                chunk = b"<p>" + b"x" * 500 + b"</p>"
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        if self.path not in ROUTES:
            self.send_error(404, "Not Found")
            return
        status, ctype, body = ROUTES[self.path]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def settings() -> Settings:
    return Settings.load(max_url_bytes=10_000, url_timeout_s=5)


def test_html_page(base_url: str, settings: Settings) -> None:
    [doc] = list(read_paths([f"{base_url}/berita/dermaga"], settings))
    assert isinstance(doc, RawDoc)
    assert doc.kind == "url"
    assert doc.url == f"{base_url}/berita/dermaga" and doc.id == doc.url
    assert doc.title == "Pelabuhan Tanjung Perak Tambah Dermaga" and doc.outlet == "Bahari Kini"
    assert "dua dermaga baru" in doc.text


def test_plain_text_with_declared_charset(base_url: str, settings: Settings) -> None:
    [doc] = list(read_paths([f"{base_url}/teks"], settings))
    assert isinstance(doc, RawDoc)
    assert doc.title == "Sidang Gugatan Lahan Ditunda"
    assert "Kendarí" in doc.text and doc.url == f"{base_url}/teks"


def test_too_large_response_refused(base_url: str, settings: Settings) -> None:
    for route in ("/besar", "/chunked"):
        [err] = list(read_paths([f"{base_url}{route}"], settings))
        assert isinstance(err, IngestError)
        assert err.reason == f"url {base_url}{route}: response exceeds the 10 kB limit (max_url_bytes)"


def test_404_and_unreachable_and_empty(base_url: str, settings: Settings) -> None:
    items = list(
        read_paths(
            [
                f"{base_url}/tidak-ada",
                "http://127.0.0.1:9/",
                f"{base_url}/kosong",
                f"{base_url}/berita/dermaga",
            ],
            settings,
        )
    )
    assert [type(i).__name__ for i in items] == ["IngestError", "IngestError", "IngestError", "RawDoc"]
    assert items[0].reason == f"url {base_url}/tidak-ada: HTTP 404 Not Found"  # type: ignore[union-attr]
    assert items[1].reason.startswith("url http://127.0.0.1:9/: could not be fetched")  # type: ignore[union-attr]
    assert items[2].reason == f"url {base_url}/kosong: empty response"  # type: ignore[union-attr]
