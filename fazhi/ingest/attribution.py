"""Who wrote a report and which year it covers."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_NAME = r"[\u4e00-\u9fff]{1,14}?"
# An organisation as written: 如东县岔河镇人民政府, 坡子街街道办事处, 留下街道, 某某乡.
ORGANISATION = re.compile(rf"({_NAME}(?:镇|乡|街道))(人民政府|政府|办事处)?")
FULL_BODY = re.compile(rf"{_NAME}(?:镇|乡|街道)(?:人民政府|办事处)")
LEVEL_ABOVE = re.compile(r"[省市县区旗州盟]")
NOT_NAME = re.compile(r"^(?:全|本|我|该|各|镇|县|市|区|关于|中共|和|及|与)|党委|委员会|人大|司法所|派出所")
TITLE_HINT = re.compile(r"法治政府|法治建设|依法行政|年度报告|工作报告|情况的报告|建设情况")

YEAR_IN_TITLE = re.compile(r"(20\d\d)\s*年(?:度)?[^\n，,。]{0,30}?(?:法治|依法行政|报告)")
YEAR_SINCE = re.compile(r"(20\d\d)\s*年(?:度)?(?:以来|来|[，,]|全年|是)")
YEAR_ANY = re.compile(r"(20\d\d)\s*年(?!\s*\d{1,2}\s*月)")
DATE = re.compile(r"(20\d\d)\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}")
REPORT_WORDS = re.compile(r"法治|依法行政|法制|依法治|普法")


@dataclass(frozen=True)
class Attribution:
    organisation: str | None
    year: int | None


def _short_name(name: str) -> str:
    """Drop the levels above the township: 如东县岔河镇 → 岔河镇 (but keep 新市镇)."""
    core = name
    for m in LEVEL_ABOVE.finditer(name):
        rest = name[m.end():]
        stem = re.sub(r"(?:镇|乡|街道)$", "", rest)
        if len(stem) >= 2:
            core = rest
    return core


def _organisation_in(line: str) -> str | None:
    best = None
    for m in ORGANISATION.finditer(line):
        place, body = m.group(1), m.group(2) or ""
        for piece in re.split(r"[\s　]+", place):
            if not piece:
                continue
            place = piece
        place = re.sub(r"^.*?(?:关于|中共|致|各)", "", place)
        short = _short_name(place)
        stem = re.sub(r"(?:镇|乡|街道)$", "", short)
        # One-character names (甲镇) only with their body (甲镇人民政府): "乡镇", "城镇" are not names.
        if len(stem) < (1 if body else 2) or NOT_NAME.search(stem) or stem in ("乡", "城", "村", "集"):
            continue
        candidate = short + ("人民政府" if body == "政府" else body)
        if best is None or (body and not best[1]):
            best = (candidate, bool(body))
    return best[0] if best else None


def _with_body(name: str, text: str) -> str:
    if name.endswith(("人民政府", "办事处")):
        return name
    m = re.search(re.escape(name) + r"(人民政府|办事处)", text[:20000])
    return name + m.group(1) if m else name


OPENING = re.compile(
    r"(?:^|[\n,，。:：])\s*(?:20\d\d年(?:度|以来)?[,，]\s*)?([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道))(?:人民政府|办事处)?"
    r"(?:在|坚持|以|深入|紧紧|认真|全面|始终|党委|党工委|位于|高度|持续|严格)"
)
BAD_STEM = re.compile(r"[的和在了是为对将把与及从向由等以各全本我该]|依法|法治|^(?:中共|关于)")
BAD_STEM_END = re.compile(r"[乡村城县市区省治]$")


def _frequent_township(text: str) -> str | None:
    counts: Counter = Counter()
    for m in re.finditer(r"(?:镇|乡|街道)", text[:20000]):
        for size in (2, 3, 4):
            stem = text[max(0, m.start() - size):m.start()]
            if len(stem) == size and re.fullmatch(r"[\u4e00-\u9fff]+", stem) and not BAD_STEM.search(stem) \
                    and not BAD_STEM_END.search(stem):
                counts[stem + m.group(0)] += 1
    ranked = sorted(((c, len(name), name) for name, c in counts.items() if c >= 2), reverse=True)
    return ranked[0][2] if ranked else None


def find_organisation(text: str) -> str | None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # 1. The title, or a line of its own above it ("如东县岔河镇人民政府", "(城南街道)").
    for line in lines[:6]:
        bare = line.strip("()（）【】[] \t")
        own_line = len(bare) <= 30 and bool(re.fullmatch(r"[\u4e00-\u9fff\s]+", bare)) and bool(ORGANISATION.search(bare))
        if len(line) <= 60 and (TITLE_HINT.search(line) or own_line):
            name = _organisation_in(bare)
            if name:
                return _with_body(name, text)
    # 2. The signature at the end.
    for line in reversed(lines[-6:]):
        if len(line) <= 30:
            m = FULL_BODY.search(line)
            if m:
                name = _organisation_in(m.group(0))
                if name:
                    return name
    # 3. The opening: "2023年，仲山镇在…", "…领导下，浦沿街道深入贯彻…", "现将下洋镇人民政府2023年…".
    for pattern in (OPENING, re.compile(r"现将([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道))")):
        for m in pattern.finditer(text[:1500]):
            name = _organisation_in(m.group(1))
            if name and not BAD_STEM.search(re.sub(r"(?:镇|乡|街道)$", "", name)):
                return _with_body(name, text)
    # 4. The township named most often.
    name = _frequent_township(text)
    return _with_body(name, text) if name else None


def find_year(text: str) -> int | None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:6]:
        if len(line) <= 80:
            m = YEAR_IN_TITLE.search(DATE.sub("", line))
            if m and TITLE_HINT.search(line):
                return int(m.group(1))
    body = DATE.sub("", text[:3000])
    body = re.sub(r"20\d\d\s*[—\-–~至到]\s*20\d\d", "", body)
    m = YEAR_SINCE.search(body)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in YEAR_ANY.findall(body))
    if years:
        return years.most_common(1)[0][0]
    return None


def attribute(text: str) -> Attribution:
    return Attribution(find_organisation(text), find_year(text))


def looks_like_report(text: str) -> bool:
    """Some sign of a rule-of-law report: the words recur, not just once in passing."""
    return len(REPORT_WORDS.findall(text[:200_000])) >= 2
