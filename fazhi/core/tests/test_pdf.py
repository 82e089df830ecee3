"""PDF through LibreOffice (fazhi/core/pdf.py): the GB/T 9704 page as LibreOffice lays it out — 28
characters a line, 22 lines a page, a number never split from its measure word, no punctuation lost at a
line's end, no space added between Chinese and digits, Simplified-Chinese faces named as such, the
signature block where §7.3.5.2 puts it, dated as the document — and a clear Chinese ``PdfUnavailable``
whenever LibreOffice cannot deliver."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import io
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader

from fazhi.core import docx_fonts as fonts
from fazhi.core import gbt9704, office, pdf

needs_office = pytest.mark.skipif(
    pdf.soffice_path() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice（soffice）或 pdftotext 未安装，跳过 PDF 排版测试：运行 scripts/ensure-office.sh 安装",
)
BODY = "一二三四五六七八九十" * 10  # 100 characters: lines of 26 (indented 2), 28, 28 and 18
FIGURE, IN_TEXT = "1.6万余份", "2025年度"
PREFIXES = range(20, 27)  # puts each target across the end of the first line (26 characters) for some length


def pdf_text(data: bytes, tmp_path, name: str) -> list[list[str]]:
    """Pages of lines, each line without the spaces pdftotext adds between scripts."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [[re.sub(r"\s", "", line) for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def sample() -> bytes:
    doc = gbt9704.new_document(title="排版测试", author="青山镇", dated=dt.date(2026, 1, 15))
    for _ in range(6):  # 24 lines: page 1 holds 22 of them
        gbt9704.body(doc, BODY)
    for k in PREFIXES:
        gbt9704.add_text(gbt9704.paragraph(doc), [("甲" * k, fonts.BODY, False), (FIGURE, fonts.BODY, True),
                                                  ("乙" * 10, fonts.BODY, False)])
        gbt9704.add_text(gbt9704.paragraph(doc), [("丙" * k + IN_TEXT + "丁" * 10, fonts.BODY, False)])
    for k in PREFIXES:  # the same without joining: LibreOffice splits them (the break really is forced)
        fonts.add_run(gbt9704.paragraph(doc), "戊" * k + FIGURE + IN_TEXT + "己" * 10, fonts.BODY)
    for text in PUNCTUATED:
        gbt9704.add_text(gbt9704.paragraph(doc), [(text, fonts.BODY, False)])
    gbt9704.title(doc, ["排版测试标题"])
    gbt9704.heading(doc, HEADING)
    gbt9704.body(doc, "最后一段。")
    gbt9704.signature(doc, ["中共青山镇委员会", "青山镇人民政府"], SIGNED)
    return gbt9704.to_bytes(doc)


# Punctuation right before or after a number at the end of a (second) line, which LibreOffice used to lose:
# "其中调解成功49件调解成功率98%", "合同协议4件重大执法决定1件".
PUNCTUATED = [f"{'壬' * 26}{'庚' * k}{pre}{number}{post}调解成功率98%{'辛' * 10}"
              for k in range(17, 26) for pre, number, post in (("", "1.6万余件", "，"), ("，", "49件", "，"), ("、", "4件", "、"))]
HEADING = "一、2025年主要举措和成效"
SIGNED = "2026年1月15日"


@needs_office
def test_libreoffice_prints_the_grid_and_keeps_numbers_whole_side_by_side(tmp_path):
    data = sample()
    with ThreadPoolExecutor(2) as pool:  # the same document twice at once: the second waits for the first
        first, second = pool.map(pdf.docx_to_pdf, [data, data])
    assert first.startswith(b"%PDF-")
    pages = pdf_text(first, tmp_path, "first")
    assert pages == pdf_text(second, tmp_path, "second")

    page_one = [line for line in pages[0] if not line.startswith("—")]
    assert len(page_one) == 22  # 5 paragraphs of 4 lines and 2 lines of the sixth
    assert [len(line) for line in page_one[:4]] == [26, 28, 28, 18], page_one[:4]
    assert page_one[4:] == page_one[:4] * 4 + page_one[:2]

    lines = [line for page in pages for line in page if not line.startswith("—")]  # without page numbers

    def paragraphs(first: str) -> list[str]:  # each test paragraph fills two lines
        found = [lines[i:i + 2] for i, line in enumerate(lines) if line.startswith(first)]
        assert len(found) == len(PREFIXES)
        return found

    assert all(any(FIGURE in line for line in para) for para in paragraphs("甲"))
    assert all(any(IN_TEXT in line for line in para) for para in paragraphs("丙"))
    split = [para for para in paragraphs("戊") if not all(any(t in line for line in para) for t in (FIGURE, IN_TEXT))]
    assert split  # without the joiners LibreOffice does split them

    text = "".join(lines)
    assert [t for t in PUNCTUATED if t not in text] == []  # nothing lost at a line's end
    assert not {gbt9704.WORD_JOINER, gbt9704.ZERO_WIDTH_SPACE} & set(text)  # what a reader copies is the text

    path = tmp_path / "first.pdf"
    fonts_used = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in fonts_used.splitlines()[2:]]
    assert "jp" not in fonts_used.lower() and "JP" not in fonts_used
    if any("NotoSerifCJK" in name for name in names):  # the open stand-ins (fonts.conf): SC faces, a bold title
        assert {name.split("+")[-1] for name in names} >= {"NotoSerifCJKsc-Regular", "NotoSerifCJKsc-Bold",
                                                           "NotoSansCJKsc-Regular"}

    info = PdfReader(io.BytesIO(first)).metadata  # dated as the document (its 成文日期), not the conversion
    assert info["/CreationDate"] == info["/ModDate"] == "D:20260115120000+08'00'"

    words = bbox_words(first, tmp_path)
    assert any(HEADING[2:] in word for _, _, word in words)  # no space added between "2025" and "年"
    (column, _, _), = [w for w in words if w[2] == "中共青山镇委员会"]
    (second_line, _, _), = [w for w in words if w[2] == "青山镇人民政府"]
    (date_start, date_end, _), = [w for w in words if w[2] == SIGNED]
    character = gbt9704.SET_CHARACTER.pt
    right_margin = (210 - 26) / 25.4 * 72
    assert second_line == column and abs(date_start - column - 2 * character) < 0.2  # §7.3.5.2: 右移二字
    # the date (longer than the 署名 less 2 characters) keeps 右空二字; the last glyph's box is a full em
    assert abs(right_margin - (date_end - 16 + character) - 2 * character) < 0.1 * character


def bbox_words(data: bytes, tmp_path) -> list[tuple[float, float, str]]:
    path = tmp_path / "bbox.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(x0), float(x1), word) for x0, x1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]


def test_no_libreoffice_is_a_chinese_message(monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    with pytest.raises(pdf.PdfUnavailable, match="服务器未安装 LibreOffice，暂时无法生成 PDF，请下载 Word 版"):
        pdf.docx_to_pdf(b"PK")


def fake_soffice(tmp_path, monkeypatch, body: str) -> None:
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport os, sys, subprocess, time\n"
                      "out = sys.argv[sys.argv.index('--outdir') + 1]\n" + body)
    script.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice_path", lambda: str(script))
    monkeypatch.setattr(office, "convert", lambda source, target: False)  # no worker's LibreOffice: this one is started


def test_a_hanging_libreoffice_is_killed_with_its_children_at_the_timeout(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    fake_soffice(tmp_path, monkeypatch, f"child = subprocess.Popen(['sleep', '60'])\n"
                                        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\ntime.sleep(60)\n")
    started = time.monotonic()
    with pytest.raises(pdf.PdfUnavailable, match="生成 PDF 超时"):
        pdf.docx_to_pdf(b"PK", timeout=1)
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text())
    for _ in range(50):  # the orphaned child is reaped by init once killed
        if not os.path.exists(f"/proc/{child}") or open(f"/proc/{child}/stat").read().split()[2] == "Z":
            break
        time.sleep(0.1)
    else:
        pytest.fail("LibreOffice's child process outlived the timeout")


@pytest.mark.parametrize("body", [
    "sys.exit(0)\n",  # says it worked, wrote nothing
    "sys.exit(1)\n",
    "os.makedirs(out); open(os.path.join(out, 'document.pdf'), 'w').write('<html>error</html>' * 100)\n",
    "os.makedirs(out); open(os.path.join(out, 'document.pdf'), 'w').write('%PDF-1.6')\n",  # truncated
])
def test_a_failed_conversion_is_a_chinese_message(tmp_path, monkeypatch, body):
    fake_soffice(tmp_path, monkeypatch, body)
    with pytest.raises(pdf.PdfUnavailable, match="LibreOffice 未能把文件转换为 PDF，请下载 Word 版"):
        pdf.docx_to_pdf(b"PK")


def _package(text: str, when: tuple) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("word/document.xml", date_time=when), text)
    return out.getvalue()


def test_a_document_converted_once_is_served_again_without_libreoffice(monkeypatch):
    calls = []
    monkeypatch.setattr(pdf, "_convert_now", lambda data, timeout, **_: calls.append(data) or b"%PDF-" + data[-8:])
    first = pdf.docx_to_pdf(_package("甲镇报告", (2026, 1, 30, 9, 0, 0)))
    again = pdf.docx_to_pdf(_package("甲镇报告", (2026, 12, 5, 8, 1, 2)))  # rendered again later: same text
    assert again == first and len(calls) == 1
    pdf.docx_to_pdf(_package("甲镇报告（修改后）", (2026, 12, 5, 8, 1, 2)))
    assert len(calls) == 2  # a changed text is converted afresh


def test_the_store_keeps_a_week_cleans_after_itself_and_touches_nothing_else(settings, tmp_path, monkeypatch, caplog):
    settings.FAZHI_PDF_DIR = tmp_path / "pdf"
    calls = []
    monkeypatch.setattr(pdf, "_convert_now", lambda data, timeout, **_: calls.append(data) or b"%PDF-" + data[-8:])
    old = _package("去年的报告", (2026, 1, 1, 0, 0, 0))
    pdf.docx_to_pdf(old)
    stale = pdf._store_path(pdf.content_key(old))
    week_ago = time.time() - pdf.CACHE_SECONDS - 60
    os.utime(stale, (week_ago, week_ago))
    foreign = tmp_path / "pdf" / "backup.sql"  # FAZHI_PDF_DIR pointed at a folder holding other files
    foreign.write_text("x")
    os.utime(foreign, (week_ago, week_ago))

    assert pdf.stored(pdf.content_key(old)) is None  # older than a week: made again when asked
    assert not pdf.is_stored(old)  # and a page offering it has the worker make it again
    pdf.docx_to_pdf(_package("今年的报告", (2026, 1, 1, 0, 0, 0)))
    assert not stale.exists() and foreign.exists()  # the store's own old files go, nothing else
    assert len(calls) == 2

    def disk_full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pdf.os, "replace", disk_full)
    monkeypatch.setattr(pdf, "_store_failed", [])  # said once per process: this process has not said it yet
    made = pdf.docx_to_pdf(_package("磁盘已满时", (2026, 1, 1, 0, 0, 0)))
    assert made.startswith(b"%PDF-")  # the download still gets its PDF
    assert [p.name for p in (tmp_path / "pdf").iterdir() if p.name.startswith(".new-")] == []  # no half file left
    assert "could not keep the PDF" in caplog.text


def test_a_click_during_a_conversion_waits_for_it_instead_of_converting_again(settings, tmp_path, monkeypatch):
    settings.FAZHI_PDF_DIR = tmp_path / "pdf"
    calls = []

    def slow_libreoffice(data, timeout, **_):
        calls.append(data)
        time.sleep(0.6)
        return b"%PDF-1.6 " + data[-8:]
    monkeypatch.setattr(pdf, "_convert_now", slow_libreoffice)
    data = _package("乙镇报告", (2026, 1, 30, 9, 0, 0))
    with ThreadPoolExecutor(2) as pool:
        worker = pool.submit(pdf.prerender, data)  # the worker, after the page was opened
        time.sleep(0.2)
        click = pool.submit(pdf.docx_to_pdf, data)  # the click, while LibreOffice runs
        assert worker.result() is True
        assert click.result() == pdf.stored(pdf.content_key(data))
    assert len(calls) == 1
    assert [p.name for p in (tmp_path / "pdf").iterdir() if p.name.startswith(".lock-")] == []

    other = _package("丙镇报告", (2026, 1, 30, 9, 0, 0))  # a lock left by a process killed while converting
    lock = pdf._lock_path(pdf.content_key(other))
    lock.touch()
    long_ago = time.time() - pdf.TIMEOUT_SECONDS - 60
    os.utime(lock, (long_ago, long_ago))
    assert pdf.docx_to_pdf(other).startswith(b"%PDF-") and len(calls) == 2 and not lock.exists()
