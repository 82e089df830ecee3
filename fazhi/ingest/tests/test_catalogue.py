"""The reader's figures are the registry's: one definition (fazhi/indicators/catalogue.py) of each fixed figure's
key, label, unit and kind, read by the registry, the report reader and the county comparison alike."""
from __future__ import annotations

from fazhi.indicators import registry
from fazhi.indicators.catalogue import FIXED
from fazhi.ingest.lexicon import INDICATOR_KEYS, INDICATOR_LABELS, RATE_RULES


def test_the_reader_reads_the_fixed_figures_of_the_registry_in_their_words():
    fixed = [indicator for indicator in registry.all_indicators() if indicator.core]
    assert list(INDICATOR_KEYS) == [indicator.key for indicator in fixed] == list(FIXED)
    for indicator in fixed:
        definition = FIXED[indicator.key]
        assert (INDICATOR_LABELS[indicator.key], definition.unit, definition.kind, definition.phrase) == (
            indicator.label, indicator.unit, indicator.kind, indicator.phrase)
    assert {rule.indicator for rule in RATE_RULES} == {i.key for i in fixed if i.kind == registry.Kind.RATE}
    assert all(set(d.rate_parts or ()) - {None} <= set(FIXED) for d in FIXED.values())
