"""Each gate of the normative-document pipeline, the document number, filing deadlines and repeal."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.core import clock
from fazhi.normative import rules, services
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import DocumentSeries, NormativeDocument, NormativeSettings
from fazhi.normative.selectors import in_force, needing_attention
from fazhi.participation import services as participation


def test_a_draft_affecting_rights_needs_public_comment_before_review(make_draft, clerk):
    doc = make_draft(affects_rights=True)
    with pytest.raises(ValidationError, match="须先公开征求意见"):
        services.send_for_legality_review(doc, user=clerk, submitted_on=dt.date(2025, 3, 3))
    services.open_public_comment(doc, user=clerk, opens_on=dt.date(2025, 2, 1), closes_on=dt.date(2025, 3, 2))
    doc.refresh_from_db()
    assert doc.status == DocStatus.COMMENTING
    # Closed on 2 March: review may start from then on, not before.
    with pytest.raises(ValidationError, match="不能早于征求意见截止日期"):
        services.send_for_legality_review(doc, user=clerk, submitted_on=dt.date(2025, 2, 20))
    services.send_for_legality_review(doc, user=clerk, submitted_on=dt.date(2025, 3, 3))
    doc.refresh_from_db()
    assert doc.status == DocStatus.IN_REVIEW


def test_a_short_comment_period_needs_a_reason(make_draft, clerk):
    doc = make_draft(affects_rights=True)
    with pytest.raises(ValidationError, match="少于30日"):
        services.open_public_comment(doc, user=clerk, opens_on=dt.date(2025, 2, 1), closes_on=dt.date(2025, 2, 10))
    period = services.open_public_comment(doc, user=clerk, opens_on=dt.date(2025, 2, 1), closes_on=dt.date(2025, 2, 10),
                                          short_reason="上级要求限期出台")
    assert period.days == 10


def test_an_open_comment_period_blocks_review(make_draft, clerk):
    doc = make_draft(affects_rights=True)
    today = clock.today()
    services.open_public_comment(doc, user=clerk, opens_on=today - dt.timedelta(days=5), closes_on=today + dt.timedelta(days=30))
    with pytest.raises(ValidationError, match="征求意见期尚未结束"):
        services.send_for_legality_review(doc, user=clerk, submitted_on=today)


def test_no_deliberation_without_a_passing_review(make_draft, clerk):
    doc = make_draft()
    with pytest.raises(ValidationError) as exc:
        services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")
    assert "不能提交集体审议：尚未送请合法性审查" in str(exc.value)
    services.send_for_legality_review(doc, user=clerk, submitted_on=dt.date(2025, 3, 3))
    with pytest.raises(ValidationError, match="审查尚未完成"):
        services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")


def test_no_issue_before_deliberation_and_review(make_draft, reviewed, clerk, series):
    with pytest.raises(ValidationError, match="不能印发：尚未送请合法性审查"):
        services.issue_document(make_draft(), user=clerk, series=series, issued_on=dt.date(2025, 3, 12))
    with pytest.raises(ValidationError, match="尚未经集体审议"):
        services.issue_document(reviewed(), user=clerk, series=series, issued_on=dt.date(2025, 3, 12))


def test_deliberation_after_the_review_opinion(reviewed, clerk):
    doc = reviewed()
    with pytest.raises(ValidationError, match="不能早于合法性审核意见日期"):
        services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 5), meeting="常务会议")


def test_numbers_run_per_series_and_year_without_gaps(reviewed, clerk, series, township):
    numbers = []
    for i in range(3):
        doc = reviewed(title=f"文件{i}")
        services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")
        numbers.append(services.issue_document(doc, user=clerk, series=series, issued_on=dt.date(2025, 3, 12)).doc_number)
    assert numbers == ["甲府规〔2025〕1号", "甲府规〔2025〕2号", "甲府规〔2025〕3号"]
    other = DocumentSeries.objects.create(organisation=township, prefix="甲依治委")
    doc = reviewed(title="另一系列")
    services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")
    assert services.issue_document(doc, user=clerk, series=other, issued_on=dt.date(2025, 3, 12)).doc_number == "甲依治委〔2025〕1号"


def test_a_failed_issue_takes_no_number(reviewed, clerk, series, other_township):
    doc = reviewed()
    services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")
    with pytest.raises(ValidationError, match="不能早于集体审议日期"):
        services.issue_document(doc, user=clerk, series=series, issued_on=dt.date(2025, 3, 1))
    foreign = DocumentSeries.objects.create(organisation=other_township, prefix="乙府规")
    with pytest.raises(ValidationError, match="本单位在用"):
        services.issue_document(doc, user=clerk, series=foreign, issued_on=dt.date(2025, 3, 12))
    assert services.issue_document(doc, user=clerk, series=series, issued_on=dt.date(2025, 3, 12)).number == 1


def test_format_has_no_leading_zero_and_hexagonal_brackets():
    assert rules.format_doc_number("岔依治委", 2023, 2) == "岔依治委〔2023〕2号"


def test_unpublished_documents_are_not_in_force(reviewed, clerk, series, township):
    doc = reviewed()
    services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")
    services.issue_document(doc, user=clerk, series=series, issued_on=dt.date(2025, 3, 12))
    assert not in_force([township], dt.date(2025, 4, 1)).exists()
    services.publish_document(doc, user=clerk, published_on=dt.date(2025, 3, 14), channel="镇政府网站")
    doc.refresh_from_db()
    assert list(in_force([township], dt.date(2025, 4, 1))) == [doc]
    assert doc.valid_until == dt.date(2030, 3, 13)  # five years by default


def test_filing_deadline_moves_past_a_holiday(db):
    # Published 2025-09-16 + 15 days = 2025-10-01 (国庆节): the period ends on the next working day, 10-09.
    deadline = rules.filing_deadline(dt.date(2025, 9, 16), 15)
    assert deadline.due == dt.date(2025, 10, 9)
    assert "顺延" in deadline.explanation


def test_late_filing_is_kept_and_flagged(published, clerk, township):
    doc = published()  # published 2025-03-14: due 2025-03-29 (Saturday) → 2025-03-31
    assert rules.filing_deadline(doc.published_on, 15).due == dt.date(2025, 3, 31)
    attention = needing_attention([township], dt.date(2025, 4, 2))
    assert any(a.late and "逾期未备案" in a.reason for a in attention)
    services.file_with_county(doc, user=clerk, filed_on=dt.date(2025, 4, 2))
    doc.refresh_from_db()
    assert services.filing_is_late(doc) and doc.filing_body == "示例县人民政府"
    with pytest.raises(ValidationError, match="已于"):
        services.file_with_county(doc, user=clerk, filed_on=dt.date(2025, 4, 3))


def test_filing_period_is_the_townships_setting(published, clerk, township):
    NormativeSettings.objects.create(organisation=township, filing_days=30)
    doc = published()
    services.file_with_county(doc, user=clerk, filed_on=dt.date(2025, 4, 2))
    doc.refresh_from_db()
    assert not services.filing_is_late(doc)


def test_repeal_needs_a_reason_and_ends_force(published, clerk, township):
    doc = published()
    with pytest.raises(ValidationError, match="废止必须写明原因"):
        services.repeal_document(doc, user=clerk, repealed_on=dt.date(2025, 6, 1), reason=" ")
    services.repeal_document(doc, user=clerk, repealed_on=dt.date(2025, 6, 1), reason="上位法修改")
    doc.refresh_from_db()
    assert doc.status == DocStatus.REPEALED and not doc.in_force_on(dt.date(2025, 6, 2))


def test_clean_up_is_due_after_the_interval(published, clerk, township):
    doc = published()
    assert not any("未评估清理" in a.reason for a in needing_attention([township], dt.date(2026, 3, 1)))
    assert any("未评估清理" in a.reason for a in needing_attention([township], dt.date(2027, 3, 14)))
    services.evaluate_document(doc, user=clerk, evaluated_on=dt.date(2025, 12, 1), conclusion="continue")
    assert not any("未评估清理" in a.reason for a in needing_attention([township], dt.date(2027, 3, 14)))


def test_comments_are_plain_text_and_held_for_moderation(make_draft, clerk):
    doc = make_draft(affects_rights=True)
    today = clock.today()
    period = services.open_public_comment(doc, user=clerk, opens_on=today, closes_on=today + dt.timedelta(days=29))
    comment = participation.submit_comment(period, text="<script>alert(1)</script>建议第三条增加听证程序", author_name="<b>王五</b>")
    assert comment.text == "alert(1)建议第三条增加听证程序" and comment.author_name == "王五"
    assert not participation.public_comments(period).exists()
    participation.moderate_comment(comment, user=clerk, approve=True)
    assert participation.public_comments(period).count() == 1
    with pytest.raises(ValidationError, match="不能超过"):
        participation.submit_comment(period, text="长" * 2001)


def test_void_keeps_the_draft(make_draft, clerk):
    doc = make_draft()
    doc.void(reason="重复起草", user=clerk)
    assert NormativeDocument.objects.filter(pk=doc.pk).exists()
