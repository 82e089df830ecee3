"""What every notice shares: the sender, how the addressee is called, the contact line, the remedies (救济途径)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from fazhi.core.workdays import format_date
from fazhi.disclosure.choices import ApplicantType

REGULATION = "《中华人民共和国政府信息公开条例》"
RECONSIDERATION_LAW = "《中华人民共和国行政复议法》"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"
GENERIC_REVIEW_BODY = "县人民政府"
GENERIC_COURT = "有管辖权的人民法院"


@dataclass(frozen=True)
class Notice:
    """One notice as text: what the .docx prints, line by line, and what the tests read."""

    kind: str
    title: str  # 政府信息公开申请补正告知书
    sender: str  # 青山镇人民政府: the heading's first line and the signature
    number: str  # 受理编号 (in the body and the file name)
    addressee: str  # 王小红
    paragraphs: tuple[str, ...]
    closing: str  # 特此告知。
    dated: dt.date  # 成文日期
    short_title: str = ""  # 补正告知书: the file name
    notes: tuple[str, ...] = field(default=())  # lines after the signature (none yet)
    document_number: str = ""  # 发文字号 (青山政信补〔2025〕3号), given when the notice is issued (issue.py)

    @property
    def text(self) -> str:
        lines = [self.sender, *([self.document_number] if self.document_number else []), self.title,
                 f"{self.addressee}：", *self.paragraphs, self.closing, self.sender, format_date(self.dated), *self.notes]
        return "\n".join(lines)

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def filename(self) -> str:
        return f"{self.short_title or self.title}-{self.number}.docx"


def sender(org) -> str:
    """The township's government as sender and signature (a 街道 signs as its 办事处)."""
    from fazhi.disclosure.annual_report import issuing_body

    return issuing_body(org)


def you(applicant_type: str) -> str:
    """How a notice calls the applicant: 你 (a person) or 你单位 (an organisation)."""
    return "你" if applicant_type == ApplicantType.NATURAL else "你单位"


def review_body(org) -> str:
    """行政复议机关: a township's (or 街道's) acts are reviewed by the county-level government above it
    (行政复议法第二十四条第一款第二项、第三项); the county's name comes from the organisation tree."""
    parent = getattr(org, "parent", None)
    name = (parent.name.strip() if parent is not None else "")
    if not name:
        return GENERIC_REVIEW_BODY
    return name if name.endswith(("人民政府", "办事处")) else f"{name}人民政府"


def remedies(org, *, reconsideration_first: bool) -> str:
    """救济途径. A refusal to disclose (不予公开, also in part) must go to 行政复议 first (行政复议法第二十三条第一款
    第四项), and the notice must say so (同条第二款); any other decision may go to 行政复议 within sixty days
    (第二十条) or straight to court within six months (行政诉讼法第四十六条). The court is not named: which court
    hears administrative cases depends on the province's 集中管辖 arrangements (行政诉讼法第十八条第二款)."""
    body = review_body(org)
    if reconsideration_first:
        return (f"如对本答复不服，可以在收到本答复之日起六十日内向{body}申请行政复议；对行政复议决定不服的，"
                f"可以在收到行政复议决定书之日起十五日内依法向{GENERIC_COURT}提起行政诉讼"
                f"（{RECONSIDERATION_LAW}第二十条、第二十三条，{LITIGATION_LAW}第四十五条）。")
    return (f"如对本答复不服，可以在收到本答复之日起六十日内向{body}申请行政复议，"
            f"也可以自收到本答复之日起六个月内向{GENERIC_COURT}提起行政诉讼"
            f"（{RECONSIDERATION_LAW}第二十条，{LITIGATION_LAW}第四十六条）。")


def contact_line(org) -> str:
    """The office to contact, from the township's 政府信息公开指南 (条例第十二条), when it has one."""
    from fazhi.disclosure.models import DisclosureGuide

    guide = DisclosureGuide.objects.filter(organisation=org).first()
    if guide is None:
        return ""
    parts = [f"联系机构：{guide.office_name}"] if guide.office_name else []
    if guide.phone:
        parts.append(f"联系电话：{guide.phone}")
    if guide.address:
        parts.append(f"通信地址：{guide.address}" + (f"（邮政编码：{guide.postcode}）" if guide.postcode else ""))
    return "；".join(parts) + "。" if parts else ""


def guide(org):
    from fazhi.disclosure.models import DisclosureGuide

    return DisclosureGuide.objects.filter(organisation=org).first()


SHORT_REGULATION = "《条例》"


def regulation_named(text: str) -> str:
    """A clerk's "依据条例第十六条" written as the notice writes it: "依据《条例》第十六条" (书名号, as the body)."""
    return re.sub(r"(?<![《开])条例(?=第)", SHORT_REGULATION, text or "")


def numbered(lines: list[str]) -> list[str]:
    """Items as the notice lists them: "1．……。", each a sentence, whatever numbering the clerk typed."""
    items = [re.sub(r"^\s*(?:\d+\s*[.．、)）]|[（(]?[一二三四五六七八九十]+[)）、．.]|[（(]\d+[)）])\s*", "", line) for line in lines]
    return [f"{i}．{sentence(item)}" for i, item in enumerate((it for it in items if it.strip()), start=1)]


def quoted(text: str) -> str:
    """The applicant's own description, quoted on one line."""
    return "“" + " ".join((text or "").split()).strip("“”\"") + "”"


def sentence(text: str) -> str:
    """A clerk's phrase as a sentence: trimmed, ending in one full stop."""
    text = (text or "").strip().rstrip("。；;，,.")
    return f"{text}。" if text else ""


def received_sentence(request, who: str) -> str:
    return (f"本机关于{format_date(request.received_on)}收到{who}提出的政府信息公开申请（受理编号：{request.tracking_number}），"
            f"申请获取{quoted(request.description)}的政府信息。")
