"""What makes each demo township its own: a surname pool of its own, contact details, the shortcomings of its
years, and counts drawn so that the three townships never state the same figure for the same item.

A reviewer reading the three demo reports side by side must not find the same figure in all of them, nor a figure
copied from the five real seed reports (/work/shared/seeds, imported by the demo as the county's reference):
:func:`pick` draws a count from a plausible range, in a residue class modulo 3 that is the township's slot shifted by
a stable hash of the item (so the three townships always differ on one item, while one township's different items
spread over every residue instead of sharing one) and never one of the seeds' figures for that item.
"""
from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field

GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅文辉鹏飞宇浩春志海燕德福晓凤云琴斌俊林建国成忠荣秋菊金贵"


@dataclass(frozen=True)
class Profile:
    slot: int  # 0, 1, 2: the township's residue class for pick(), shifted per item
    surnames: str  # the township's own pool: the three pools share no surname
    address: str
    postcode: str
    phone: str
    fax: str
    email: str
    # the shortcomings of the latest demo year and of the year before: "filing" (a normative document filed
    # late), "reply" (a disclosure application answered late), "task" (responsibility tasks done late),
    # "suggestion" (a deputy's suggestion answered after three months; in the latest year, still unanswered),
    # "exam" (someone failed the yearly law exam), "contact" (a 社区矫正 daily call missed), "release" (a normative
    # document published, and entered in the 主动公开 register, after the 20 working days of 条例第二十六条),
    # "noticeboard" (two village notices put up on the notice board only, not on the government website),
    # "court_reply" (a 司法建议 or 检察建议 answered after its two months), "appearance" (the head missed two hearings)
    latest: frozenset = field(default_factory=frozenset)
    earlier: frozenset = field(default_factory=frozenset)

    def falls_short(self, what: str, *, latest: bool) -> bool:
        return what in (self.latest if latest else self.earlier)


# The e-mail domain ends in .invalid (RFC 2606: never resolves); the area code 0819 is 万县's, retired when
# Chongqing moved to 023, so the numbers read as real on paper but ring nowhere.
PROFILES: dict[str, Profile] = {
    "SFX01": Profile(
        0, "王陈刘周何罗谢唐冯曾彭邓袁蒋蔡余杜叶程苏魏丁沈姚卢汪廖邹熊秦侯龚",
        "示范县青山镇青山大道56号", "637531", "0819-6231024", "0819-6231025", "qszzfb@sfx.gov.cn.invalid",
        latest=frozenset({"reply", "exam", "court_reply"}), earlier=frozenset({"filing", "task", "contact", "noticeboard"}),
    ),
    "SFX02": Profile(
        1, "李张杨吴徐孙朱胡郭宋许韩曹肖田董潘吕任姜崔钟谭陆范金贾夏付方邱江尹",
        "示范县河口镇滨江路8号", "637536", "0819-6582130", "0819-6582131", "hkzzfb@sfx.gov.cn.invalid",
        latest=frozenset({"filing", "suggestion", "noticeboard"}), earlier=frozenset({"task", "exam"}),
    ),
    "SFX03": Profile(
        2, "赵黄马高林郑梁石龙雷陶黎贺顾毛郝邵万覃武钱韦白孟段薛史向冉代严文",
        "示范县云岭乡岭上街21号", "637548", "0819-6740315", "0819-6740316", "ylxzfb@sfx.gov.cn.invalid",
        latest=frozenset({"task", "release", "appearance"}), earlier=frozenset({"reply", "suggestion"}),
    ),
}
_FALLBACK_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"


def adjust_to_class(total: int, slot: int, item: str, year: int | None = None) -> int:
    """How much to add (0, 1 or 2) to ``total`` so it falls in the township's residue class for ``item``."""
    return (residue(slot, item, year) - total) % 3


def profile(code: str) -> Profile:
    """The township's profile; a township outside the demo gets a neutral one (no planned shortcomings)."""
    found = PROFILES.get(code)
    if found is not None:
        return found
    slot = sum(map(ord, code)) % 3
    return Profile(slot, _FALLBACK_SURNAMES, "", "", "", "", "")


def residue(slot: int, item: str, year: int | None = None) -> int:
    """The residue class modulo 3 of the township with ``slot`` for ``item``: the slot shifted by a stable hash of
    the item's name (crc32, the same in every run), so the three slots stay apart for each item.

    With ``year`` the slot counts once in even years and twice in odd ones (both a permutation of 0, 1, 2): the
    townships still differ within a year, and the change on the year before (较上年增加N) falls in the class of
    ±slot — so no two townships report the same increase either."""
    weight = 1 if year is None else 1 + year % 2
    return (slot * weight + zlib.crc32(item.encode("utf-8"))) % 3


def pick(rng: random.Random, lo: int, hi: int, slot: int, *, item: str, avoid: tuple[int, ...] = (),
         year: int | None = None) -> int:
    """A number in [lo, hi] in the township's residue class for ``item`` (of ``year``, see :func:`residue`) and not
    in ``avoid`` (the seeds' figure).

    The three demo townships have slots 0, 1, 2, so for the same item they never draw the same number; one
    township's different items fall in different classes (a report does not say 5, 5 and 5 of three things)."""
    wanted = residue(slot, item, year)
    choices = [n for n in range(lo, hi + 1) if n % 3 == wanted and n not in avoid]
    if not choices:  # a narrow range whose only number of the class is a seed's figure: the next one above
        choices = [n for n in range(hi + 1, hi + 7) if n % 3 == wanted and n not in avoid][:1]
    if not choices or hi < lo:
        raise ValueError(f"no number in [{lo}, {hi}] for slot {slot} and item {item}")
    return rng.choice(choices)


class NameBook:
    """People's names of one township, from its own surname pool: full names never repeat, and the surnames of
    the cases the report may cite (court hearings, disputes, litigants) are handed out without repetition until
    the pool is used up — so one report does not call two different cases 彭某."""

    def __init__(self, code: str, rng: random.Random):
        self.rng = rng
        self.pool = profile(code).surnames
        self._names: set[str] = set()
        self._cycle: list[str] = []
        self._reserved: set[str] = set()

    def name(self) -> str:
        full = ""
        for _ in range(50):
            given = self.rng.choice(GIVEN) + (self.rng.choice(GIVEN) if self.rng.random() < 0.75 else "")
            full = self.rng.choice(self.pool) + given
            if full not in self._names:
                break
        self._names.add(full)
        return full

    def surname(self, *, reserve: bool = False) -> str:
        """A case's surname not yet used; ``reserve`` keeps it from every later case (for the few a report cites)."""
        if not self._cycle:
            self._cycle = [s for s in self.pool if s not in self._reserved] or list(self.pool)
            self.rng.shuffle(self._cycle)
        chosen = self._cycle.pop()
        if reserve:
            self._reserved.add(chosen)
        return chosen
