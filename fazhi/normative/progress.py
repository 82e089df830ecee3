"""Where a document stands: each step of the pipeline, done or not, and what is missing next."""
from __future__ import annotations

import datetime as dt

from fazhi.core.kit.progress import Rung, StepState, mark_current
from fazhi.core.workdays import format_date
from fazhi.normative import rules
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import NormativeDocument
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews

DONE, SKIPPED, CURRENT, TODO, LATE = (StepState.DONE, StepState.SKIPPED, StepState.CURRENT, StepState.TODO,
                                      StepState.LATE)


def progress(doc: NormativeDocument, today: dt.date) -> list[Rung]:
    steps = [Rung("起草", DONE, doc.drafting_unit)]
    period = participation.current_period(doc)
    if not doc.affects_rights:
        steps.append(Rung("公开征求意见", SKIPPED, "不涉及公民、法人和其他组织权利义务，无需公开征求意见"))
    elif period is None:
        steps.append(Rung("公开征求意见", CURRENT, "涉及权利义务，须公开征求意见"))
    else:
        summary = participation.comment_summary(doc)
        when = f"{format_date(period.opens_on)}至{format_date(period.closes_on)}，收到意见{summary['received']}条"
        steps.append(Rung("公开征求意见", DONE if period.closes_on < today else CURRENT, when))
    passed = doc.passing_review or reviews.passing_review(doc)
    steps.append(Rung("合法性审核", DONE if passed else TODO, reviews.review_state_text(doc)))
    steps.append(Rung("集体审议", DONE if doc.deliberated_on else TODO,
                      f"{format_date(doc.deliberated_on)} {doc.deliberation_meeting}" if doc.deliberated_on else ""))
    steps.append(Rung("统一编号印发", DONE if doc.issued_on else TODO,
                      f"{doc.doc_number}，{format_date(doc.issued_on)}" if doc.issued_on else ""))
    steps.append(Rung("公布施行", DONE if doc.published_on else TODO,
                      f"{format_date(doc.published_on)}，{doc.publication_channel}" if doc.published_on else "未经公布的文件不得作为行政管理依据"))
    if doc.published_on:
        cfg = rules.settings_for(doc.organisation)
        deadline = rules.filing_deadline(doc.published_on, cfg.filing_days)
        if doc.filed_on:
            late = doc.filed_on > deadline.due
            steps.append(Rung("报送备案", LATE if late else DONE,
                              f"{format_date(doc.filed_on)}报{doc.filing_body}备案" + ("，逾期" if late else "") + f"（{deadline.explanation}）"))
        else:
            steps.append(Rung("报送备案", LATE if today > deadline.due else TODO, deadline.explanation))
    else:
        steps.append(Rung("报送备案", TODO, ""))
    if doc.status == DocStatus.REPEALED:
        steps.append(Rung("废止", DONE, f"{format_date(doc.repealed_on)}：{doc.repeal_reason}"))
    return mark_current(steps)
