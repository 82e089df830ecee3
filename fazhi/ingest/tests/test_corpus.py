"""The real CLI on the labelled corpus, scored by the project's own scorer: F1 must stay ≥ 0.9.

Run with `pytest -s` to see the F1 lines.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("texts, labels", [
    (CORPUS / "seeds", CORPUS / "SEED_LABELS.tsv"),
    (CORPUS / "dev" / "texts", CORPUS / "dev" / "LABELS.tsv"),
], ids=["seeds", "dev"])
def test_f1_on_labelled_reports(texts, labels, tmp_path):
    output = tmp_path / "extracted.json"
    with open(output, "w", encoding="utf-8") as handle:
        call_command("extract", str(texts), json=True, stdout=handle)
    scored = subprocess.run([sys.executable, str(CORPUS / "score_extraction.py"), str(labels), str(output)],
                            capture_output=True, text=True, check=True)
    print(f"\n[{texts.relative_to(CORPUS)}] {scored.stdout.strip()}")
    assert "warning" not in scored.stdout
    f1 = float(re.search(r"^F1 ([\d.]+)$", scored.stdout, re.M).group(1))
    assert f1 >= 0.9
