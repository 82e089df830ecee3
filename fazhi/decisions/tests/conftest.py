from __future__ import annotations

import pytest

from fazhi.decisions.choices import Stage

from .factories import advance, launch, make_catalog, make_reviewer


@pytest.fixture
def reviewer(township):
    return make_reviewer(township)


@pytest.fixture
def catalog(township, clerk):
    return make_catalog(township, clerk)


@pytest.fixture
def launched(township, clerk, catalog):
    def make(title="甲镇集镇农贸市场搬迁方案"):
        return launch(township, clerk, catalog=catalog, title=title)
    return make


@pytest.fixture
def before(launched, clerk, reviewer):
    """A catalogued decision taken through every step before ``until`` (every step when None)."""
    def make(until, title="甲镇集镇农贸市场搬迁方案"):
        return advance(launched(title=title), clerk=clerk, reviewer=reviewer, until=until)
    return make


@pytest.fixture
def to_legality(before):
    """A decision drafted, through public participation, expert review and risk assessment (ready for review)."""
    def make(**kw):
        return before(Stage.LEGALITY, **kw)
    return make


@pytest.fixture
def reviewed(before):
    def make(**kw):
        return before(Stage.DISCUSSION, **kw)
    return make
