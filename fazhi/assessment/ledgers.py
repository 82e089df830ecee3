from fazhi.assessment.forms import AssessmentCriterionForm, AssessmentScoreForm
from fazhi.assessment.models import AssessmentCriterion, AssessmentScore
from fazhi.core.ledgers import Ledger, register

GROUP = "目标管理考核"


def _method(objects):
    return ["按台账数据计分" if o.indicator_key else "人工评分" for o in objects]


def _assessee(objects):
    return [o.assessee_name for o in objects]


register(Ledger(
    model=AssessmentCriterion, slug="assessment-criteria", title="考核指标", form_class=AssessmentCriterionForm,
    date_field="adopted_on", group=GROUP, order=90, attachments=True,
    natural_key=("adopted_on", "name", "applies_to"),
    list_fields=("adopted_on", "name", "applies_to", "weight", "indicator_key", "target"),
    filter_fields=("applies_to",), search_fields=("name", "standard"),
    computed=(("计分方式", _method),),
    help_text="本镇对村（社区）和机关站所的法治建设目标管理考核指标：每年分值合计不超过100分。"
              "选择“按台账数据计分”的指标，得分 = min(1, 实际值 ÷ 目标值) × 分值，实际值取该村本年度的台账记录。"
              "考核办法可在记录页上传。",
))
register(Ledger(
    model=AssessmentScore, slug="assessment-scores", title="考核评分", form_class=AssessmentScoreForm,
    date_field="scored_on", group=GROUP, order=91,
    natural_key=("scored_on", "criterion", "assessee_kind", "village", "department"),
    list_fields=("scored_on", "criterion", "assessee_kind", "village", "department", "score", "measured"),
    filter_fields=("assessee_kind", "village"), search_fields=("department", "basis"),
    computed=(("考核对象", _assessee),),
    help_text="每个考核对象每项指标一条评分。按台账数据计分的指标由系统计算得分并写出计算过程"
              "（也可运行 fazhi assessment-score 为所有村一次算好）；其他指标人工评分并写明理由。"
              "排名和合计见考核结果页 /assessment/乡镇编码/年度/（年度报告中的得分也链接到该页）。",
))
