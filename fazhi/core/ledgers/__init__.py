"""A ledger (台账) is a list of one kind of record a township keeps.

Each institution app declares its ledgers in ``<app>/ledgers.py``; the generic
views give every ledger the same list with filters, form, record page with
history, voiding, and Excel import/export.
"""
from fazhi.core.ledgers.registry import Ledger, all_ledgers, get_ledger, register  # noqa: F401
