"""The written mediation agreement (人民调解协议书) as .docx, with the contents 人民调解法 Art. 29 requires:
the parties; the main facts, the issues and each side's responsibility; the terms, and how and by when
they are performed; signatures or fingerprints of the parties, the mediator's signature, the committee's seal."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from fazhi.core import gbt9704
from fazhi.core.docx_fonts import BODY, HEADING_1, add_run
from fazhi.core.workdays import format_date
from fazhi.disputes.models import DisputeCase


def agreement_docx(case: DisputeCase) -> bytes:
    doc = gbt9704.new_document(title="人民调解协议书", author=case.organisation.name, subject="人民调解协议书",
                               dated=case.agreement_on or case.closed_on)
    gbt9704.title(doc, ["人民调解协议书"])
    number = gbt9704.paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add_run(number, case.dossier_no or "编号：", BODY)
    parties = [line.strip() for line in (case.parties_text or "").splitlines() if line.strip()]
    heading = gbt9704.paragraph(doc, indent=False)
    add_run(heading, "当事人：", HEADING_1)
    for line in parties or ["（当事人姓名、性别、年龄、民族、职业、住址）"]:
        gbt9704.body(doc, line)
    for title, text in (
        ("纠纷主要事实、争议事项及各方当事人的责任：", case.facts or case.summary),
        ("经调解，当事人自愿达成如下协议：", case.terms),
        ("履行方式和期限：", case.performance),
    ):
        add_run(gbt9704.paragraph(doc, indent=False), title, HEADING_1)
        for line in (text or "").splitlines() or [""]:
            gbt9704.body(doc, line)
    copies = max(len(parties), case.parties_count) + 1
    gbt9704.body(doc, f"本协议一式{copies}份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、"
                      "人民调解员签名并加盖人民调解委员会印章之日起生效。")
    for line in ("当事人（签名、盖章或按指印）：", "人民调解员（签名）：" + (case.mediator or ""),
                 "人民调解委员会（印章）："):
        add_run(gbt9704.paragraph(doc, indent=False), line, BODY)
    date = case.agreement_on or case.closed_on
    add_run(gbt9704.paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT),
            format_date(date) if date else "　　年　　月　　日", BODY)
    return gbt9704.to_bytes(doc)
