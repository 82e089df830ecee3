from fazhi.assessment.forms import AssessmentCriterionForm, AssessmentScoreForm
from fazhi.assessment.models import AssessmentCriterion, AssessmentScore
from fazhi.core.ledgers import Ledger, register

GROUP = "目标管理考核"


def _method(objects):
    return ["按台账数据计分" if o.indicator_key else "人工评分" for o in objects]


def _results_link(score):
    """A score's page links to its year's results: the ranking and totals of every village and department."""
    from django.urls import reverse

    year = score.criterion.year
    return [(f"{year}年度考核结果", reverse("assessment_results", args=[score.organisation.code, year]))]


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
              "选择“按台账数据计分”的指标，得分 = 分值 × 实际值 ÷ 目标值（实际值达到目标值即得满分），实际值取该村本年度的台账记录。"
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
              "（新增评分时选定这类指标和村，保存即按该村本年度台账算出得分；在“考核结果”页点“按台账数据计算各村得分”"
              "可一次算好所有村）；其他指标人工评分并写明理由。"
              "排名和合计见“考核结果”页：每条评分记录页上都有该年度考核结果的按钮（年度报告中的得分也链接到该页）。",
    detail_links=_results_link,
))
