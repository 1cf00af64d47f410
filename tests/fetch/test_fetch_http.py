"""memcon.fetch.http.download against a real local HTTP server serving real FRUS volumes."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import httpx
import pytest

from memcon import __version__
from memcon.errors import FetchError, MemconError
from memcon.fetch.http import download

from ._frus_server import SLOW_SECONDS, FrusServer

VOLUME = "frus1894Nicaragua"  # the smallest shared volume (1.1 MB)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def url(server: FrusServer, route: str, volume: str = VOLUME) -> str:
    return server.base(route).format(id=volume)


def test_download_is_byte_identical_and_names_memcon(frus_server: FrusServer, tmp_path: Path) -> None:
    dest = tmp_path / "sub" / f"{VOLUME}.xml"
    assert download(url(frus_server, "ok"), dest) == dest
    assert sha256(dest) == sha256(frus_server.root / f"{VOLUME}.xml")
    assert frus_server.agents[0].startswith(f"memcon/{__version__}")
    assert [p.name for p in dest.parent.iterdir()] == [dest.name]  # no temp file left behind


def test_gzip_body_is_decoded_and_length_checked_on_the_wire(frus_server: FrusServer, tmp_path: Path) -> None:
    dest = download(url(frus_server, "gzip"), tmp_path / "v.xml")
    assert sha256(dest) == sha256(frus_server.root / f"{VOLUME}.xml")


def test_404_fails_at_once_naming_the_url(frus_server: FrusServer, tmp_path: Path) -> None:
    dest = tmp_path / "v.xml"
    with pytest.raises(FetchError) as info:
        download(url(frus_server, "404"), dest, retries=3, backoff=0.01)
    message = str(info.value)
    assert url(frus_server, "404") in message and "404" in message
    assert "history.state.gov/historicaldocuments" in message and "MEMCON_MIRROR" in message
    assert info.value.url == url(frus_server, "404")
    assert frus_server.hits[f"/404/{VOLUME}.xml"] == 1  # no retry
    assert list(tmp_path.iterdir()) == []


def test_truncated_body_is_retried_then_fails_leaving_no_file(
    frus_server: FrusServer, tmp_path: Path
) -> None:
    dest = tmp_path / "v.xml"
    dest_old = b"the previous, complete version"
    dest.write_bytes(dest_old)
    with pytest.raises(FetchError, match="after 3 attempts") as info:
        download(url(frus_server, "truncated"), dest, retries=2, backoff=0.01)
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert frus_server.hits[f"/truncated/{VOLUME}.xml"] == 3
    assert dest.read_bytes() == dest_old  # untouched: never a half file at dest
    assert [p.name for p in tmp_path.iterdir()] == ["v.xml"]


def test_truncated_body_fails_with_no_file_at_dest(frus_server: FrusServer, tmp_path: Path) -> None:
    dest = tmp_path / "v.xml"
    with pytest.raises(FetchError, match="RemoteProtocolError"):
        download(url(frus_server, "truncated"), dest, retries=0)
    assert not dest.exists() and list(tmp_path.iterdir()) == []


def test_short_body_is_caught_by_the_content_length_check(tmp_path: Path) -> None:
    # A transport that does not enforce Content-Length itself (httpx's MockTransport):
    # download's own check must catch the short body.
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, headers={"Content-Length": "1000"}, content=b"<TEI/>")

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as client,
        pytest.raises(FetchError, match="received 6 of 1000 bytes"),
    ):
        download("http://mirror.invalid/v.xml", tmp_path / "v.xml", client=client, retries=1, backoff=0)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_slow_response_times_out_and_is_retried(frus_server: FrusServer, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 0.2 s"):
        download(url(frus_server, "slow"), tmp_path / "v.xml", timeout=0.2, retries=1, backoff=0.01)
    elapsed = time.monotonic() - started
    assert elapsed < SLOW_SECONDS  # gave up well before the server answered
    assert frus_server.hits[f"/slow/{VOLUME}.xml"] == 2
    assert list(tmp_path.iterdir()) == []


def test_503_then_success_on_retry(frus_server: FrusServer, tmp_path: Path) -> None:
    dest = download(url(frus_server, "flaky"), tmp_path / "v.xml", retries=2, backoff=0.01)
    assert frus_server.hits[f"/flaky/{VOLUME}.xml"] == 2
    assert sha256(dest) == sha256(frus_server.root / f"{VOLUME}.xml")


def test_503_without_retries_fails(frus_server: FrusServer, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="HTTP 503"):
        download(url(frus_server, "flaky"), tmp_path / "v.xml", retries=0)


def test_expected_sha256_is_enforced(frus_server: FrusServer, tmp_path: Path) -> None:
    good = sha256(frus_server.root / f"{VOLUME}.xml")
    assert sha256(download(url(frus_server, "ok"), tmp_path / "a.xml", expected_sha256=good)) == good
    with pytest.raises(FetchError, match="sha256"):
        download(url(frus_server, "ok"), tmp_path / "b.xml", expected_sha256="0" * 64)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xml"]


def test_refused_connection_is_a_fetch_error(tmp_path: Path) -> None:
    # Port 9 (discard) on loopback is closed on any sane test machine.
    with pytest.raises(MemconError, match="after 2 attempts"):
        download("http://127.0.0.1:9/v.xml", tmp_path / "v.xml", timeout=1, retries=1, backoff=0.01)


def test_unsupported_url_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="cannot request this URL"):
        download("ftp://example.org/v.xml", tmp_path / "v.xml", retries=3, backoff=5)


def test_shared_client_gets_memcon_user_agent_and_its_own_is_kept(
    frus_server: FrusServer, tmp_path: Path
) -> None:
    with httpx.Client() as plain:
        download(url(frus_server, "ok"), tmp_path / "a.xml", client=plain)
    with httpx.Client(headers={"User-Agent": "my-archive-bot/2"}) as custom:
        download(url(frus_server, "ok"), tmp_path / "b.xml", client=custom)
    assert frus_server.agents[0].startswith("memcon/") and frus_server.agents[1] == "my-archive-bot/2"


def test_unusable_destination_is_a_fetch_error_before_any_request(
    frus_server: FrusServer, tmp_path: Path
) -> None:
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    with pytest.raises(FetchError, match="cannot create the folder"):
        download(url(frus_server, "ok"), tmp_path / "cache" / "frus" / "v.xml")
    assert frus_server.total_hits == 0
