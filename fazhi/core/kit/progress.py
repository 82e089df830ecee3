"""The typed step ladder of a procedure: where one record stands, step by step, and the step it waits for.

A rung is done (its facts recorded), skipped (does not apply, or optional and declined with a reason), late (done
or due past its time limit), or open: the first open rung is ``current`` (the one the record waits for), later ones
``todo``. Templates and the API show ``state`` as its value ("done", "current", …).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class StepState(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    CURRENT = "current"
    TODO = "todo"
    LATE = "late"


SETTLED = frozenset({StepState.DONE, StepState.SKIPPED})
OPEN = frozenset({StepState.CURRENT, StepState.TODO})


@dataclass
class Rung:
    label: str
    state: StepState
    detail: str = ""
    article: str = ""
    day: dt.date | None = None

    @property
    def settled(self) -> bool:
        return self.state in SETTLED


def mark_current(rungs: list[Rung]) -> list[Rung]:
    """Make the first open rung the current one (a rung already current stays so), and return the ladder."""
    first_open = next((r for r in rungs if r.state in OPEN), None)
    if first_open is not None:
        first_open.state = StepState.CURRENT
    return rungs


def current(rungs: list[Rung]) -> Rung | None:
    """The rung the record waits for, if any."""
    return next((r for r in rungs if r.state == StepState.CURRENT), None)
