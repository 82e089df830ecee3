"""The results page's button scores every village from the ledgers (what `fazhi assessment-score` does), for the
township's writers only; the pages say so in Chinese and name no command."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from fazhi.assessment.models import AssessmentScore
from fazhi.core import clock
from fazhi.testing.factories import AssessmentCriterionFactory, PublicityEventFactory

Y = clock.current_year() - 1


@pytest.mark.django_db
def test_the_button_scores_every_village_from_its_records_and_only_a_writer_sees_and_uses_it(
        clerk_client, supervisor, township, village) -> None:
    criterion = AssessmentCriterionFactory(organisation=township, adopted_on=dt.date(Y, 2, 20), name="开展普法宣传活动",
                                           weight=Decimal(20), indicator_key="publicity_events", target=Decimal(4))
    for month in (3, 5, 9):
        PublicityEventFactory(organisation=township, village=village, held_on=dt.date(Y, month, 4))
    page = f"/assessment/{township.code}/{Y}/"
    assert "按台账数据计算各村得分" in clerk_client.get(page).content.decode()
    response = clerk_client.post(f"{page}score/", follow=True)
    score = AssessmentScore.objects.get(criterion=criterion, village=village)
    assert score.score == Decimal("15.0") and "得分 = 20分 × 3 ÷ 4 = 15分" in score.basis
    assert "写入或更新 1 条" in response.content.decode()
    assert "均已是最新" in clerk_client.post(f"{page}score/", follow=True).content.decode()  # nothing changed
    county = Client()
    county.force_login(supervisor)
    assert "按台账数据计算各村得分" not in county.get(page).content.decode()
    assert county.post(f"{page}score/").status_code == 403
    assert clerk_client.get(f"{page}score/").status_code == 405
