"""The app's frame: errors are JSON under /api and HTML elsewhere, the OpenAPI description is served,
and the app refuses a database that does not exist."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from memcon.errors import StoreError
from memcon.web.app import create_app


def test_unknown_api_route_is_a_json_404(client: httpx.Client) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_unknown_page_is_an_html_404_with_the_site_frame(client: httpx.Client) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert '<a class="skip" href="#main">' in response.text


def test_openapi_description_is_served(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "memcon"


def test_stylesheet_is_served(client: httpx.Client) -> None:
    assert client.get("/static/memcon.css").status_code == 200


def test_missing_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="memcon ingest"):
        create_app(tmp_path / "none.db")
