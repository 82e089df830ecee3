"""Figures from report text: every number with a unit, attributed to an indicator by the words near it.

Each count is read as a small clause — who did it, what was done (the verb and the thing counted, the
"head" right before the number), how many — and the head wins over words further back: "开展主题学习宣讲
活动35场" counts talks, not study; "法治培训和专题讲座共2次" for staff counts neither study nor publicity;
"合同审查、法律咨询等专项法律服务5次" counts services, which no indicator counts.

For each count the extractor tries, in this order:
0. the head of the clause: an activity named by its form (讲座/宣讲/课堂, 培训, 研讨) may only be the
   indicator that form is (publicity for the public, enforcement training), or nothing; a service is nothing;
1. a village count beside 法律顾问 ("全镇25个村（社区）均配备法律顾问"): advisor coverage;
2. the words before it in its own segment (segments end at 、，。；：and brackets) — nearest wins;
3. the words right after it in its segment ("36次线下普法宣传活动", "8件行政诉讼");
4. the figure it belongs to: "其中…" items and "审查各类合同232件、一般性文件26个" lists;
5. the event before it, for its participants ("旁听庭审1次，参加人员32人");
6. the rest of its clause, before then after it, when no other number stands in between;
7. a statement about all of them in the next clause ("出台规范性文件3件，均经合法性审查");
8. the number right before it in its sentence, when its verb names no activity ("宣讲2场次，走进社区开展2场次"),
   or, when it is the first number of its sentence, the activity of the clause before ("每周三…集中学习，全年累计
   开展20余次").
A list closed by 等 right before the number counts the noun after the unit ("…重大纠纷等4个实际难题": none); a
place right after the unit is what is counted ("指导21个社区（村）发布…信息": none); a number inside a short quoted
name is no count ("三项制度"); an exam named right before a count of events is none ("组织学法考试14次"), and a
talk's people count is its audience ("现场知识讲解58人次").
Rates (%) take the nearest "…率" before them. Numbers in next year's plans, frequencies (每季度一次 — the
first number after the 每 phrase only, and a "一次" in a later clause of its sentence unless that clause says
全年/累计/共), targets (计划、力争), ordinals, dates and document numbers are not figures.
Study (学法) counts the township's own sessions: not the bodies under it (各支部, 14个党委), not other
campaigns (主题教育, within its own list item, unless that item names the law it studied). Activities named by
their form count as publicity when their audience is the public.
Neighbouring contexts: the forms listed before 等形式 say how an activity was held, not what it was ("通过党委会、
主题党日等形式开展…学习"); a trigger further back in the clause does not reach a number whose own segment its
rule excludes ("起草、审查、修改…文书32份"); a quoted title's commas end no clause, and a word after the title
names what was counted rather than the title's own words ("两场“…，…”为主题的文艺晚会"); people served by a
list of consultations and services are consultations.
Lists, heads and people: a list closed by 等 stands for one thing, so the verb before its first item reaches the
noun after 等 ("公开涉农资金分配、…等事项信息15条"); 各类/各项 name kinds, not "each"; a meeting may be named after
the unit by a word ending in 会 ("4次专题研判会"); a count that joins party classes, lectures, training or seminars
with study says nothing of study alone; the name of the 普法 plan ("八五”普法规划") is no publicity; people sent
out on an operation (出动…955人) and the passers of a law exam ("考试通过4人") are no headcount.
Audiences and trainees: a list of audiences that names the public with cadres ("组织村、社区党员、群众", "覆盖干部
群众") is for the public; enforcement training needs 执法 (or 业务, 实务) in the count's own clause, or — when that
clause names no trainees — in the clauses of its sentence that lead to it, so "对乡村干部…开展法律培训4次" trains
cadres whatever the item says; a count joining lectures with training ("法治讲座和业务培训60场次") is neither; study
or training given to people who are not the township's staff (普法骨干, 法律明白人, 志愿者) is not its study, and a
study count whose clause names no activity belongs with the training of the clause before ("开展…专项培训，深化…
学习7场").
Rates, 分别, campaigns, meetings and services: rates listed before one number all have it ("答复率和答复及时率100%"),
and rates or things listed before 分别 pair with the numbers after it in order ("行政复议、行政诉讼案件分别为2件、3件"); a
学习教育 is a campaign unless it names its topic, and a campaign named at the head of a list covers the later items that
name no law and no body of their own ("党纪学习教育读书班3次、联组学习1次"); forms listed before 等形式 in an earlier
clause do not reach a count whose own clause names its study; a lecture held as the 中心组's own session is its study;
what the township's meetings conveyed (传达) is study; a meeting named by another committee or by case discussions is
not about rule-of-law work; the people a legal adviser or a legal service served ("…法律顾问”服务平台…提供服务1307人次")
are consultations.
Recurring classes (eighth round): a floor (不少于/至少/原则上) or a 每年 in the count's clause makes the first number after
it a rule, not a result, unless 全年/累计/共 make it a total (每年年初 says when this year's one event was held); the
subject nearest before a study count decides whose study it is — villages (村(社区), 村居), a party school, schools,
firms, mass organisations are not the township; a leader's own lecture ("带头讲法治课", "书记讲授…课") is no publicity
when its clause names no audience, and cadres named as speakers are no audience; a noun counted after a 等 list and
followed by the review done to it ("…等12项重大决策开展合法性审查") is reviewed; people recruited ("挖掘培养4名…") are
what the next clause says they joined ("充实到…“法律明白人”队伍"); people counted right after publicity ("入户宣传
2500余人次") are its audience; the times an adviser or a lawyer served people or firms it names are consultations; a
number the text gives no unit, right after the noun a rule counts ("发放法治宣传资料3000"), keeps an empty unit.
Clause reading (ninth round): a clause with no subject of its own that goes on with what was done to the documents
counted before it ("新制发规范性文件1件，并报司法局备案", "…，经合法性审查后报…备案") says it of them, each thing it names;
a verb whose object is named after the unit ("组织14名机关在编人员参与…考试") is not elliptical, and a total with no verb
("…，全年共12次") is, also after a frequency; a book's title names no activity; a sentence opening on 下一步 is a plan.
Clause reading (tenth round): what the township's meetings convey is counted in whatever unit — items, topics, speeches
("传达学习法治建设相关议题7个", the catalogue's own recognition); a list item that names a thing a rule counts ("周例会42期")
is that thing, not one more object of a verb earlier in the list; ",以及" adds an object to the clause's verb, so the
clause goes on; the people taking part, the first count of their sentence, are the people of the activity the clause
before names ("…参加网上学法考试，共98人参加"); numbers listed as the objects of 对 count what the verb after the list
does to them ("对15件重大行政决策、32份合同进行合法性审查"), and a 均/全部 statement right after a list is said of each item.
Clause reading (eleventh round): a visit (观摩学习, 参观学习) is no study unless its item names a court hearing; a meeting's
rule-of-law topic is looked for in its clause, the clauses leading to it and the clauses right after it that say what it
did (研究, 部署, 分析…), not in a later clause with an activity of its own, and a body named bare (委员会) is the one named
in full before it; clauses with no subject after a 均 statement ("…，全部经过合法性审核，并报县司法局备案") say it too.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lexicon import (
    CADRE_AUDIENCE, COUNT_RULES, OTHER_CAMPAIGNS, OTHER_PEOPLE, OUTREACH_FORMS_PATTERN, OWN_BODY, PUBLIC_AUDIENCE,
    PUBLIC_PEOPLE, PUBLICITY_KIND, RATE_RULES, SUBORDINATE_BODY, Rule,
)
from .mentions import Mention, find_mentions
from .numerals import tidy
from .sections import plan_spans
from .tables import rewrite_table_rows

SENTENCE_END = frozenset("。！？!?；;\n")
CLAUSE_END = SENTENCE_END | frozenset("，,：:")
SEGMENT_END = CLAUSE_END | frozenset("、（）()《》")
WINDOW = 240  # no context reaches further than this from its number

# 每年 too ("每年开展1次全员轮训"), unless a time within the year follows: "每年年初召开一次专题会议" says when this
# year's meeting was held (dev 011 counts it).
PER_PERIOD = re.compile(r"每(?:月|季|季度|周|旬|半年|两月|双月|日|天|个月|次|年(?!年?[初中底末]))")
# A floor or a rule, not a result: "开展专题学习不少于4次", "至少召开2次", "原则上每季度…一次".
MINIMUM = re.compile(r"不少于|不低于|至少|最少|原则上")
# "上半年、下半年各召开一次": 各 is "each"; 各类/各项/各种/各级 name kinds of things ("主动公开人事、财政、政务等各类
# 信息118条" is 118 releases, not 3 × 118).
EACH = re.compile(r"各(?![类项种级界式样方])[^，,。；;、]{0,4}$")
DISTRIBUTIVE = re.compile(r"均|都|全部|分别|皆")
ENUMERATOR = re.compile(r"[一二三四五六七八九十]是|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.、．](?!\d)")
QIZHONG = re.compile(r"^[（(]?其中")
# "参加人员32人" after an event: the people who came to it.
# "累计参与学习5000人次", "服务群众2300余人", "覆盖群众1200余人次" after an event: its audience.
PARTICIPANTS_LEFT = re.compile(
    r"(?:参加|参与|参会|出席|到场|参训|服务|覆盖|惠及|受益|受教育)[\u4e00-\u9fff]{0,2}?"
    r"(?:人员|人数|群众|干部|学员)?(?:达|共|约|有|超)?$")
# "…，共32人参加", "…，共600余名群众参与": the people, named or not, then the verb of taking part.
PARTICIPANTS_RIGHT = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,2}(?:群众|干部|职工|村民|居民|学生|师生|人员|党员|代表))?(?:参加|参与|参会|出席|到场|参考)")
# What is counted, named right before the number ("…专题讲座共2次", "…'法治流动课堂'18次"): the form of
# an activity. Forms for the public (宣讲, 授课, 课堂) are publicity unless staff are their audience;
# lectures (讲座) need the public or a publicity word; party classes and expert tutoring are the staff's own.
# "学法培训", "学习研讨", "中心组专题学习讲座": study named with the form it takes is still study, not training,
# a seminar or a lecture.
STUDY_BEFORE = r"学习|学法"
CONNECTORS = r"(?:共计|共|累计|合计|总计|计|达到|达|约|近|逾|超过|超|了|各|分别)*"
FORM_HEAD = re.compile(
    rf"(?:(?P<cadre>党课|专家辅导|辅导)|(?P<outreach>{OUTREACH_FORMS_PATTERN})|(?P<lecture>(?<!{STUDY_BEFORE})讲座)|"
    rf"(?P<training>(?<!{STUDY_BEFORE})(?:培训|轮训))|(?P<seminar>(?<!{STUDY_BEFORE})研讨(?:交流)?|交流研讨|座谈)|"
    rf"(?P<exam>考试|测试)|(?P<visit>(?:观摩|参观|考察|外出)(?:学习|交流)?))"
    rf"[”\"」』]?(?:活动|会|班|专场)?[”\"」』]?{CONNECTORS}$")
OUTREACH = re.compile(OUTREACH_FORMS_PATTERN)
# People counted right after publicity itself ("入户宣传2500余人次", "普法宣传教育1.2万人次"): its audience.
PUBLICITY_HEAD = re.compile(
    rf"(?:宣传|普法)(?:教育)?(?:活动)?(?:[\u4e00-\u9fff]{{0,6}}?(?:知识|法律法规|法律|法规|政策|精神|内容))?"
    rf"(?:群众|人员|对象)?{CONNECTORS}$")
# A verb with no activity named after it: "走进社区开展2场次" (see _elliptical); or a total with no verb at all, the
# whole of its segment ("坚持每月…会前学法，全年共12次").
BARE_VERB = re.compile(rf"(?:开展|举办|组织|举行|进行|召开|完成|办理)了?{CONNECTORS}$|"
                       rf"^(?:全年|今年|年内|本年度|累计|共计|合计|总计|共|已|计|达|一年来)+{CONNECTORS}$")
# "…等4个实际难题": a list before the number, the thing counted named after it (see _list_of_something_else).
LIST_BEFORE = re.compile(rf"等{CONNECTORS}$")
LIST_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}")
GENERIC_HEAD = re.compile(r"活动|案件|文件|事件|纠纷|材料")
# A service is not a consultation or a review ("合同审查、法律咨询等专项法律服务共计5次"); a 咨询服务 is.
# Nor is a count of mixed work ("参与合同审查、矛盾调解、信访接待等工作30余次").
SERVICE_HEAD = re.compile(
    rf"(?:(?<!咨询)(?<!援助)(?<!调解)服务(?:工作)?|等(?:各项|各类|相关)?(?:工作|事项|事务)){CONNECTORS}$")
# "出台规范性文件3件，均经合法性审查": the next clause says what all of them went through; with no subject of its own,
# a clause that goes on with what was done to the documents ("新制发规范性文件1件，并报司法局备案", "…，随后经合法性审查")
# says it of them too — only of documents (THE_DOCUMENTS), since "召开会议2次，并报…" reports the meeting.
_HOW = r"(?:按程序|按规定|按要求|依程序|依法|及时|严格|按时|同步|随即|随后|之后|后|同时)"
ALL_OF_THEM = re.compile(rf"^[，,](?:且|并)?(?:均|全部|都|皆|一律){_HOW}*(?:已经?|已)?(?:经过?|通过|进行了?|开展了?|落实了?|报)?")
WHAT_WAS_DONE = re.compile(
    rf"^[，,](?:并且?|且|{_HOW})*(?:已经?|已)?(?:经过?|通过|进行了?|开展了?|落实了?|报送?|送|提交|向)")
THE_DOCUMENTS = re.compile(r"文件|合同|协议|决策|办法|规定|公文|方案|制度|措施|细则|章程|规约")
AUDIENCE_OF = {"court_hearings_attended": "court_hearings_attended", "publicity_events": "publicity_audience"}
# The people who took part in an activity named in the clause before, itself not counted ("组织…参加网上学法考试，共98人
# 参加"): those who sat an exam, came to a hearing, or were the audience of publicity.
PEOPLE_OF_THE_ACTIVITY = {**AUDIENCE_OF, "exam_participants": "exam_participants"}
PEOPLE_UNITS = frozenset({"人", "名", "人次", "位"})
# "出动执法队员955人": people sent out on an operation are a deployment, not a headcount an indicator counts.
DEPLOYED = re.compile(r"(?:出动|派出|出勤|投入)[^，,。；;、]{0,8}$")
# "年内考试通过4人": the people who passed are not the people who sat ("全部通过考试": all of them sat and passed).
PASSED_ONLY = re.compile(r"(?:考试|测试|考核)(?:中)?(?:通过|合格)(?:人员|人数)?(?:达|共|为)?$")
# A target, not a result: "2024年计划开展普法活动50场次", "力争完成…".
# The verb may come a few words after the intention ("力争全年开展…"); a plan followed (按计划, 年度计划) is done work.
FUTURE = re.compile(r"(?:明年|下一步|下步|今后|20\d\d年)(?:将|计划|拟|力争|争取)|"
                    r"(?:力争|争取|预计|拟|(?<!按|照|据|依)(?<!年度)(?<!工作)(?<!普法)计划)[^，,。；;]{0,6}?"
                    r"(?:开展|组织|召开|举办|完成|实现|达到)")
# A sentence that opens on what comes next ("下一步，计划开展…"): its counts are plans, whatever its clauses say.
FUTURE_OPENING = re.compile(r"^\s*(?:下一步|下步|今后|明年|来年|新的一年)(?:工作中|工作|我镇|我乡|我街道)?[，,：:]")


@dataclass
class Figure:
    indicator: str
    value: float | int
    unit: str
    approx: bool
    evidence: str

    def as_dict(self) -> dict:
        return {"indicator": self.indicator, "value": self.value, "unit": self.unit,
                "approx": self.approx, "evidence": self.evidence}


@dataclass
class Decision:
    indicator: str
    clause_start: int
    sentence_start: int
    segment_start: int
    mention_end: int
    via: str  # "left", "verb", "right", "qizhong", "list", "clause", "rate"


@dataclass
class _Doc:
    text: str
    mentions: list[Mention]
    mention_starts: list[int] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    _stops: dict = field(default_factory=dict)

    def stop_positions(self, stops: frozenset[str]) -> list[int]:
        if stops not in self._stops:
            pattern = "[" + "".join(re.escape(ch) for ch in sorted(stops)) + "]"
            kept = _quoted_commas(self.text)
            if "、" not in stops:  # clauses and sentences, not segments: a list of objects goes on after ",以及"
                kept |= _joined_objects(self.text)
            self._stops[stops] = [m.start() for m in re.finditer(pattern, self.text) if m.start() not in kept]
        return self._stops[stops]


# A quoted title ("举办两场“以习近平法治思想为指引，坚定不移地走…道路”为主题的文艺晚会") is one name: its commas
# end no clause, so what follows the quote still belongs to the number before it.
QUOTED_TITLE = re.compile(r"“[^“”。；;！？!?\n]{1,60}”")


def _quoted_commas(text: str) -> set[int]:
    return {q.start() + i for q in QUOTED_TITLE.finditer(text) for i, ch in enumerate(q.group(0)) if ch in "，,：:"}


# "专题传达学习…全会精神,以及中央、省、市关于法治建设的重要决策部署共4次": a comma before 以及 joins one more object
# to the verb of the clause — the clause goes on, so the count after it is the count of what that verb did.
JOINED_OBJECTS = re.compile(r"[，,](?=以及)")


def _joined_objects(text: str) -> set[int]:
    return {m.start() for m in JOINED_OBJECTS.finditer(text)}


def _bounds(doc: "_Doc", start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    """The span around [start, end) up to the nearest stop characters, at most WINDOW either side."""
    positions = doc.stop_positions(stops)
    i = bisect_left(positions, start)
    lo = positions[i - 1] + 1 if i > 0 else 0
    j = bisect_left(positions, end)
    hi = positions[j] if j < len(positions) else len(doc.text)
    return max(lo, start - WINDOW), min(hi, end + WINDOW)


def _requires_ok(rule: Rule, doc: _Doc, mention: Mention) -> bool:
    if rule.requires is None:
        return True
    text = doc.text
    if rule.scope == "clause":
        lo, hi = _bounds(doc, mention.start, mention.end, CLAUSE_END)
        context = text[lo:hi]
    elif rule.scope == "count":
        # the count's own clause says what it was and for whom; only a clause that names no one ("参加专题培训2期")
        # leaves that to the clauses of its sentence that lead to it ("加强执法人员培训，参加专题培训2期")
        lo, hi = _bounds(doc, mention.start, mention.end, CLAUSE_END)
        context = text[lo:hi]
        if not rule.requires.search(context) and not TRAINEES.search(context):
            context = text[_bounds(doc, mention.start, mention.end, SENTENCE_END)[0]:hi]
    elif rule.scope == "leading":
        # the count's own clause, the clauses of its sentence that lead to it, and the clauses right after it that say
        # what the meetings did ("召开专题会议6次，研究解决法治政府建设中的重大问题"); a later clause that opens on an
        # activity of its own ("…20次，传达学习法治相关精神30项") speaks of something else
        lo, hi = _bounds(doc, mention.start, mention.end, CLAUSE_END)
        s1 = _bounds(doc, mention.start, mention.end, SENTENCE_END)[1]
        while hi < s1 and text[hi] in "，,":
            following = _bounds(doc, hi + 1, hi + 1, CLAUSE_END)[1]
            if not WHAT_THE_MEETING_DID.match(text, hi + 1, following):
                break
            hi = following
        context = text[_bounds(doc, mention.start, mention.end, SENTENCE_END)[0]:hi] + _body_named_before(doc, lo, hi)
    elif rule.scope == "item":
        lo, hi = _bounds(doc, mention.start, mention.end, CLAUSE_END)
        line_start = text.rfind("\n", 0, mention.start) + 1
        head = text[max(line_start, mention.start - 2 * WINDOW):mention.start]
        starts = [m.start() for m in ENUMERATOR.finditer(head)]
        item = head[starts[-1]:] if starts else head
        context = (item + text[lo:hi]).replace("谁执法谁普法", "")
    else:
        lo, hi = _bounds(doc, mention.start, mention.end, SENTENCE_END)
        context = text[lo:hi]
    return bool(rule.requires.search(context))


BARE_BODY = re.compile(r"委员会|领导小组|工作小组")
BODY_NAME_OPENS = re.compile(r"的|成立|组建|设立|调整|健全|完善|由|了")


def _body_named_before(doc: _Doc, lo: int, hi: int) -> str:
    """"成立…依法治镇委员会…。全年召开委员会专题会议31次": a body named bare in a clause is the one named in full
    before it in its paragraph — its full name (which may say its topic), or "" when the clause names none bare."""
    text = doc.text
    for m in BARE_BODY.finditer(text, lo, hi):
        name = MEETING_PLACE.sub("", MEETING_VERB.sub("", text[lo:m.start()]))
        if name:
            continue
        line_start = text.rfind("\n", 0, lo) + 1
        before = text[max(line_start, lo - 2 * WINDOW):lo]
        named = [n.group(0) for n in re.finditer(rf"[\u4e00-\u9fff]{{2,14}}(?:{m.group(0)})", before)]
        if named:
            return BODY_NAME_OPENS.split(named[-1])[-1]  # "由书记任组长的依法治镇委员会": 依法治镇委员会
    return ""


# A clause that goes on to say what a meeting did — deliberated, planned, heard, solved: "…6次，精准研究解决法治政府建设
#中的重大问题", "…4次，研究部署法治政府建设重点工作", "…专题研判会，分析基层治理法治难点".
WHAT_THE_MEETING_DID = re.compile(
    r"(?:专题|精准|集中|重点|及时|认真|全面|共同|逐一|深入|先后|分别|系统|统筹|主要|着力|并|且|就)*"
    r"(?:研究|部署|分析|审议|讨论|听取|解决|谋划|推进|安排|研判|协调|议定|决定)")


# Who an activity is given to, named in its clause ("对乡村干部、部门负责人开展法律培训4次", "法律明白人培训"): a
# clause that names them says itself whether they are enforcement staff.
TRAINEES = re.compile(r"干部|职工|党员|负责人|骨干|明白人|带头人|志愿者|调解员|网格员|人员|成员|群众|村民|居民|学生")


def _nearest_word(pattern: re.Pattern, text: str, at: int, lo: int, hi: int) -> tuple[int, str] | None:
    """(distance, word) of the occurrence of ``pattern`` in text[lo:hi] nearest to position ``at``."""
    best = None
    for m in pattern.finditer(text, lo, hi):
        distance = at - m.end() if m.end() <= at else m.start() - at
        if best is None or distance < best[0]:
            best = (max(0, distance), m.group(0))
    return best


def _for_the_public(doc: _Doc, mention: Mention) -> bool:
    """Whether an activity named by its form was for the public: the audience word nearest to the number in
    its own clause, else in its sentence (群众, 进校园, 下沉… or 干部, 职工, 中心组…) decides — "走进校园开展法治
    授课1场次，带动干部群众…" was for pupils; with none, a talk (宣讲, 授课, 课堂) is
    outreach and a lecture (讲座) or an audience figure needs a publicity word or a talk in the sentence."""
    lo, hi = _bounds(doc, mention.start, mention.end, SENTENCE_END)
    text = doc.text
    clause = _bounds(doc, mention.start, mention.end, CLAUSE_END)
    for a, b in (clause, (lo, hi)):
        public = _nearest_word(PUBLIC_AUDIENCE, text, mention.start, a, b)
        cadre = _nearest_word(CADRE_AUDIENCE, _speakers_masked(text, a, b), mention.start, a, b)
        if public or cadre:
            return bool(public) and (cadre is None or public[0] <= cadre[0] or _public_among(text, a, b))
        if (a, b) == clause and LEADER_SPEAKS.search(text, a, mention.start):
            return False  # a leader's own lecture, its clause naming no audience
    g0, g1 = _bounds(doc, mention.start, mention.end, SEGMENT_END)
    if OUTREACH.search(text[g0:g1]):
        return True
    sentence = PLAN_NAME.sub("", text[lo:hi])
    return bool(PUBLICITY_KIND.search(sentence) or OUTREACH.search(sentence))


# A leader's own lecture, with no audience named in its sentence: "主要负责人…，带头讲法治课2次", "书记讲授专题法治课3次",
# "班子成员轮流授课" — the leaders teaching the staff (领导干部讲法), not outreach to the public; named in the count's own
# clause, so that a talk for the public later in the sentence is not theirs.
LEADER_SPEAKS = re.compile(
    r"带头(?:讲|宣讲|授课|上)|(?:书记|负责人|领导|班子成员|镇长|乡长|主任)(?:们)?(?:带头|轮流|亲自|分别)?"
    r"(?:讲授|讲|授课|上|作)[^，,。；;]{0,8}(?:课|辅导|讲座|报告)")


# Cadres named as the ones who speak ("领导干部带头讲法3次") are not the audience of a talk later in the sentence.
SPEAKER = re.compile(r"(?:领导干部|党员干部|干部|班子成员|班子)(?:们)?(?=(?:带头|轮流|亲自)?(?:讲|宣讲|授课|上课))")


def _speakers_masked(text: str, lo: int, hi: int) -> str:
    spans = [(m.start(), m.end()) for m in SPEAKER.finditer(text, lo, hi)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = "　" * (b - a)
    return "".join(chars)


# A list of audiences that names the public with cadres ("组织村、社区党员、群众", "覆盖干部群众3000余人次") is for the
# public, whichever of them stands nearer to the number.
_JOINED = r"(?:[、和及与]|以及)?"
_CADRE = CADRE_AUDIENCE.pattern
MIXED_AUDIENCE = re.compile(rf"(?:{_CADRE}){_JOINED}(?:{PUBLIC_PEOPLE})|(?:{PUBLIC_PEOPLE}){_JOINED}(?:{_CADRE})")


def _public_among(text: str, lo: int, hi: int) -> bool:
    return MIXED_AUDIENCE.search(text, lo, hi) is not None


# "纳入街道“八五”普法规划，举办专题讲座3场": the name of the 普法 plan or of its duty system says what the work
# belongs to, not that the lecture was publicity for the public.
PLAN_NAME = re.compile(r"[五六七八九]五[”\"」』]?\s*普法|普法(?:依法治理)?(?:规划|工作要点|工作计划|责任(?:制|清单))|谁执法谁普法")


BOOK_TITLE = re.compile(r"《[^《》]{0,40}》")


def _done_by_the_township(doc: _Doc, mention: Mention) -> bool:
    """Study by the township itself: the body named nearest before the number in its sentence is its own
    (中心组, 党委会, 机关干部…), not one under it (各支部, 14个党委, 基层党组织, 村居党支部)."""
    lo, _ = _bounds(doc, mention.start, mention.end, SENTENCE_END)
    left = doc.text[lo:mention.start]
    unnamed = BOOK_TITLE.sub(lambda m: "　" * len(m.group(0)), left)  # 《村民委员会组织法》 names a law, not people
    under = [m.end() for m in SUBORDINATE_BODY.finditer(left)] + [m.end() for m in OTHER_PEOPLE.finditer(unnamed)]
    under.sort()
    own = [m.end() for m in OWN_BODY.finditer(left)]
    return not under or (bool(own) and own[-1] > under[-1])


# "通过镇党委会、中心组学习、主题党日等形式开展…学习": the forms an activity takes, listed before 等形式, say how
# it was held, not what it was; a rule's exclusions do not read them.
FORMS_LISTED = re.compile(r"[^，,。；;：:]*?等(?:多种|各种|多)?(?:形式|方式|载体|途径)")


def _without_forms(segment: str) -> str:
    return FORMS_LISTED.sub("", segment)


def _allowed(rule: Rule, doc: _Doc, mention: Mention, segment: str) -> bool:
    if mention.unit not in rule.units:
        return False
    if rule.indicator == "exam_participants" and PASSED_ONLY.search(doc.text[max(0, mention.start - 12):mention.start]):
        return False
    if rule.indicator == "rule_of_law_meetings" and _meeting_of_another_topic(rule, segment):
        return False
    if rule.excludes is not None and rule.excludes.search(_without_forms(segment)):
        return False
    if rule.excludes is not None and rule.excludes_scope == "clause" and rule.excludes.search(
            _without_forms(doc.text[slice(*_bounds(doc, mention.start, mention.end, CLAUSE_END))])):
        return False
    if rule.right_prefix is not None and not rule.right_prefix.search(doc.text[mention.end:mention.end + 4]):
        return False
    if rule.audience and not _for_the_public(doc, mention):
        return False
    if rule.own_body and not (_done_by_the_township(doc, mention) and _not_another_campaign(doc, mention, segment)):
        return False
    return _requires_ok(rule, doc, mention)


# A meeting named by its own body or topic: "综合行政执法委员会工作会议", "平安建设领导小组会议", "重大案件集体讨论会".
MEETING_BODY = re.compile(r"([\u4e00-\u9fff]{2,14}?)(?:委员会|领导小组|工作小组|指挥部)")
MEETING_VERB = re.compile(r"^.*(?:召开|举行|举办|组织|参加|主持|通过)")
MEETING_PLACE = re.compile(r"^(?:全年|今年|街道|乡镇|镇|乡|全镇|全乡|全街|党委|党工委)+")
CASE_TOPIC = re.compile(r"案审|案件[^，,。；;、]{0,4}?(?:讨论|审理|研判|会商|审议)")


def _meeting_of_another_topic(rule: Rule, segment: str) -> bool:
    """A meeting whose own name in its segment says what it was about — a named committee or working group
    ("组织召开街道综合行政执法委员会工作会议1次"), or the discussion of cases ("重大执法案件集体讨论会议6次", 案审会) —
    is about that, not rule-of-law
    work, unless that name is itself rule-of-law (依法治镇委员会, 法治政府建设领导小组): a 法治 elsewhere in its sentence does
    not make it one. A body named bare ("召开委员会专题会议31次") is the one named before."""
    if rule.requires is None:
        return False
    for m in MEETING_BODY.finditer(segment):
        name = MEETING_PLACE.sub("", MEETING_VERB.sub("", m.group(1)))
        if len(name) >= 2 and not rule.requires.search(name):
            return True
    topic = CASE_TOPIC.search(segment)
    return bool(topic) and not rule.requires.search(segment)


LAW_NAMED = re.compile(r"法治|法律|法规|宪法|民法典|学法|法制|依法")


def _not_another_campaign(doc: _Doc, mention: Mention, segment: str) -> bool:
    """Study for another campaign (主题教育) is not legal study: its own item of the sentence — the words since
    the previous number and the rest of its segment — names the campaign and no law, so that in "中心组学习6次、
    主题教育集中学习4次" the campaign is the second item's only, while in "将习近平法治思想、宪法、民法典等纳入
    党委中心组、“三会一课”必学内容，全年开展专题学习4次" the campaign is only where the law is studied."""
    if "法" in segment:
        return True
    text = doc.text
    lo, _ = _bounds(doc, mention.start, mention.end, SENTENCE_END)
    c0, _ = _bounds(doc, mention.start, mention.end, CLAUSE_END)
    g0, g1 = _bounds(doc, mention.start, mention.end, SEGMENT_END)
    i = bisect_left(doc.mention_starts, mention.start)
    if i > 0:
        lo = max(lo, doc.mentions[i - 1].end)
    # the forms listed in an earlier clause (通过“第一议题”学习制度、“三会一课”等形式，常态化学习…，全年开展“第一议题”
    # 学习42次) say how that clause's activity was held; the count's own clause names its own
    item = (_without_forms(text[lo:c0]) if lo < c0 else "") + text[max(lo, c0):g1]
    if _campaign_only(item):
        return False
    # "党纪学习教育读书班3次、联组学习1次": a campaign named once at the head of a list covers every later item that
    # names neither a law nor a body of its own (a "中心组学习6次" after it is the 中心组's)
    if g0 > c0 and text[g0 - 1] == "、" and i > 0 and doc.mentions[i - 1].start >= c0 \
            and not OWN_BODY.search(item) and not LAW_NAMED.search(item):
        first = next(m for m in doc.mentions[:i] if m.start >= c0)
        return not _campaign_only(_without_forms(text[c0:first.start]))
    return True


def _campaign_only(words: str) -> bool:
    """Words naming another campaign and no law."""
    return bool(OTHER_CAMPAIGNS.search(words)) and not LAW_NAMED.search(OTHER_CAMPAIGNS.sub("", words))


def _nearest_left(rules, doc, mention, left: str, segment: str) -> tuple[Rule, re.Match] | None:
    best = None
    for rule in rules:
        if rule.right_prefix is not None:
            continue
        hits = list(rule.trigger.finditer(left))
        if not hits or not _allowed(rule, doc, mention, segment):
            continue
        hit = hits[-1]
        key = (rule.priority, hit.end())
        if best is None or key > best[0]:
            best = (key, rule, hit)
    return (best[1], best[2]) if best else None


def _nearest_right(rules, doc, mention, right: str, segment: str) -> Rule | None:
    """The trigger nearest after the number; one outside a quoted title wins over one inside it ("举办三场“尊法
    学法，守法用法”主题文艺晚会" counts evening shows: the title's words describe them)."""
    quoted = [(q.start(), q.end()) for q in QUOTED_TITLE.finditer(right)]
    best = None
    for rule in rules:
        if rule.right_prefix is not None:
            continue
        hits = list(rule.trigger.finditer(right))
        if not hits or not _allowed(rule, doc, mention, segment):
            continue
        outside = [h for h in hits if not any(a <= h.start() < b for a, b in quoted)]
        hit = (outside or hits)[0]
        key = (bool(outside), rule.priority, -hit.start())
        if best is None or key > best[0]:
            best = (key, rule)
    return best[1] if best else None


def _coverage_rule(doc, mention, clause: str, segment: str) -> Rule | None:
    for rule in COUNT_RULES:
        if rule.right_prefix is not None and rule.trigger.search(clause) and _allowed(rule, doc, mention, segment):
            return rule
    return None


def _holds_other_mention(doc: _Doc, lo: int, hi: int, own: int) -> bool:
    i = bisect_left(doc.mention_starts, lo)
    while i < len(doc.mention_starts) and doc.mention_starts[i] < hi:
        if doc.mention_starts[i] != own:
            return True
        i += 1
    return False


def _recent(doc: _Doc, since: int) -> list[Decision]:
    """Decisions whose clause or sentence starts at or after ``since`` (they are kept in text order)."""
    found = []
    for decision in reversed(doc.decisions):
        if decision.sentence_start < since and decision.clause_start < since:
            break
        found.append(decision)
    found.reverse()
    return found


def _own_segment_excludes(rule: Rule, doc: _Doc, mention: Mention) -> bool:
    """A trigger further back in the clause does not reach a number whose own segment the rule excludes:
    in "起草、审查、修改各种法律文书32份" the documents were amended (and drafted), not reviewed; in "…主题党日等形式
    开展…专题学习4场" the meeting named earlier (党委会) does not count a study."""
    if rule.excludes is None:
        return False
    g0, g1 = _bounds(doc, mention.start, mention.end, SEGMENT_END)
    return bool(rule.excludes.search(_without_forms(doc.text[g0:g1])))


def _mention_free_clause_rule(doc, mention, c0: int) -> Rule | None:
    """A trigger earlier in the clause, in a segment that holds no other number."""
    text = doc.text
    left = text[c0:mention.start]
    best = None
    for rule in COUNT_RULES:
        if rule.right_prefix is not None or _own_segment_excludes(rule, doc, mention):
            continue
        for hit in rule.trigger.finditer(left):
            g0, g1 = _bounds(doc, c0 + hit.start(), c0 + hit.end(), SEGMENT_END)
            if _holds_other_mention(doc, g0, g1, mention.start):
                continue
            if not _allowed(rule, doc, mention, text[g0:g1]):
                continue
            key = (hit.end(), rule.priority)
            if best is None or key > best[0]:
                best = (key, rule)
    return best[1] if best else None


def _mention_free_clause_rule_right(doc, mention, c1: int) -> Rule | None:
    """A trigger later in the clause ("对18件重大行政决策、合同协议进行合法性审查"), in a segment with no other number."""
    text = doc.text
    right = text[mention.end:c1]
    best = None
    for rule in COUNT_RULES:
        if rule.right_prefix is not None or _own_segment_excludes(rule, doc, mention):
            continue
        hit = rule.trigger.search(right)
        if hit is None:
            continue
        g0, g1 = _bounds(doc, mention.end + hit.start(), mention.end + hit.end(), SEGMENT_END)
        if _holds_other_mention(doc, mention.end, g1, mention.start) or not _allowed(rule, doc, mention, text[g0:g1]):
            continue
        key = (-hit.start(), rule.priority)
        if best is None or key > best[0]:
            best = (key, rule)
    return best[1] if best else None


def _inherited(doc: _Doc, mention: Mention, s0: int, c0: int, g0: int, seg_left: str) -> tuple[str, str] | None:
    units_ok = lambda key: any(r.indicator == key and mention.unit in r.units for r in COUNT_RULES)  # noqa: E731
    clause_left = doc.text[c0:mention.start]
    if QIZHONG.match(seg_left) or QIZHONG.match(clause_left):
        parents = [d for d in _recent(doc, s0) if d.sentence_start == s0 and d.mention_end <= mention.start]
        if parents and units_ok(parents[-1].indicator):
            return parents[-1].indicator, "qizhong"
    if g0 > 0 and doc.text[g0 - 1] == "、" and not _names_a_thing_of_its_own(seg_left):
        same_clause = [d for d in _recent(doc, c0) if d.clause_start == c0]
        if same_clause and same_clause[-1].via in ("verb", "qizhong", "list") and units_ok(same_clause[-1].indicator):
            return same_clause[-1].indicator, "list"
    return None


def _names_a_thing_of_its_own(item: str) -> bool:
    """"召开党委会议44期、…、中心组学习会议12期、周例会42期": a list item whose own words name something a rule
    counts — a meeting, an activity — is that thing, a figure or not (a weekly meeting that does not say it was about
    law is none); it is not one more object of the verb before the list, as "审查各类合同232件、一般性文件26个" is."""
    return any(rule.trigger.search(item) for rule in COUNT_RULES)


def _participants_of(doc: _Doc, mention: Mention, s0: int, seg_left: str, seg_right: str) -> str | None:
    if mention.unit not in PEOPLE_UNITS:
        return None
    if not (PARTICIPANTS_LEFT.search(seg_left) or PARTICIPANTS_RIGHT.match(seg_right)):
        return None
    previous = [d for d in _recent(doc, s0) if d.sentence_start == s0]
    if previous:
        return AUDIENCE_OF.get(previous[-1].indicator)
    return _people_of_the_activity_before(doc, mention, s0)


def _people_of_the_activity_before(doc: _Doc, mention: Mention, s0: int) -> str | None:
    """"组织全体干部职工参加网上学法考试，共98人参加", "组织旁听庭审活动，共32人参加", "开展“法律进乡村”活动，共600余名
    群众参与": the first count of its sentence, people taking part, counts the people of the activity the clauses before
    it name (the nearest one) — an exam's participants, a hearing's attendees, a publicity event's audience."""
    text = doc.text
    c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
    if c0 <= s0 or _holds_other_mention(doc, s0, c0, mention.start):
        return None
    best = None
    for rule in COUNT_RULES:
        target = PEOPLE_OF_THE_ACTIVITY.get(rule.indicator)
        if target is None or rule.right_prefix is not None:
            continue
        hits = list(rule.trigger.finditer(text, s0, c0))
        if not hits:
            continue
        g0, g1 = _bounds(doc, hits[-1].start(), hits[-1].end(), SEGMENT_END)
        if rule.excludes is not None and rule.excludes.search(_without_forms(text[g0:g1])):
            continue
        if rule.requires is not None and not rule.requires.search(text, s0, c0):
            continue
        if (rule.audience or target == "publicity_audience") and not _for_the_public(doc, mention):
            continue
        if best is None or hits[-1].end() > best[0]:
            best = (hits[-1].end(), target)
    return best[1] if best else None


def _rate_indicators(doc: _Doc, mention: Mention, c0: int) -> list[str]:
    left = doc.text[c0:mention.start]
    last_rate = left.rfind("率")
    if last_rate < 0:
        return []
    hits = []
    for rule in RATE_RULES:
        for hit in rule.trigger.finditer(left):
            if _allowed(rule, doc, mention, left):
                hits.append((hit.end(), rule.indicator))
    if not hits:
        return []
    hits.sort()
    paired = _paired_in_order(doc, mention, c0, left, hits)
    if paired is not None:
        return paired
    if hits[-1][0] == last_rate + 1:
        if DISTRIBUTIVE.search(left[hits[-1][0]:]):
            return list(dict.fromkeys(ind for _, ind in hits))
        return [hits[-1][1]]
    if DISTRIBUTIVE.search(left[last_rate:]):
        return list(dict.fromkeys(ind for _, ind in hits))
    # "答复率和答复及时率100%", "参考率、通过率100%": rates listed before one number all have it — each one the
    # reader knows, however the rates after it are named
    listed = [ind for end, ind in hits if RATES_LISTED_AFTER.match(left, end)]
    return list(dict.fromkeys(listed))


def _paired_in_order(doc: _Doc, mention: Mention, c0: int, left: str, hits: list) -> list[str] | None:
    """"调处成功率、答复率分别达到98%、100%": rates listed before 分别 and as many values after it go in pairs, in
    order — the k-th value is the k-th rate's only. None when the clause is not such a list."""
    k = left.rfind("分别")
    if k < 0:
        return None
    c1 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[1]
    values = [m.start for m in doc.mentions if m.unit == "%" and c0 + k < m.start < c1]
    words = [i + 1 for i, ch in enumerate(left[:k]) if ch == "率"]
    if len(values) < 2 or len(words) < len(values) or mention.start not in values:
        return None
    word_end = words[len(words) - len(values) + values.index(mention.start)]
    return list(dict.fromkeys(indicator for end, indicator in hits if end == word_end))


# The rest of a list of rates after one of them: "和答复及时率", "、合格率、优秀率" (then at most a verb: 达, 保持…).
RATES_LISTED_AFTER = re.compile(r"(?:(?:[、和及与]|以及)[^，,。；;、和及与率\d]{1,8}率)+[^，,。；;、率\d]{0,4}$")


def _times_each(text: str, c0: int, seg_left: str, g0: int) -> int:
    """"上半年、下半年各召开一次" is two meetings."""
    hit = EACH.search(seg_left)
    if hit is None or g0 <= c0:
        return 1
    items = text[c0:g0 + hit.start()].split("、")
    return len(items) if 2 <= len(items) <= 6 and all(0 < len(item) <= 8 for item in items[1:]) else 1


def _evidence(text: str, mention: Mention, c0: int, c1: int) -> str:
    lo = max(c0, mention.start - 40)
    hi = min(c1, mention.end + 24)
    return text[lo:hi].strip()


@dataclass(frozen=True)
class _Spans:
    sentence: int
    clause: tuple[int, int]
    segment: tuple[int, int]


LEGAL_SERVICE = re.compile(r"法律顾问|法律服务")
# Who gave a legal service, and to whom: "法律顾问为30余家企业提供法律服务", "律师为村民提供法律服务".
ADVISER_SERVED = re.compile(
    r"(?:法律顾问|律师|法律服务团|法律服务队)[^，,。；;]{0,6}(?:为|向|给)[^，,。；;]{0,14}?"
    r"(?:企业|群众|村民|居民|商户|农户|市场主体|商会会员|个体户)[^，,。；;]{0,4}提供[^，,。；;]{0,6}法律服务")
FORM_INDICATOR = {"outreach": "publicity_events", "lecture": "publicity_events", "training": "enforcement_training"}


def _by_form(doc: _Doc, mention: Mention, seg_left: str, segment: str) -> tuple[str, str] | None | bool:
    """The indicator an activity named by its form right before the number may be: (indicator, "form"),
    None when the form makes it no figure, False when no form is named there."""
    if SERVICE_HEAD.search(seg_left):
        # "为群众提供法律咨询、政策咨询、法律服务达300余人次": the people a list of consultations and services
        # served are consultations, read by the rules from the list's first items.
        g0 = mention.start - len(seg_left)
        c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
        if mention.unit == "人次" and g0 > c0 and doc.text[g0 - 1] == "、" and "咨询" in doc.text[c0:g0]:
            return False
        # "大力推广“智慧村(居)法律顾问”服务平台…提供服务1307人次": the people a legal adviser or a legal service
        # served were given legal advice — consultations, as a list of consultations and services is
        if mention.unit in ("人次", "人") and LEGAL_SERVICE.search(
                doc.text, _bounds(doc, mention.start, mention.end, SENTENCE_END)[0], mention.start):
            return "legal_consultations", "form"
        # "镇商会法律顾问为30余家企业提供法律服务110余次": the times an adviser or a lawyer served people or firms it
        # names are consultations too — a list of services (合同审查、法律咨询等专项法律服务5次) is not
        if mention.unit in ("次", "人次", "件次") and "等" not in seg_left and "、" not in seg_left and \
                ADVISER_SERVED.search(doc.text, c0, mention.start):
            return "legal_consultations", "form"
        return None
    if mention.unit in ("人次", "人") and PUBLICITY_HEAD.search(seg_left) and _for_the_public(doc, mention):
        return "publicity_audience", "form"  # "入户宣传2500余人次": the people the publicity reached
    head = FORM_HEAD.search(seg_left)
    if head is None:
        return False
    kind = next(name for name, value in head.groupdict().items() if value)
    if kind == "visit":
        # "观摩学习5次": a visit to see how others work is no study session; a visit to a court hearing, named in the
        # count's own item ("旁听庭审、观摩学习2次", "庭审观摩学习3次"), is the hearing attended
        i = bisect_left(doc.mention_starts, mention.start)
        since = max(_bounds(doc, mention.start, mention.end, CLAUSE_END)[0], doc.mentions[i - 1].end if i else 0)
        item = doc.text[since:mention.start]
        for rule in COUNT_RULES:
            if rule.indicator == "court_hearings_attended" and rule.trigger.search(item) \
                    and _allowed(rule, doc, mention, item):
                return rule.indicator, "form"
        return None
    if kind == "lecture" and mention.unit not in PEOPLE_UNITS:
        study = _the_study_groups_lecture(doc, mention, seg_left, segment)
        if study is not None:
            return study
    if mention.unit in PEOPLE_UNITS:
        if kind == "exam":
            return False  # the people who sat it: exam_participants, read by the rules
        if kind in ("outreach", "lecture") and _for_the_public(doc, mention):
            return "publicity_audience", "form"  # "现场知识讲解58人次": the people it reached
    indicator = FORM_INDICATOR.get(kind)
    c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
    if _mixed_with_other_forms(doc, mention, c0, indicator):
        return None
    for rule in COUNT_RULES:
        if rule.indicator == indicator and rule.trigger.search(seg_left) and _allowed(rule, doc, mention, segment):
            return indicator, "form"
    return None


# The township's theory study group: a lecture it holds is its study, whatever the lecture's form.
STUDY_GROUP = re.compile(r"中心组")


def _the_study_groups_lecture(doc: _Doc, mention: Mention, seg_left: str, segment: str) -> tuple[str, str] | None:
    """"组织党工委理论学习中心组(扩大)学习会专题法治讲座2场": a lecture held as the 中心组's own session is its study
    (as "中心组专题学习讲座4次"): the 中心组 is named in the count's own list item — no 、 and no other number
    between them — so that "中心组专题学习12次、讲座培训2场" leaves the training lectures alone."""
    c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
    form = mention.start - len(seg_left) + FORM_HEAD.search(seg_left).start()
    groups = list(STUDY_GROUP.finditer(doc.text, c0, form))
    if not groups:
        return None
    between = doc.text[groups[-1].end():form]
    if "、" in between or _holds_other_mention(doc, groups[-1].start(), mention.start, mention.start):
        return None
    for rule in COUNT_RULES:
        if rule.indicator == "study_sessions" and _allowed(rule, doc, mention, segment):
            return "study_sessions", "form"
    return None


def _all_of_them(doc: _Doc, mention: Mention, c1: int) -> list[str]:
    """"出台规范性文件3件，均经合法性审查": the documents counted all went through a review (or a filing) — each of
    them the statement names ("全部经过合法性审查并报区司法局备案": reviewed and filed; "报县司法局备案审查": the
    superior body's review of the filing is the filing)."""
    text = doc.text
    s1 = _bounds(doc, mention.start, mention.end, SENTENCE_END)[1]
    following = text[c1:s1]
    distributive = ALL_OF_THEM.match(following)
    last = _last_of_its_list(doc, mention, c1)
    if distributive is None and last is not mention:
        # "出台规范性文件2件、重大行政决策3项均经过合法性审查": the statement right after the list, in its clause, says
        # what all of its items went through
        following = "，" + text[last.end:s1]
        distributive = ALL_OF_THEM.match(following)
    if distributive is None:
        following = text[c1:s1]
        c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
        distributive = WHAT_WAS_DONE.match(following)
        if distributive is None or not THE_DOCUMENTS.search(text, c0, c1):
            return []
    rest = following[distributive.end():]
    end = next((i for i, ch in enumerate(rest) if ch in CLAUSE_END), len(rest))
    statements = [rest[:end][:24]]
    # "…3件，全部经过合法性审核，并报县司法局备案": the clauses right after the statement that go on with what was done
    # to them, with no subject of their own, say it of them too
    while end < len(rest) and rest[end] in "，,":
        more = WHAT_WAS_DONE.match(rest[end:])
        if more is None:
            break
        nxt = next((i for i in range(end + more.end(), len(rest)) if rest[i] in CLAUSE_END), len(rest))
        statements.append(rest[end + more.end():nxt][:24])
        end = nxt
    found_in = []
    for statement in statements:
        hits = []
        for rule in COUNT_RULES:
            if rule.indicator in ("legality_reviews", "normative_docs_filed") and mention.unit in rule.units:
                found = [h for h in rule.trigger.finditer(statement)
                         if statement[max(0, h.start() - 2):h.start()] != "备案"]
                if found:
                    hits.append((found[0].start(), rule.indicator))
        hits.sort()
        if not hits or hits[0][0] > 6:
            break
        found_in += [indicator for _, indicator in hits if indicator not in found_in]
    return found_in


# "挖掘培养4名…热心公益人员，充实到村(社区)“法律明白人”队伍中去": people trained or recruited, then named by the group
# the next clause says they joined.
RECRUITED = re.compile(r"(?:培养|挖掘|选拔|选聘|选树|吸纳|发展|招募|遴选|培育|新增|认定)[^，,。；;]{0,6}$")
JOINED_GROUP = re.compile(r"^[，,](?:并|均|全部|将其|把他们|使其)?(?:充实到|充实进|补充到|加入|纳入|吸收到|吸纳到|编入|成为|担任|作为)")


def _the_group_they_joined(doc: _Doc, mention: Mention, c1: int) -> str | None:
    if mention.unit not in PEOPLE_UNITS:
        return None
    text = doc.text
    c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
    if not RECRUITED.search(text, c0, mention.start):
        return None
    s1 = _bounds(doc, mention.start, mention.end, SENTENCE_END)[1]
    if c1 >= s1:
        return None
    n1 = _bounds(doc, c1 + 1, c1 + 1, CLAUSE_END)[1]  # the next clause only
    following = text[c1:n1]
    joined = JOINED_GROUP.match(following)
    if joined is None or _holds_other_mention(doc, c1, n1, mention.start):
        return None
    rest = following[joined.end():joined.end() + 24]
    for rule in COUNT_RULES:
        if mention.unit in rule.units and rule.right_prefix is None and rule.trigger.search(rest) \
                and (rule.excludes is None or not rule.excludes.search(rest)):
            return rule.indicator
    return None


def _list_of_something_else(seg_left: str, seg_right: str) -> bool:
    """"解决项目推进、重大纠纷等4个实际难题": a list closed by 等 before the number counts what the noun after
    the unit names (难题), not its items — unless that noun is one an indicator counts, or an activity."""
    if not LIST_BEFORE.search(seg_left):
        return False
    head = LIST_HEAD.match(seg_right).group(0)
    if OBJECT_OF_THE_VERB.match(seg_right):
        # "对…等12项重大决策开展合法性审查": the things listed are the object of what is done to them after
        return False
    return bool(head) and not GENERIC_HEAD.search(head) and not any(r.trigger.search(head) for r in COUNT_RULES)


# The noun counted, then the verb done to it: "…等12项重大决策开展合法性审查", "…等5份合同进行了法律审核" (the list
# before is the object of a 对 construction; what the verb names is what is counted).
OBJECT_OF_THE_VERB = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:开展|进行|实施|作出|做出|组织|完成|落实)了?(?:合法性|合法合规性|法制|法律|备案|前置)?(?:审查|审核|备案|评查)")


# A number inside a short quoted name ("三项制度", “两个维护”) names something; it counts nothing.
QUOTE_OPEN, QUOTE_CLOSE = "“\"「『", "”\"」』"
# The noun right after the unit names what is counted: "指导21个社区（村）发布…信息" counts communities.
PLACE_AFTER = re.compile(r"^[（(]?(?:行政村|村|社区|居委会|单位|部门|企业|学校|乡镇|街道|网格)")


def _inside_a_name(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 12):mention.start]
    after = text[mention.end:mention.end + 12]
    opened = max(before.rfind(q) for q in QUOTE_OPEN)
    if opened < 0 or any(q in before[opened + 1:] for q in QUOTE_CLOSE):
        return False
    closes = [after.find(q) for q in QUOTE_CLOSE if after.find(q) > 0]
    return bool(closes) and not any(ch in after[:min(closes)] for ch in "，,。；;、")


def _count_indicator(doc: _Doc, mention: Mention, spans: _Spans) -> tuple[str, str] | None:
    """(indicator, how it was found) for a count, or None when the number is not a figure."""
    text = doc.text
    c0, c1 = spans.clause
    g0, g1 = spans.segment
    seg_left, seg_right, segment = text[g0:mention.start], text[mention.end:g1], text[g0:g1]
    if _list_of_something_else(seg_left, seg_right):
        return None
    respective = _respective(doc, mention, c0, c1)
    if respective is not False:
        return respective
    by_form = _by_form(doc, mention, seg_left, segment)
    if by_form is not False:
        return by_form
    coverage = _coverage_rule(doc, mention, text[c0:c1], segment)
    if coverage is not None:
        return coverage.indicator, "right"
    if PLACE_AFTER.match(seg_right) and mention.unit not in PEOPLE_UNITS:
        return None
    if mention.unit in PEOPLE_UNITS and DEPLOYED.search(seg_left):
        return None
    found = _nearest_left(COUNT_RULES, doc, mention, seg_left, segment)
    if found is not None:
        rule, hit = found
        if _mixed_with_other_forms(doc, mention, c0, rule.indicator):
            return None
        return rule.indicator, ("verb" if len(seg_left) - hit.end() >= 2 else "left")
    rule = _nearest_right(COUNT_RULES, doc, mention, seg_right, segment)
    if rule is not None:
        return rule.indicator, "right"
    found = _verb_before_the_list(doc, mention, c0, g0, seg_left, segment)
    if found is not None:
        return found.indicator, "verb"
    rule = _verb_after_the_objects(doc, mention, c0, c1)
    if rule is not None:
        return rule.indicator, "right"
    rule = _meeting_named_after(doc, mention, seg_right, segment)
    if rule is not None:
        return rule.indicator, "right"
    inherited = _inherited(doc, mention, spans.sentence, c0, g0, seg_left)
    if inherited is not None:
        return inherited
    audience = _participants_of(doc, mention, spans.sentence, seg_left, seg_right)
    if audience is not None:
        return audience, "participants"
    rule = _mention_free_clause_rule(doc, mention, c0)
    if rule is not None:
        return rule.indicator, "clause"
    rule = _mention_free_clause_rule_right(doc, mention, spans.clause[1])
    if rule is not None:
        return rule.indicator, "clause"
    went_through = _all_of_them(doc, mention, c1)
    if went_through:
        return went_through[0], "all"
    indicator = _the_group_they_joined(doc, mention, c1)
    if indicator is not None:
        return indicator, "joined"
    return _elliptical(doc, mention, spans.sentence, seg_left)


# The words that join the items of a list: "行政复议、行政诉讼", "专题党课、研讨会及学习会".
CONJUNCTS = re.compile(r"[、及和与]|以及")
RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|有|共|计|约)?")


def _respective(doc: _Doc, mention: Mention, c0: int, c1: int) -> tuple[str, str] | None | bool:
    """"办理行政复议、行政诉讼案件分别为2件、3件": things listed before 分别 and as many numbers after it go in pairs, in
    order — each number is read as if its own item stood right before it (None when that item names no figure).
    False when the clause is not such a list."""
    text = doc.text
    left = text[c0:mention.start]
    k = left.rfind("分别")
    if k < 0:
        return False
    i = bisect_left(doc.mention_starts, c0 + k)
    values = []
    while i < len(doc.mentions) and doc.mentions[i].start < c1:
        if values and text[values[-1].end:doc.mentions[i].start] not in ("、", "，", ","):
            break
        values.append(doc.mentions[i])
        i += 1
    items = [item for item in CONJUNCTS.split(left[:k]) if item]
    if len(values) < 2 or mention not in values:
        return False
    if not RESPECTIVELY.fullmatch(text, c0 + k, values[0].start):
        # "镇党委、镇政府分别召开法治专题会议2次、3次": the items are who, the words after 分别 say what each number is
        if mention is values[0]:
            return False
        first = [d for d in doc.decisions if d.mention_end == values[0].end]
        return (first[-1].indicator, "list") if first else None
    if len(items) != len(values):
        return False
    item = items[values.index(mention)]
    found = _nearest_left(COUNT_RULES, doc, mention, item, item)
    if found is None and not (OTHER_FORM.search(item) or OUTREACH.search(item)):
        # an item that names no activity of its own ("收到、办结信息公开申请") shares the noun of the last one
        found = _nearest_left(COUNT_RULES, doc, mention, item + items[-1], item + items[-1])
    return (found[0].indicator, "left") if found is not None else None


# What a count names when it joins several things: "各类专题党课、专题研讨会及学习会60余场次".
COUNTED_PHRASE_VERB = re.compile(r"(?:开展|举办|组织|召开|进行|举行)(?:了|各类|各种|多场|多次)*")
OTHER_FORM = re.compile(r"党课|辅导|(?<!学习)(?<!学法)(?:讲座|培训|研讨|座谈|轮训)")
STUDY_FORM = re.compile(r"学习|学法")


TRAINING_FORM = re.compile(r"(?<!学习)(?<!学法)(?:培训|轮训)")
NOT_TRAINING_FORM = re.compile(r"党课|辅导|讲座|研讨|座谈|宣讲")


def _mixed_with_other_forms(doc: _Doc, mention: Mention, c0: int, indicator: str) -> bool:
    """A count that joins several forms counts them together, so it is none of them alone: study joined with the
    staff's party classes, lectures, training or seminars ("开展各类专题党课、专题研讨会及学习会60余场次"), training
    joined with lectures ("全年举办法治讲座和业务培训60场次"). A count whose clause names no activity of its own
    belongs with the activity of the clause before: "开展…法治建设工作专项培训，深化…重要论述学习7场" is training."""
    if indicator == "study_sessions":
        own, other = STUDY_FORM, OTHER_FORM
    elif indicator == "enforcement_training":
        own, other = TRAINING_FORM, NOT_TRAINING_FORM
    else:
        return False
    left = doc.text[c0:mention.start]
    verbs = list(COUNTED_PHRASE_VERB.finditer(left))
    phrase = left[verbs[-1].end():] if verbs else left
    splitter = CONJUNCTS
    if not verbs and indicator == "study_sessions":
        s0 = _bounds(doc, mention.start, mention.end, SENTENCE_END)[0]
        if s0 < c0 and not _holds_other_mention(doc, s0, c0, mention.start):
            phrase, splitter = doc.text[s0:mention.start], CLAUSE_SPLIT
    if _holds_other_mention(doc, mention.start - len(phrase), mention.start, mention.start):
        return False
    items = [item for item in splitter.split(phrase) if item]
    if len(items) < 2:
        return False
    return any(other.search(item) for item in items) and any(
        own.search(item) and not other.search(item) for item in items)


CLAUSE_SPLIT = re.compile(rf"{CONJUNCTS.pattern}|[，,]")


def _verb_before_the_list(doc: _Doc, mention: Mention, c0: int, g0: int, seg_left: str, segment: str) -> Rule | None:
    """"及时公开涉农资金分配、惠民政策落实、重点项目进展等事项信息15条": a list closed by 等 stands for one thing,
    so the verb before its first item reaches the noun after 等 (公开…信息), as if the list were its first item."""
    k = seg_left.rfind("等")
    if k < 0 or g0 <= c0 or doc.text[g0 - 1] != "、" or _holds_other_mention(doc, c0, g0, mention.start):
        return None
    first = doc.text[c0:g0].split("、")[0]
    found = _nearest_left(COUNT_RULES, doc, mention, first + seg_left[k + 1:], segment)
    return found[0] if found is not None else None


# "对15件重大行政决策、32份合同进行合法性审查": the objects of a 对 construction, listed before the verb.
OBJECTS_OPENED = re.compile(r"对(?:[^，,。；;：:、]{0,16}、)*[^，,。；;：:、]{0,16}$")
LIST_JOIN = re.compile(r"[^，,。；;：:、\d]{0,16}?(?:、|和|及|以及)[^，,。；;：:、\d]{0,16}")


def _last_of_its_list(doc: _Doc, mention: Mention, c1: int) -> Mention:
    """The last number of the list of counts the mention opens or goes on ("文件2件、重大行政决策3项"), in its clause:
    each next one joined to the one before by 、 (和, 及) after at most a short noun."""
    i = bisect_left(doc.mention_starts, mention.start)
    last = mention
    while i + 1 < len(doc.mentions) and doc.mentions[i + 1].start < c1:
        if not LIST_JOIN.fullmatch(doc.text, last.end, doc.mentions[i + 1].start):
            break
        i += 1
        last = doc.mentions[i]
    return last


def _verb_after_the_objects(doc: _Doc, mention: Mention, c0: int, c1: int) -> Rule | None:
    """"对15件重大行政决策、32份合同进行合法性审查": each number listed as an object of 对 counts what the verb after the
    list does to it (as "对…等12项重大决策开展合法性审查" does for one): the verb is read after the last number of the
    list, the items joined by 、 (or 和, 及)."""
    text = doc.text
    if not OBJECTS_OPENED.search(text, c0, mention.start):
        return None
    last = _last_of_its_list(doc, mention, c1)
    if last is mention:
        return None
    verb = OBJECT_OF_THE_VERB.match(text[last.end:c1])
    if verb is None:
        return None
    best = None
    for rule in COUNT_RULES:
        if rule.right_prefix is None and rule.trigger.search(verb.group(0)) \
                and _allowed(rule, doc, mention, verb.group(0)) and (best is None or rule.priority > best.priority):
            best = rule
    return best


# "通过4次专题研判会，分析基层治理法治难点": a meeting named right after the unit by a word ending in 会 — unless
# it is a study, a training, a talk, a seminar or a show, which have their own readings.
MEETING_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}会(?:议)?(?![\u4e00-\u9fff])")
NOT_A_MEETING = re.compile(r"学|培训|宣讲|讲|座谈|研讨|交流|晚会|演|赛|课|听证|代表")


def _meeting_named_after(doc: _Doc, mention: Mention, seg_right: str, segment: str) -> Rule | None:
    head = MEETING_AFTER.match(seg_right)
    if head is None or NOT_A_MEETING.search(head.group(0)):
        return None
    for rule in COUNT_RULES:
        if rule.indicator != "rule_of_law_meetings" or rule.right_prefix is not None:
            continue
        if _allowed(rule, doc, mention, segment):
            return rule
    return None


def _elliptical(doc: _Doc, mention: Mention, s0: int, seg_left: str) -> tuple[str, str] | None:
    """"法治专题宣讲2场次，走进社区开展2场次": a count whose verb names no activity ("开展2场次") counts the same
    activity as the number right before it in its sentence."""
    if not BARE_VERB.search(seg_left):
        return None
    if _names_its_own_noun(doc, mention):
        return None  # "组织14名机关在编人员参与…考试": the verb's object is named after the unit
    i = bisect_left(doc.mention_starts, mention.start)
    if i == 0 or doc.mentions[i - 1].end <= s0:
        return _carried_from_the_clause_before(doc, mention, s0)
    previous = [d for d in _recent(doc, s0) if d.sentence_start == s0]
    if not previous or previous[-1].mention_end != doc.mentions[i - 1].end:
        # the number before was no figure — a frequency ("坚持每月召开1次会前学法，全年共12次") — so the activity
        # of the clause before is what is counted
        if _a_frequency(doc, doc.mentions[i - 1], _bounds(doc, doc.mentions[i - 1].start, doc.mentions[i - 1].end,
                                                                 CLAUSE_END)[0]):
            return _carried_from_the_clause_before(doc, mention, s0)
        return None
    indicator = previous[-1].indicator
    if not any(r.indicator == indicator and mention.unit in r.units for r in COUNT_RULES):
        return None
    if any(r.trigger.search(seg_left) for r in COUNT_RULES):  # it names something, only not a figure
        return None
    return indicator, "ellipsis"


# What may follow an elliptical count in its segment: a qualifier, or a word that names no thing of its own.
ELLIPSIS_TAIL = re.compile(r"(?:以上|左右|上下|之多|有余|许)?(?:活动|工作|次|了)?[”\"」』]?$")


def _names_its_own_noun(doc: _Doc, mention: Mention) -> bool:
    """"今年以来组织14名机关在编人员参与行政执法考试": a count with its noun right after the unit is not elliptical —
    the verb before it (组织, 开展) takes that noun, not the activity of the clause or number before."""
    g1 = _bounds(doc, mention.start, mention.end, SEGMENT_END)[1]
    return not ELLIPSIS_TAIL.match(doc.text[mention.end:g1].strip())


def _carried_from_the_clause_before(doc: _Doc, mention: Mention, s0: int) -> tuple[str, str] | None:
    """"每周三组织…开展习近平法治思想专题集中学习，全年累计开展20余次": the first number of its sentence, with a
    verb that names nothing, counts the activity named in the clause before it (the nearest trigger there)."""
    c0 = _bounds(doc, mention.start, mention.end, CLAUSE_END)[0]
    if c0 <= s0:
        return None
    p0 = _bounds(doc, c0 - 2, c0 - 1, CLAUSE_END)[0]
    # a book's title names a document, not the activity ("涉及…《总体国家安全观学习纲要》等，今年共计8场")
    left = BOOK_TITLE.sub(lambda m: "　" * len(m.group(0)), doc.text[p0:c0 - 1])
    best = None
    for rule in COUNT_RULES:
        if rule.right_prefix is not None or mention.unit not in rule.units or _own_segment_excludes(rule, doc, mention):
            continue
        hits = list(rule.trigger.finditer(left))
        if not hits:
            continue
        g0, g1 = _bounds(doc, p0 + hits[-1].start(), p0 + hits[-1].end(), SEGMENT_END)
        if not _allowed(rule, doc, mention, doc.text[g0:g1]):
            continue
        key = (hits[-1].end(), rule.priority)
        if best is None or key > best[0]:
            best = (key, rule)
    return (best[1].indicator, "carried") if best else None


# "全年累计开展20余次", "共召开12次": a total, not how often.
TOTAL = re.compile(r"全年|累计|共计|合计|总计|年内|今年|共")


def _a_frequency(doc: _Doc, mention: Mention, c0: int) -> bool:
    """"每季度召开1次" is how often, not how many; "以每两月1次频次开展…学习5次" is a total after a frequency:
    a 每 phrase makes a frequency only of the first number after it."""
    # the first number after a floor in its clause, unless the clause makes it a total (全年/累计/共…不少于30场)
    floors = list(MINIMUM.finditer(doc.text, c0, mention.start))
    if floors and not _holds_other_mention(doc, floors[-1].end(), mention.start, mention.start) \
            and not TOTAL.search(doc.text, c0, mention.start):
        return True
    hits = list(PER_PERIOD.finditer(doc.text, c0, mention.start))
    if hits:
        return not _holds_other_mention(doc, hits[-1].end(), mention.start, mention.start)
    # "每半年听取一次…汇报，召开一次…会议": a 每 phrase earlier in the sentence makes the next "一次" one too
    s0 = _bounds(doc, mention.start, mention.end, SENTENCE_END)[0]
    return (mention.value == 1 and PER_PERIOD.search(doc.text, s0, c0) is not None
            and not TOTAL.search(doc.text, c0, mention.start))


def extract_figures(text: str) -> list[Figure]:
    text = rewrite_table_rows(text)
    mentions = find_mentions(text)
    doc = _Doc(text=text, mentions=mentions, mention_starts=[m.start for m in mentions])
    plans = plan_spans(text)
    figures: list[Figure] = []
    for mention in mentions:
        if any(a <= mention.start < b for a, b in plans):
            continue
        s0, _ = _bounds(doc, mention.start, mention.end, SENTENCE_END)
        c0, c1 = _bounds(doc, mention.start, mention.end, CLAUSE_END)
        g0, g1 = _bounds(doc, mention.start, mention.end, SEGMENT_END)
        evidence = _evidence(text, mention, c0, c1)
        if mention.unit == "%":
            for indicator in _rate_indicators(doc, mention, c0):
                figures.append(Figure(indicator, tidy(mention.value), "%", mention.approx, evidence))
                doc.decisions.append(Decision(indicator, c0, s0, g0, mention.end, "rate"))
            continue
        clause_left = text[c0:mention.start]
        if _a_frequency(doc, mention, c0) or FUTURE.search(clause_left) or FUTURE_OPENING.match(text, s0) \
                or _inside_a_name(text, mention):
            continue
        found = _count_indicator(doc, mention, _Spans(s0, (c0, c1), (g0, g1)))
        if found is None:
            continue
        indicator, via = found
        value = mention.value * _times_each(text, c0, text[g0:mention.start], g0)
        figures.append(Figure(indicator, tidy(value), mention.unit, mention.approx, evidence))
        doc.decisions.append(Decision(indicator, c0, s0, g0, mention.end, via))
        if via == "all":  # "…2件，全部经过合法性审查并报区司法局备案": each thing they all went through
            for other in _all_of_them(doc, mention, c1)[1:]:
                figures.append(Figure(other, tidy(value), mention.unit, mention.approx, evidence))
    figures.extend(_without_a_unit(doc, plans))
    return figures


# "累计发放法治宣传资料3000充分利用…": a number the text gives no unit, right after the thing it counts.
BARE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])(?P<num>\d{1,9})(?P<inside>[余多]?)(?![\d.．%％·:：/\-])"
    # nor a measure word the number scanner does not know ("交流发言材料27篇"): then the unit is not left out
    r"(?![篇块幅座间栋批组类种门节课堂集首封段则枚盒袋箱瓶包顶面根棵株亩吨斤米分秒天周岁年月日号时届版级倍成点亿万千百])")


def _without_a_unit(doc: _Doc, plans: list[tuple[int, int]]) -> list[Figure]:
    """Figures whose unit the text leaves out: only where the noun a rule counts ends right at the number (its
    trigger touching it) — the unit is kept empty, as written."""
    text = doc.text
    taken = [(m.start, m.end) for m in doc.mentions]
    found = []
    for m in BARE_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or any(a <= m.start() < b for a, b in plans):
            continue
        mention = Mention(m.start(), m.end(), float(m.group("num")), "", bool(m.group("inside")))
        c0, c1 = _bounds(doc, mention.start, mention.end, CLAUSE_END)
        g0 = _bounds(doc, mention.start, mention.end, SEGMENT_END)[0]
        if _a_frequency(doc, mention, c0) or FUTURE.search(text, c0, mention.start):
            continue
        left = text[g0:mention.start]
        best = None
        for rule in COUNT_RULES:
            if rule.right_prefix is not None or rule.audience or rule.own_body or rule.requires is not None:
                continue
            hits = [h for h in rule.trigger.finditer(left) if h.end() == len(left)]
            if not hits or (rule.excludes is not None and rule.excludes.search(left)):
                continue
            if best is None or rule.priority > best.priority:
                best = rule
        if best is not None:
            found.append(Figure(best.indicator, tidy(mention.value), "", mention.approx,
                                _evidence(text, mention, c0, c1)))
    return found
