"""Score the report reader on the parts of the labelled bench corpus (SPLIT.tsv).

    .venv/bin/python bench/corpus/score_halves.py [--half NAME[,NAME...]] [--verbose]

Parts: `tune` … `tune11` (the earlier held sets, merged into tuning once seen) are tuning data; `held11` is
the fresh held set. `--half tune,tune2,tune3,tune4,tune5,tune6,tune7,tune8,tune9,tune10,tune11` scores those parts together; without `--half`, every
tuning part together, then each held part. For each part: extracts every text of it in-process
(`analyse_path`, what `fazhi extract` runs in its worker), writes the JSON `fazhi extract --json` would
print, and scores it with the project's scorer (fazhi/ingest/tests/corpus/score_extraction.py, a
verbatim copy of shared/tools/score_extraction.py) against the part's labels. `--verbose` lists misses and
spurious figures — use it on tuning parts only; a held part is for the final figure.
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
SCORER = ROOT / "fazhi" / "ingest" / "tests" / "corpus" / "score_extraction.py"
sys.path.insert(0, str(ROOT))


def halves() -> dict[str, str]:
    with open(HERE / "SPLIT.tsv", encoding="utf-8", newline="") as f:
        return {row["file"]: row["half"] for row in csv.DictReader(f, delimiter="\t")}


TUNING = ("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11")


def write_half(half: str, folder: Path) -> tuple[Path, Path]:
    """Labels and extracted JSON of one part (or several, comma-separated), as files the scorer reads."""
    from fazhi.ingest.pipeline import analyse_path

    parts = halves()
    wanted = set(half.split(","))
    unknown = wanted - set(parts.values())
    if unknown:
        raise SystemExit(f"no such part in SPLIT.tsv: {', '.join(sorted(unknown))}")
    files = sorted(name for name, part in parts.items() if part in wanted)
    labels = folder / "LABELS.tsv"
    with open(HERE / "LABELS.tsv", encoding="utf-8", newline="") as src, \
            open(labels, "w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src, delimiter="\t")
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in reader if parts.get(row["file"]) in wanted)
    results = [analyse_path(str(HERE / "texts" / name)).as_dict() for name in files]
    extracted = folder / "extracted.json"
    extracted.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return labels, extracted


def score(half: str, verbose: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-corpus-") as tmp:
        labels, extracted = write_half(half, Path(tmp))
        args = [sys.executable, str(SCORER), str(labels), str(extracted)] + (["--verbose"] if verbose else [])
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", help="part(s) of SPLIT.tsv, comma-separated; default: tuning, then each held part")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    held = sorted(set(halves().values()) - set(TUNING))
    for half in ([",".join(TUNING), *held] if args.half is None else [args.half]):
        print(f"[{half}]")
        print(score(half, args.verbose).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
