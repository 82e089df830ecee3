"""Table rows read from a .docx, rewritten as the sentences a report would write."""
from __future__ import annotations

import re

from .mentions import UNITS_PATTERN

BARE_NUMBER = re.compile(r"^(?:约|近)?\d{1,9}(?:\.\d{1,4})?(?:余|多)?%?$")
UNIT_IN_LABEL = re.compile(rf"^(?P<label>.{{1,40}}?)[（(](?:单位[:：]?)?(?P<unit>{UNITS_PATTERN}|%)[）)]$")


def rewrite_table_rows(text: str) -> str:
    """Table rows read from a .docx ("普法宣传活动（场次）\t67", "执法案卷评查\t2\t次") as sentences."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "\t" not in line:
            continue
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        numeric = [j for j, cell in enumerate(cells) if BARE_NUMBER.match(cell)]
        if len(numeric) != 1 or numeric[0] == 0:
            continue
        j = numeric[0]
        label, number = cells[j - 1], cells[j]
        unit = cells[j + 1] if j + 1 < len(cells) and re.fullmatch(UNITS_PATTERN, cells[j + 1]) else ""
        in_label = UNIT_IN_LABEL.match(label)
        if in_label:
            label, unit = in_label.group("label"), unit or in_label.group("unit")
        if unit or number.endswith("%"):
            lines[i] = f"{label}{number}{unit}。"
    return "\n".join(lines)
