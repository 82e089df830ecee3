"""Mechanisms that carry the reader to reports it has not seen (phrasings written for these tests, not
taken from any corpus): the thing counted decides over words further back, activities named by their form
or audience, who studied, what all the documents went through, handled violations, a clause read against
its neighbours (an elliptical count, a frequency, a campaign or a 等-list next to it), and a figure broken
across lines by a PDF."""
from __future__ import annotations

import pytest

from fazhi.ingest.extract import extract_figures
from fazhi.ingest.normalise import normalise
from fazhi.ingest.pipeline import analyse_bytes
from fazhi.ingest.tests import samples


def found(text: str) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in extract_figures(normalise(text).text)]


@pytest.mark.parametrize("text, expected", [
    # an activity named by its form: publicity when held for the public, nothing when held for staff
    ("组织律师进社区开展民法典宣讲15场。", [("publicity_events", 15)]),
    ("深入学校开展法治教育讲座12场，覆盖师生3000余人次。", [("publicity_events", 12), ("publicity_audience", 3000)]),
    ("在全镇12个村开展“法律明白人”院坝会20余场。", [("publicity_events", 20)]),
    ("开展“送法下乡”活动18场次，受教育群众2000余人次。", [("publicity_events", 18), ("publicity_audience", 2000)]),
    ("为机关干部举办法治讲座3场。", []),
    ("镇党委书记为全体党员上法治党课2次。", []),
    # the form right before the number wins over a study word further back
    ("组织开展习近平法治思想学习宣讲活动30场，累计参与学习4000人次。",
     [("publicity_events", 30), ("publicity_audience", 4000)]),
    ("举办机关干部学习民法典培训和专题讲座共3次。", []),
    ("组织干部参加专题研讨6次。", []),
    ("组织执法队员开展业务培训5期。", [("enforcement_training", 5)]),
    # who studied, and for what: the township's own legal study only
    ("班子成员会前学法10次，中心组专题学法4次。", [("study_sessions", 10), ("study_sessions", 4)]),
    ("各村（社区）开展学法活动36场。", []),
    ("指导全镇15个村党支部开展法治学习45次。", []),
    ("组织党员干部开展党史学习教育专题学习6次。", []),
    ("开展“三会一课”学习12次。", []),
    # a legal adviser's work is a review only when it is one
    ("法律顾问参与审查合同协议15份。", [("legality_reviews", 15)]),
    ("法律顾问列席镇党政联席会议20次。", []),
    ("法律顾问参与合同审查、矛盾调解、信访接待等工作30余次。", []),
    ("为企业提供合同审查、法律咨询等专项法律服务共计8次。", []),
    # what all of the documents went through
    ("全年制定出台行政规范性文件3件，均经合法性审查。", [("legality_reviews", 3)]),
    ("制发规范性文件2件，均已报县政府备案。", [("normative_docs_filed", 2)]),
    ("全年作出重大行政决策5项，均严格履行了法定程序。", []),
    # handled violations
    ("全年查处各类违法行为46起。", [("penalty_cases", 46)]),
    ("依法处置违法占地行为12起，移送刑事案件1件。", [("penalty_cases", 12)]),
    ("行政机关负责人出庭应诉3宗。", [("court_appearances", 3)]),
])
def test_phrasings_of_unseen_reports(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count whose verb names no activity counts the activity of the number before it
    ("全年开展民法典专题宣讲3场次，走进企业开展2场次。", [("publicity_events", 3), ("publicity_events", 2)]),
    # the audience is read in the number's own clause before the rest of the sentence
    ("走进学校开展法治授课2场次，带动干部群众学法守法。", [("publicity_events", 2)]),
    # another campaign excludes only its own item of a list
    ("开展党委中心组学习8次、党纪学习教育集中学习3次。", [("study_sessions", 8)]),
    # a frequency makes a frequency of the first number after it only
    ("按每月1次频次开展中心组法治学习11次。", [("study_sessions", 11)]),
    ("每季度召开1次法治工作例会。", []),
    # study named with the form it takes is still study
    ("组织机关干部学法培训5次，执法人员业务培训2次。", [("study_sessions", 5), ("enforcement_training", 2)]),
    # a list closed by 等 counts what the noun after the unit names
    ("协调解决征地、邻里纠纷等6个突出问题。", []),
    ("开展法律进校园、进社区等3场次普法活动。", [("publicity_events", 3)]),
    # a cadre assembly on rule-of-law work is a meeting; releases named by updating or publishing information
    ("召开5次镇村干部大会，研判分析法治建设情况。", [("rule_of_law_meetings", 5)]),
    ("全年更新党务、政务信息800余条。", [("disclosure_proactive", 800)]),
    ("通过公众号发布与群众生活密切相关的政策、信息40条。", [("disclosure_proactive", 40)]),
])
def test_clauses_read_against_their_neighbours(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # publicity named without a law word in its clause: its item of the report says what it was about
    ("二是深化普法宣传。结合宪法宣传周等节点，全年组织开展各类宣传活动8次。", [("publicity_events", 8)]),
    ("三是抓好安全生产。组织开展安全生产宣传活动6次。", []),
    # the audience of a talk, and of a talk given to cadres (none)
    ("组织律师在村文化广场开展宣讲20场，受众达1500余人次。", [("publicity_events", 20), ("publicity_audience", 1500)]),
    ("结合主题教育开展宣讲3场，覆盖机关干部200余人次。", []),
    ("开展法治宣传，发放资料300份，现场讲解45人次，群众知晓率明显提高。",
     [("publicity_materials", 300), ("publicity_audience", 45)]),
    # other kinds of study and exams: the people who sat a test count, the number of exams held does not
    ("组织150名干部参加法律知识网上测试。", [("exam_participants", 150)]),
    ("组织学法考试6次。", []),
    ("组织机关干部业务学习10次。", []),
    # a total in the clause after a number-less frequency clause; a frequency carried to the next clause
    ("坚持每月组织机关干部集中学法，全年累计开展12次。", [("study_sessions", 12)]),
    ("每季度听取一次法治工作汇报，召开一次依法治镇专题会议。", []),
    # names that look like counts, and a count of places
    ("严格落实执法全过程记录和重大执法决定法制审核“三项制度”。", []),
    ("学习党的二十届三中全会和省委十二届六次全会精神。", []),
    ("指导15个村（社区）公开党务、村务信息。", []),
])
def test_neighbouring_contexts_names_and_places(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # forms listed before 等形式 say how an activity was held, not what it was (a meeting, another campaign)
    ("通过党委会、中心组学习、主题党日等形式开展民法典专题学习5场。", [("study_sessions", 5)]),
    # a study item that names the law is legal study even when a campaign is named as its channel
    ("将宪法、民法典纳入支部“三会一课”必学内容，全年开展专题学习6次。", [("study_sessions", 6)]),
    ("结合党纪学习教育，组织集中学习4次。", []),
    # the 中心组's study in the form of a lecture is study; a lecture for the public is publicity
    ("组织党委中心组专题学习讲座3次。", [("study_sessions", 3)]),
    ("在村文化广场为群众举办法治讲座3场。", [("publicity_events", 3)]),
    # an enforcement exam: who passed it hold the certificate, who only sat it are no figure
    ("组织9名干部通过行政执法培训及考试。", [("enforcement_officers", 9)]),
    ("3名班子成员参加执法证考试。", []),
    ("组织60名干部参加学法考试。", [("exam_participants", 60)]),
    # an adviser's reviews counted in 件次; drafting and amending documents is not a review
    ("法律顾问参与合同审查88件次。", [("legality_reviews", 88)]),
    ("法律顾问起草、审查、修改各类法律文书25份。", []),
    # people served by a list of consultations and services are consultations; services alone are not
    ("为群众提供法律咨询、政策解答、法律服务120余人次。", [("legal_consultations", 120)]),
    ("提供合同审查、法律咨询等专项法律服务5次。", []),
    # a rate named 应诉率 after the leaders appeared in court
    ("负责人依法出庭，应诉率达100%。", [("court_appearance_rate", 100)]),
    # a quoted title's comma ends no clause: the form named after it is what was counted
    ("为群众举办三场“尊法学法，守法用法”主题文艺晚会。", [("publicity_events", 3)]),
])
def test_forms_exams_services_and_titles(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 各类/各项 name kinds of things; 各 after a list of periods is "each"
    ("依法公开财政、人事、项目等各类信息96条。", [("disclosure_proactive", 96)]),
    ("上半年、下半年各召开一次依法治镇专题会议。", [("rule_of_law_meetings", 2)]),
    # a list closed by 等 stands for one thing: the verb before it reaches the noun after it
    ("在村务公开栏公开低保评定、集体资产处置等事项信息22条。", [("disclosure_proactive", 22)]),
    # a meeting named after the unit by a word ending in 会; a study or a talk so named is not one
    ("召开3次法治建设分析会，研究执法难点。", [("rule_of_law_meetings", 3)]),
    ("举办2次法治宣讲会。", [("publicity_events", 2)]),
    # a count that joins party classes or seminars with study does not say how many were study
    ("组织开展专题党课、专题研讨及集中学习共15场次。", []),
    ("组织中心组专题学法5次、集体学习3次。", [("study_sessions", 5), ("study_sessions", 3)]),
    # the 普法 plan's name is no publicity: a lecture beside the staff's study is for staff
    ("纳入“八五”普法规划，举办法治讲座2场、集中学习4次。", [("study_sessions", 4)]),
    # the bodies under the township, named 全街党委, studied on their own
    ("带动全街党委开展法治学习研讨80余场次。", []),
    # people sent out on an operation, and the passers of a law exam, are no headcount an indicator counts
    ("开展联合执法检查，出动执法人员120人。", []),
    ("组织干部参加法律知识考试，考试合格12人。", []),
    ("组织全体干部参加学法考试，45人全部通过考试。", [("exam_participants", 45)]),
])
def test_lists_meetings_mixed_counts_and_people(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list of audiences that names the public is for the public, whichever word stands nearer
    ("开展法治宣讲18次，组织机关党员、群众参与讨论。", [("publicity_events", 18)]),
    ("全年开展法治宣讲9场次，覆盖干部群众1500余人次。", [("publicity_events", 9), ("publicity_audience", 1500)]),
    ("为机关党员干部开展法治宣讲3场。", []),
    # enforcement training: the training's own clause names its topic or trainees; a bare clause leaves it to
    # the clauses before it in its sentence, not to 业务 elsewhere in the item
    ("一是提升业务能力。对村干部开展法律培训5次。", []),
    ("加强执法队伍建设，组织参加专题培训3期。", [("enforcement_training", 3)]),
    ("开展法律培训6次，提升执法人员能力。", []),
    # a count that joins lectures with training is neither alone; training given to volunteers is nobody's study
    ("全年举办法治讲座和业务培训20场次。", []),
    ("对普法志愿者开展学法培训3次。", []),
    ("对普法骨干开展学法培训2次。", []),
    # a study count whose clause names no activity of its own belongs with the training of the clause before
    ("开展依法行政专项培训，深化宪法学习5场。", []),
    # a law's name is not its readers: 《村民委员会组织法》 does not make the staff's study the villagers'
    ("组织干部职工集中学习《村民委员会组织法》等法律法规8次。", [("study_sessions", 8)]),
    # places given an adviser named with their prefix; cases an adviser helped with; cases entered on a platform
    ("为全镇9个嘎查村配备法律顾问。", [("legal_advisor_coverage", 9)]),
    ("法律顾问协助处理执法案件3宗。", []),
    ("在执法监督平台录入案件12件，其中普通程序2件。", [("penalty_cases", 12), ("penalty_cases", 2)]),
    ("法律顾问参与审核修改合同5份。", [("legality_reviews", 5)]),
    ("开展普法宣传活动8场，获宣人员2000余人。", [("publicity_events", 8), ("publicity_audience", 2000)]),
])
def test_audiences_trainees_and_neighbouring_contexts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # rates listed before one number all have it; a rate named with its qualifier after the noun is still that rate
    ("依申请公开答复率和答复及时率100%。", [("disclosure_response_rate", 100)]),
    ("政府信息公开答复及时率达100%。", [("disclosure_response_rate", 100)]),
    ("年度学法考试参考率、通过率100%。", [("exam_pass_rate", 100)]),
    # rates and counts listed before 分别 pair with the values after it, in order
    ("矛盾纠纷调处成功率、依申请公开答复率分别达到98%、100%。",
     [("dispute_success_rate", 98), ("disclosure_response_rate", 100)]),
    ("学法考试参考率、合格率分别为100%、97%。", [("exam_pass_rate", 97)]),
    ("全年办理行政复议、行政诉讼案件分别为2件、3件。", [("reconsideration_cases", 2), ("litigation_cases", 3)]),
    ("为群众开展法治讲座和法律咨询分别为4场、120人次。", [("publicity_events", 4), ("legal_consultations", 120)]),
    ("开展机关干部法治讲座和集中学法分别为2场、6次。", [("study_sessions", 6)]),
    ("镇党委、镇政府分别召开法治专题会议2次、3次。", [("rule_of_law_meetings", 2), ("rule_of_law_meetings", 3)]),
    # 学习教育 is a campaign (the 2025 one named bare) unless it names its topic; a campaign named at the head of a
    # list covers the later items that name no law and no body of their own
    ("镇党委围绕学习教育开展中心组学习10次。", []),
    ("深化党内法规学习教育，开展中心组集中学习10次。", [("study_sessions", 10)]),
    ("开展民法典学习教育，中心组集中学习3次。", [("study_sessions", 3)]),
    ("党纪学习教育读书班2次、联组学习3次。", []),
    ("主题教育专题学习4次、中心组学法6次。", [("study_sessions", 6)]),
    # forms listed before 等形式 in an earlier clause say how that clause's study was held, not the count's
    ("通过“第一议题”、“三会一课”等形式，常态化学习党的创新理论，全年开展“第一议题”学习30次。",
     [("study_sessions", 30)]),
    ("通过中心组学习、“三会一课”等形式组织开展理论学习50余次。", []),
    # a lecture held as the 中心组's own session is its study; a lecture for staff in another list item is not
    ("组织镇党委理论学习中心组(扩大)学习会法治专题讲座3场。", [("study_sessions", 3)]),
    ("中心组专题学习8次、法治讲座培训2场。", [("study_sessions", 8)]),
    # what the township's meetings conveyed to the staff is their study
    ("通过镇党委会、党政联席会议传达法治相关内容12次。", [("study_sessions", 12)]),
    # a meeting named by a committee or by cases is about them, unless their name is rule-of-law
    ("听取法治建设工作汇报，召开镇综合行政执法委员会工作会议2次。", []),
    ("推进法治政府建设，召开重大执法案件集体讨论会议5次。", []),
    ("听取行政诉讼案件办理情况汇报2次，推进依法行政。", [("rule_of_law_meetings", 2)]),
    ("召开镇全面依法治镇委员会会议3次。", [("rule_of_law_meetings", 3)]),
    ("成立依法治镇委员会。全年召开委员会专题会议6次，推进法治建设。", [("rule_of_law_meetings", 6)]),
    # the people a legal adviser or a legal service served were given legal advice
    ("推广村(居)法律顾问服务平台，为群众提供服务860人次。", [("legal_consultations", 860)]),
    ("为群众提供便民服务300人次。", []),
])
def test_rates_respective_lists_campaigns_meetings_and_services(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "今年以来，镇司法所联合派出所开展普法宣传活动57\n场次，发放宣传资料3000余\n份。",
    "今年以来，镇司法所联合派出所开展普法宣传活动\n57场次，发放宣传资料3000余份。",
])
def test_number_and_unit_split_by_a_line_break_are_one_figure(text):
    assert found(text) == [("publicity_events", 57), ("publicity_materials", 3000)]


def test_a_unit_split_by_a_line_break_is_one_unit():
    figures = extract_figures(normalise("镇司法所联合派出所开展普法宣传活动57场\n次，发放宣传资料3000余\n份。").text)
    assert [(f.indicator, f.value, f.unit) for f in figures] == [
        ("publicity_events", 57, "场次"), ("publicity_materials", 3000, "份")]


def test_only_a_pdf_has_full_lines_to_join():
    """A line as long as the page's full lines ended where the width ran out — in a PDF's text; lines of a web
    page or a .docx are paragraphs, and a title of the same length stays apart from the text after it."""
    lines = ["一二三四五六七八九十一二三四五六七八九十一二三四五六开展普法宣传活", "动57场次，群众反响良好。"] * 3
    assert "活动57场次" in normalise("\n".join(lines), laid_out=True).text
    assert "活\n动57场次" in normalise("\n".join(lines)).text


def test_a_pdf_that_breaks_lines_inside_figures_reads_back_whole():
    lines = ["一、法治宣传教育", "今年以来，镇司法所围绕法治政府建设开展普法宣传活动57",
             "场次，发放宣传资料3000", "余份，镇综治中心排查调处矛盾纠纷", "18件，调处成功率达100%。"]
    result = analyse_bytes(samples.build_pdf([lines]), "报告.pdf")
    assert [(f["indicator"], f["value"], f["unit"]) for f in result.figures] == [
        ("publicity_events", 57, "场次"), ("publicity_materials", 3000, "份"),
        ("disputes_handled", 18, "件"), ("dispute_success_rate", 100, "%")]


@pytest.mark.skipif(__import__("fazhi.core.pdf", fromlist=["soffice_path"]).soffice_path() is None,
                    reason="LibreOffice（soffice）未安装，跳过本项目 PDF 的读回测试")
def test_our_own_pdf_read_back_keeps_numbers_split_from_their_units_whole():
    """The product's own GB/T 9704 PDF (fazhi/core/gbt9704 + LibreOffice) read back by the reader: in runs
    written without joining, LibreOffice breaks some lines between "57" and "场次" (the prefix lengths put the
    figure across the end of the first line, 26 characters); each paragraph still gives its one figure."""
    import datetime as dt

    from fazhi.core import docx_fonts as fonts
    from fazhi.core import gbt9704
    from fazhi.core.pdf import docx_to_pdf

    filler = "为进一步营造全社会尊法守法用法的良好氛围今年以来镇司法所联合派出所"
    doc = gbt9704.new_document(title="读回测试", author="青山镇", dated=dt.date(2026, 1, 15))
    lengths = range(16, 28)
    for k in lengths:
        fonts.add_run(gbt9704.paragraph(doc), filler[:k - 8] + "开展普法宣传活动57场次，群众反响良好。", fonts.BODY)
    result = analyse_bytes(docx_to_pdf(gbt9704.to_bytes(doc)), "报告.pdf")
    figures = [(f["indicator"], f["value"], f["unit"]) for f in result.figures]
    assert figures == [("publicity_events", 57, "场次")] * len(lengths)


def test_a_year_at_a_line_end_is_not_joined_to_the_next_line():
    assert normalise("2023\n年，我镇开展普法活动12场。").text.startswith("2023\n年")


def test_a_page_number_between_a_label_and_its_number_is_dropped():
    """Our own PDF read back: the footer "— 4 —" falls between "调解成功率" and "97.3%"."""
    from fazhi.ingest.normalise import normalise

    text = normalise("办结37件，其中调解成功36件，调解成功率\n— 4 —\n97.3%，较上年提高2个百分点。").text
    assert "— 4 —" not in text and "4 —" not in text
