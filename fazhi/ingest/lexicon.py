"""How the fixed figures are phrased in report text: their recognitions, read from the indicator catalogue.

The figures' words — label, unit, trigger words and the context they need — are defined once, in
fazhi.indicators.catalogue; this module turns them into the reader's rules (one per recognition, in the order of
INDICATORS.md) and adds the reader's own vocabulary: the units a number may carry, and the words that say who an
activity is for and who does it. The extractor picks, for each number, the rule whose trigger is nearest to it
(see extract.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from fazhi.indicators.catalogue import FIXED, OTHER_CAMPAIGNS, OUTREACH_FORMS_PATTERN, Kind, Recognition

__all__ = [
    "ALL_UNITS", "CADRE_AUDIENCE", "COUNT_RULES", "INDICATOR_KEYS", "INDICATOR_LABELS", "NOT_UNIT_BEFORE",
    "OTHER_CAMPAIGNS", "OTHER_PEOPLE", "OUTREACH_FORMS_PATTERN", "OWN_BODY", "PUBLICITY_KIND", "PUBLIC_AUDIENCE",
    "PUBLIC_PEOPLE", "RATE_RULES", "RULES", "Rule", "SUBORDINATE_BODY",
]

# Every unit the number scanner knows, longest first; units no rule accepts are still read so
# that "20平方米" is not taken for "20" followed by something else.
ALL_UNITS = (
    "人次", "场次", "批次", "件次", "户次", "余场", "平方米", "万元", "公里",
    "次", "场", "件", "起", "宗", "项", "份", "册", "本", "套", "张", "页", "人", "名", "位",
    "个", "条", "期", "轮", "例", "家", "户", "部", "卷", "元", "辆", "台", "处", "所", "支",
)
# A unit followed by one of these characters is part of a word, not a unit (一件事, 名单, 人民).
NOT_UNIT_BEFORE = {
    "人": "民大才", "名": "单义称额", "件": "事", "次": "性办", "个": "体人案", "场": "所景地",
    "条": "例件款线", "本": "地级领", "项": "目", "部": "门署分", "期": "间限", "位": "置于",
    "家": "庭长", "户": "籍口",
}


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# Who an activity is for, and who does it (extract.py reads the nearest of these words).
PUBLIC_PEOPLE = r"群众|村民|居民|学生|青少年|师生|老年人|妇女|儿童|商户"  # the public, named as people
PUBLIC_AUDIENCE = _r(
    rf"{PUBLIC_PEOPLE}|老年|校园|企业|行政村|村（社区）|村\(社区\)|\d+个村|"
    r"进(?:社区|村|校园|学校|企业|机关|家庭|农村|乡村|网格|小区|单位|工地|市场|园区)|走进|下沉|走村|入户|"
    r"[六七八九十]进|送法"
)
CADRE_AUDIENCE = _r(r"干部|职工|党员|公职人员|工作人员|执法人员|班子|中心组|两委")
PUBLICITY_KIND = _r(r"宣传|普法")
# Bodies under the township whose own study is not the township's (各支部, 14个党委, 全街党委, 基层党组织, 村居党支部),
# and the township's own (中心组, 党委会, 班子, 机关干部…): the nearer one before the number says who studied.
SUBORDINATE_BODY = _r(
    r"(?:各|\d+个|[两三四五六七八九十]+个)(?:党委|党组织|党支部|支部|村|社区|单位|部门)|"
    r"(?:基层|各级)党组织|党组织|(?:村居?|社区)党(?:支部|组织|委)|各支部|党支部|"
    r"全(?:街|镇|乡)道?(?:\d+个|各)?党(?:委|组织|支部)|"  # "带动全街党委开展集体法治学习": the bodies' own study
    # the villages and communities as a body ("村(社区)开展学习共38次", "各村居组织学习"), and bodies with study of
    # their own: a party school's classes ("镇委党校开展学习2次"), schools, firms, the offices under the township
    r"村[（(](?:社区|居)[）)](?!干部|两委干部)|村居(?!干部)|村社(?!干部)|(?:各|全镇|全乡)(?:村|社区)(?!干部)|"
    r"党校|学校|企业|站所|派出所|卫生院|妇联|团委|共青团|工会|商会|协会|文明实践(?:所|站|中心)"
)
OWN_BODY = _r(r"中心组|班子|党委会|党工委会|党委(?!书记)|党工委|机关|干部|职工|全镇|全乡|全街")
# People who are not the township's staff: study or training given to them ("对普法骨干开展学法培训4次") is not the
# township's own study.
OTHER_PEOPLE = _r(r"骨干|明白人|带头人|志愿者|调解员|网格员|群众|村民|居民|学生|青少年")


@dataclass(frozen=True)
class Rule(Recognition):
    """A recognition of the catalogue with the figure it recognises."""
    indicator: str = ""
    rate: bool = False


RULES: tuple[Rule, ...] = tuple(
    Rule(**{f.name: getattr(recognition, f.name) for f in fields(Recognition)},
         indicator=definition.key, rate=definition.kind == Kind.RATE)
    for definition in FIXED.values() for recognition in definition.recognitions
)
INDICATOR_KEYS = tuple(FIXED)
RATE_RULES = tuple(rule for rule in RULES if rule.rate)
COUNT_RULES = tuple(rule for rule in RULES if not rule.rate)
# The figures' Chinese labels, for summaries: the registry's own (INDICATORS.md).
INDICATOR_LABELS = {key: definition.label for key, definition in FIXED.items()}
