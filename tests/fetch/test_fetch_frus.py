"""memcon.fetch.frus.fetch_frus_volumes: mirror, cache, download, per-volume errors, safe ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from memcon.errors import FetchError
from memcon.fetch import FRUS_RAW_URL, FetchResult, default_cache_dir, fetch_frus_volumes, frus_url

from ._frus_server import FrusServer

SMALL = "frus1894Nicaragua"
OTHER = "frus1861"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_download_into_cache_then_reuse_without_a_request(frus_server: FrusServer, tmp_path: Path) -> None:
    base = frus_server.base("ok")
    [first] = fetch_frus_volumes([SMALL], cache_dir=tmp_path, base_url=base)
    assert first == FetchResult(SMALL, tmp_path / "frus" / f"{SMALL}.xml", "download")
    assert first.path is not None and sha256(first.path) == sha256(frus_server.root / f"{SMALL}.xml")
    assert frus_server.hits[f"/ok/{SMALL}.xml"] == 1

    [second] = fetch_frus_volumes([SMALL], cache_dir=tmp_path, base_url=base)
    assert second.source == "cache" and second.ok and second.path == first.path
    assert frus_server.total_hits == 1  # the server saw no second request


def test_one_failure_does_not_stop_the_others(frus_server: FrusServer, tmp_path: Path) -> None:
    seen: list[str] = []
    results = fetch_frus_volumes(
        [SMALL, "frusNoSuchVolume1900", OTHER],
        cache_dir=tmp_path,
        base_url=frus_server.base("ok"),
        retries=2,
        backoff=0.01,
        progress=lambda r: seen.append(r.volume_id),
    )
    assert [r.volume_id for r in results] == [SMALL, "frusNoSuchVolume1900", OTHER] == seen
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert isinstance(error, FetchError)
    assert frus_server.base("ok").format(id="frusNoSuchVolume1900") in str(error)
    assert "history.state.gov/historicaldocuments" in str(error)
    assert frus_server.hits["/ok/frusNoSuchVolume1900.xml"] == 1  # a 404 is not retried
    assert results[1].source == "download" and results[1].path is not None and not results[1].path.exists()
    assert sorted(p.name for p in (tmp_path / "frus").iterdir()) == [f"{OTHER}.xml", f"{SMALL}.xml"]


def test_mirror_is_used_in_place_without_network(
    frus_server: FrusServer, frus_dir: Path, tmp_path: Path
) -> None:
    results = fetch_frus_volumes(
        [SMALL, OTHER], mirror=frus_dir, cache_dir=tmp_path, base_url=frus_server.base("ok")
    )
    assert results == [
        FetchResult(SMALL, frus_dir / f"{SMALL}.xml", "mirror"),
        FetchResult(OTHER, frus_dir / f"{OTHER}.xml", "mirror"),
    ]
    assert frus_server.total_hits == 0
    assert not (tmp_path / "frus").exists()  # nothing copied into the cache


def test_mirror_from_the_environment(
    frus_server: FrusServer, frus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEMCON_MIRROR", str(frus_dir))
    [result] = fetch_frus_volumes([SMALL], cache_dir=tmp_path, base_url=frus_server.base("ok"))
    assert result.source == "mirror" and result.path == frus_dir / f"{SMALL}.xml"
    assert frus_server.total_hits == 0


def test_mirror_without_the_file_is_an_error_not_a_download(frus_server: FrusServer, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    [result] = fetch_frus_volumes([SMALL], mirror=mirror, cache_dir=tmp_path, base_url=frus_server.base("ok"))
    assert not result.ok and result.source == "mirror"
    assert str(mirror) in str(result.error) and "MEMCON_MIRROR" in str(result.error)
    assert frus_server.total_hits == 0


def test_missing_mirror_folder_is_an_error(tmp_path: Path) -> None:
    [result] = fetch_frus_volumes([SMALL], mirror=tmp_path / "nowhere", cache_dir=tmp_path)
    assert result.error is not None and "does not exist" in str(result.error)


@pytest.mark.parametrize(
    "bad_id",
    [
        "../frus1861",
        "frus1861/../../etc/passwd",
        "frus1861/../../../outside",
        "/etc/passwd",
        "frus..",
        "frus1861.xml",
        "frus1861\n",
        "frus 1861",
        "frus",
        "",
        "FRUS1861",
        "frus1861\x00",
    ],
)
def test_ids_that_could_escape_the_cache_are_rejected(
    bad_id: str, frus_server: FrusServer, frus_dir: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    for mirror in (None, frus_dir):
        [result] = fetch_frus_volumes(
            [bad_id], cache_dir=cache, mirror=mirror, base_url=frus_server.base("ok")
        )
        assert result.path is None and isinstance(result.error, FetchError)
        assert "not a FRUS volume id" in str(result.error)
    assert frus_server.total_hits == 0
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == []


def test_urls_and_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert frus_url("frus1861") == FRUS_RAW_URL.format(id="frus1861")
    assert frus_url("frus1861", base_url="http://m.example/frus/").endswith("/frus/frus1861.xml")
    assert (
        frus_url("frus1861", base_url="http://m.example/v/{id}.xml?raw=1")
        == "http://m.example/v/frus1861.xml?raw=1"
    )
    monkeypatch.setenv("MEMCON_FRUS_URL", "http://env.example/{id}.tei")
    assert frus_url("frus1861") == "http://env.example/frus1861.tei"
    assert default_cache_dir() == Path.home() / ".cache" / "memcon"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "memcon"
    monkeypatch.setenv("MEMCON_CACHE", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_base_url_from_the_environment(
    frus_server: FrusServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEMCON_FRUS_URL", frus_server.base("flaky"))
    monkeypatch.setenv("MEMCON_CACHE", str(tmp_path))
    [result] = fetch_frus_volumes([SMALL], backoff=0.01)
    assert result.ok and result.source == "download" and result.path == tmp_path / "frus" / f"{SMALL}.xml"
    assert frus_server.hits[f"/flaky/{SMALL}.xml"] == 2  # 503, then the file


def test_download_failure_after_retries_is_held_in_the_result(
    frus_server: FrusServer, tmp_path: Path
) -> None:
    [result] = fetch_frus_volumes(
        [SMALL], cache_dir=tmp_path, base_url=frus_server.base("truncated"), retries=1, backoff=0.01
    )
    assert result.error is not None and "after 2 attempts" in str(result.error)
    assert result.path is not None and not result.path.exists()
    assert list((tmp_path / "frus").iterdir()) == []
