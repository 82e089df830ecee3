"""The opinion form's hint, labels and checks say the same: 修改后通过 needs 理由 and 修改建议, 不予通过 needs 理由."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.reviews import services
from fazhi.reviews.choices import SubjectKind


@pytest.mark.django_db
def test_approved_with_changes_asks_for_reasons_and_suggestions_at_once_as_the_hint_says(client, township, clerk,
                                                                                         reviewer):
    review = services.review_request(organisation=township, kind=SubjectKind.OTHER, user=clerk, title="关于村道养护的答复",
                                     submitted_by_unit="党政办", submitted_on=dt.date(2025, 3, 3))
    client.force_login(reviewer)
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "“修改后通过”须写明理由和修改建议" in page and "修改建议（修改后通过时必填）" in page
    response = client.post(f"/reviews/{review.pk}/conclude/", {
        "opinion": "approved_with_changes", "reasons": "", "suggestions": "", "concluded_on": "2025-03-06"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "审查意见为“修改后通过”时必须写明理由" in html and "“修改后通过”必须写明修改建议" in html
