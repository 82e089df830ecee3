"""The rule-making figures come from the records and trace back to them."""
from __future__ import annotations

import datetime as dt

from fazhi.indicators.registry import Scope, get
from fazhi.normative import services
from fazhi.testing.workflows import published_document


def test_review_and_document_figures(client, township, clerk, other_township):
    on_time = published_document(township, clerk, title="按期备案的办法", published_on=dt.date(2025, 3, 14))
    late = published_document(township, clerk, title="逾期备案的办法", published_on=dt.date(2025, 5, 6))
    services.file_with_county(on_time, user=clerk, filed_on=dt.date(2025, 3, 20))
    services.file_with_county(late, user=clerk, filed_on=dt.date(2025, 6, 30))
    services.repeal_document(late, user=clerk, repealed_on=dt.date(2025, 9, 1), reason="被新文件替代")
    published_document(other_township, clerk, title="乙镇的文件", prefix="乙府规")  # other township: never counted here
    scope = Scope((township,), 2025)
    assert get("legality_reviews").compute(scope).value == 2
    assert get("normative_docs_issued").compute(scope).value == 2
    assert get("normative_docs_filed").compute(scope).value == 2
    assert get("normative_docs_repealed").compute(scope).value == 1
    assert get("normative_review_coverage").compute(scope).value == 100
    rate = get("normative_filing_on_time_rate").compute(scope)
    assert (rate.numerator, rate.denominator) == (1, 2)
    client.force_login(clerk)
    page = client.get(f"/indicators/normative_docs_repealed/records/?year=2025&org={township.code}").content.decode()
    assert "逾期备案的办法" in page and "按期备案的办法" not in page and 'data-count="1"' in page
    reviews = client.get(f"/indicators/legality_reviews/records/?year=2025&org={township.code}").content.decode()
    assert reviews.count("/reviews/") >= 2 and "乙镇的文件" not in reviews


def test_dashboard_lists_what_needs_doing(client, township, clerk, other_clerk):
    published_document(township, clerk, published_on=dt.date(2025, 3, 14))  # never filed: overdue
    client.force_login(clerk)
    page = client.get("/indicators/?year=2025").content.decode()
    assert 'data-attention="规范性文件逾期未备案"' in page
    client.force_login(other_clerk)
    assert 'data-attention="规范性文件逾期未备案"' not in client.get("/indicators/?year=2025").content.decode()
