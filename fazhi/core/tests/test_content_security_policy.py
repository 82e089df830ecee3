"""Every page carries a CSP that allows no inline script, and no template contains one."""
from __future__ import annotations

import re
from pathlib import Path

import fazhi

TEMPLATES = [p for p in Path(fazhi.__file__).parent.rglob("templates/**/*.html")]


def test_pages_send_a_policy_without_inline_scripts(client, clerk, township):
    for url in ("/login/", "/portal/", f"/portal/{township.code}/apply/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert "frame-ancestors 'none'" in policy
    client.force_login(clerk)
    assert "script-src 'self';" in client.get("/reviews/")["Content-Security-Policy"]


def test_no_template_has_an_inline_script_or_handler():
    offenders = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+=\"", text) or 'style="' in text:
            offenders.append(str(path))
    assert offenders == []
