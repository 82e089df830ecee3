"""Where a document stands: each step of the pipeline, done or not, and what is missing next."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.core.workdays import format_date
from fazhi.normative import rules
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import NormativeDocument
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews


@dataclass
class Step:
    name: str
    state: str  # done / skipped / current / todo / late
    detail: str = ""


def progress(doc: NormativeDocument, today: dt.date) -> list[Step]:
    steps = [Step("起草", "done", doc.drafting_unit)]
    period = participation.current_period(doc)
    if not doc.affects_rights:
        steps.append(Step("公开征求意见", "skipped", "不涉及公民、法人和其他组织权利义务，无需公开征求意见"))
    elif period is None:
        steps.append(Step("公开征求意见", "current", "涉及权利义务，须公开征求意见"))
    else:
        summary = participation.comment_summary(doc)
        when = f"{format_date(period.opens_on)}至{format_date(period.closes_on)}，收到意见{summary['received']}条"
        steps.append(Step("公开征求意见", "done" if period.closes_on < today else "current", when))
    passed = doc.passing_review or reviews.passing_review(doc)
    steps.append(Step("合法性审核", "done" if passed else "todo", reviews.review_state_text(doc)))
    steps.append(Step("集体审议", "done" if doc.deliberated_on else "todo",
                      f"{format_date(doc.deliberated_on)} {doc.deliberation_meeting}" if doc.deliberated_on else ""))
    steps.append(Step("统一编号印发", "done" if doc.issued_on else "todo",
                      f"{doc.doc_number}，{format_date(doc.issued_on)}" if doc.issued_on else ""))
    steps.append(Step("公布施行", "done" if doc.published_on else "todo",
                      f"{format_date(doc.published_on)}，{doc.publication_channel}" if doc.published_on else "未经公布的文件不得作为行政管理依据"))
    if doc.published_on:
        cfg = rules.settings_for(doc.organisation)
        deadline = rules.filing_deadline(doc.published_on, cfg.filing_days)
        if doc.filed_on:
            late = doc.filed_on > deadline.due
            steps.append(Step("报送备案", "late" if late else "done",
                              f"{format_date(doc.filed_on)}报{doc.filing_body}备案" + ("，逾期" if late else "") + f"（{deadline.explanation}）"))
        else:
            steps.append(Step("报送备案", "late" if today > deadline.due else "todo", deadline.explanation))
    else:
        steps.append(Step("报送备案", "todo", ""))
    if doc.status == DocStatus.REPEALED:
        steps.append(Step("废止", "done", f"{format_date(doc.repealed_on)}：{doc.repeal_reason}"))
    first_open = next((s for s in steps if s.state in ("current", "todo")), None)
    if first_open is not None and first_open.state == "todo":
        first_open.state = "current"
    return steps


def missing(steps: list[Step]) -> Step | None:
    return next((s for s in steps if s.state == "current"), None)
