"""The assessment results pages in the security walk (fazhi/core/tests/test_security_walk.py merges ENTRIES)."""
from __future__ import annotations

import datetime as dt

from fazhi.testing.url_walk import Access, Entry


def _scored(w):
    """A's assessment of last year with one scored village; the URL is A's code and that year."""
    def make():
        from fazhi.testing.factories import AssessmentScoreFactory, VillageFactory

        village = VillageFactory(parent=w.township, name="走查考核村")
        return AssessmentScoreFactory(organisation=w.township, village=village, scored_on=dt.date(w.year, 12, 20))

    w.once("assessment_score", make)
    return {"code": w.township.code, "year": w.year}


ENTRIES: dict[str, Entry] = {
    "assessment_results": Entry(Access.READ, kwargs=_scored),
    "assessment_results_xlsx": Entry(Access.READ, kwargs=_scored, kind="file"),
    "assessment_score_from_data": Entry(Access.ACTION, kwargs=_scored, write=lambda w: {}),
}
