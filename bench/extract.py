"""Extraction throughput: the labelled corpora (5 seed reports, 26 report openings, and the 123 report
openings of bench/corpus/) repeated to 1,000 text files in a temporary folder, read and extracted on one core. Prints reports per second in-process
(`analyse_path`) and through the worker process that `fazhi extract` uses (`IsolatedAnalyser`, per-file
timeout). Target: ≥ 50 reports/s.

    make bench-extract                    # or: .venv/bin/python bench/extract.py --files 1000 [--mixed]

`--mixed` also writes a quarter each as .docx, .pdf (text layer) and .html. No database needed.
Nothing here is a test: it prints figures (see bench/RESULTS.md).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fazhi.ingest.pipeline import analyse_path  # noqa: E402
from fazhi.ingest.runner import IsolatedAnalyser, collect_files  # noqa: E402
from fazhi.ingest.tests import samples  # noqa: E402

CORPUS = ROOT / "fazhi" / "ingest" / "tests" / "corpus"
BENCH_CORPUS = ROOT / "bench" / "corpus" / "texts"
TARGET = 50.0


def corpus_texts() -> list[tuple[str, str]]:
    folders = {"seed": CORPUS / "seeds", "dev": CORPUS / "dev" / "texts", "bench": BENCH_CORPUS}
    return [(f"{kind}{path.stem}", path.read_text(encoding="utf-8"))
            for kind, folder in folders.items() for path in sorted(folder.glob("*.txt"))]


def write_batch(folder: Path, count: int, mixed: bool) -> int:
    texts = corpus_texts()
    total = 0
    for i in range(count):
        stem, text = texts[i % len(texts)]
        name = f"{i:05d}_{stem}"
        kind = ("txt", "docx", "pdf", "html")[i % 4] if mixed else "txt"
        lines = [line for line in text.splitlines() if line.strip()]
        if kind == "docx":
            data = samples.build_docx(lines)
        elif kind == "pdf":
            data = samples.build_pdf([lines[j:j + 20] for j in range(0, len(lines), 20)])
        elif kind == "html":
            data = samples.build_html(lines[0], lines[1:], charset="gbk")
        else:
            data = text.encode("utf-8")
        (folder / f"{name}.{kind}").write_bytes(data)
        total += len(data)
    return total


def measure(label: str, files: list[str], analyse) -> float:
    started = time.perf_counter()
    figures = failed = 0
    for path in files:
        result = analyse(path)
        result = result if isinstance(result, dict) else result.as_dict()
        figures += len(result["figures"])
        failed += result["error"] is not None
    elapsed = time.perf_counter() - started
    rate = len(files) / elapsed
    print(f"{label:<44} {len(files)} reports in {elapsed:6.2f} s = {rate:7.1f} reports/s "
          f"({figures} figures, {failed} failed)")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--mixed", action="store_true", help="also .docx, .pdf and .html files")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, workers included
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-extract-") as tmp:
        size = write_batch(Path(tmp), args.files, args.mixed)
        files = collect_files([tmp])
        print(f"{len(files)} files, {size / 1e6:.1f} MB, {'mixed formats' if args.mixed else 'text'}; one core")
        analyse_path(files[0])  # warm up: opencc dictionaries, regexes
        in_process = measure("in-process (analyse_path)", files, analyse_path)
        with IsolatedAnalyser(timeout=30) as analyser:
            analyser.analyse(files[0])
            isolated = measure("worker with timeout (as `fazhi extract`)", files, analyser.analyse)
    verdict = "通过" if min(in_process, isolated) >= TARGET else "未达标"
    print(f"目标 ≥ {TARGET:.0f} 份/秒：{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
