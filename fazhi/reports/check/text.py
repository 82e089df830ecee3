"""Text helpers of the check: clean text, sentences, numbers as printed, labels for messages."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from fazhi.ingest.mentions import find_mentions

# C0/C1 control characters other than tab and newline, and the zero-width marks some editors leave behind.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|$)")
CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")


def clean(text: str | None) -> str:
    text = CONTROL.sub("", str(text or ""))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sentences(text: str) -> list[str]:
    """Sentences end at 。！？ (with a closing quote or bracket kept) and at line ends; "；" stays inside."""
    found = []
    for line in clean(text).split("\n"):
        for m in SENTENCE.finditer(line):
            piece = m.group(0).strip()
            if piece:
                found.append(piece)
    return found


def clauses(sentence: str) -> list[str]:
    return [c for c in CLAUSE_END.split(sentence) if c.strip()]


def decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def parse_printed(value: str, unit: str) -> tuple[Decimal | None, bool]:
    """A figure as printed ("1.6万余" + "份", "97.3" + "%", "无") → (number, approximate?)."""
    value = (value or "").strip()
    if value in ("无", "零"):
        return Decimal(0), False
    exact = decimal(value)
    if exact is not None:
        return exact, False
    mentions = find_mentions(f"{value}{unit if unit else '件'}")
    if not mentions:
        return None, False
    first = mentions[0]
    return decimal(first.value), first.approx or "余" in value or "多" in value


def number_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.quantize(Decimal("0.1")).normalize(), "f")


def same_figure(a: Decimal, a_approx: bool, b: Decimal, b_approx: bool) -> bool:
    """Two statements agree: equal, or an approximate one ("1.6万余", "500余", "95%以上") is near the other."""
    if a == b:
        return True
    if not (a_approx or b_approx):
        return False
    big = max(abs(a), abs(b)) or Decimal(1)
    if abs(a - b) / big <= Decimal("0.1"):
        return True
    rounded, exact = (a, b) if a_approx else (b, a)
    return rounded <= exact < rounded + _step(rounded)  # "500余" is 500 to 599, "1.6万余" 16000 to 16999


def _step(value: Decimal) -> Decimal:
    """One unit of the last non-zero digit: 500 → 100, 16000 → 1000, 95 → 1."""
    value = abs(Decimal(value))
    if value == 0 or value != value.to_integral_value():
        return Decimal(1)
    step = Decimal(1)
    while value % (step * 10) == 0:
        step *= 10
    return step


def number_after(words: re.Pattern, sentence: str, units: frozenset[str], gap: int = 8) -> tuple[Decimal, str] | None:
    """The first number with one of ``units`` right after ``words`` in the sentence, within ``gap`` characters
    and in the same clause ("办结37件", "开庭审理6次", "考试合格45人") → (number, the words as written)."""
    mentions = [m for m in find_mentions(sentence) if m.unit in units]
    for match in words.finditer(sentence):
        for mention in mentions:
            between = sentence[match.end():mention.start]
            if mention.start >= match.end() and len(between) <= gap and not CLAUSE_END.search(between):
                return decimal(mention.value), sentence[match.start():mention.end]
    return None


def label(key: str) -> str:
    """The indicator's Chinese label (registry first, then the importer's lexicon); never the key."""
    from fazhi.indicators import registry
    from fazhi.ingest.lexicon import INDICATOR_LABELS

    try:
        text = registry.get(key).label
    except KeyError:
        text = INDICATOR_LABELS.get(key, "")
    text = re.sub(r"（[^）]*）$", "", text or "")  # "人民调解员（年末在任）" reads as 人民调解员 in a sentence
    return text or "该项数据"


def unit_of(key: str) -> str:
    from fazhi.indicators import registry

    try:
        return registry.get(key).unit
    except KeyError:
        return ""


def named(figure) -> str:
    """“调处成功率97.3%”: what the figure is and the figure as printed, in quotes."""
    return f"“{figure.name}{figure.printed}”"
