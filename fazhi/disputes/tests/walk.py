"""The mediation URLs outside the generic ledger pages, in the security walk."""
from __future__ import annotations

from fazhi.testing.url_walk import Access, Entry


def _agreement_case(w):
    def make():
        from fazhi.testing.factories import DisputeCaseFactory

        return DisputeCaseFactory(organisation=w.township, agreement="written", terms="赔偿损失500元", summary="WALK纠纷")

    return w.once("dispute_with_agreement", make)


ENTRIES: dict[str, Entry] = {
    "dispute_categories": Entry(Access.LIST, query=lambda w: f"year={w.year}"),
    "dispute_agreement": Entry(Access.READ, kwargs=lambda w: {"pk": _agreement_case(w).pk}, kind="file"),
}
