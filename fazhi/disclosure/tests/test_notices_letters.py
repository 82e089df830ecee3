"""The notices as official letters (issue 18 §3): a 发文字号 from the township's counter, kept with the notice in
the application's history; the 信函格式 letterhead; the sealed signature (GB/T 9704-2012 7.3.5.1); and a 补正期限
that ends on a statutory rest day, moved to the next working day (民事诉讼法第八十五条第三款) with a warning."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from fazhi.core import gbt9704 as g
from fazhi.core.models import NumberCounter
from fazhi.disclosure import services
from fazhi.disclosure.choices import Result
from fazhi.disclosure.models import DisclosureNotice, DisclosureRequest
from fazhi.disclosure import correction_terms as terms
from fazhi.disclosure.notices import document, issue
from fazhi.disclosure.tests.test_notices import make, url

NATIONAL_DAY = dt.date(2025, 10, 4)  # 国庆节 2025: 10月1日至8日放假, 10月9日 the first working day after


def _correction(request, clerk, deadline=dt.date(2025, 10, 20)):
    services.correction_request(request=request, user=clerk, requested_on=dt.date(2025, 9, 29),
                                items="请写明所需方案的年度", deadline=deadline)
    return DisclosureRequest.objects.get(pk=request.pk)


def _paragraphs(content: bytes):
    return Document(io.BytesIO(content)).paragraphs


def test_each_notice_gets_its_number_once_and_another_kind_its_own(clerk_client, township, clerk, supervisor):
    first = _correction(make(township, clerk), clerk)
    response = clerk_client.get(url(first, "correction"))
    paragraphs = _paragraphs(response.content)

    assert [p.text for p in paragraphs[:2]] == ["甲镇人民政府", "甲政信补〔2025〕1号"]
    assert paragraphs[1].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # 信函格式 §10.1: 顶格居版心右边缘
    kept = DisclosureNotice.objects.get()
    assert (kept.number, kept.number_year, kept.number_sequence) == ("甲政信补〔2025〕1号", 2025, 1)

    # the same notice again: the same number, the same record; the county reads it without taking a number
    assert clerk_client.get(url(first, "correction")).content == response.content
    county = Client()
    county.force_login(supervisor)
    assert "甲政信补〔2025〕1号" in [p.text for p in _paragraphs(county.get(url(first, "correction")).content)]
    assert DisclosureNotice.objects.count() == 1

    # the text changes (the clerk corrects the items): a new file, still the one letter with its number
    DisclosureRequest.objects.filter(pk=first.pk).update(correction_items="请写明所需方案的年度和村名")
    clerk_client.get(url(first, "correction"))
    assert list(DisclosureNotice.objects.values_list("number", flat=True)) == ["甲政信补〔2025〕1号"] * 2

    # another kind on the same application, and a correction of another application: each its own number
    services.correction_receive(request=first, user=clerk, received_on=dt.date(2025, 10, 9))
    services.extension_grant(request=first, user=clerk, days=10, approved_by="王主任", approved_on=dt.date(2025, 10, 20),
                             reason="需调取档案")
    assert "甲政信延〔2025〕1号" in [p.text for p in _paragraphs(clerk_client.get(url(first, "extension")).content)]
    second = _correction(make(township, clerk), clerk)
    assert "甲政信补〔2025〕2号" in [p.text for p in _paragraphs(clerk_client.get(url(second, "correction")).content)]
    counters = dict(NumberCounter.objects.filter(series__startswith="disclosure-notice-").values_list("series", "last"))
    assert counters == {"disclosure-notice-correction": 2, "disclosure-notice-extension": 1}

    page = clerk_client.get(f"/disclosure/requests/{first.pk}/").content.decode()
    assert "甲政信补〔2025〕1号" in page and "甲政信延〔2025〕1号" in page  # in the application's history


def test_the_counter_never_repeats_a_number_already_kept(township, clerk):
    """A counter behind the numbers kept (rows written past numbering.py) continues after the highest."""
    request = _correction(make(township, clerk), clerk)
    notice, consultation = issue.compose(request, "correction")
    kept = issue.issue(request, notice, consultation, clerk)
    NumberCounter.objects.filter(series="disclosure-notice-correction").update(last=0)
    other = _correction(make(township, clerk), clerk)
    again = issue.issue(other, issue.compose(other, "correction")[0], None, clerk)
    assert (kept.number_sequence, again.number_sequence, again.number) == (1, 2, "甲政信补〔2025〕2号")


def test_the_letter_is_laid_out_for_the_seal(township, clerk):
    request = services.request_reply(request=make(township, clerk), user=clerk, result=Result.WITHHELD_PROCESS,
                                     replied_on=dt.date(2025, 10, 20), summary="经查，该信息属于内部讨论记录。")
    notice, _ = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "reply")
    paragraphs = _paragraphs(document.render(notice))
    texts = [p.text for p in paragraphs]

    head = paragraphs[0]
    assert head.runs[0].font.color.rgb == g.RGBColor.from_string(g.LETTERHEAD_RED)
    assert head._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "thickThinSmallGap"  # 上粗下细
    assert texts.index("政府信息公开申请答复书") < texts.index("李四：")  # 主送 under the title
    assert not any("印章" in t for t in texts)

    closing = texts.index("特此告知。")
    assert texts[closing + 1:] == ["", "", "甲镇人民政府", "2025年10月20日"]  # room for the seal, then 署名 and date
    signature, date = paragraphs[-2], paragraphs[-1]
    assert {signature.alignment, date.alignment} == {WD_ALIGN_PARAGRAPH.RIGHT}
    char = g.SET_CHARACTER.pt
    assert date.paragraph_format.right_indent.pt == pytest.approx(4 * char, abs=0.01)  # 成文日期右空四字
    # 署名以成文日期为准居中: the same space left and right of the 署名 within the date's span
    date_left = g.TEXT_WIDTH.pt - 4 * char - g.text_points("2025年10月20日")
    sig_right = signature.paragraph_format.right_indent.pt
    sig_left = g.TEXT_WIDTH.pt - sig_right - g.text_points("甲镇人民政府")
    assert sig_left - date_left == pytest.approx(sig_right - 4 * char, abs=0.06)  # whole twips
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[closing:-1])


def test_a_correction_period_ending_in_the_national_day_holiday_moves_and_is_warned(
        clerk_client, township, clerk, monkeypatch):
    request = make(township, clerk)
    response = clerk_client.post(f"/disclosure/requests/{request.pk}/correction/", {
        "requested_on": "2025-09-29", "items": "请写明所需方案的年度", "deadline": NATIONAL_DAY.isoformat(),
    }, follow=True)
    page = response.content.decode()

    warning = ("补正期限届满日2025年10月4日为国庆节（法定休假日），期间届满的最后一日是法定休假日的，以法定休假日后的第一日为"
               "期间届满的日期（参照《中华人民共和国民事诉讼法》第八十五条第三款；《中华人民共和国政府信息公开条例》第三十条"
               "对此未作规定），补正期限顺延至2025年10月9日（星期四），补正告知书按该日期告知申请人。")
    assert f'<li class="msg-warning">{warning}</li>' in page  # the correction step's message
    assert 'data-correction-moved="2025-10-09"' in page and "逢法定休假日顺延至2025年10月9日" in page  # the page itself
    request.refresh_from_db()
    assert request.correction_deadline == NATIONAL_DAY  # stored as the clerk set it

    text = "\n".join(p.text for p in _paragraphs(clerk_client.get(url(request, "correction")).content))
    assert "请你于2025年10月9日前" in text and "10月4日" not in text

    # between the date set and the moved day the page does not call the period lapsed
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2025, 10, 8))
    page = clerk_client.get(f"/disclosure/requests/{request.pk}/").content.decode()
    assert "补正期限已过" not in page and "顺延至2025年10月9日" in page
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2025, 10, 10))
    assert "补正期限已过" in clerk_client.get(f"/disclosure/requests/{request.pk}/").content.decode()


def test_a_reply_for_no_correction_names_the_moved_period(township, clerk):
    request = _correction(make(township, clerk), clerk, deadline=NATIONAL_DAY)
    services.request_reply(request=request, user=clerk, result=Result.OTHER_NO_CORRECTION,
                           replied_on=dt.date(2025, 10, 20), summary="申请人逾期未补正。")
    text = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "reply")[0].text
    assert "补正期限至2025年10月9日" in text


def test_a_correction_period_on_a_working_day_is_neither_moved_nor_warned(clerk_client, township, clerk):
    request = _correction(make(township, clerk), clerk, deadline=dt.date(2025, 10, 20))
    term = terms.correction_term(request.correction_deadline)
    assert (term.moved, term.due, term.warning) == (False, dt.date(2025, 10, 20), "")
    page = clerk_client.get(f"/disclosure/requests/{request.pk}/").content.decode()
    assert "data-correction-moved" not in page and "顺延" not in page
    assert terms.correction_term(dt.date(2025, 10, 12)).due == dt.date(2025, 10, 13)  # a Sunday: the Monday
    assert terms.correction_term(dt.date(2025, 10, 11)).moved is False  # 调休上班: a working day


def test_no_correction_closing_waits_for_the_moved_day(township, clerk):
    """A period set to end on 10月4日 (国庆节) runs to 10月9日: closing as 逾期不补正 on 10月8日 is refused, and the
    public tracking page shows the moved day."""
    from django.core.exceptions import ValidationError

    from fazhi.disclosure.public import public_status

    request = _correction(make(township, clerk), clerk, deadline=NATIONAL_DAY)
    with pytest.raises(ValidationError) as refused:
        services.request_reply(request=request, user=clerk, result=Result.OTHER_NO_CORRECTION,
                               replied_on=dt.date(2025, 10, 8), summary="申请人逾期未补正。")
    assert "补正期限2025年10月9日尚未届满" in str(refused.value)
    shown = str(public_status(DisclosureRequest.objects.get(pk=request.pk)))
    assert "补正期限2025年10月9日" in shown and "10月4日" not in shown
