"""Selectors for the page, the dashboard and the report; the figures' rows; what the portal may show."""
from __future__ import annotations

import datetime as dt

from fazhi.core import clock
from fazhi.decisions import figures, public, selectors, services
from fazhi.decisions.choices import Stage
from fazhi.indicators.registry import Scope
from fazhi.reviews import services as reviews

from .factories import D, launch, make_catalog


def test_progress_and_missing_steps(before):
    d = before(Stage.RISK)
    ladder = selectors.decision_progress(d)
    assert [s.stage for s in ladder][:6] == [Stage.LAUNCH, Stage.DRAFTING, Stage.PARTICIPATION, Stage.EXPERT, Stage.RISK,
                                            Stage.LEGALITY]
    assert [s.state for s in ladder][:6] == ["done", "done", "done", "done", "current", "todo"]
    missing = [s.stage for s in selectors.missing_steps(d)]
    assert missing == [Stage.RISK, Stage.LEGALITY, Stage.DISCUSSION, Stage.DECISION, Stage.PARTY_REPORT,
                       Stage.PUBLICATION, Stage.ARCHIVING]
    assert selectors.missing_steps(before(Stage.EVALUATION, title="已归档")) == []


def test_pending_legality_review(township, other_township, clerk, other_clerk, catalog, before):
    waiting = launch(township, clerk, catalog=catalog, title="未送审")
    sent = before(Stage.LEGALITY, title="已送审")
    review = services.send_for_legality_review(sent, user=clerk, submitted_on=D(2025, 4, 16))
    passed = before(Stage.DISCUSSION, title="已通过")
    launch(township, clerk, title="目录外的决策")  # not catalogued: not counted
    voided = launch(township, clerk, catalog=catalog, title="已作废")
    voided.void(reason="重复", user=clerk)
    theirs = launch(other_township, other_clerk, catalog=make_catalog(other_township, other_clerk), title="乙镇未送审")
    last_year = launch(township, clerk, catalog=make_catalog(township, clerk, year=2024), title="2024年的")

    assert list(selectors.pending_legality_review([township.pk], 2025)) == [waiting]
    assert set(selectors.pending_legality_review([township.pk, other_township.pk], 2025)) == {waiting, theirs}
    assert list(selectors.pending_legality_review([township.pk], 2024)) == [last_year]
    assert passed not in selectors.pending_legality_review([township.pk], 2025)
    reviews.review_withdraw(review, user=clerk, reason="须补充材料")  # withdrawn and not sent again: not started
    assert set(selectors.pending_legality_review([township.pk], 2025)) == {waiting, sent}


def test_a_voided_catalog_lists_nothing(township, clerk):
    catalog = make_catalog(township, clerk, year=2024)
    launch(township, clerk, catalog=catalog)
    catalog.void(reason="重新编制", user=clerk)
    assert not selectors.pending_legality_review([township.pk], 2024).exists()


def test_the_dashboard_counts(township, clerk, catalog, before, launched):
    launched(title="待起草")
    before(Stage.LEGALITY, title="待送审")
    in_review = before(Stage.LEGALITY, title="审查中")
    services.send_for_legality_review(in_review, user=clerk, submitted_on=D(2025, 4, 16))
    before(Stage.PUBLICATION, title="待公布")
    before(None, title="已完成")
    board = selectors.dashboard(township, year=2025, today=D(2025, 12, 31))
    assert board["catalog"] == catalog and board["catalog_published"] is True
    assert board["catalogued"] == 5 and board["in_progress"] == 3
    assert board["by_stage"] == {"drafting": 1, "legality": 2}
    assert board["pending_legality_review"] == 2 and board["in_legality_review"] == 1
    assert (board["decided"], board["published"], board["awaiting_publication"]) == (2, 1, 1)
    assert (board["archived"], board["evaluated"], board["open_for_comment"], board["overdue"]) == (1, 1, 0, 0)
    empty = selectors.dashboard(township, year=2030, today=D(2025, 12, 31))
    assert empty["catalog"] is None and empty["catalogued"] == 0 and empty["decided"] == 0


def test_the_dashboard_counts_open_comment_periods_and_overdue(township, clerk, before):
    d = before(Stage.PARTICIPATION)
    today = clock.today()
    services.open_public_participation(d, user=clerk, opens_on=today - dt.timedelta(days=3),
                                       closes_on=today + dt.timedelta(days=27), draft_text="草案")
    d.planned_on = today - dt.timedelta(days=1)
    d.save()
    board = selectors.dashboard(township, year=2025)
    assert board["open_for_comment"] == 1 and board["overdue"] == 1


def test_the_figures_rows(township, clerk, catalog, before, launched):
    waiting = launched(title="未送审")
    done = before(Stage.PUBLICATION, title="已决定")
    scope = Scope((township,), 2025)
    assert list(figures.decisions_completed(scope)) == [done] == list(figures.decision_review_coverage(scope))
    assert list(figures.decision_review_coverage(scope).filter(figures.REVIEWED)) == [done]
    assert set(figures.catalog_items(scope)) == {waiting, done}
    assert list(figures.decisions_without_review(scope)) == [waiting]
    assert not figures.decisions_completed(Scope((township,), 2024)).exists()


def test_the_portal_sees_published_things_only(township, other_township, clerk, before):
    published = before(Stage.ARCHIVING, title="已公布的决策")
    before(Stage.PUBLICATION, title="已决定未公布的决策")
    draft = make_catalog(township, clerk, year=2026, published=False)
    assert public.public_catalog(township, 2026) is None and draft.pk
    catalog = public.public_catalog(township, 2025)
    assert catalog is not None and [d.title for d in catalog.items] == ["已公布的决策", "已决定未公布的决策"]
    assert list(public.public_catalogs(township)) == [catalog]
    assert list(public.published_decisions(township)) == [published]
    assert public.public_catalog(other_township, 2025) is None and not public.published_decisions(other_township).exists()
