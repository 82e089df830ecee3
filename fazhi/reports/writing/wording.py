"""The headings and framing sentences of the report's paragraphs, in the several ways real township reports
put them. A township keeps its own choice every year (picked from its rank in the county, ``variant``), so two
townships' reports do not read word for word alike while one township's reports stay consistent from year to year.
The items inside the paragraphs are phrased the same way (frames.py).

Placeholders: {party} 镇党委 / 街道党工委, {government} 政府 / 办事处, {unit} 镇 / 乡 / 街道, {congress} 镇人大主席团,
{plan} "，持续推进“八五”普法规划实施" in the years of that plan.
"""
from __future__ import annotations

import zlib

AREAS: dict[str, tuple[tuple[str, str], ...]] = {
    "organisation": (
        ("加强组织领导，压实法治建设责任",
         "{party}、{government}把法治政府建设摆在全局工作的重要位置，与经济社会发展同部署、同推进、同考核。"),
        ("强化组织保障，健全法治建设工作机制",
         "坚持党对法治建设的全面领导，把法治政府建设列入{party}、{government}重要议事日程，统筹谋划、一体推进。"),
        ("坚持党的领导，统筹推进法治政府建设",
         "{party}切实履行领导职责，{government}抓好具体落实，形成主要领导亲自抓、分管领导具体抓、各部门协同推进的工作格局。"),
        ("高位推动，法治建设责任体系更加健全", ""),
    ),
    "decisions": (
        ("坚持依法科学民主决策，规范行政权力运行",
         "严格落实《重大行政决策程序暂行条例》，把合法性审查作为决策、发文和签订合同的必经程序。"),
        ("健全依法决策机制，强化合法性审查",
         "严格执行重大行政决策法定程序，发挥司法所和政府法律顾问作用，推动行政权力在法治轨道上运行。"),
        ("规范重大行政决策，强化合法性审查",
         "坚持“三重一大”事项集体研究决定，重大行政决策、规范性文件和合同协议均纳入合法性审查范围。"),
        ("把好决策、发文、签约“三道关口”", ""),
    ),
    "enforcement": (
        ("严格规范公正文明执法，提升行政执法质效",
         "深化综合行政执法改革，全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度。"),
        ("推进严格规范公正文明执法，提升执法公信力",
         "落实“一支队伍管执法”，严格执行行政执法“三项制度”，规范执法程序和自由裁量。"),
        ("加强执法规范化建设，提升执法质量", ""),
        ("规范执法行为，执法监督持续加强", "以执法“三项制度”为抓手，推动执法队伍、执法程序和执法监督同步规范。"),
    ),
    "disclosure": (
        ("深化政务公开，优化政务服务",
         "坚持以公开为常态、不公开为例外，认真落实《中华人民共和国政府信息公开条例》。"),
        ("推进政务公开和政务服务规范化", "把群众普遍关注的民生事项作为公开重点。"),
        ("加强政务公开，提升政务服务水平", ""),
        ("让权力在阳光下运行", "按照《中华人民共和国政府信息公开条例》要求，主动公开与依申请公开并重。"),
    ),
    "study": (
        ("抓实学法用法，提升干部法治素养",
         "落实党委理论学习中心组学法、会前学法和国家工作人员学法考法制度，推动领导干部带头尊法学法守法用法。"),
        ("坚持以学促用，增强干部依法办事能力", "把习近平法治思想纳入党委理论学习中心组学习重点。"),
        ("抓住“关键少数”，推动干部学法用法常态化", ""),
        ("学法考法旁听并举，干部法治意识不断增强", "学法有计划、考法有结果、旁听有记录。"),
    ),
    "publicity": (
        ("深化普法宣传教育，营造浓厚法治氛围", "落实“谁执法谁普法”普法责任制{plan}。"),
        ("加大普法宣传力度，提升群众法治意识", "坚持普法与依法治理相结合{plan}。"),
        ("推进全民普法，夯实法治社会基础", ""),
        ("创新普法形式，让法治走进群众身边", "线下活动、线上推送和骨干培养一起抓。"),
    ),
    "disputes": (
        ("坚持和发展新时代“枫桥经验”，推动矛盾纠纷源头化解",
         "健全人民调解、行政调解、司法调解衔接联动机制，常态化开展矛盾纠纷排查化解。"),
        ("强化矛盾纠纷多元化解，维护社会和谐稳定", "坚持小事不出村、大事不出{unit}，做到矛盾纠纷早发现、早介入、早化解。"),
        ("推进基层依法治理，把矛盾纠纷化解在基层", ""),
        ("完善公共法律服务，守住基层平安底线", "调解、法律顾问、法律援助和社区矫正一体推进。"),
    ),
    "litigation": (
        ("依法做好行政复议和行政应诉工作", "依法答复、依法应诉，化解行政争议。"),
        ("自觉接受司法监督，依法化解行政争议", ""),
        ("尊重司法裁判，认真对待司法建议", "积极配合人民法院、人民检察院依法履职。"),
        ("做好复议应诉，支持司法机关依法履职", ""),
    ),
    "supervision": (
        ("自觉接受监督，确保权力规范运行", "依法接受{congress}的法律监督和工作监督，主动接受社会监督。"),
        ("主动接受人大监督和社会监督", ""),
        ("认真办理代表建议，支持人大依法监督", "支持代表依法开展视察、评议和执法检查。"),
        ("强化权力运行监督", "把人大监督作为改进工作的重要抓手。"),
    ),
    # 三、第一责任人
    "duty_lead": (
        ("带头谋划部署法治建设",
         "{principals}认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》。"),
        ("切实履行第一责任人职责", "{principals}坚持把法治建设作为“一把手工程”来抓。"),
        ("亲自部署、亲自过问法治建设重要工作", ""),
        ("把法治建设摆上主要负责人案头", "重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。"),
    ),
    "duty_study": (
        ("带头尊法学法守法用法", "坚持领导干部带头学法、模范守法。"),
        ("坚持带头学法用法述法", ""),
        ("以上率下学法述法", "发挥领导干部“关键少数”示范作用。"),
        ("带头学法、公开述法", ""),
    ),
    "duty_justice": (
        ("带头出庭应诉，支持公正司法", "严格落实行政机关负责人出庭应诉制度。"),
        ("坚持维护司法权威", ""),
        ("支持司法机关依法独立公正行使职权", "尊重人民法院依法受理和审理行政案件。"),
        ("依法应诉，不干预司法", ""),
    ),
}


def variant(rank: int, key: str, count: int) -> int:
    """Which of ``count`` phrasings a township uses for ``key``: its rank among the county's townships shifted by a
    fixed amount per key, so townships next to each other in the county's list never share a phrasing of a frame
    with three or more variants, and each township keeps its own choice from year to year."""
    return (rank + zlib.crc32(key.encode())) % count


def township_rank(org) -> int:
    """The township's position among the county's active townships, by code (0 without a county)."""
    from fazhi.core.models import Organisation

    if org is None or getattr(org, "parent_id", None) is None:
        return zlib.crc32(str(getattr(org, "code", "")).encode()) % 7
    codes = list(Organisation.objects.filter(parent_id=org.parent_id, kind=org.kind, is_active=True)
                 .order_by("code").values_list("code", flat=True))
    return codes.index(org.code) if org.code in codes else zlib.crc32(org.code.encode()) % 7


def pick(rank: int, area: str) -> tuple[str, str]:
    variants = AREAS[area]
    return variants[variant(rank, area, len(variants))]


# Sentences of the parts' openings and the closing: {year}, {next} (year + 1), {we} 我镇, {name} 青山镇, {unit} 镇.
SENTENCES: dict[str, tuple[str, ...]] = {
    "intro": (
        "{year}年，{we}在县委、县政府的坚强领导和县委全面依法治县委员会办公室的指导下，坚持以习近平新时代中国特色社会主义思想为指导，"
        "全面贯彻{spirit}，深入学习贯彻习近平法治思想，认真落实党中央和省、市、县关于法治政府建设的决策部署，"
        "推动法治政府建设各项任务落地见效。"
        "现将有关情况报告如下：",
        "{year}年，{we}以习近平新时代中国特色社会主义思想为指导，全面贯彻{spirit}，深入践行习近平法治思想，"
        "紧紧围绕县委、县政府关于法治政府建设的部署要求，"
        "统筹推进依法决策、严格执法、普法宣传和基层依法治理，法治政府建设取得新进展。现将有关情况报告如下：",
        "{year}年，在县委、县政府的正确领导下，{we}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻{spirit}，"
        "深入学习贯彻习近平法治思想，"
        "把法治政府建设作为推动高质量发展的重要保障，"
        "扎实推进法治政府建设各项工作。现将有关情况报告如下：",
    ),
    "shortcomings_open": (
        "对照上级要求和人民群众的期待，{we}法治政府建设还存在一些不足，主要表现在：",
        "{year}年，{we}法治政府建设取得了一定成效，但对照新形势新要求，仍存在一些问题和不足：",
        "在肯定成绩的同时，我们也清醒地看到，{we}法治政府建设工作还存在以下不足：",
    ),
    "plans_open": (
        "{next}年，{we}将坚持以习近平法治思想为指导，针对存在的不足，重点抓好以下工作：",
        "{next}年，{we}将对照法治政府建设目标任务，聚焦存在的问题，着力抓好以下工作：",
        "下一步，{we}将围绕法治政府建设年度任务，坚持问题导向，重点做好以下工作：",
    ),
    "closing": (
        "法治建设责任重大、任务艰巨。{name}将以更高标准、更实举措推进“法治{short}”建设，为全{unit}经济社会高质量发展提供有力法治保障。",
        "{name}将持续深入学习贯彻习近平法治思想，以更强定力、更实举措推进法治政府建设，以高质量法治保障全{unit}经济社会高质量发展。",
        "{next}年，{name}将坚定不移推进法治政府建设，努力把法治建设成效转化为推动全{unit}高质量发展的实际成果。",
    ),
}


def party_spirit(year: int) -> str:
    """The Party congress whose spirit a report of ``year`` invokes (the 20th congress met in October 2022)."""
    if year >= 2023:
        return "党的二十大和二十届历次全会精神"
    return "党的二十大精神" if year == 2022 else "党的十九大和十九届历次全会精神"


def sentence(rank: int, which: str, **values: object) -> str:
    values.setdefault("spirit", party_spirit(int(values.get("year", 2025))))
    variants = SENTENCES[which]
    return variants[variant(rank, which, len(variants))].format(**values)
