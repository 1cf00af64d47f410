"""memcon.fetch.wilson and ``memcon fetch wilson`` against a real local HTTP server.

The server (:mod:`._wilson_server`) serves fixture records in the shape of the Digital
Archive API (``tests/fixtures/wilson_fetch``: ``srv/record/<id>.json`` listing its texts as
separate resources, ``translations/…html``, ``transcripts/…html``).
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.cli.fetch import fetch_group
from memcon.errors import FetchError
from memcon.fetch.wilson import (
    WILSON_SITE,
    WilsonFetchResult,
    check_record_id,
    fetch_wilson_records,
    wilson_record_url,
)
from memcon.model.records import Document
from tests._shared import FIXTURES

from ._wilson_server import WilsonServer, serve

STUBS = "900101"  # texts listed as separate resources (an English translation, a Russian transcript, a PDF)
INLINE = "900102"  # texts already inline: only the record is requested
MISSING = "999999"


@pytest.fixture(autouse=True)
def no_wilson_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see a developer's MEMCON_WILSON_URL unless they set it."""
    monkeypatch.delenv("MEMCON_WILSON_URL", raising=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the fixture site that a test may add files to."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "wilson_fetch", root)
    return root


@pytest.fixture
def server(site: Path) -> Iterator[WilsonServer]:
    with serve(site) as running:
        yield running


def fetch(ids: list[str], tmp_path: Path, **options: object) -> list[WilsonFetchResult]:
    options.setdefault("backoff", 0.01)
    return fetch_wilson_records(ids, dest=tmp_path / "dest", cache_dir=tmp_path / "cache", **options)  # type: ignore[arg-type]


def files(folder: Path) -> list[str]:
    """Every file under ``folder`` (temporary ``.part`` files included), relative, sorted."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


# ------------------------------------------------------------------ download, cache, layout


def test_download_inlines_the_texts_and_the_cache_answers_next_time(
    server: WilsonServer, site: Path, tmp_path: Path
) -> None:
    results = fetch([STUBS, INLINE], tmp_path, base_url=server.base())
    dest = tmp_path / "dest"
    assert results == [
        WilsonFetchResult(STUBS, dest / f"{STUBS}.json", "download", texts=2),
        WilsonFetchResult(INLINE, dest / f"{INLINE}.json", "download", texts=2),
    ]
    assert server.hits == {
        f"/ok/srv/record/{STUBS}.json": 1,
        "/ok/translations/81001.html": 1,
        "/ok/transcripts/81002.html": 1,
        f"/ok/srv/record/{INLINE}.json": 1,
    }  # no request for the PDF transcript nor the scan
    written = json.loads((dest / f"{STUBS}.json").read_text(encoding="utf-8"))
    served = json.loads((site / "srv" / "record" / f"{STUBS}.json").read_text(encoding="utf-8"))
    assert written["translations"][0]["html"] == (site / "translations" / "81001.html").read_text(encoding="utf-8")
    assert written["transcripts"][0]["html"] == (site / "transcripts" / "81002.html").read_text(encoding="utf-8")
    assert "html" not in written["transcripts"][1] and "html" not in written["media_files"][0]
    for entry in written["translations"] + written["transcripts"]:
        entry.pop("html", None)
    assert written == served  # the API's record, only the texts added
    assert files(tmp_path / "cache") == [
        "wilson/srv/record/900101.json", "wilson/srv/record/900102.json",
        "wilson/transcripts/81002.html", "wilson/translations/81001.html",
    ]
    assert files(dest) == ["900101.json", "900102.json"]

    before = (dest / f"{STUBS}.json").read_bytes()
    again = fetch([STUBS, INLINE], tmp_path, base_url=server.base())
    assert [(r.source, r.ok, r.texts) for r in again] == [("cache", True, 2), ("cache", True, 2)]
    assert server.total_hits == 4  # nothing requested again
    assert (dest / f"{STUBS}.json").read_bytes() == before


def test_the_wilson_reader_reads_what_fetch_writes(server: WilsonServer, tmp_path: Path) -> None:
    wilson_json = pytest.importorskip("memcon.readers.wilson_json")
    [result] = fetch([STUBS], tmp_path, base_url=server.base())
    assert result.path is not None
    doc = [r for r in wilson_json.read_wilson_json(result.path) if isinstance(r, Document)][0]
    assert doc.id == f"wilson/{STUBS}" and doc.language == "en" and doc.original_language == "ru"
    assert "fishing agreement" in doc.text
    assert [(t.language, t.kind) for t in doc.texts] == [("ru", "transcript")]
    assert "рыболовству" in doc.texts[0].text


def test_record_addresses_are_accepted_as_ids(server: WilsonServer, tmp_path: Path) -> None:
    [result] = fetch([f"{WILSON_SITE}/document/{STUBS}"], tmp_path, base_url=server.base())
    assert result.ok and result.record_id == STUBS and result.path == tmp_path / "dest" / f"{STUBS}.json"
    assert check_record_id(f"{WILSON_SITE}/srv/record/114511.json") == "114511"


# ------------------------------------------------------------------ failures


def test_404_names_the_record_and_url_and_the_batch_goes_on(server: WilsonServer, tmp_path: Path) -> None:
    seen: list[str] = []
    results = fetch([STUBS, MISSING, INLINE], tmp_path, base_url=server.base(), retries=2,
                    progress=lambda r: seen.append(r.record_id))
    assert [r.record_id for r in results] == seen == [STUBS, MISSING, INLINE]
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert isinstance(error, FetchError)
    url = f"{server.base()}/srv/record/{MISSING}.json"
    assert error.url == url
    text = str(error)
    assert f"Wilson record {MISSING}" in text and url in text and "HTTP 404" in text
    assert "digitalarchive.wilsoncenter.org/document/" in text and "MEMCON_MIRROR" in text
    assert server.hits[f"/ok/srv/record/{MISSING}.json"] == 1  # a 404 is not retried
    assert files(tmp_path / "dest") == [f"{STUBS}.json", f"{INLINE}.json"]


def test_a_missing_text_fails_its_record_and_writes_nothing(server: WilsonServer, tmp_path: Path) -> None:
    server.override["/transcripts/81002.html"] = "gone"  # answered 404
    [result] = fetch([STUBS], tmp_path, base_url=server.base())
    assert result.error is not None
    assert f"Wilson record {STUBS}, transcript 81002" in str(result.error)
    assert f"{server.base()}/transcripts/81002.html" in str(result.error) and "HTTP 404" in str(result.error)
    assert files(tmp_path / "dest") == []
    assert "wilson/transcripts/81002.html" not in files(tmp_path / "cache")


@pytest.mark.parametrize("where", ["record", "text"])
def test_truncated_body_is_retried_then_a_clear_error_with_no_half_file(
    server: WilsonServer, tmp_path: Path, where: str
) -> None:
    if where == "record":
        base, path = server.base("truncated"), f"/truncated/srv/record/{STUBS}.json"
    else:
        server.override["/translations/81001.html"] = "truncated"
        base, path = server.base(), "/ok/translations/81001.html"
    [result] = fetch([STUBS], tmp_path, base_url=base, retries=1)
    assert result.error is not None and not result.ok
    message = str(result.error)
    assert "after 2 attempts" in message and f"Wilson record {STUBS}" in message
    # httpx notices the short body itself (RemoteProtocolError); download's own check is the backstop
    assert re.search(r"without sending complete message body \(received \d+ bytes, expected \d+\)|truncated body",
                     message)
    assert server.hits[path] == 2
    assert files(tmp_path / "dest") == []  # no half-written record, no .part file
    cached = files(tmp_path / "cache")
    assert not any(name.endswith(".part") or "81001" in name for name in cached)
    assert cached == ([] if where == "record" else ["wilson/srv/record/900101.json"])  # only complete files


def test_slow_response_times_out_retries_then_fails(server: WilsonServer, tmp_path: Path) -> None:
    started = time.monotonic()
    [result] = fetch([STUBS], tmp_path, base_url=server.base("slow"), timeout=0.2, retries=1)
    assert result.error is not None
    assert "timed out after 0.2 s" in str(result.error) and "after 2 attempts" in str(result.error)
    assert server.hits[f"/slow/srv/record/{STUBS}.json"] == 2
    assert time.monotonic() - started < 5
    assert files(tmp_path / "dest") == [] and files(tmp_path / "cache") == []


def test_a_server_error_is_retried(server: WilsonServer, tmp_path: Path) -> None:
    [result] = fetch([STUBS], tmp_path, base_url=server.base("flaky"))
    assert result.ok and result.source == "download" and result.texts == 2
    assert server.hits[f"/flaky/srv/record/{STUBS}.json"] == 2  # 503, then the record


def test_an_answer_that_is_not_json_is_an_error_and_is_not_kept(
    server: WilsonServer, site: Path, tmp_path: Path
) -> None:
    (site / "srv" / "record" / "900199.json").write_text("<html>Maintenance</html>", encoding="utf-8")
    [result] = fetch(["900199"], tmp_path, base_url=server.base())
    assert result.error is not None and "not a JSON record" in str(result.error)
    assert files(tmp_path / "cache") == [] and files(tmp_path / "dest") == []


@pytest.mark.parametrize(
    "bad_id",
    ["../etc/passwd", "114511.json", "", "abc", "114511/../../x", "https://evil.example/document/1/x",
     "12345678901", "114511\n", "-1"],
)
def test_ids_that_are_not_record_ids_are_refused(server: WilsonServer, tmp_path: Path, bad_id: str) -> None:
    for mirror in (None, tmp_path / "site"):
        [result] = fetch([bad_id], tmp_path, base_url=server.base(), mirror=mirror)
        assert result.path is None and isinstance(result.error, FetchError)
        assert "not a Wilson Center record id" in str(result.error)
    assert server.total_hits == 0 and files(tmp_path / "dest") == [] and files(tmp_path / "cache") == []


# ------------------------------------------------------------------ the mirror


def test_mirror_of_the_site_from_the_environment_uses_no_network(
    server: WilsonServer, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEMCON_MIRROR", str(site))
    results = fetch([STUBS, INLINE], tmp_path, base_url=server.base())
    assert [(r.source, r.ok, r.texts) for r in results] == [("mirror", True, 2), ("mirror", True, 2)]
    assert server.total_hits == 0 and files(tmp_path / "cache") == []
    written = json.loads((tmp_path / "dest" / f"{STUBS}.json").read_text(encoding="utf-8"))
    assert "рыболовству" in written["transcripts"][0]["html"]


def test_mirror_of_record_files_with_texts_beside_them(server: WilsonServer, site: Path, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    shutil.copy(site / "srv" / "record" / f"{STUBS}.json", mirror / f"{STUBS}.json")
    shutil.copy(site / "translations" / "81001.html", mirror / f"{STUBS}.translation-81001.html")
    shutil.copy(site / "transcripts" / "81002.html", mirror / f"{STUBS}.transcript-81002.html")
    [result] = fetch([STUBS], tmp_path, base_url=server.base(), mirror=mirror)
    assert result.ok and result.source == "mirror" and result.texts == 2 and server.total_hits == 0


def test_mirror_without_the_record_is_an_error_not_a_download(server: WilsonServer, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    [result] = fetch([STUBS], tmp_path, base_url=server.base(), mirror=mirror)
    assert result.error is not None and result.source == "mirror"
    assert str(mirror / f"{STUBS}.json") in str(result.error) and "MEMCON_MIRROR" in str(result.error)
    assert server.total_hits == 0 and files(tmp_path / "dest") == []
    [result] = fetch([STUBS], tmp_path, mirror=tmp_path / "nowhere")
    assert result.error is not None and "does not exist" in str(result.error)


@pytest.mark.parametrize("address", ["http://evil.example/transcripts/1.html", "/transcripts/../../../etc/passwd",
                                     "transcripts/1.html", "/transcripts/a b.html"])
def test_text_addresses_outside_the_archive_are_refused(
    server: WilsonServer, site: Path, tmp_path: Path, address: str
) -> None:
    record = json.loads((site / "srv" / "record" / f"{STUBS}.json").read_text(encoding="utf-8"))
    record["transcripts"][0]["url"] = address
    (site / "srv" / "record" / f"{STUBS}.json").write_text(json.dumps(record), encoding="utf-8")
    [result] = fetch([STUBS], tmp_path, base_url=server.base())
    assert result.error is not None and "is not a path of the archive" in str(result.error)
    assert "/etc/passwd" not in server.hits and files(tmp_path / "dest") == []


def test_urls() -> None:
    assert wilson_record_url("114511") == "https://digitalarchive.wilsoncenter.org/srv/record/114511.json"
    assert wilson_record_url("1", base_url="http://m.example/da/") == "http://m.example/da/srv/record/1.json"


def test_base_url_from_the_environment(server: WilsonServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMCON_WILSON_URL", server.base())
    monkeypatch.setenv("MEMCON_CACHE", str(tmp_path / "c"))
    [result] = fetch_wilson_records([INLINE], dest=tmp_path / "d")
    assert result.ok and (tmp_path / "c" / "wilson" / "srv" / "record" / f"{INLINE}.json").is_file()


# ------------------------------------------------------------------ the command


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(fetch_group, list(args), env={"COLUMNS": "300", **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_prints_what_it_fetched(server: WilsonServer, tmp_path: Path) -> None:
    env = {"MEMCON_WILSON_URL": server.base()}
    dest, cache = tmp_path / "dest", tmp_path / "cache"
    code, out, err = invoke("wilson", STUBS, "--dest", str(dest), "--cache", str(cache), env=env)
    assert code == 0, err
    assert out.split() == [STUBS, "download", str(dest / f"{STUBS}.json"), "2", "texts"]
    code, out, _ = invoke("wilson", STUBS, "--dest", str(dest), "--cache", str(cache), env=env)
    assert code == 0 and out.split()[:2] == [STUBS, "cache"]


def test_cli_failure_exits_1_and_names_the_url(server: WilsonServer, tmp_path: Path) -> None:
    env = {"MEMCON_WILSON_URL": server.base()}
    code, out, err = invoke("wilson", STUBS, MISSING, "--dest", str(tmp_path / "d"), "--cache", str(tmp_path / "c"),
                            "--retries", "0", env=env)
    assert code == 1 and out.split()[:2] == [STUBS, "download"]
    assert f"{server.base()}/srv/record/{MISSING}.json" in err and "HTTP 404" in err
    assert "1 of 2 records failed" in err


def test_cli_mirror_timeout_and_missing_argument(server: WilsonServer, site: Path, tmp_path: Path) -> None:
    env = {"MEMCON_WILSON_URL": server.base("slow")}
    code, out, _ = invoke("wilson", STUBS, "--mirror", str(site), "--dest", str(tmp_path / "d"), env=env)
    assert code == 0 and out.split()[:2] == [STUBS, "mirror"] and server.total_hits == 0
    code, _, err = invoke("wilson", STUBS, "--dest", str(tmp_path / "d"), "--cache", str(tmp_path / "c"),
                          "--timeout", "0.2", "--retries", "0", env=env)
    assert code == 1 and "timed out after 0.2 s" in err and "after 1 attempt:" in err
    code, _, err = invoke("wilson")
    assert code == 2 and "Missing argument" in err
