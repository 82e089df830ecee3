"""The demo data (fazhi/demo/decisions.py) goes through the services: every state appears, no date is in the
future, and one catalogued decision's legality review has not started."""
from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

from django.utils import timezone

from fazhi.core.transitions import timeline
from fazhi.decisions import selectors
from fazhi.decisions.choices import Stage
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.demo.decisions import generate_decisions, generate_open_decisions
from fazhi.reviews.choices import Opinion, ReviewStatus
from fazhi.reviews.models import LegalityReview

SPEC = SimpleNamespace(code="SFX02", name="甲镇", short="甲", mayor="吴镇长")
DATE_FIELDS = [f.name for f in MajorDecision._meta.fields if f.get_internal_type() == "DateField" and f.name != "planned_on"]


def test_the_demo_has_every_state(township, clerk, reviewer):
    today = timezone.localdate()
    last = today.year - 1
    counts = generate_decisions(SPEC, township, last, today=today, clerk=clerk, reviewer=reviewer,
                                rng=random.Random(1), latest=True)
    assert counts == {"majordecision": 4}
    made_now = generate_open_decisions(SPEC, township, today=today, clerk=clerk, reviewer=reviewer, rng=random.Random(2))
    assert DecisionCatalog.objects.filter(organisation=township).count() == 2

    decisions = list(MajorDecision.objects.filter(organisation=township))
    assert len(decisions) == 4 + made_now
    for d in decisions:
        for name in DATE_FIELDS:
            value = getattr(d, name)
            assert value is None or value <= today, (d.title, name)
        assert all(e.on <= today for e in timeline(d))
    stages = {d.stage for d in decisions}
    assert {Stage.DONE, Stage.LEGALITY} <= stages
    assert any(d.evaluated_on for d in decisions) and any(d.archived_on and not d.evaluated_on for d in decisions)
    assert any(d.published_on and not d.archived_on for d in decisions)
    assert [d.title for d in selectors.pending_legality_review([township.pk], last)] == ["甲镇集镇供水管网改造方案"]

    if today >= dt.date(today.year, 5, 15):  # late enough in the year for every in-flight state to fit before today
        assert stages == set(Stage) - {Stage.LAUNCH, Stage.EVALUATION}
        reviews = LegalityReview.objects.filter(organisation=township)
        assert reviews.filter(status=ReviewStatus.IN_REVIEW).exists()
        assert reviews.filter(opinion=Opinion.REJECTED).exists()
        assert selectors.pending_legality_review([township.pk], today.year).filter(stage=Stage.LEGALITY).exists()
    assert generate_open_decisions(SPEC, township, today=today, clerk=clerk, reviewer=reviewer, rng=random.Random(2)) == 0
