"""Score the report reader on the two halves of the labelled bench corpus.

    .venv/bin/python bench/corpus/score_halves.py [--half tune|held|all] [--verbose]

For each half: extracts every text of that half in-process (`analyse_path`, what `fazhi extract`
runs in its worker), writes the JSON `fazhi extract --json` would print, and scores it with the
project's scorer (fazhi/oversight/tests/corpus/score_extraction.py, a verbatim copy of
shared/tools/score_extraction.py) against the half's labels. `--verbose` lists misses and
spurious figures — use it on the tune half only; the held half is for the final figure.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCORER = ROOT / "fazhi" / "oversight" / "tests" / "corpus" / "score_extraction.py"
sys.path.insert(0, str(ROOT))


def halves() -> dict[str, str]:
    with open(HERE / "SPLIT.tsv", encoding="utf-8", newline="") as f:
        return {row["file"]: row["half"] for row in csv.DictReader(f, delimiter="\t")}


def write_half(half: str, folder: Path) -> tuple[Path, Path]:
    """Labels and extracted JSON of one half, as files the scorer reads."""
    from fazhi.oversight.extraction.pipeline import analyse_path

    split = halves()
    files = sorted(name for name, h in split.items() if h == half)
    labels = folder / f"{half}_LABELS.tsv"
    with open(HERE / "LABELS.tsv", encoding="utf-8", newline="") as src, \
            open(labels, "w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src, delimiter="\t")
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in reader if split.get(row["file"]) == half)
    results = [analyse_path(str(HERE / "texts" / name)).as_dict() for name in files]
    extracted = folder / f"{half}_extracted.json"
    extracted.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return labels, extracted


def score(half: str, verbose: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-corpus-") as tmp:
        labels, extracted = write_half(half, Path(tmp))
        args = [sys.executable, str(SCORER), str(labels), str(extracted)] + (["--verbose"] if verbose else [])
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("tune", "held", "all"), default="all")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for half in (("tune", "held") if args.half == "all" else (args.half,)):
        print(f"[{half}]")
        print(score(half, args.verbose).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
