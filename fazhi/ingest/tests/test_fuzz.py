"""Fuzzing the readers: truncated, mutated and random files end in text or a clean reason — never an
exception, never a hang (each call runs under an alarm as well as hypothesis' deadline)."""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from fazhi.ingest import analyse_bytes, errors, read
from fazhi.ingest.tests import samples

SEED = Path(__file__).parent / "corpus" / "seeds" / "003_cf8f86c443f7f264.txt"
REASONS = {value for name, value in vars(errors).items() if name.isupper()}
# FAZHI_FUZZ_EXAMPLES=600 for a longer local run (passes; ~1 min); 60 keeps the suite fast.
FUZZ = settings(max_examples=int(os.environ.get("FAZHI_FUZZ_EXAMPLES", "60")), deadline=timedelta(seconds=5),
                database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
EXTENSIONS = st.sampled_from(["a.docx", "a.pdf", "a.html", "a.htm", "a.txt", "a.doc", "a.bin", "a"])


class Hang(Exception):
    pass


@contextmanager
def within(seconds: float):
    def alarm(signum, frame):
        raise Hang(f"reader still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@lru_cache(maxsize=1)
def valid_files() -> dict[str, bytes]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {
        "a.docx": samples.build_docx(lines[:15], table=[["项目", "数量"], ["普法宣传活动", "10余场次"]]),
        "a.pdf": samples.build_pdf([lines[:8], lines[8:16]]),
        "a.html": samples.build_html(lines[0], lines[1:15], charset="gb2312"),
        "a.txt": "\n".join(lines).encode("gb18030"),
    }


def check(data: bytes, name: str) -> None:
    with within(10):
        result = read(data, name)
        assert (result.text is None) != (result.error is None)
        assert result.error is None or result.error in REASONS
        report = analyse_bytes(data, name)
        assert report.error is None or report.error in REASONS
        assert all(isinstance(f["value"], (int, float)) for f in report.figures)


@FUZZ
@given(name=st.sampled_from(["a.docx", "a.pdf", "a.html", "a.txt"]), cut=st.floats(0, 1))
def test_truncated_files(name, cut):
    data = valid_files()[name]
    check(data[: int(len(data) * cut)], name)


@FUZZ
@given(name=st.sampled_from(["a.docx", "a.pdf", "a.html", "a.txt"]), data=st.data())
def test_mutated_files(name, data):
    original = bytearray(valid_files()[name])
    for _ in range(data.draw(st.integers(1, 20), label="mutations")):
        position = data.draw(st.integers(0, len(original) - 1), label="position")
        original[position] = data.draw(st.integers(0, 255), label="byte")
    check(bytes(original), name)


@FUZZ
@given(payload=st.binary(max_size=4096), name=EXTENSIONS)
def test_random_bytes(payload, name):
    check(payload, name)


@FUZZ
@given(payload=st.binary(max_size=2048), name=st.sampled_from(["a.docx", "a.pdf", "a.html"]))
def test_random_bytes_behind_a_real_header(payload, name):
    header = {"a.docx": b"PK\x03\x04", "a.pdf": b"%PDF-1.7\n", "a.html": b"<html><head><meta charset=gbk>"}[name]
    check(header + payload, name)


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_text_through_the_whole_pipeline(text):
    check(("法治政府建设年度报告\n" + text).encode("utf-8", errors="surrogatepass"), "a.txt")


@FUZZ
@given(text=st.text(alphabet="0123456789一二两三十百千万余多近约次场件人名份%％、，。；（）()其中各每率审查普法宣传纠纷 \n",
                    max_size=2000))
def test_number_heavy_text_never_hangs_the_extractor(text):
    check(("法治政府建设报告\n" + text).encode("utf-8"), "a.txt")
