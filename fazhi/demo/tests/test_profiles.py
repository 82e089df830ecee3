"""The demo townships' own counts and names (fazhi/demo/profiles.py)."""
from __future__ import annotations

import random

import pytest

from fazhi.demo.profiles import PROFILES, NameBook, pick


def test_pick_never_gives_two_townships_the_same_count_nor_a_seed_figure():
    for seed in range(200):
        drawn = [pick(random.Random(seed), 1, 6, p.slot, avoid=(2,)) for p in PROFILES.values()]
        assert len(set(drawn)) == 3 and 2 not in drawn and all(1 <= n <= 6 for n in drawn)
    with pytest.raises(ValueError):
        pick(random.Random(1), 2, 2, 0)


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
