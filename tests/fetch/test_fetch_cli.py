"""``memcon fetch frus``: one line per volume, errors naming the URL, exit status 1 on failure."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from memcon.cli.fetch import fetch_group

from ._frus_server import FrusServer

SMALL = "frus1894Nicaragua"


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(fetch_group, list(args), env={"COLUMNS": "300", **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_fetch_group_is_a_click_group_with_frus() -> None:
    assert isinstance(fetch_group, click.Group) and fetch_group.name == "fetch"
    assert "frus" in fetch_group.commands
    assert "Example:" in (fetch_group.commands["frus"].help or "")


def test_download_then_cache(frus_server: FrusServer, tmp_path: Path) -> None:
    env = {"MEMCON_FRUS_URL": frus_server.base("ok")}
    code, out, err = invoke("frus", SMALL, "--cache", str(tmp_path), env=env)
    cached = tmp_path / "frus" / f"{SMALL}.xml"
    assert code == 0, err
    assert out.split() == [SMALL, "download", str(cached)]
    assert cached.read_bytes() == (frus_server.root / f"{SMALL}.xml").read_bytes()

    code, out, err = invoke("frus", SMALL, "--cache", str(tmp_path), env=env)
    assert code == 0 and out.split() == [SMALL, "cache", str(cached)]
    assert frus_server.total_hits == 1


def test_failure_names_the_url_and_what_to_do_and_exits_1(frus_server: FrusServer, tmp_path: Path) -> None:
    env = {"MEMCON_FRUS_URL": frus_server.base("ok")}
    code, out, err = invoke(
        "frus", SMALL, "frusNoSuchVolume", "--cache", str(tmp_path), "--retries", "0", env=env
    )
    assert code == 1
    assert out.split() == [SMALL, "download", str(tmp_path / "frus" / f"{SMALL}.xml")]
    assert frus_server.base("ok").format(id="frusNoSuchVolume") in err
    assert "HTTP 404" in err and "history.state.gov/historicaldocuments" in err and "MEMCON_MIRROR" in err
    assert "1 of 2 volumes failed" in err


def test_mirror_option_uses_no_network(frus_server: FrusServer, frus_dir: Path, tmp_path: Path) -> None:
    env = {"MEMCON_FRUS_URL": frus_server.base("ok")}
    code, out, _ = invoke("frus", SMALL, "--mirror", str(frus_dir), "--cache", str(tmp_path), env=env)
    assert code == 0 and out.split() == [SMALL, "mirror", str(frus_dir / f"{SMALL}.xml")]
    assert frus_server.total_hits == 0


def test_timeout_and_retries_options_reach_the_download(frus_server: FrusServer, tmp_path: Path) -> None:
    env = {"MEMCON_FRUS_URL": frus_server.base("slow")}
    code, _, err = invoke(
        "frus", SMALL, "--cache", str(tmp_path), "--timeout", "0.2", "--retries", "0", env=env
    )
    assert code == 1 and "timed out after 0.2 s" in err and "after 1 attempt:" in err
    assert frus_server.hits[f"/slow/{SMALL}.xml"] == 1


def test_bad_id_and_no_id(tmp_path: Path) -> None:
    code, _, err = invoke("frus", "../etc/passwd", "--cache", str(tmp_path))
    assert code == 1 and "not a FRUS volume id" in err
    code, _, err = invoke("frus")
    assert code == 2 and "Missing argument" in err
