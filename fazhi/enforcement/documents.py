"""The main enforcement documents rendered to .docx from the case data (GB/T 9704 page and fonts):
立案审批表, 行政处罚事先告知书, 行政处罚决定书 (the six items of 第五十九条), 送达回证."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from fazhi.core import docx_fonts as fonts
from fazhi.core import gbt9704 as g
from fazhi.core.workdays import format_date
from fazhi.enforcement import deadlines
from fazhi.enforcement.choices import PenaltyKind

DOCUMENTS = {
    "filing": "立案审批表",
    "notice": "行政处罚事先告知书",
    "decision": "行政处罚决定书",
    "service": "送达回证",
}


def available(case) -> list[tuple[str, str]]:
    """The documents the case's data can already fill."""
    ready = {"filing": True, "notice": bool(case.notice_on), "decision": bool(case.decided_on), "service": bool(case.decided_on)}
    return [(slug, title) for slug, title in DOCUMENTS.items() if ready[slug]]


def _kinds(case, field: str) -> str:
    return "、".join(PenaltyKind(k).label for k in case.kinds(field))


def _d(day) -> str:
    return format_date(day) if day else "    年  月  日"


def _table(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        fonts.add_run(cells[0].paragraphs[0], label, fonts.BODY)
        fonts.add_run(cells[1].paragraphs[0], value or "", fonts.BODY)


def render(case, slug: str) -> bytes:
    title = DOCUMENTS[slug]
    org = case.organisation
    doc = g.new_document(title=f"{title}（{case.number}）", author=org.name, subject=title,
                         dated={"filing": case.filed_on, "notice": case.notice_on, "decision": case.decided_on,
                                "service": case.served_on}[slug])
    g.title(doc, [org.name, title])
    p = g.paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    fonts.add_run(p, case.decision_number if slug == "decision" and case.decision_number else case.number, fonts.BODY)
    if slug == "filing":
        _table(doc, [
            ("案号", case.number), ("案件来源", f"{case.get_source_display()} {case.source_detail}".strip()),
            ("当事人", f"{case.party_name}（{case.get_party_kind_display()}）"), ("证件号码", case.party_id_number),
            ("住所或地址", case.party_address), ("联系电话", case.party_contact),
            ("涉嫌违法行为", case.alleged_violation), ("立案依据", case.legal_basis),
            ("负责人审批意见", f"同意立案。{case.filing_approver}"), ("立案日期", _d(case.filed_on)),
            ("办案期限", f"自立案之日起九十日内作出处罚决定，至{format_date(deadlines.decision_deadline(case.filed_on, list(case.extensions.active())).due)}"
                        "（《中华人民共和国行政处罚法》第六十条）"),
        ])
    elif slug == "notice":
        g.body(doc, f"{case.party_name}：")
        g.body(doc, f"经调查，{case.notice_facts}")
        g.body(doc, f"依据{case.legal_basis}的规定，本机关拟对你（单位）作出如下行政处罚：{_kinds(case, 'proposed_kinds')}"
                    + (f"，金额{case.proposed_fine}元" if case.proposed_fine else "") + "。")
        g.body(doc, "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利，"
                    "可在收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见，逾期视为放弃。")
        if case.hearing_eligible:
            g.body(doc, "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求听证的权利，"
                        f"可在本机关告知后五日内（即{format_date(deadlines.hearing_request_deadline(case.notice_on).due)}前）提出听证申请，逾期视为放弃。")
        g.signature(doc, org.name, _d(case.notice_on))
    elif slug == "decision":
        g.body(doc, f"当事人：{case.party_name}    住所或地址：{case.party_address}")
        if case.party_id_number:
            g.body(doc, f"证件号码：{case.party_id_number}")
        g.body(doc, f"违法事实和证据：{case.decision_facts}")
        if case.statement_text:
            g.body(doc, f"当事人陈述、申辩意见：{case.statement_text}。复核意见：{case.statement_review}")
        if case.hearing_on:
            g.body(doc, f"本机关于{format_date(case.hearing_on)}依法举行听证。{case.hearing_summary}")
        g.body(doc, f"行政处罚的种类和依据：{case.decision_basis}。本机关决定给予{_kinds(case, 'decision_kinds')}"
                    + (f"，金额{case.fine_amount}元" if case.fine_amount else "") + "。")
        g.body(doc, f"履行方式和期限：{case.performance}。")
        g.body(doc, f"救济途径和期限：{case.remedies}。")
        g.signature(doc, f"{case.organ_name}（印章）", _d(case.decided_on))
    else:
        _table(doc, [
            ("送达文书", f"行政处罚决定书（{case.decision_number}）"), ("受送达人", case.party_name),
            ("送达地点", case.party_address), ("送达方式", case.get_service_method_display() if case.service_method else ""),
            ("送达日期", _d(case.served_on)), ("受送达人签名", ""), ("送达人", ""),
            ("备注", "当事人在场的，宣告后当场交付；不在场的，七日内依照民事诉讼法的有关规定送达（《中华人民共和国行政处罚法》第六十一条）"),
        ])
    return g.to_bytes(doc)
