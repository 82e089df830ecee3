"""Works on an intranet: every asset a page uses is served by the app itself, nothing from a CDN."""
from __future__ import annotations

import re
from pathlib import Path

import fazhi

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)
PROJECT = Path(fazhi.__file__).parent


def test_the_stylesheet_is_served_by_the_app(client, clerk):
    client.force_login(clerk)
    page = client.get("/indicators/").content.decode()
    css = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
    response = client.get(css)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"/*")


def test_no_template_loads_anything_from_another_host():
    offenders = [
        str(path.relative_to(PROJECT))
        for path in PROJECT.rglob("*.html")
        if EXTERNAL.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
