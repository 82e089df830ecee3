"""Numbers as reports write them: Chinese numerals, 万, qualifiers, and numbers that are not figures."""
from __future__ import annotations

import pytest

from fazhi.ingest.extract import extract_figures
from fazhi.ingest.normalise import normalise
from fazhi.ingest.numerals import cn_to_number


def figures(text: str) -> list[tuple[str, float, str, bool]]:
    return [(f.indicator, f.value, f.unit, f.approx) for f in extract_figures(normalise(text).text)]


@pytest.mark.parametrize("numeral, value", [
    ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("三千", 3000),
    ("一千二百", 1200), ("九十九", 99), ("百", 100), ("二〇二三", 2023), ("一万二千", 12000), ("万", 10000),
    ("两万零五十", 20050),
])
def test_chinese_numerals(numeral, value):
    assert cn_to_number(numeral) == value


def test_numerals_agree_with_cn2an_up_to_a_hundred_thousand():
    import cn2an

    for n in list(range(1000)) + list(range(1000, 100_000, 37)):
        assert cn_to_number(cn2an.an2cn(n)) == n


@pytest.mark.parametrize("numeral", ["十十", "两二", "百千", "一二三十"])
def test_malformed_numerals_are_not_numbers(numeral):
    assert cn_to_number(numeral) is None


@pytest.mark.parametrize("text, expected", [
    ("组织开展送法下乡活动两场。", ("publicity_events", 2, "场", False)),
    ("普法受众群众达3万余人。", ("publicity_audience", 30000, "人", True)),
    ("普法受众群众达三万余人。", ("publicity_audience", 30000, "人", True)),
    ("开展普法宣传，发放宣传资料1.2万份。", ("publicity_materials", 12000, "份", False)),
    ("共开展普法讲座十余次。", ("publicity_events", 10, "次", True)),
    ("开展普法宣传，发放资料近千份。", ("publicity_materials", 1000, "份", True)),
    ("调处成功率达95%以上。", ("dispute_success_rate", 95, "%", True)),
    ("解答法律咨询500余次。", ("legal_consultations", 500, "次", True)),
    ("旁听庭审2场次160多人参加。", ("court_hearings_attended", 160, "人", True)),
    ("全年约有40名干部职工参加普法考试。", ("exam_participants", 40, "名", True)),
    ("参加普法考试，实现报考率、参考率、通过率三个百分百。", ("exam_pass_rate", 100, "%", False)),
    ("普法考试合格率达百分之九十八。", ("exam_pass_rate", 98, "%", False)),
    ("便民服务中心提供法律咨询服务1200多人次。", ("legal_consultations", 1200, "人次", True)),
    ("共调处群众各类民间纠纷 **198** 件。", ("disputes_handled", 198, "件", False)),
    ("发放宣传资料１３５００余份。", ("publicity_materials", 13500, "份", True)),
    ("发放宣传资料13,500份。", ("publicity_materials", 13500, "份", False)),
    ("发放宣传资料万余份。", ("publicity_materials", 10000, "份", True)),
    ("发放宣传资料一万二千份。", ("publicity_materials", 12000, "份", False)),
])
def test_values_units_and_qualifiers(text, expected):
    assert expected in figures(text)


@pytest.mark.parametrize("text", [
    "开展元旦春节送法下乡、5月农村法治宣传月、9 月青少年法治宣传周、12.4宪法宣传日等普法活动。",
    "出台《实施方案》（岔依治委【2023】02号）、（米委发〔2022〕7号）。",
    "全面落实“八五”普法规划，深入学习贯彻党的二十大精神，落实“十四五”规划。",
    "根据《行政处罚法》第五十八条规定，落实法制审核，县委依治委第五次会议精神。",
    "联系电话：0771-5201234，邮编530000。",
    "2023年12月4日，2023年度法治政府建设报告，法治政府建设实施纲要（2021-2025年）。",
    "每季度听取一次法治建设工作情况汇报。",
    "推行“一件事一次办”和一次性告知制度。",
    "全镇辖12个行政村，总人口3.5万人，面积126平方公里，投入资金30万元。",
    "全镇共有执法辅助人员21人，配备执法车1辆、执法记录仪5部。",
    "参考率和优秀率均达100%，办结率、满意率均为100%，审核通过率100%。",
    "2024年计划开展普法活动50场次。",
    "形成调解卷宗34件，提出整改建议3条。",
    "挂宣传横幅12条、宣传海报35张。",
])
def test_numbers_that_are_not_figures(text):
    assert figures(text) == []


def test_next_years_plan_section_is_skipped():
    text = ("一、主要举措和成效\n全年开展普法宣传活动12场次。\n"
            "四、下一年度推进法治政府建设的主要安排\n力争普法宣传活动达到20场次，开展普法宣传活动30场次。\n")
    assert figures(text) == [("publicity_events", 12, "场次", False)]


def test_each_of_several_multiplies():
    assert figures("二是上半年、下半年各召开一次法治建设工作推进会。") == [("rule_of_law_meetings", 2, "次", False)]
