"""The corrections URLs in the security walk: every persona is refused (403); the 司法所 of A makes the CSRF check."""
from __future__ import annotations

import datetime as dt

from fazhi.testing.url_walk import Access, Entry

JUDICIAL = "judicial_officer"


def _person(w):
    def make():
        from fazhi.corrections.models import CorrectionType, Supervisee, SuperviseeKind

        return Supervisee.objects.create(
            organisation=w.township, kind=SuperviseeKind.CORRECTION, number="矫WALK-001", name="WALKMARK-A-SUPERVISEE",
            gender="男", correction_type=CorrectionType.PROBATION, period_start=w.today - dt.timedelta(days=30),
            period_end=w.today + dt.timedelta(days=300),
        )

    return w.once("corrections_person", make)


def _pk(w):
    return {"pk": _person(w).pk}


def _person_body(w):
    return {"kind": "correction", "number": "矫WALK-002", "name": "王某", "gender": "男", "id_number": "", "phone": "",
            "village": "", "correction_type": "probation", "offence": "", "period_start": w.today.isoformat(),
            "period_end": (w.today + dt.timedelta(days=365)).isoformat(), "ended_on": "", "end_reason": ""}


def _entry(**kwargs) -> Entry:
    return Entry(Access.JUDICIAL, csrf_as=JUDICIAL, **kwargs)


ENTRIES: dict[str, Entry] = {
    "corrections_index": _entry(),
    # the query builds A's person before the walk takes its "nothing changed" snapshot
    "corrections_daily": _entry(query=lambda w: "" if _person(w) else "",
                                write=lambda w: {"on": w.today.isoformat(), "kind": "phone", "people": [_person(w).pk]},
                                expect={("GET", p): 405 for p in ("other_clerk", "other_county_supervisor", "clerk", "supervisor")}),
    "corrections_export": _entry(kind="file"),
    "corrections_access_log": _entry(),
    "corrections_new": _entry(write=_person_body),
    "corrections_person": _entry(kwargs=_pk),
    "corrections_edit": _entry(kwargs=_pk, write=lambda w: {**_person_body(w), "number": "矫WALK-001"}),
    "corrections_contact": _entry(kwargs=_pk, write=lambda w: {"on": w.today.isoformat(), "kind": "phone", "note": ""},
                                  expect={("GET", p): 405 for p in ("other_clerk", "other_county_supervisor", "clerk", "supervisor")}),
    "corrections_incident": _entry(kwargs=_pk, write=lambda w: {"on": w.today.isoformat(), "kind": "warning", "note": "走查"},
                                   expect={("GET", p): 405 for p in ("other_clerk", "other_county_supervisor", "clerk", "supervisor")}),
    "corrections_void": _entry(kwargs=_pk, write=lambda w: {"reason": "走查作废"},
                               expect={("GET", p): 405 for p in ("other_clerk", "other_county_supervisor", "clerk", "supervisor")}),
}
