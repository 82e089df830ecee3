"""How a township names itself and its report: the bodies' names, the title with the issuing bodies,
the signature, the addressee, the statutory part headings and the default 成文日期. The text of the
parts is written from the records by fazhi/reports/writing/."""
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

    @property
    def short(self) -> str:
        """The township's name without 镇/乡/街道, as in "法治青山建设"."""
        return self.name[: -len(self.unit)] if self.name.endswith(self.unit) and len(self.name) > len(self.unit) + 1 else self.name


def terms_for(org: Organisation) -> Terms:
    name = org.name
    if name.endswith("街道"):
        return Terms(name, "街道", "街道党工委", "办事处", "街道党工委书记、办事处主任")
    unit = "乡" if name.endswith("乡") else "镇"
    return Terms(name, unit, f"{unit}党委", "政府", f"{unit}党委书记、{unit}长")


def issuing_bodies(org: Organisation) -> list[str]:
    """The Party committee and the government, who issue the report jointly (as the seeds do)."""
    if org.name.endswith("街道"):
        return [f"中共{org.name}工作委员会", f"{org.name}办事处"]
    return [f"中共{org.name}委员会", f"{org.name}人民政府"]


def default_title(org: Organisation, year: int) -> str:
    """"中共青山镇委员会 青山镇人民政府关于2025年度法治政府建设情况的报告"."""
    return f"{' '.join(issuing_bodies(org))}关于{year}年度法治政府建设情况的报告"


def default_signature(org: Organisation) -> str:
    """The issuing bodies, separated by a full-width space; printed one per line (GB/T 9704 §7.3.5)."""
    return "　".join(issuing_bodies(org))


def default_dated(org: Organisation, year: int):
    """The 成文日期 a draft carries until the leader approves it: the last working day before the report is due
    to the county (3月1日 unless the county set another day; LAW.md §1). On approval it becomes that day."""
    import datetime as dt

    from fazhi.core.workdays import WorkingCalendar
    from fazhi.oversight.deadlines import deadlines_for

    calendar = WorkingCalendar.load()
    day = deadlines_for(org, year).submit_by - dt.timedelta(days=1)
    while not calendar.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


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


