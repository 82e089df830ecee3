"""Every indicator of INDICATORS.md, in its order, with its computation where a module feeds it.

Keys whose module is not built yet are registered without ``rows``: they show
"未接入" (not connected) and the CLI prints null — never an invented number.
"""
from __future__ import annotations

from django.db.models import Q

from fazhi.decisions import figures as decision_figures
from fazhi.decisions.listing import DECISION_LISTING
from fazhi.disclosure.listing import REQUEST_LISTING
from fazhi.disclosure.models import DisclosureAppeal, DisclosureRequest, ProactiveRelease
from fazhi.disclosure.selectors import judge_response, response_rate_candidates
from fazhi.disputes.models import DisputeCase, DisputeOutcome
from fazhi.governance.models import RULE_OF_LAW_MEETING_KINDS, Meeting
from fazhi.indicators.registry import Indicator, Kind, register
from fazhi.contracts.listing import CONTRACT_LISTING
from fazhi.contracts.models import Contract
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


register(Indicator(
    "rule_of_law_meetings", "专题研究部署法治建设会议", "次",
    rows=lambda s: Meeting.objects.filter(held_on__year=s.year, on_rule_of_law=True, kind__in=RULE_OF_LAW_MEETING_KINDS),
    phrase="召开专题研究部署法治建设会议{value}次", ledger_slug="meetings",
    description="党委会、政府常务会、专题会、听取汇报、依法治镇委员会等研究法治建设的会议",
))
register(Indicator(
    "study_sessions", "集中学法（中心组学法、会前学法、集中学习）", "次",
    rows=lambda s: StudySession.objects.filter(held_on__year=s.year),
    phrase="开展集中学法{value}次", ledger_slug="study-sessions",
))
register(Indicator(
    "exam_participants", "参加学法考法人数", "人", rows=_sat_exam,
    phrase="{value}名干部职工参加学法考试", ledger_slug="exam-records",
))
register(Indicator(
    "exam_pass_rate", "学法考试合格率", "%", kind=Kind.RATE, rows=_sat_exam, numerator=Q(passed=True),
    phrase="考试合格率{value}%", ledger_slug="exam-records", description="合格人数 ÷ 参考人数 × 100",
))
register(Indicator(
    "court_hearings_attended", "旁听庭审", "次",
    rows=lambda s: CourtObservation.objects.filter(held_on__year=s.year),
    phrase="组织旁听庭审{value}次", ledger_slug="court-observations",
))
register(Indicator(
    "legality_reviews", "合法性审查/法制审核", "件",
    rows=lambda s: LegalityReview.objects.filter(status=ReviewStatus.CONCLUDED, concluded_on__year=s.year),
    phrase="完成合法性审查{value}件", listing=REVIEW_LISTING,
    description="本年出具审查意见的合法性审查（合同、规范性文件、重大行政决策、重大执法决定及其他事项）",
))
register(Indicator(
    "normative_docs_filed", "规范性文件备案", "件", rows=normative_figures.filed,
    phrase="报备规范性文件{value}件", listing=DOCUMENT_LISTING, description="本年报送备案的规范性文件",
))
register(Indicator(
    "normative_docs_repealed", "规范性文件废止", "件", rows=normative_figures.repealed,
    phrase="废止规范性文件{value}件", listing=DOCUMENT_LISTING,
))
register(Indicator(
    "disclosure_proactive", "主动公开政府信息", "条",
    rows=lambda s: ProactiveRelease.objects.filter(published_on__year=s.year),
    phrase="主动公开政府信息{value}条", ledger_slug="proactive-releases",
))
register(Indicator(
    "disclosure_requests", "依申请公开申请", "件",
    rows=lambda s: DisclosureRequest.objects.filter(received_on__year=s.year),
    phrase="收到政府信息公开申请{value}件", listing=REQUEST_LISTING,
    description="本年收到（新收）的政府信息公开申请，不含上年结转",
))
register(Indicator(
    "disclosure_response_rate", "依申请公开按期答复率", "%", kind=Kind.RATE,
    rows=lambda s: response_rate_candidates(s.year), judge=lambda s, qs: judge_response(s.year, qs),
    phrase="按期答复率{value}%", listing=REQUEST_LISTING,
    description="法定期限内答复的件数 ÷ 本年应答复件数 × 100；应答复件数为本年作出答复的申请和本年内到期仍未答复的申请，"
                "期限按工作日日历计算（扣除补正、征求意见时间，计入延期）",
))
register(Indicator("enforcement_officers", "持证执法人员", "人", phrase="持证执法人员{value}人"))
register(Indicator("enforcement_training", "执法人员培训", "次", phrase="开展执法人员培训{value}次"))
register(Indicator("penalty_cases", "行政处罚案件（普通程序）", "件", phrase="办理普通程序行政处罚案件{value}件"))
register(Indicator("case_file_reviews", "执法案卷评查", "次", phrase="开展执法案卷评查{value}次"))
register(Indicator(
    "publicity_events", "普法宣传活动", "场次", rows=_offline_events,
    phrase="开展普法宣传活动{value}场次", ledger_slug="publicity-events",
    description="线下普法宣传活动场次；线上活动另计",
))
register(Indicator(
    "publicity_materials", "发放普法宣传资料", "份", kind=Kind.SUM, rows=_offline_events, sum_field="materials",
    phrase="发放宣传资料{value}份", ledger_slug="publicity-events",
))
register(Indicator(
    "legal_consultations", "法律咨询", "人次", kind=Kind.SUM, rows=_events, sum_field="consultations",
    phrase="解答法律咨询{value}人次", ledger_slug="publicity-events",
    description="普法活动中解答的咨询（法律顾问服务台账接入后一并计入）",
))
register(Indicator(
    "publicity_audience", "普法受众", "人次", kind=Kind.SUM, rows=_offline_events, sum_field="audience",
    phrase="受众群众{value}人次", ledger_slug="publicity-events",
))
register(Indicator(
    "legal_literates", "培养法律明白人", "人",
    rows=lambda s: LegalLiaison.objects.filter(registered_on__year=s.year),
    phrase="培养“法律明白人”“法治带头人”{value}人", ledger_slug="legal-liaisons",
))
register(Indicator(
    "disputes_handled", "排查调处矛盾纠纷", "件",
    rows=lambda s: DisputeCase.objects.filter(received_on__year=s.year),
    phrase="排查调处矛盾纠纷{value}件", ledger_slug="disputes",
))
register(Indicator(
    "disputes_resolved", "调解成功", "件",
    rows=lambda s: DisputeCase.objects.filter(closed_on__year=s.year, outcome=DisputeOutcome.RESOLVED),
    phrase="调解成功{value}件", ledger_slug="disputes",
))
register(Indicator(
    "dispute_success_rate", "调处成功率", "%", kind=Kind.RATE,
    rows=lambda s: DisputeCase.objects.filter(closed_on__year=s.year).exclude(outcome=DisputeOutcome.OPEN),
    numerator=Q(outcome=DisputeOutcome.RESOLVED),
    phrase="调处成功率{value}%", ledger_slug="disputes", description="调解成功件数 ÷ 本年办结件数 × 100",
))
register(Indicator("reconsideration_cases", "行政复议案件", "件", phrase="办理行政复议案件{value}件"))
register(Indicator("litigation_cases", "行政诉讼案件", "件", phrase="办理行政诉讼案件{value}件"))
register(Indicator("court_appearances", "负责人出庭应诉", "次", phrase="负责人出庭应诉{value}次"))
register(Indicator("court_appearance_rate", "负责人出庭应诉率", "%", kind=Kind.RATE, phrase="出庭应诉率{value}%"))
register(Indicator("legal_aid", "法律援助（申请、指引）", "件", phrase="帮助群众申请法律援助{value}件"))
register(Indicator("legal_advisor_coverage", "法律顾问覆盖村（社区）", "个", phrase="{value}个村（社区）配备法律顾问"))

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
