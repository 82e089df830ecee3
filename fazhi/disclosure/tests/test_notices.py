"""The notices a township sends about a disclosure application (补正告知书, 延期答复告知书, 征求第三方意见函, 答复书):
generated as .docx from the application, kept in its history, refused in Chinese when the state does not call for
them, and scoped like the application itself."""
from __future__ import annotations

import datetime as dt
import io
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from fazhi.core.attachments import attachments_for
from fazhi.core.models import Role
from fazhi.disclosure import services
from fazhi.disclosure.choices import Result
from fazhi.disclosure.models import DisclosureGuide, DisclosureNotice, DisclosureRequest
from fazhi.disclosure.notices import document, issue
from fazhi.testing.factories import UserFactory

RECEIVED = dt.date(2025, 9, 26)
FIELDS = {
    "applicant_type": "natural", "applicant_name": "李四", "contact": "13800138000",
    "description": "本村2025年一事一议筹资筹劳方案", "delivery": "paper_post",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make(township, clerk, **fields) -> DisclosureRequest:
    request, _ = services.request_create(
        organisation=township, fields={**FIELDS, **fields}, channel="in_person", received_on=RECEIVED, user=clerk,
    )
    return request


def url(request, kind: str) -> str:
    return f"/disclosure/requests/{request.pk}/notices/{kind}.docx"


def docx_text(response) -> str:
    assert response.status_code == 200, response.content.decode()[:500]
    assert response["Content-Type"] == DOCX
    return "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)


def test_the_correction_notice_states_what_to_supply_and_is_kept_once(clerk_client, township, clerk):
    DisclosureGuide.objects.create(organisation=township, phone="0833-1234567", address="甲镇人民路1号")
    request = make(township, clerk)
    services.correction_request(request=request, user=clerk, requested_on=dt.date(2025, 9, 29),
                                items="请写明所需方案的年度和村名\n请提供身份证明复印件", deadline=dt.date(2025, 10, 20))

    response = clerk_client.get(url(request, "correction"))

    text = docx_text(response)
    assert f"补正告知书-{request.tracking_number}.docx" in unquote(response["Content-Disposition"])
    for expected in (
        "甲镇人民政府", "政府信息公开申请补正告知书", f"受理编号：{request.tracking_number}", "李四：",
        "本机关于2025年9月26日收到你提出的政府信息公开申请", "“本村2025年一事一议筹资筹劳方案”",
        "《中华人民共和国政府信息公开条例》第二十九条、第三十条", "你的申请需要补正",
        "\n1．请写明所需方案的年度和村名。\n2．请提供身份证明复印件。\n",
        "请你于2025年10月20日前", "视为放弃申请", "联系电话：0833-1234567", "特此告知。",
    ):
        assert expected in text, expected
    assert text.rstrip().endswith("甲镇人民政府\n2025年9月29日")  # signature with the 成文日期: the day of the notice
    assert "行政复议" not in text

    kept = DisclosureNotice.objects.get()
    assert (kept.kind, kept.created_by, kept.request) == ("correction", clerk, request)
    assert kept.attachment.file.read() == response.content  # the file kept is the one handed out
    assert clerk_client.get(url(request, "correction")).status_code == 200
    assert DisclosureNotice.objects.count() == 1  # the same text again: not doubled

    page = clerk_client.get(f"/disclosure/requests/{request.pk}/").content.decode()
    assert f'href="{url(request, "correction")}" data-notice="correction"' in page
    assert 'data-issued-notice="correction"' in page and "生成文书" in page  # in the 文书 block and the timeline


def test_the_extension_notice_gives_the_reason_and_the_deadline_of_the_clock(clerk_client, township, clerk):
    request = make(township, clerk, applicant_type="commercial", applicant_name="甲镇农业发展有限公司")
    services.extension_grant(request=request, user=clerk, days=20, approved_by="王主任", approved_on=dt.date(2025, 10, 20),
                             reason="需调取2019年以来的档案")
    due = services.clock_for(DisclosureRequest.objects.get(pk=request.pk)).due

    text = docx_text(clerk_client.get(url(request, "extension")))

    assert due == dt.date(2025, 11, 27)
    for expected in (
        "政府信息公开申请延期答复告知书", "甲镇农业发展有限公司：", "收到你单位提出的政府信息公开申请",
        request.tracking_number, "因需调取2019年以来的档案，本机关不能在规定期限内作出答复", "第三十三条第二款",
        "经本机关政府信息公开工作机构负责人同意，原答复期限为2025年10月30日，决定将答复期限延长20个工作日",
        "本机关将于2025年11月27日前作出答复", "特此告知。",
    ):
        assert expected in text, expected
    assert text.rstrip().endswith("2025年10月20日")


def test_the_third_party_letter_names_the_information_the_term_and_the_consequence(clerk_client, township, clerk):
    request = make(township, clerk)
    services.consultation_start(request=request, user=clerk, kind="third_party", party="青山农业有限公司",
                                sent_on=dt.date(2025, 10, 9))

    text = docx_text(clerk_client.get(url(request, "third-party")))

    for expected in (
        "政府信息公开征求第三方意见函", "青山农业有限公司：", request.tracking_number, "2025年9月26日",
        "“本村2025年一事一议筹资筹劳方案”", "第三十二条", "可能涉及贵单位的商业秘密", "自收到本函之日起15个工作日内",
        "逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开", "特此函询。",
    ):
        assert expected in text, expected
    assert "李四" not in text  # the applicant's identity is not the third party's business
    assert text.rstrip().endswith("2025年10月9日")


def _closed(township, clerk, result: str, **reply) -> DisclosureRequest:
    request = make(township, clerk)
    return services.request_reply(request=request, user=clerk, result=result, replied_on=dt.date(2025, 10, 20),
                                  summary=reply.pop("summary", "经查，该信息属于内部讨论记录。"), **reply)


def test_a_refusal_tells_the_applicant_to_seek_reconsideration_first(clerk_client, township, clerk):
    request = _closed(township, clerk, Result.WITHHELD_PROCESS)

    text = docx_text(clerk_client.get(url(request, "reply")))

    for expected in (
        "甲镇人民政府", "政府信息公开申请答复书", "李四：", request.tracking_number, "2025年9月26日",
        "过程性信息", "第十六条第二款、第三十六条第三项", "本机关决定不予公开", "理由如下：经查，该信息属于内部讨论记录。",
        "如对本答复不服，可以在收到本答复之日起六十日内向示例县人民政府申请行政复议；对行政复议决定不服的",
        "《中华人民共和国行政复议法》第二十条、第二十三条", "特此告知。",
    ):
        assert expected in text, expected
    assert text.rstrip().endswith("2025年10月20日")


@pytest.mark.parametrize("result", list(Result))
def test_every_result_has_its_article_and_the_remedies_unless_disclosed(township, clerk, result):
    request = make(township, clerk)
    if result == Result.OTHER_NO_CORRECTION:
        services.correction_request(request=request, user=clerk, requested_on=dt.date(2025, 9, 29), items="请写明年度",
                                    deadline=dt.date(2025, 10, 10))
    elif result == Result.UNAVAILABLE_STILL_UNCLEAR:
        services.correction_request(request=request, user=clerk, requested_on=dt.date(2025, 9, 29), items="请写明年度",
                                    deadline=dt.date(2025, 10, 10))
        services.correction_receive(request=request, user=clerk, received_on=dt.date(2025, 10, 9))
    services.request_reply(request=request, user=clerk, result=result, replied_on=dt.date(2025, 10, 20), summary="具体理由。")

    notice, _ = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "reply")

    text = notice.text
    assert "根据《中华人民共和国政府信息公开条例》第" in text or "根据《中华人民共和国政府信息公开条例》" in text
    assert "的规定，" in text and "具体理由。" in text and "李四：" in text
    if result == Result.GRANTED:
        assert "行政复议" not in text and "本机关决定予以公开，以邮寄纸质文本的方式向你提供。" in text
    elif result == Result.PARTIAL or result.value.startswith("withheld_"):
        assert "对行政复议决定不服的" in text and "第二十三条" in text and "六个月" not in text
    else:
        assert "也可以自收到本答复之日起六个月内向有管辖权的人民法院提起行政诉讼" in text and "第四十六条" in text


def test_a_notice_the_state_does_not_call_for_is_refused_in_chinese(clerk_client, township, clerk):
    request = make(township, clerk)
    for kind, reason in (("reply", "尚未答复办结"), ("extension", "没有延长答复期限"),
                         ("correction", "没有发出补正通知"), ("third-party", "没有征求第三方意见")):
        response = clerk_client.get(url(request, kind))
        assert response.status_code == 400 and reason in response.content.decode(), kind
    assert clerk_client.get(url(request, "decision")).status_code == 404
    services.request_void(request=request, user=clerk, reason="重复登记")
    assert "已作废" in clerk_client.get(url(request, "correction")).content.decode()
    assert DisclosureNotice.objects.count() == 0


def test_other_townships_get_404_the_county_reads_and_enforcement_is_kept_out(
        client, township, clerk, other_clerk, supervisor):
    request = _closed(township, clerk, Result.GRANTED, summary="")
    client.force_login(other_clerk)
    assert client.get(url(request, "reply")).status_code == 404
    client.force_login(supervisor)
    assert "予以公开" in docx_text(client.get(url(request, "reply")))
    assert DisclosureNotice.objects.count() == 0  # reading is not sending: the county leaves no record
    client.force_login(UserFactory(organisation=township, role=Role.ENFORCEMENT_OFFICER))
    response = client.get(url(request, "reply"))
    assert response.status_code == 403 and "不能查看依申请公开的申请" in response.content.decode()


def test_a_refused_reply_names_the_bad_file_with_the_other_problems(clerk_client, township, clerk):
    request = make(township, clerk)
    response = clerk_client.post(f"/disclosure/requests/{request.pk}/reply/", {
        "result": "withheld_process", "replied_on": "2025-10-10", "summary": "",
        "files": [SimpleUploadedFile("答复书.txt", b"plain text, not a document")],
    })
    page = response.content.decode()
    assert response.status_code == 400
    assert "“答复书.txt”不是允许的类型" in page and "须向申请人说明理由" in page
    assert "请重新选择答复书" in page
    request.refresh_from_db()
    assert request.status == "received" and not attachments_for(request)


def test_on_site_reading_says_where_and_when_and_nothing_twice(township, clerk):
    DisclosureGuide.objects.create(organisation=township, phone="0833-1234567", address="甲镇人民路1号")
    request = make(township, clerk, delivery="on_site")
    services.request_reply(request=request, user=clerk, result=Result.GRANTED, replied_on=dt.date(2025, 10, 20),
                           summary="已按申请人要求的方式提供所申请的政府信息。")
    text = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "reply")[0].text
    assert ("本机关决定予以公开，请你自收到本答复之日起15个工作日内，于工作日办公时间（工作日上午8:30—12:00，下午14:30—17:30）"
            "到甲镇人民路1号党政综合办公室（政务公开办公室）查阅。") in text
    assert "有关情况说明" not in text and "申请人要求" not in text  # the decision is not restated


def test_a_referral_names_the_agency_with_its_contact_and_the_reasons_write_the_short_name(township, clerk):
    request = make(township, clerk)
    services.request_reply(request=request, user=clerk, result=Result.UNAVAILABLE_NOT_HELD, replied_on=dt.date(2025, 10, 20),
                           summary="该信息由县自然资源局制作，依据条例第三十六条第五项告知",
                           referred_agency="示范县自然资源局（联系电话：0819-6212306）")
    text = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "reply")[0].text
    assert "负责公开该政府信息的机关：示范县自然资源局（联系电话：0819-6212306）。" in text
    assert "依据《条例》第三十六条第五项告知。" in text and "依据条例" not in text
    assert "《中华人民共和国政府信息公开条例》（以下简称《条例》）" in text


def test_a_letter_to_a_person_names_their_privacy(township, clerk):
    request = make(township, clerk)
    services.consultation_start(request=request, user=clerk, kind="third_party", party="王五（白鹤村）",
                                sent_on=dt.date(2025, 10, 9))
    text = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "third-party")[0].text
    assert "王五（白鹤村）：" in text and "可能涉及你的个人隐私" in text and "商业秘密" not in text.split("。")[1]


def test_the_closing_and_signature_keep_with_the_last_paragraph(township, clerk):
    request = _closed(township, clerk, Result.WITHHELD_PROCESS)
    notice, _ = issue.compose(DisclosureRequest.objects.get(pk=request.pk), "reply")
    paragraphs = Document(io.BytesIO(document.render(notice))).paragraphs
    texts = [p.text for p in paragraphs]
    last_body = texts.index(notice.paragraphs[-1])
    date = max(i for i, t in enumerate(texts) if t == "2025年10月20日")
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[last_body:date])  # through the signature
