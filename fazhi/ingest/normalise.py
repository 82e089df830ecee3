"""Clean report text: scraping artefacts, full-width characters, traditional script.

Every pattern here is linear-time: bounded repetitions and no nested quantifiers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import ALL_UNITS

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = rf"[a-zü{TONE_VOWELS}]{{0,6}}[{TONE_VOWELS}][a-zü{TONE_VOWELS}]{{0,6}}"
# "時(shí)", "會(huì )": a mirror site annotates characters with their pinyin.
PINYIN_NOTE = re.compile(rf"(?<=[\u3400-\u9fff])[ \t]?\([ \t]?{_PINYIN}[ \t]?\)")
# "提升?,F(xiàn)將": a character lost to "?" or a Latin letter, its annotation still there.
BROKEN_NOTE = re.compile(rf"[?？]?[,，]?[A-Za-z]?\([ \t]?{_PINYIN}[ \t]?\)")
BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,80}\]")
MARKDOWN_BOLD = re.compile(r"\*{2,3}")
LEADING_QUESTION_MARKS = re.compile(r"(?m)^[ \t]*[?？\ufffd]+[ \t]*")
REPLACEMENT_CHARS = re.compile("[\ufffd\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # U+2060: gbt9704 keeps numbers whole
# Spaces inside or around numbers: "**3** 万余人", "20 万余件", "2023 年".
SPACE_AFTER_NUMBER = re.compile(r"(?<=[\d.%])[ \t\u00a0\u3000]+(?=[\d.%\u4e00-\u9fff])")
SPACE_BEFORE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u00a0\u3000]+(?=\d)")
THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# A PDF line that ends inside a figure: "…普法活动57" / "场次，…" or "…普法活动" / "57场次，…" (our own
# PDF output read back breaks lines wherever the width runs out). The number and its unit are one.
_UNITS = "|".join(sorted((*ALL_UNITS, "%"), key=len, reverse=True))
NUMBER_UNIT_BREAK = re.compile(rf"(?<=\d)[ \t\u3000]*\n[ \t\u3000\f]*(?=(?:[余多来]|万余?|千余?)?(?:{_UNITS}))")
# "…普法宣传活动57场" / "次，…": a line that ends inside a unit of two or more characters.
UNIT_BREAK = re.compile("|".join(
    rf"(?:(?<=\d{re.escape(unit[:i])})|(?<=\d[余多来]{re.escape(unit[:i])}))[ \t\u3000]*\n[ \t\u3000\f]*(?={re.escape(unit[i:])})"
    for unit in ALL_UNITS if len(unit) > 1 for i in range(1, len(unit))))
# A full-width comma between thousands only where a unit follows the three digits ("发放资料1，200份"): elsewhere
# "，" is a clause end.
THOUSANDS_FULL_WIDTH_COMMA = re.compile(rf"(?<=\d)，(?=\d{{3}}(?:[余多来]|万余?)?(?:{_UNITS}))")
# A line that ends inside a number, right after its noun: "发放宣传资料1" / "200余份" is 1200 — a figure does not
# start a line of its own (as in _rejoin_broken_lines), so the digits on both sides are one number.
NUMBER_BREAK = re.compile(rf"(?<=[\u4e00-\u9fff])(\d{{1,5}})[ \t\u3000]*\n[ \t\u3000\f]*"
                          rf"(?=\d{{1,5}}(?:\.\d{{1,4}})?(?:[余多来]|万余?|千余?)?(?:{_UNITS}))")
ENDS_WITH_FIGURE = re.compile(rf"\d(?:[余多来]|万|千)?(?:{_UNITS})$")
LINE_STARTS_WITH_FIGURE = re.compile(rf"^\d{{1,9}}(?:\.\d{{1,4}})?(?:[余多来]|万|千)?(?:{_UNITS})")
# PDF text layers often space out Chinese characters ("法 治 政 府"); Chinese needs no spaces.
SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff\u3001\u3002\uff0c\uff1b\uff1a])[ \t\u00a0\u3000](?=[\u4e00-\u9fff\u3001\u3002\uff0c\uff1b\uff1a“”（）])")
# Lines that mirror and spam sites add around a copied page.
SPAM_LINE = re.compile(
    r"(?im)^[^\n]{0,200}(?:数据恢复|data ?recovery|版权所有|copyright|ICP备|网站地图|免责声明|"
    r"扫一扫|分享到|打印本页|关闭窗口|上一篇|下一篇|点击数|浏览次数|访问次数|字体[:：]?\s*[\[【]?\s*[大中小]|"
    r"https?://|www\.)[^\n]{0,200}$"
)
# Spam a mirror site injects into a copied page: "mm131…视频,mm137美女…|mm356快播_mm625…电影网".
SPAM_WORDS = re.compile(r"电影网|快播|写真|美女|成人|彩票|博彩|棋牌|娱乐城|色情|无码|适老化模式|无障碍浏览|(?:[A-Za-z]{1,6}\d{2,8}\D{0,40}){2}")
# UTF-8 text read as Latin-1/cp1252 ("æ³•æ²»"): re-decode such runs.
LATIN1_MOJIBAKE = re.compile(r"(?:[\u00c2-\u00ef][\u0080-\u00bf\u2018-\u203a\u0152-\u0192]{1,2}){2,200}")
LINE_END_PUNCT = set("。！？；：:;!?」』”）)】")
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]|第[一二三四五六七八九十]|[一二三四五六七八九十]是)")
HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])")

FULL_WIDTH = {ord("％"): "%", ord("\u3000"): " ", ord("．"): "."}
FULL_WIDTH.update({0xFF10 + i: str(i) for i in range(10)})
FULL_WIDTH.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
FULL_WIDTH.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})


@dataclass(frozen=True)
class Normalised:
    text: str
    script: str  # "simplified" or "traditional": what the original was


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: the C++ dictionaries load in ~50 ms

    return opencc.OpenCC("t2s")


def _fix_latin1(match: re.Match) -> str:
    run = match.group(0)
    for codec in ("cp1252", "latin-1"):
        try:
            return run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def _fix_gbk_mojibake(line: str) -> str:
    """UTF-8 text read as GBK ("娉曟不鏀垮簻" for 法治政府): a real Chinese line never re-decodes as UTF-8."""
    if line.isascii():
        return line
    try:
        fixed = line.encode("gb18030").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return line
    return fixed if any("\u4e00" <= ch <= "\u9fff" for ch in fixed) else line


def _full_line_length(lines: list[str]) -> int | None:
    """The length of a PDF page's full lines, when the text has them: the most common length of the long lines,
    shared by at least three and half of them (GB/T 9704 pages: 28 characters, 26 after an indent). Text
    from a web page, one paragraph a line, has none."""
    lengths = [len(line.strip()) for line in lines if len(line.strip()) >= 20]
    if len(lengths) < 3:
        return None
    common = max(set(lengths), key=lengths.count)
    near = sum(1 for n in lengths if common - 2 <= n <= common)
    return common if common <= 60 and lengths.count(common) >= 3 and near * 2 >= len(lengths) else None


def _rejoin_broken_lines(text: str, laid_out: bool = False) -> str:
    """Join lines a PDF or page break split mid-sentence; keep headings and short lines apart. In a PDF's text
    (``laid_out``), a full line (see _full_line_length) ended because the width ran out, wherever it falls
    ("…开展普法宣传活" / "动57场次"); text from a web page or a .docx has no such lines."""
    lines = text.split("\n")
    full = _full_line_length(lines) if laid_out else None
    out: list[str] = []
    pending_blank = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            pending_blank += 1
            continue
        if out:
            prev = out[-1]
            joinable = (
                len(prev) >= 20 and ("，" in prev or "," in prev) and prev[-1] not in LINE_END_PUNCT and "\u4e00" <= prev[-1] <= "\u9fff"
                and "\u4e00" <= stripped[0] <= "\u9fff" and not HEADING_START.match(stripped)
                and not (HEADING_LINE.match(prev) and len(prev) < 36)
            ) or (
                full is not None and len(prev) >= full - 2 and prev[-1] not in LINE_END_PUNCT
                and ("\u4e00" <= prev[-1] <= "\u9fff" or prev[-1].isdigit())
                and ("\u4e00" <= stripped[0] <= "\u9fff" or stripped[0].isdigit())
                and not HEADING_START.match(stripped) and not (HEADING_LINE.match(prev) and len(prev) < 36)
            ) or (
                # "…开展普法宣传活动" / "57场次，…": a figure does not start a line of its own — also after a short line
                # ("开展普法宣传活动" / "26场次"), unless that line is a heading or ends in a figure of its own ("第3页")
                "\u4e00" <= prev[-1] <= "\u9fff" and bool(LINE_STARTS_WITH_FIGURE.match(stripped))
                and not (HEADING_LINE.match(prev) and len(prev) < 36)
                and (len(prev) >= 10
                     or len(prev) >= 2 and not HEADING_START.match(prev) and not ENDS_WITH_FIGURE.search(prev))
            )
            if joinable:
                out[-1] = prev + stripped
                pending_blank = 0
                continue
            if pending_blank:
                out.append("")
        out.append(stripped)
        pending_blank = 0
    return "\n".join(out)


def is_traditional(text: str) -> bool:
    cjk = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if len(cjk) < 4:
        return False
    sample = "".join(cjk)
    converted = _t2s().convert(sample)
    changed = sum(1 for a, b in zip(sample, converted) if a != b)
    return changed >= 3 and changed / len(sample) > 0.015


# A printed page number "— 4 —" (GB/T 9704) read back from a PDF between a label and its number.
PAGE_NUMBER_LINE = re.compile(r"^[ \t\u3000]*[—－\-]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[—－\-]{1,2}[ \t\u3000]*$", re.M)


def normalise(text: str, laid_out: bool = False) -> Normalised:
    """``laid_out``: the text is a PDF's text layer, whose lines end where the page width ran out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = PAGE_NUMBER_LINE.sub("", text)
    text = "\n".join(_fix_gbk_mojibake(line) for line in text.split("\n"))
    text = LATIN1_MOJIBAKE.sub(_fix_latin1, text)
    text = REPLACEMENT_CHARS.sub("", text)
    text = BOOKMARK.sub("", text)
    text = MARKDOWN_BOLD.sub("", text)
    text = PINYIN_NOTE.sub("", text)
    text = BROKEN_NOTE.sub("。", text)
    text = LEADING_QUESTION_MARKS.sub("", text)
    text = SPAM_LINE.sub("", text)
    text = text.translate(FULL_WIDTH)
    text = NUMBER_BREAK.sub(r"\1", text)
    text = NUMBER_UNIT_BREAK.sub("", text)
    text = UNIT_BREAK.sub("", text)
    text = SPACE_AFTER_NUMBER.sub("", text)
    text = SPACE_BEFORE_NUMBER.sub("", text)
    text = THOUSANDS_COMMA.sub("", text)
    text = THOUSANDS_FULL_WIDTH_COMMA.sub("", text)
    text = SPACE_BETWEEN_HAN.sub("", text)
    script = "traditional" if is_traditional(text) else "simplified"
    if script == "traditional":
        text = _t2s().convert(text)
    text = "\n".join(line for line in text.split("\n") if "。" in line or not SPAM_WORDS.search(line))
    text = _rejoin_broken_lines(text, laid_out)
    return Normalised(text=text.strip(), script=script)
