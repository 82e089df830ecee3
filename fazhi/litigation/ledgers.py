from django.utils import timezone

from fazhi.core.ledgers import Ledger, register
from fazhi.litigation.forms import CourtSuggestionForm, HearingForm, LegalCaseForm, ObligationForm
from fazhi.litigation.models import CourtSuggestion, Hearing, LegalCase, Obligation
from fazhi.litigation.rules import answer_due

GROUP = "复议诉讼"


def _answer_column(cases: list[LegalCase]) -> list[str]:
    today = timezone.localdate()
    texts = []
    for case in cases:
        due, _ = answer_due(case.kind, case.received_on)
        if case.answered_on:
            texts.append(f"{due:%Y-%m-%d}前；{'按期' if case.answered_on <= due else '逾期'}答复")
        else:
            texts.append(f"{due:%Y-%m-%d}前；{'已逾期' if today > due else '待答复'}")
    return texts


def _result_column(cases: list[LegalCase]) -> list[str]:
    return ["" if not c.outcome else ("败诉（被纠错）" if c.lost else "未败诉") for c in cases]


def _suggestion_state(rows: list[CourtSuggestion]) -> list[str]:
    today = timezone.localdate()
    out = []
    for s in rows:
        if s.answered_on:
            out.append("按期答复" if not s.due_on or s.answered_on <= s.due_on else "逾期答复")
        else:
            out.append("已逾期" if s.due_on and today > s.due_on else "待答复")
    return out


def _obligation_state(rows: list[Obligation]) -> list[str]:
    today = timezone.localdate()
    return ["已履行" if o.completed_on else ("逾期未履行" if o.due_on and today > o.due_on else "履行中") for o in rows]


register(Ledger(
    model=LegalCase, slug="legal-cases", title="行政复议、行政诉讼案件", form_class=LegalCaseForm,
    date_field="received_on", group=GROUP, order=60, attachments=True,
    natural_key=("kind", "number", "claimant", "received_on"),
    list_fields=("received_on", "kind", "number", "act", "body", "court_level", "outcome", "concluded_on"),
    filter_fields=("kind", "outcome"), search_fields=("number", "act", "body"),
    computed=(("答复（答辩）期限", _answer_column), ("结果", _result_column)),
    help_text="复议：收到申请书副本之日起10个工作日内书面答复并提交证据（行政复议法第四十八条）；"
              "诉讼：收到起诉状副本之日起15日内提交答辩状和证据（行政诉讼法第六十七条）。",
))
register(Ledger(
    model=Hearing, slug="court-hearings", title="开庭与负责人出庭应诉", form_class=HearingForm,
    date_field="held_on", group=GROUP, order=61,
    natural_key=("case", "held_on"),
    list_fields=("held_on", "case", "venue", "open_court", "head_appeared", "head_name", "head_post", "absence_reason"),
    filter_fields=("head_appeared", "open_court"), search_fields=("head_name",),
    help_text="负责人指正职、副职和分管该行为的副职负责人（最高法出庭应诉规定第二条）；未出庭须有正当事由并委托工作人员出庭。",
))
register(Ledger(
    model=Obligation, slug="case-obligations", title="判决裁定履行与协助执行", form_class=ObligationForm,
    date_field="received_on", group=GROUP, order=62,
    natural_key=("case", "kind", "received_on"),
    list_fields=("received_on", "kind", "case", "content", "due_on", "completed_on"),
    filter_fields=("kind",), search_fields=("content",), computed=(("状态", _obligation_state),),
))
register(Ledger(
    model=CourtSuggestion, slug="court-suggestions", title="司法建议和检察建议", form_class=CourtSuggestionForm,
    date_field="received_on", group=GROUP, order=63,
    natural_key=("kind", "issuer", "received_on", "subject"),
    list_fields=("received_on", "kind", "issuer", "subject", "due_on", "answered_on"),
    filter_fields=("kind",), search_fields=("issuer", "subject"), computed=(("状态", _suggestion_state),),
    help_text="答复期限留空时按收到之日起两个月计（《人民检察院检察建议工作规定》第十九条）；法院另定期限的按建议书填写。",
))
