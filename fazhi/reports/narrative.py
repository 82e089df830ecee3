"""Default wording of the annual report, in the style of real township reports.

The texts are drafts for staff to edit. They never contain numbers: a marker such
as 【数据：普法】 is replaced by sentences generated from the live figures (see
compose.py), so the figures stay honest whatever staff change around them.
"""
from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.models import Organisation

MARKER_FORMAT = "【数据：{}】"
DEFAULT_ADDRESSEE = "县委、县政府"


@dataclass(frozen=True)
class Terms:
    """How a township refers to itself: 镇 / 乡 / 街道 differ in their bodies' names."""

    name: str  # 甲镇
    unit: str  # 镇
    party: str  # 镇党委
    government: str  # 政府 (as in 镇党委、政府) or 办事处
    principals: str  # 镇党委书记、镇长

    @property
    def we(self) -> str:
        return f"我{self.unit}"


def terms_for(org: Organisation) -> Terms:
    name = org.name
    if name.endswith("街道"):
        return Terms(name, "街道", "街道党工委", "办事处", "街道党工委书记、办事处主任")
    unit = "乡" if name.endswith("乡") else "镇"
    return Terms(name, unit, f"{unit}党委", "政府", f"{unit}党委书记、{unit}长")


def default_title(org: Organisation, year: int) -> str:
    return f"{org.name}{year}年度法治政府建设情况报告"


def default_signature(org: Organisation) -> str:
    if org.name.endswith("街道"):
        return f"中共{org.name}工作委员会　{org.name}办事处"
    return f"中共{org.name}委员会　{org.name}人民政府"


def default_addressee(org: Organisation) -> str:
    return (org.superior_body or "").strip() or DEFAULT_ADDRESSEE


def section_headings(year: int) -> dict[str, str]:
    """The statutory structure (《法治政府建设与责任落实督察工作规定》): four parts, plus other matters."""
    return {
        "measures_text": f"一、{year}年主要举措和成效",
        "shortcomings_text": "二、存在的不足和原因",
        "duties_text": "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "plans_text": f"四、{year + 1}年工作安排",
        "other_text": "五、其他需要报告的事项",
    }


def marker(theme: str) -> str:
    return MARKER_FORMAT.format(theme)


def default_intro(t: Terms, year: int) -> str:
    return (
        f"{year}年，{t.we}在县委、县政府的坚强领导和县委全面依法治县委员会办公室的指导下，"
        "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        "认真落实党中央和省、市、县关于法治政府建设的决策部署，统筹推进依法决策、学法用法、"
        f"普法宣传和矛盾纠纷化解等各项工作，法治政府建设取得新进展。现将有关情况报告如下："
    )


def default_measures(t: Terms, year: int) -> str:
    return "\n".join([
        f"（一）加强组织领导，压实法治建设责任。{t.party}、{t.government}始终把法治政府建设摆在全局工作的重要位置，"
        "列入重要议事日程，成立由党政主要负责人任组长、分管领导任副组长的法治建设工作领导小组，"
        "年初制定法治政府建设工作要点，将目标任务逐项分解到班子成员、各办（所、中心）和村（社区），"
        "形成主要领导亲自抓、分管领导具体抓、各部门协同推进的工作格局。" + marker("组织领导")
        + "把依法行政工作纳入对村（社区）和机关站所的年度目标管理考核，落实机构、人员、经费保障。" + marker("组织保障"),
        "（二）坚持依法决策，规范行政权力运行。严格执行重大行政决策程序，落实公众参与、专家论证、风险评估、"
        "合法性审查和集体讨论决定等法定环节，“三重一大”事项坚持领导班子集体研究决定。"
        "发挥司法所和政府法律顾问作用，对合同协议、规范性文件、重大执法决定等开展合法性审查。"
        "推进政务公开，及时公开群众普遍关注的政府信息，自觉接受社会监督。" + marker("依法行政")
        + "深化“放管服”改革，推进便民服务“一窗受理、一站式办理”。" + marker("政务服务"),
        "（三）抓实学法用法，提升干部法治素养。将习近平法治思想纳入党委理论学习中心组学习重点，"
        "落实会前学法、集中学法制度，组织干部职工参加国家工作人员年度学法考试和旁听庭审活动，"
        "引导干部职工养成办事依法、遇事找法、解决问题用法、化解矛盾靠法的习惯。" + marker("学法用法"),
        "（四）深化普法宣传，营造浓厚法治氛围。落实“谁执法谁普法”普法责任制，"
        "围绕全民国家安全教育日、民法典宣传月、国家宪法日和宪法宣传周等重要节点，"
        "深入开展“法律进乡村”“法律进校园”“法律进企业”等主题活动，把宪法、民法典和与群众生产生活"
        "密切相关的法律法规送到群众身边；持续实施“法律明白人”培养工程，夯实基层普法骨干队伍。" + marker("普法")
        + "深化法治进校园，推动法治副校长到校开展法治教育。" + marker("法治副校长"),
        "（五）强化矛盾纠纷化解，维护社会和谐稳定。坚持和发展新时代“枫桥经验”，"
        "健全人民调解、行政调解、司法调解衔接联动机制，常态化开展矛盾纠纷排查，做到早发现、早介入、早化解，"
        "努力把矛盾纠纷化解在基层、消除在萌芽状态。" + marker("矛盾纠纷")
        + "扎实做好社区矫正和安置帮教工作，落实日常监督管理和教育帮扶措施。" + marker("社区矫正"),
        f"（六）自觉接受监督，确保权力规范运行。依法接受{'街道人大工委' if t.unit == '街道' else t.unit + '人大主席团'}"
        "的法律监督和工作监督，认真办理人大代表建议、议案，"
        "支持人大代表通过视察、评议、执法检查等方式加强对政府工作的监督，对发现的问题逐项整改。" + marker("人大监督"),
    ])


def default_duties(t: Terms, year: int) -> str:
    return "\n".join([
        f"（一）带头谋划部署法治建设。{t.principals}认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》，"
        "把法治建设与经济社会发展同部署、同推进、同督促、同考核，亲自研究法治建设重大问题，"
        "亲自过问重点任务落实，督促领导班子其他成员和各办（所、中心）负责人依法办事。" + marker("第一责任人"),
        "（二）带头尊法学法守法用法。坚持领导干部带头学法，带头参加学法考试和旁听庭审，"
        "在重大决策、重要事项上主动听取法律顾问意见，做到依法决策、依法办事。",
        "（三）带头支持依法行政和公正司法。自觉接受人大监督、民主监督和社会监督，"
        "支持司法机关依法独立公正行使职权，严格落实领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定。",
    ])


def default_plans(t: Terms, year: int, shortcomings: list[str] = ()) -> str:
    """Section 四; the shortcomings kept in section 二 come back as the first item to fix next year."""
    return "\n".join([
        f"{year + 1}年，{t.we}将继续深入学习贯彻习近平法治思想，重点抓好以下工作：",
        "（一）持续加强党对法治建设的领导。压紧压实党政主要负责人履行推进法治建设第一责任人职责，"
        "定期研究部署法治建设工作，把法治建设纳入年度目标考核。",
        "（二）不断提升依法行政水平。严格落实重大行政决策程序和合法性审查制度，做到应审尽审；"
        "规范行政执法行为，全面落实行政执法“三项制度”；深化政务公开，依法做好政府信息公开工作。",
        "（三）深入推进普法宣传教育。把学习宣传习近平法治思想作为普法首要任务，围绕重要时间节点开展主题普法活动，"
        "加强“法律明白人”培训管理，提高普法的针对性和实效性。",
        "（四）健全矛盾纠纷多元化解机制。加强村（社区）人民调解组织建设，发挥“一村（社区）一法律顾问”作用，"
        "推动矛盾纠纷源头预防、前端化解。",
        "（五）加强法治工作队伍建设。常态化开展干部学法和执法人员业务培训，落实旁听庭审、年度学法考试等制度，"
        "着力提升运用法治思维和法治方式推动发展、化解矛盾、维护稳定的能力。",
        *_remedies(shortcomings),
    ])


def _remedies(shortcomings: list[str]) -> list[str]:
    if not shortcomings:
        return []
    named = "、".join(f"“{title}”" for title in shortcomings[:4])
    return [
        f"（六）抓好问题整改落实。针对{named}等问题，逐项制定整改措施，明确责任领导、责任部门和完成时限，"
        "纳入下一年度法治建设责任清单，定期调度、跟踪督办，确保整改到位。"
    ]


def default_shortcomings(t: Terms, year: int, suggestions: list[tuple[str, str]]) -> str:
    """Section 二: the data-drawn suggestions as （一）（二）…, then the causes."""
    numerals = "一二三四五六七八九十"
    lines = [f"对照上级要求和人民群众的期待，{t.we}法治政府建设工作还存在一些不足，主要表现在："]
    for i, (title, detail) in enumerate(suggestions):
        lines.append(f"（{numerals[i]}）{title}。{detail}")
    lines.append(
        "究其原因，主要是：对法治建设重要性的认识还不够到位，重业务、轻法治的现象仍然存在；"
        f"{t.unit}村两级法治工作力量相对薄弱，具有法律专业背景的人员较少；"
        "工作统筹和督促检查还不够有力，部分制度在基层落实不够到位。"
    )
    return "\n".join(lines)
