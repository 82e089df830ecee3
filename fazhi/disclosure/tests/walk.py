"""Security-walk entries for the disclosure URLs kept beside the app (merged into fazhi/core/tests/test_security_walk.py
TABLE; the rest of the disclosure entries are still in that TABLE)."""
from __future__ import annotations

from fazhi.testing.url_walk import Access, Entry

ENTRIES: dict[str, Entry] = {
    # A notice of A's application: the owner and the county download it (the owner's download is kept in the
    # application's history), anyone else gets 404; enforcement officers are refused by the middleware (403).
    "disclosure_request_notice": Entry(
        Access.READ, kwargs=lambda w: {"pk": w.request_in_correction.pk, "kind": "correction"}, kind="file",
    ),
}
