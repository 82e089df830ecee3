"""Every indicator of INDICATORS.md, in its order, with its computation where a module feeds it.

Keys whose module is not built yet are registered without ``rows``: they show
"未接入" (not connected) and the CLI prints null — never an invented number.
"""
from __future__ import annotations

from django.db.models import Q

from fazhi.advisors import figures as advisor_figures
from fazhi.corrections import figures as correction_figures
from fazhi.corrections.listing import INCIDENT_LISTING, SUPERVISEE_LISTING
from fazhi.decisions import figures as decision_figures
from fazhi.decisions.listing import DECISION_LISTING
from fazhi.disclosure.listing import REQUEST_LISTING
from fazhi.disclosure.models import DisclosureAppeal, DisclosureRequest, ProactiveRelease
from fazhi.disclosure.selectors import judge_response, response_rate_candidates
from fazhi.enforcement import figures as enforcement_figures
from fazhi.enforcement import listing as enforcement_listing
from fazhi.disputes import figures as dispute_figures
from fazhi.disputes.models import DisputeCase, DisputeOutcome
from fazhi.governance import figures as governance_figures
from fazhi.governance.models import RULE_OF_LAW_MEETING_KINDS, Meeting
from fazhi.indicators.registry import Indicator, Kind, fixed, register
from fazhi.contracts.listing import CONTRACT_LISTING
from fazhi.contracts.models import Contract
from fazhi.litigation import figures as litigation_figures
from fazhi.litigation import rules as litigation_rules
from fazhi.learning.models import CourtObservation, ExamRecord, ExamStatus, StudySession
from fazhi.normative import figures as normative_figures
from fazhi.normative.listing import DOCUMENT_LISTING
from fazhi.publicity.models import Channel, LegalLiaison, LiaisonTraining, PublicityEvent
from fazhi.reviews.choices import Opinion, ReviewStatus, SubjectKind
from fazhi.reviews import figures as review_figures
from fazhi.reviews.listing import REVIEW_LISTING
from fazhi.reviews.models import LegalityReview


def _events(scope):
    return PublicityEvent.objects.filter(held_on__year=scope.year)


def _offline_events(scope):
    return _events(scope).filter(channel=Channel.OFFLINE)


def _sat_exam(scope):
    return ExamRecord.objects.filter(exam_on__year=scope.year, status=ExamStatus.SAT)


register(fixed(
    "rule_of_law_meetings",
    rows=lambda s: Meeting.objects.filter(held_on__year=s.year, on_rule_of_law=True, kind__in=RULE_OF_LAW_MEETING_KINDS),
    ledger_slug="meetings", description="党委会、政府常务会、专题会、听取汇报、依法治镇委员会等研究法治建设的会议",
))
register(fixed(
    "study_sessions", rows=lambda s: StudySession.objects.filter(held_on__year=s.year), ledger_slug="study-sessions",
))
register(fixed("exam_participants", rows=_sat_exam, ledger_slug="exam-records"))
register(fixed(
    "exam_pass_rate", rows=_sat_exam, numerator=Q(passed=True), ledger_slug="exam-records",
    description="合格人数 ÷ 参考人数 × 100",
))
register(fixed(
    "court_hearings_attended", rows=lambda s: CourtObservation.objects.filter(held_on__year=s.year),
    ledger_slug="court-observations",
))
register(fixed(
    "legality_reviews",
    rows=lambda s: LegalityReview.objects.filter(status=ReviewStatus.CONCLUDED, concluded_on__year=s.year),
    listing=REVIEW_LISTING, description="本年出具审查意见的合法性审查（合同、规范性文件、重大行政决策、重大执法决定及其他事项）",
))
register(fixed(
    "normative_docs_filed", rows=normative_figures.filed, listing=DOCUMENT_LISTING, description="本年报送备案的规范性文件",
))
register(fixed("normative_docs_repealed", rows=normative_figures.repealed, listing=DOCUMENT_LISTING))
register(fixed(
    "disclosure_proactive", rows=lambda s: ProactiveRelease.objects.filter(published_on__year=s.year),
    ledger_slug="proactive-releases",
))
register(fixed(
    "disclosure_requests", rows=lambda s: DisclosureRequest.objects.filter(received_on__year=s.year),
    listing=REQUEST_LISTING, description="本年收到（新收）的政府信息公开申请，不含上年结转",
))
register(fixed(
    "disclosure_response_rate", rows=lambda s: response_rate_candidates(s.year),
    judge=lambda s, qs: judge_response(s.year, qs), listing=REQUEST_LISTING,
    description="法定期限内答复的件数 ÷ 本年应答复件数 × 100；应答复件数为本年作出答复的申请和本年内到期仍未答复的申请，"
                "期限按工作日日历计算（扣除补正、征求意见时间，计入延期）",
))
register(fixed(
    "enforcement_officers", rows=enforcement_figures.certified_officers, listing=enforcement_listing.OFFICER_LISTING,
    description="年末（当年为今天）持有有效行政执法证的执法人员",
))
register(fixed(
    "enforcement_training", rows=enforcement_figures.trainings, listing=enforcement_listing.TRAINING_LISTING,
))
register(fixed(
    "penalty_cases", rows=enforcement_figures.penalty_cases, listing=enforcement_listing.CASE_LISTING,
    description="本年立案的普通程序行政处罚案件",
))
register(fixed("case_file_reviews", rows=enforcement_figures.audits, listing=enforcement_listing.AUDIT_LISTING))
register(Indicator("enforcement_auxiliaries", "执法辅助人员", "人", core=False, phrase="执法辅助人员{value}人",
                   rows=enforcement_figures.auxiliaries, listing=enforcement_listing.OFFICER_LISTING))
register(Indicator("enforcement_vehicles", "执法车辆", "辆", core=False, phrase="配备执法车{value}辆",
                   rows=enforcement_figures.vehicles, listing=enforcement_listing.EQUIPMENT_LISTING))
register(Indicator("enforcement_body_cameras", "执法记录仪", "部", core=False, phrase="执法记录仪{value}部",
                   rows=enforcement_figures.body_cameras, listing=enforcement_listing.EQUIPMENT_LISTING))
register(Indicator("simple_penalties", "简易程序处罚", "件", core=False, phrase="适用简易程序当场处罚{value}件",
                   rows=enforcement_figures.simple_penalties, listing=enforcement_listing.SIMPLE_LISTING))
register(Indicator("penalty_decided_on_time_rate", "行政处罚按期决定率", "%", kind=Kind.RATE, core=False,
                   rows=enforcement_figures.decided, judge=enforcement_figures.judge_decided_on_time,
                   phrase="在法定期限内作出处罚决定率{value}%", listing=enforcement_listing.CASE_LISTING,
                   description="本年作出决定的案件中，自立案之日起九十日（含经批准延长）内作出决定的比例（行政处罚法第六十条）"))
register(Indicator("penalty_cases_challenged", "处罚决定被申请复议或起诉", "件", core=False,
                   phrase="被申请行政复议或提起行政诉讼{value}件", rows=enforcement_figures.challenged,
                   listing=enforcement_listing.CASE_LISTING))
register(Indicator("penalty_cases_overturned", "处罚决定被撤销或变更", "件", core=False,
                   phrase="被撤销、变更或确认违法{value}件", rows=enforcement_figures.overturned,
                   listing=enforcement_listing.CASE_LISTING))
register(Indicator("enforcement_inspections", "现场执法检查活动", "次", core=False, phrase="现场执法检查活动{value}次",
                   rows=enforcement_figures.inspections, listing=enforcement_listing.INSPECTION_LISTING))
register(Indicator("case_file_rectifications", "案卷评查整改建议", "条", core=False, phrase="提出整改建议{value}条",
                   rows=enforcement_figures.rectifications, listing=enforcement_listing.RECTIFICATION_LISTING))
register(fixed(
    "publicity_events", rows=_offline_events, ledger_slug="publicity-events", description="线下普法宣传活动场次；线上活动另计",
))
register(fixed("publicity_materials", rows=_offline_events, sum_field="materials", ledger_slug="publicity-events"))
register(fixed(
    "legal_consultations", rows=_events, sum_field="consultations", ledger_slug="publicity-events",
    adds=("advisor_consultations",), description="普法活动中解答的咨询，加上法律顾问服务台账中的法律咨询人次",
))
register(fixed("publicity_audience", rows=_offline_events, sum_field="audience", ledger_slug="publicity-events"))
register(fixed(
    "legal_literates", rows=lambda s: LegalLiaison.objects.filter(registered_on__year=s.year),
    ledger_slug="legal-liaisons",
))
register(fixed(
    "disputes_handled", rows=lambda s: DisputeCase.objects.filter(received_on__year=s.year), ledger_slug="disputes",
))
register(fixed(
    "disputes_resolved",
    rows=lambda s: DisputeCase.objects.filter(closed_on__year=s.year, outcome=DisputeOutcome.RESOLVED),
    ledger_slug="disputes",
))
register(fixed(
    "dispute_success_rate",
    rows=lambda s: DisputeCase.objects.filter(closed_on__year=s.year).exclude(outcome=DisputeOutcome.OPEN),
    numerator=Q(outcome=DisputeOutcome.RESOLVED), ledger_slug="disputes", description="调解成功件数 ÷ 本年办结件数 × 100",
))
# 组织领导 (fazhi/governance): 述法, the responsibility list (谁分管、谁负责), the budget (经费保障).
register(Indicator("principal_law_reports", "党政主要负责人述法", "次", core=False, rows=governance_figures.principal_law_reports,
                   ledger_slug="law-reports", phrase="党政主要负责人述法{value}次"))
register(Indicator("law_reports", "领导干部述法", "人次", core=False, rows=governance_figures.law_reports,
                   ledger_slug="law-reports", phrase="组织领导干部述法{value}人次"))
register(Indicator(
    "responsibility_on_time_rate", "法治建设责任清单任务按期完成率", "%", kind=Kind.RATE, core=False,
    rows=governance_figures.tasks_due, numerator=governance_figures.DONE_ON_TIME, ledger_slug="responsibility-tasks",
    phrase="责任清单任务按期完成率{value}%", description="本年到期（截至今天）的任务中按期完成的 ÷ 本年到期任务 × 100",
))
register(Indicator("responsibility_tasks_overdue", "责任清单逾期未完成任务", "项", core=False,
                   rows=governance_figures.overdue_tasks, ledger_slug="responsibility-tasks",
                   phrase="责任清单中有{value}项任务逾期未完成"))
register(Indicator("rule_of_law_budget", "法治建设经费", "元", kind=Kind.SUM, core=False, rows=governance_figures.budget,
                   sum_field="amount", ledger_slug="rule-of-law-budget", phrase="安排法治建设工作经费{value}元"))

register(Indicator("leading_group_members", "法治建设领导小组成员（年末）", "人", core=False,
                   rows=governance_figures.group_members, ledger_slug="leading-group", phrase="法治建设领导小组成员{value}人"))
register(Indicator("work_plans", "印发年度法治建设工作要点", "份", core=False, rows=governance_figures.work_plans,
                   ledger_slug="work-plans", phrase="印发年度法治建设工作要点{value}份"))
register(Indicator("mediation_committees", "人民调解委员会", "个", core=False, rows=dispute_figures.committees,
                   ledger_slug="mediation-committees", phrase="建立人民调解委员会{value}个"))
register(Indicator("mediators", "人民调解员（年末在任）", "人", core=False, rows=dispute_figures.mediators,
                   ledger_slug="mediators", phrase="配备人民调解员{value}人"))
register(Indicator("legal_advisors", "聘请法律顾问（年末在聘）", "人", core=False, rows=advisor_figures.advisors_engaged,
                   ledger_slug="legal-advisors", phrase="聘请法律顾问{value}名"))
register(Indicator("judgments_performed", "履行生效判决、裁定和复议决定", "件", core=False,
                   rows=litigation_figures.judgments_performed, ledger_slug="case-obligations",
                   phrase="履行生效判决、裁定和复议决定{value}件"))
register(Indicator("obligations_completed", "履行判决裁定、复议决定和协助执行（完成）", "件", core=False,
                   rows=litigation_figures.obligations_completed, ledger_slug="case-obligations",
                   phrase="履行生效判决、裁定和复议决定及协助执行{value}件"))

# 社区矫正、安置帮教 (fazhi/corrections): counts only; the people behind them are listed to the 司法所 alone.
register(Indicator(
    "corrections_on_roll", "社区矫正对象（年末在册）", "人", core=False, rows=correction_figures.corrections_on_roll,
    phrase="现有社区矫正对象{value}人", listing=SUPERVISEE_LISTING,
))
register(Indicator(
    "resettlement_on_roll", "安置帮教对象（年末在册）", "人", core=False, rows=correction_figures.resettlement_on_roll,
    phrase="安置帮教对象{value}人", listing=SUPERVISEE_LISTING,
))
register(Indicator(
    "corrections_schedule_rate", "社区矫正对象日日电联、月月集中教育落实率", "%", kind=Kind.RATE, core=False,
    rows=correction_figures.supervised_in_year, judge=correction_figures.judge_schedule, listing=SUPERVISEE_LISTING,
    phrase="日日有电联、月月有集中教育的落实率为{value}%",
    description="本年在矫期间每天都有电话联系（或走访、报到）且每个已结束的月份都参加集中教育的对象 ÷ 本年在矫对象 × 100",
))
register(Indicator(
    "corrections_incidents", "社区矫正对象脱管、漏管、重新犯罪", "人次", core=False,
    rows=correction_figures.serious_incidents, listing=INCIDENT_LISTING, phrase="发生脱管、漏管、重新犯罪{value}人次",
    zero_phrase="社区矫正对象无脱管、漏管，无重新犯罪（{value}）", zero_requires="corrections_on_roll",
))
register(fixed("reconsideration_cases", rows=litigation_figures.reconsiderations, ledger_slug="legal-cases"))
register(fixed("litigation_cases", rows=litigation_figures.lawsuits, ledger_slug="legal-cases"))
register(fixed("court_appearances", rows=litigation_figures.appearances, ledger_slug="court-hearings"))
# LAW.md §7: the local convention varies (per hearing or per case): FAZHI_COURT_APPEARANCE_BASIS chooses.
if litigation_rules.appearance_basis() == "case":
    register(fixed(
        "court_appearance_rate", rows=litigation_figures.cases_heard, judge=litigation_figures.judge_case_appearance,
        ledger_slug="legal-cases", description="本年有负责人出庭的开庭审理案件 ÷ 本年开庭审理的行政诉讼案件 × 100（按案件计）",
    ))
else:
    register(fixed(
        "court_appearance_rate", rows=litigation_figures.open_court_hearings, numerator=litigation_figures.APPEARED,
        ledger_slug="court-hearings", description="负责人（正职、副职或分管副职）出庭的开庭次数 ÷ 本年行政诉讼开庭审理次数 × 100（按庭次计）",
    ))
register(Indicator("litigation_cases_lost", "行政复议、诉讼败诉（被纠错）案件", "件", core=False, rows=litigation_figures.lost,
                   ledger_slug="legal-cases", phrase="败诉（被纠错）{value}件",
                   zero_phrase="行政复议、诉讼案件无败诉（{value}）", zero_requires="cases_concluded"))
register(Indicator("cases_concluded", "行政复议、诉讼审结案件", "件", core=False, rows=litigation_figures.concluded,
                   ledger_slug="legal-cases", phrase="审结{value}件"))
register(Indicator("court_assistance", "配合法院执行（冻结、划拨等）", "次", core=False, rows=litigation_figures.assistance,
                   ledger_slug="case-obligations", phrase="配合法院冻结、划拨资金资产等{value}次"))
register(Indicator("court_suggestions", "收到司法建议、检察建议", "件", core=False, rows=litigation_figures.suggestions,
                   ledger_slug="court-suggestions", phrase="收到司法建议、检察建议{value}件"))
register(fixed("legal_aid", rows=advisor_figures.legal_aid, ledger_slug="legal-aid"))
register(fixed(
    "legal_advisor_coverage", rows=advisor_figures.covered_villages, ledger_slug="advisor-assignments",
    description="年末（当年为今天）仍在配备期内的村（社区）个数，一个村有多名顾问只计一次",
))
# 法律顾问服务台账: the advisors' own figures (the seeds report them apart from the township's events).
for _key, _label, _unit, _rows, _phrase in (
    ("advisor_consultations", "法律顾问解答法律咨询", "人次", advisor_figures.consultations, "法律顾问提供法律咨询服务{value}人次"),
    ("advisor_publicity_events", "法律顾问开展法治讲座、普法宣传", "场次", advisor_figures.publicity, "法律顾问开展法治讲座、普法宣传{value}场次"),
    ("advisor_disputes", "法律顾问参与调处矛盾纠纷", "件", advisor_figures.disputes, "参与调处矛盾纠纷{value}件"),
    ("advisor_contracts", "法律顾问审查合同", "份", advisor_figures.contracts, "审查合同{value}份"),
    ("advisor_suggestions", "法律顾问提出法律建议", "条", advisor_figures.suggestions, "提出相关法律建议{value}条"),
):
    register(Indicator(_key, _label, _unit, kind=Kind.SUM, core=False, rows=_rows, sum_field="quantity",
                       ledger_slug="advisor-services", phrase=_phrase))

# Beyond the fixed keys: figures the seeds quote that these ledgers also produce.
register(Indicator(
    "disclosure_appeals", "政府信息公开行政复议、行政诉讼", "件", core=False,
    rows=lambda s: DisclosureAppeal.objects.filter(filed_on__year=s.year),
    phrase="因政府信息公开被申请行政复议、提起行政诉讼{value}件", ledger_slug="disclosure-appeals",
))
register(Indicator(
    "publicity_online", "线上普法活动", "次", core=False,
    rows=lambda s: _events(s).filter(channel=Channel.ONLINE),
    phrase="开展线上普法{value}次", ledger_slug="publicity-events",
))
register(Indicator(
    "liaison_trainings", "法律明白人培训", "场次", core=False,
    rows=lambda s: LiaisonTraining.objects.filter(held_on__year=s.year),
    phrase="开展法律明白人培训{value}场次", ledger_slug="liaison-trainings",
))
register(Indicator(
    "liaison_training_participants", "法律明白人参训", "人次", kind=Kind.SUM, core=False,
    rows=lambda s: LiaisonTraining.objects.filter(held_on__year=s.year), sum_field="participants",
    phrase="参训{value}人次", ledger_slug="liaison-trainings",
))
register(Indicator(
    "court_observation_attendees", "旁听庭审人数", "人次", kind=Kind.SUM, core=False,
    rows=lambda s: CourtObservation.objects.filter(held_on__year=s.year), sum_field="attendees",
    phrase="{value}人次参加旁听", ledger_slug="court-observations",
))
register(Indicator(
    "exam_excellent_rate", "学法考试优秀率", "%", kind=Kind.RATE, core=False, rows=_sat_exam,
    numerator=Q(excellent=True), phrase="优秀率{value}%", ledger_slug="exam-records",
))
register(Indicator(
    "principal_led_studies", "主要负责人领学", "次", core=False,
    rows=lambda s: StudySession.objects.filter(held_on__year=s.year, led_by_principal=True),
    phrase="主要负责人带头领学{value}次", ledger_slug="study-sessions",
))
register(Indicator(
    "principal_chaired_meetings", "主要负责人主持研究法治建设", "次", core=False,
    rows=lambda s: Meeting.objects.filter(
        held_on__year=s.year, on_rule_of_law=True, kind__in=RULE_OF_LAW_MEETING_KINDS, chaired_by_principal=True
    ),
    phrase="主要负责人主持研究法治建设{value}次", ledger_slug="meetings",
))
register(Indicator(
    "normative_docs_issued", "制发规范性文件", "件", core=False, rows=normative_figures.issued,
    phrase="制发行政规范性文件{value}件", listing=DOCUMENT_LISTING,
))
register(Indicator(
    "normative_review_coverage", "规范性文件合法性审核率", "%", kind=Kind.RATE, core=False,
    rows=normative_figures.issued, numerator=Q(passing_review__isnull=False),
    phrase="规范性文件合法性审核率{value}%", listing=DOCUMENT_LISTING,
    description="本年印发的规范性文件中经合法性审核通过的比例（应审尽审）",
))
register(Indicator(
    "normative_filing_on_time_rate", "规范性文件按期备案率", "%", kind=Kind.RATE, core=False,
    rows=normative_figures.filing_due, judge=normative_figures.judge_filing_on_time,
    phrase="按期报备率{value}%", listing=DOCUMENT_LISTING,
    description="本年内备案期限届满或已报送备案的文件中，在公布后规定期限内报送备案的比例（期限按本单位设置，默认15日）",
))
register(Indicator(
    "legality_reviews_rejected", "合法性审查不予通过", "件", core=False,
    rows=lambda s: LegalityReview.objects.filter(
        status=ReviewStatus.CONCLUDED, concluded_on__year=s.year, opinion=Opinion.REJECTED),
    phrase="其中不予通过{value}件", listing=REVIEW_LISTING,
))
register(Indicator(
    "legality_review_on_time_rate", "合法性审查按期办结率", "%", kind=Kind.RATE, core=False,
    rows=review_figures.due_in_year, judge=review_figures.judge_on_time,
    phrase="按期出具审查意见率{value}%", listing=REVIEW_LISTING,
    description="本年送审的事项中在审查期限内出具意见的比例；期限已过仍未出具意见的计为超期，尚未到期的不计",
))
for _key, _label, _kind in (
    ("decision_reviews", "审查重大行政决策", SubjectKind.DECISION), ("normative_reviews", "审查规范性文件", SubjectKind.NORMATIVE),
    ("enforcement_reviews", "审查重大执法决定", SubjectKind.ENFORCEMENT), ("other_reviews", "审查其他事项", SubjectKind.OTHER),
):
    # the parts of legality_reviews by what was reviewed, so the report can say what its total is made of
    register(Indicator(
        _key, _label, "件", core=False, listing=REVIEW_LISTING, phrase=_label + "{value}件",
        rows=lambda s, kind=_kind: LegalityReview.objects.filter(status=ReviewStatus.CONCLUDED, concluded_on__year=s.year, kind=kind),
    ))
register(Indicator(
    "contract_reviews", "审查合同协议", "件", core=False,
    rows=lambda s: LegalityReview.objects.filter(
        status=ReviewStatus.CONCLUDED, concluded_on__year=s.year, kind=SubjectKind.CONTRACT),
    phrase="审查合同协议{value}件", listing=REVIEW_LISTING,
))
register(Indicator(
    "contracts_signed", "签订合同协议", "件", core=False,
    rows=lambda s: Contract.objects.filter(signed_on__year=s.year),
    phrase="签订合同协议{value}件", listing=CONTRACT_LISTING,
))
register(Indicator(
    "contract_review_coverage", "合同合法性审查率", "%", kind=Kind.RATE, core=False,
    rows=lambda s: Contract.objects.filter(signed_on__year=s.year), numerator=Q(passing_review__isnull=False),
    phrase="合同合法性审查率{value}%", listing=CONTRACT_LISTING,
    description="本年签订的合同中经合法性审查通过的比例（应审尽审）",
))
register(Indicator(
    "decision_catalog_items", "列入目录的重大行政决策事项", "项", core=False, rows=decision_figures.catalogued,
    phrase="重大行政决策事项目录列入{value}项", listing=DECISION_LISTING,
))
register(Indicator(
    "decisions_completed", "作出重大行政决策", "项", core=False, rows=decision_figures.decided,
    phrase="经公众参与、合法性审查、集体讨论等法定程序作出重大行政决策{value}项", listing=DECISION_LISTING,
    description="本年作出决定的重大行政决策；系统只允许完成全部必经程序（可选程序须说明不进行的理由）后作出决定",
))
register(Indicator(
    "decision_review_coverage", "重大行政决策合法性审查率", "%", kind=Kind.RATE, core=False,
    rows=decision_figures.decided, numerator=Q(passing_review__isnull=False),
    phrase="重大行政决策合法性审查率{value}%", listing=DECISION_LISTING,
    description="本年作出的重大行政决策中经合法性审查通过的比例（应审尽审）",
))
register(Indicator(
    "decisions_without_review", "目录内法制审核尚未启动的决策", "项", core=False, rows=decision_figures.without_review,
    phrase="年度目录中尚有{value}项重大行政决策未启动合法性审查", listing=DECISION_LISTING,
    description="列入本年度目录、尚未送请合法性审查的决策事项；大于0时在年度报告“存在的不足”中提示",
))


# ---------------------------------------------------------------------------------------------------------------
# 人大监督 (fazhi/supervision), 法治副校长 (fazhi/schools), 其他数据 (fazhi/otherfigures), 目标管理考核
# (fazhi/assessment): keys beyond INDICATORS.md, each figure computed from its ledger's records.
from django.db.models import F  # noqa: E402
from django.utils import timezone as _timezone  # noqa: E402

from fazhi.core.ledgers.registry import get_ledger  # noqa: E402
from fazhi.otherfigures.ledgers import OTHER_FIGURES  # noqa: E402
from fazhi.otherfigures.models import Metric, OtherFigure  # noqa: E402
from fazhi.schools import selectors as school_selectors  # noqa: E402
from fazhi.schools.models import SchoolLesson  # noqa: E402
from fazhi.supervision.models import SATISFIED, WITH_FEEDBACK, DeputySuggestion, InspectionKind, PresidiumInspection  # noqa: E402


def _suggestions(scope):
    return DeputySuggestion.objects.filter(assigned_on__year=scope.year)


def _suggestions_due(scope):
    """Assigned in the year and answered, or unanswered with the answering term over (as of today)."""
    return _suggestions(scope).filter(Q(answered_on__isnull=False) | Q(due_on__lt=_timezone.localdate()))


register(Indicator(
    "deputy_suggestions", "办理人大代表建议、议案", "件", core=False, rows=_suggestions,
    phrase="办理人大代表建议、议案{value}件", ledger_slug="deputy-suggestions",
    description="本年交办的人大代表议案和建议、批评和意见",
))
register(Indicator(
    "deputy_suggestions_on_time_rate", "人大代表建议按期答复率", "%", kind=Kind.RATE, core=False,
    rows=_suggestions_due, numerator=Q(answered_on__lte=F("due_on")),
    phrase="按期答复率{value}%", ledger_slug="deputy-suggestions",
    description="本年交办、已答复或答复期限已过的建议中，自交办之日起三个月（涉及面广、处理难度大的六个月）内答复的比例"
                "（代表法第四十四条）",
))
register(Indicator(
    "deputy_suggestions_overdue", "人大代表建议超期答复或超期未答复", "件", core=False,
    rows=lambda s: _suggestions(s).filter(
        Q(answered_on__isnull=True, due_on__lt=_timezone.localdate()) | Q(answered_on__gt=F("due_on"))),
    phrase="超期答复或超期未答复{value}件", ledger_slug="deputy-suggestions",
    zero_phrase="无超期答复、超期未答复（{value}）", zero_requires="deputy_suggestions",
))
register(Indicator(
    "deputy_satisfaction_rate", "人大代表对办理答复满意率", "%", kind=Kind.RATE, core=False,
    rows=lambda s: _suggestions(s).filter(answered_on__isnull=False, satisfaction__in=WITH_FEEDBACK),
    numerator=Q(satisfaction__in=SATISFIED),
    phrase="代表满意和基本满意率{value}%", ledger_slug="deputy-suggestions",
    description="本年交办、已答复并反馈意见的建议中，代表表示满意或基本满意的比例（尚未反馈的不计）",
))
register(Indicator(
    "congress_inspections", "人大视察、评议、执法检查", "次", core=False,
    rows=lambda s: PresidiumInspection.objects.filter(held_on__year=s.year),
    phrase="接受人大代表视察、评议、执法检查等监督{value}次", ledger_slug="congress-inspections",
))
register(Indicator(
    "congress_law_checks", "人大执法检查", "次", core=False,
    rows=lambda s: PresidiumInspection.objects.filter(held_on__year=s.year, kind=InspectionKind.LAW_CHECK),
    phrase="其中执法检查{value}次", ledger_slug="congress-inspections",
))
register(Indicator(
    "congress_inspection_issues", "人大监督提出意见建议", "条", kind=Kind.SUM, core=False,
    rows=lambda s: PresidiumInspection.objects.filter(held_on__year=s.year), sum_field="issues",
    phrase="代表提出意见建议{value}条", ledger_slug="congress-inspections",
))
register(Indicator(
    "congress_inspection_rectified", "人大监督意见建议已整改", "条", kind=Kind.SUM, core=False,
    rows=lambda s: PresidiumInspection.objects.filter(held_on__year=s.year), sum_field="rectified",
    phrase="已整改{value}条", ledger_slug="congress-inspections",
))


def _counted_schools(scope):
    return school_selectors.counted_schools(school_selectors.as_of(scope.year))


def _judge_covered(scope, qs):
    covered = school_selectors.covered_school_ids(qs.values_list("pk", flat=True), school_selectors.as_of(scope.year))
    return {pk: pk in covered for pk in qs.values_list("pk", flat=True)}


register(Indicator(
    "schools_counted", "中小学校", "所", core=False, rows=_counted_schools,
    phrase="辖区{value}所中小学校", ledger_slug="schools",
    description="年末（当年为今天）在办的中小学校（不含幼儿园）",
))
register(Indicator(
    "vice_principal_coverage", "中小学校法治副校长配备率", "%", kind=Kind.RATE, core=False,
    rows=_counted_schools, judge=_judge_covered,
    phrase="法治副校长配备率{value}%", ledger_slug="schools",
    description="年末（当年为今天）在办的中小学校中，有在任法治副校长的学校所占比例",
))
register(Indicator(
    "vice_principals", "在任法治副校长", "人次", core=False,
    rows=lambda s: school_selectors.serving(school_selectors.as_of(s.year)),
    phrase="在任法治副校长{value}人次", ledger_slug="vice-principals",
    description="年末（当年为今天）在办学校中在任的法治副校长聘任（一人兼任两校计两次）",
))
register(Indicator(
    "school_lessons", "法治副校长授课、活动", "场次", core=False,
    rows=lambda s: SchoolLesson.objects.filter(held_on__year=s.year),
    phrase="法治副校长到校上法治课、开展法治教育活动{value}场次", ledger_slug="school-lessons",
))
register(Indicator(
    "school_lesson_audience", "法治副校长授课受教育师生", "人次", kind=Kind.SUM, core=False,
    rows=lambda s: SchoolLesson.objects.filter(held_on__year=s.year), sum_field="audience",
    phrase="受教育师生{value}人次", ledger_slug="school-lessons",
))

register(Indicator(
    "service_centre_cases", "便民服务中心窗口办件量", "件", kind=Kind.SUM, core=False,
    rows=lambda s: OtherFigure.objects.filter(stated_on__year=s.year, metric=Metric.SERVICE_CENTRE_CASES),
    sum_field="value", phrase="便民服务中心窗口办件量{value}件", ledger_slug="other-figures",
    description="来自政务服务平台，按“其他数据”台账登记的办件量（每条写明来源文件）；年度数为本年各条之和",
))
register(Indicator(
    "other_figures", "其他来源数据", "项", core=False,
    rows=lambda s: OtherFigure.objects.filter(stated_on__year=s.year).exclude(metric=Metric.SERVICE_CENTRE_CASES),
    phrase="登记其他来源数据{value}项", listing=OTHER_FIGURES,
    description="“其他数据”台账中除办件量外的数字（法治工作人员、网上办件、自行命名的数字等）；年度报告逐条写成一句，"
                "数字链接到该条记录",
))
# 目标管理考核 scores villages by these indicators (fazhi/assessment/scoring.py), so its records are read through
# its ledgers in the core registry rather than by importing the app (which would make the two import each other).
def _assessment_records(ledger_slug: str):
    return get_ledger(ledger_slug).model.objects.all()


register(Indicator(
    "assessment_criteria", "法治建设目标管理考核指标", "项", core=False,
    rows=lambda s: _assessment_records("assessment-criteria").filter(adopted_on__year=s.year),
    phrase="设置法治建设目标管理考核指标{value}项",
    ledger_slug="assessment-criteria",
))
register(Indicator(
    "assessment_data_criteria", "按台账数据计分的考核指标", "项", core=False,
    rows=lambda s: _assessment_records("assessment-criteria").filter(adopted_on__year=s.year).exclude(indicator_key=""),
    phrase="其中{value}项按台账数据自动计分", ledger_slug="assessment-criteria",
))
register(Indicator(
    "assessment_scores", "目标管理考核评分", "项次", core=False,
    rows=lambda s: _assessment_records("assessment-scores").filter(
        criterion__adopted_on__year=s.year, criterion__voided_at__isnull=True),
    phrase="完成考核评分{value}项次", ledger_slug="assessment-scores",
    description="本年度考核指标的评分记录（每个考核对象每项指标一条）",
))


# --- 政府信息公开年报表二 (fazhi/disclosure/annual_report.py) ---
# 表二 reads these, so the disclosure report and the rule-of-law report state one figure from one definition.
def _other_figures_of(metric):
    return lambda s: OtherFigure.objects.filter(stated_on__year=s.year, metric=metric)


register(Indicator(
    "normative_docs_in_force", "现行有效规范性文件", "件", core=False, rows=normative_figures.in_force,
    phrase="现行有效行政规范性文件{value}件", listing=DOCUMENT_LISTING,
    description="年末（当年为今天）已公布施行、未废止且未超过有效期的行政规范性文件",
))
register(Indicator(
    "penalty_decisions", "作出行政处罚决定", "件", core=False, rows=enforcement_figures.decided, adds=("simple_penalties",),
    phrase="作出行政处罚决定{value}件", listing=enforcement_listing.CASE_LISTING,
    description="本年作出的行政处罚决定：普通程序案件本年作出的决定，加上简易程序当场处罚（政府信息公开年报表二按此填列；"
                "“行政处罚案件（普通程序）”按本年立案计）",
))
register(Indicator(
    "licensing_decisions", "行政许可处理决定", "件", kind=Kind.SUM, core=False,
    rows=_other_figures_of(Metric.LICENSING_DECISIONS), sum_field="value", ledger_slug="other-figures",
    phrase="作出行政许可决定{value}件",
    description="行政许可在政务服务平台办理，本系统不记录单件许可：按“其他数据”台账登记的本年许可决定数（每条写明来源文件）",
))
register(Indicator(
    "coercion_decisions", "行政强制决定", "件", kind=Kind.SUM, core=False,
    rows=_other_figures_of(Metric.COERCION_DECISIONS), sum_field="value", ledger_slug="other-figures",
    phrase="作出行政强制决定{value}件",
    description="本系统没有行政强制台账：按“其他数据”台账登记的本年行政强制决定数（每条写明来源文件，如强制措施决定书登记簿）",
))
register(Indicator(
    "disclosure_fees", "收取政府信息公开信息处理费", "元", kind=Kind.SUM, core=False,
    rows=_other_figures_of(Metric.DISCLOSURE_FEES), sum_field="value", ledger_slug="other-figures",
    phrase="收取信息处理费{value}元",
    description="依《政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》收取的信息处理费，按“其他数据”台账登记"
                "（来源：非税收入缴款票据等）",
))
