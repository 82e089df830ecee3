"""The demo townships' own counts and names (fazhi/demo/profiles.py)."""
from __future__ import annotations

import random

import pytest

from fazhi.demo.pools import POOLS
from fazhi.demo.profiles import PROFILES, NameBook, pick, residue


def test_pick_never_gives_two_townships_the_same_count_nor_a_seed_figure():
    for seed in range(200):
        drawn = [pick(random.Random(seed), 1, 6, p.slot, item="case_file_reviews", avoid=(2,)) for p in PROFILES.values()]
        assert len(set(drawn)) == 3 and 2 not in drawn and all(1 <= n <= 7 for n in drawn)
    with pytest.raises(ValueError):
        pick(random.Random(1), 3, 2, 0, item="case_file_reviews")


def test_one_townships_items_spread_over_every_residue_instead_of_sharing_one():
    items = ("case_file_reviews", "enforcement_inspections", "case_file_rectifications", "court_assistance",
             "judgments_performed", "penalty_cases", "contract_reviews")
    for p in PROFILES.values():
        assert {residue(p.slot, item) for item in items} == {0, 1, 2}
    assert residue(0, "penalty_cases") == residue(0, "penalty_cases")  # stable: crc32, not the salted hash()


def test_each_township_has_its_own_titles():
    for kind in ("documents", "old_documents", "contracts", "open_contracts", "decisions", "enforcement_trainings",
                 "enforcement_inspections", "presidium", "liaison_trainings", "lessons", "online", "other_meetings"):
        at = {"presidium": 1, "lessons": 1, "online": 2}.get(kind, 0)  # where the title sits in a tuple entry
        pools = [{entry if isinstance(entry, str) else entry[at] for entry in POOLS[code][kind]}
                 for code in ("SFX01", "SFX02", "SFX03")]
        assert not pools[0] & pools[1] and not pools[0] & pools[2] and not pools[1] & pools[2], kind
    sizes = [len(POOLS[code]["old_documents"]) for code in ("SFX01", "SFX02", "SFX03")]
    assert len(set(sizes)) == 3  # the townships inherit different numbers of documents


def test_a_township_names_its_people_from_its_own_pool_and_never_reuses_a_cited_case_surname():
    pools = [set(p.surnames) for p in PROFILES.values()]
    assert not pools[0] & pools[1] and not pools[0] & pools[2] and not pools[1] & pools[2]
    book = NameBook("SFX02", random.Random(7))
    cited = {book.surname(reserve=True) for _ in range(3)}
    later = [book.surname() for _ in range(200)]
    assert len(cited) == 3 and not cited & set(later)
    assert len(set(later[:30])) == 30  # no repetition until the pool is used up
    names = [book.name() for _ in range(100)]
    assert len(set(names)) == 100 and all(n[0] in PROFILES["SFX02"].surnames for n in names)
