"""`fazhi extract FILE_OR_DIR... [--json]`: read annual reports written elsewhere and extract their figures."""
from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from fazhi.ingest.runner import IsolatedAnalyser, collect_files
from fazhi.ingest.sections import SECTIONS


class Command(BaseCommand):
    help = "读取乡镇法治政府建设年度报告（.docx/.pdf/.html/.txt），识别单位、年度、报告结构和各项数据。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="报告文件或目录（目录会逐层读取）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出（每个文件一个对象）")
        parser.add_argument("--timeout", type=float, default=30.0, help="每个文件的读取时限（秒），默认 30")

    def handle(self, *args, paths, json: bool = False, timeout: float = 30.0, **options):
        files = collect_files(paths)
        results = []
        progress = None
        if not json and files:
            from tqdm import tqdm

            progress = tqdm(total=len(files), file=sys.stderr, unit="份", desc="读取报告", leave=False)
        with IsolatedAnalyser(timeout=timeout) as analyser:
            for path in files:
                result = analyser.analyse(path)
                result["file"] = _printable(path)
                results.append(result)
                if progress is not None:
                    progress.update(1)
        if progress is not None:
            progress.close()
        if json:
            self.stdout.write(_dumps(results))
        else:
            self.stdout.write(_summary(results))


def _printable(path: str) -> str:
    """A file name that is not valid UTF-8 (undecodable bytes) is shown with replacement marks."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _dumps(results: list[dict]) -> str:
    return json.dumps(results, ensure_ascii=False, indent=2)


def _summary(results: list[dict]) -> str:
    from fazhi.ingest.lexicon import INDICATOR_LABELS

    lines = []
    failed = 0
    for result in results:
        lines.append(f"■ {result['file']}")
        if result["error"]:
            failed += 1
            lines.append(f"  未能读取：{result['error']}")
            continue
        year = f"{result['year']}年度" if result["year"] else "年度不详"
        script = "繁体" if result["script"] == "traditional" else "简体"
        lines.append(f"  单位：{result['organisation'] or '未识别'}；{year}；{script}")
        found = [SECTIONS[s] for s in result["sections"]]
        missing = [label for key, label in SECTIONS.items() if key not in result["sections"]]
        lines.append(f"  报告结构：已有 {len(found)} 项" + (f"；缺少：{'、'.join(missing)}" if missing else ""))
        lines.append(f"  识别到 {len(result['figures'])} 项数据：")
        for figure in result["figures"]:
            approx = "（约数）" if figure["approx"] else ""
            label = INDICATOR_LABELS.get(figure["indicator"], figure["indicator"])
            lines.append(f"    {label}：{figure['value']}{figure['unit']}{approx} ——“{figure['evidence']}”")
    lines.append(f"共 {len(results)} 个文件，成功 {len(results) - failed} 个，未能读取 {failed} 个。")
    return "\n".join(lines)
