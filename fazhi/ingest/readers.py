"""Bytes and a file name in, text or a clean Chinese reason out. Never raises, never loops unbounded.

Limits: 20 MB per file, 300 PDF pages, 1,000,000 characters of text, 100 MB of XML inside a
.docx. The CLI also runs each file in a worker process with a timeout (see runner.py).
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from . import errors
from .errors import ReadError

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_CHARS = 1_000_000
MAX_DOCX_XML = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
MIN_CHARS_PER_PDF_PAGE = 10

SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".shtml": "html", ".txt": "txt"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

logging.getLogger("pypdf").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class ReadResult:
    text: str | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def kind_of(filename: str) -> str | None:
    name = filename.lower()
    for suffix, kind in SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None


def sniff(data: bytes) -> str | None:
    head = data[:1024].lstrip()
    if data[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if data[:8] == OLE_MAGIC:
        return "ole"
    if re.match(rb"(?i)(?:\xef\xbb\xbf)?\s*<(?:!doctype html|html|head|meta|body)", head):
        return "html"
    return None


def read(data: bytes, filename: str) -> ReadResult:
    """Read one file; every failure becomes a ReadResult with an error reason."""
    try:
        return ReadResult(_read(data, filename), None)
    except ReadError as exc:
        return ReadResult(None, exc.reason)
    except RecursionError:
        return ReadResult(None, errors.CORRUPT)
    except MemoryError:
        return ReadResult(None, errors.TOO_LARGE)
    except Exception:  # a parser's own bug on a malformed file is still a damaged file
        return ReadResult(None, errors.CORRUPT)


def _read(data: bytes, filename: str) -> str:
    if not data:
        raise ReadError(errors.EMPTY)
    if len(data) > MAX_BYTES:
        raise ReadError(errors.TOO_LARGE)
    kind = kind_of(filename)
    if kind is None:
        if filename.lower().endswith(".doc"):
            raise ReadError(errors.OLD_WORD)
        raise ReadError(errors.UNSUPPORTED)
    sniffed = sniff(data)
    if sniffed == "ole":
        if kind == "docx" and "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(errors.ENCRYPTED)
        if kind in ("docx", "pdf"):
            raise ReadError(errors.OLD_WORD if kind == "docx" else errors.CORRUPT)
    elif sniffed in ("pdf", "docx") and kind in ("pdf", "docx"):
        kind = sniffed  # a PDF saved as .docx (or the reverse) is still readable
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError(errors.EMPTY)
    reader = {"docx": read_docx, "pdf": read_pdf, "html": read_html, "txt": read_txt}[kind]
    text = reader(data)
    if not text.strip():
        raise ReadError(errors.NO_TEXT_LAYER if kind == "pdf" else errors.EMPTY)
    return text[:MAX_CHARS]


# --- .docx -----------------------------------------------------------------------------------

def read_docx(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ReadError(errors.CORRUPT)
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos if i.filename.endswith(".xml")) > MAX_DOCX_XML:
        raise ReadError(errors.TOO_LARGE)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ReadError(errors.CORRUPT)
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    size = 0

    def add(line: str) -> None:
        nonlocal size
        if size < MAX_CHARS:
            lines.append(line)
            size += len(line) + 1

    def walk_table(table: Table, depth: int) -> None:
        for row in table.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
                if depth < 3:
                    for inner in cell.tables:
                        walk_table(inner, depth + 1)
            line = "\t".join(c for c in cells if c)
            if line:
                add(line)
            if size >= MAX_CHARS:
                return

    def walk_blocks(parent, depth: int) -> None:
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                add(Paragraph(child, document).text)
            elif tag == "tbl":
                walk_table(Table(child, document), 0)
            elif tag in ("sdt", "sdtContent", "customXml") and depth < 5:
                walk_blocks(child, depth + 1)  # content controls (cover pages, forms) hold paragraphs too
            if size >= MAX_CHARS:
                return

    walk_blocks(document.element.body, 0)
    return "\n".join(lines)


# --- .pdf ------------------------------------------------------------------------------------

def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError(errors.ENCRYPTED)
            except ReadError:
                raise
            except Exception:
                raise ReadError(errors.ENCRYPTED)
        pages = reader.pages
        count = len(pages)
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(errors.ENCRYPTED)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        raise ReadError(errors.CORRUPT)
    if count == 0:
        raise ReadError(errors.CORRUPT)
    texts: list[str] = []
    size = 0
    read_pages = 0
    for index in range(min(count, MAX_PDF_PAGES)):
        try:
            page_text = pages[index].extract_text() or ""
        except FileNotDecryptedError:
            raise ReadError(errors.ENCRYPTED)
        except Exception:
            page_text = ""
        read_pages += 1
        texts.append(page_text)
        size += len(page_text)
        if size >= MAX_CHARS:
            break
    text = "\n".join(texts)
    visible = len(re.sub(r"\s", "", text))
    if visible < MIN_CHARS_PER_PDF_PAGE * max(1, min(read_pages, 3)):
        raise ReadError(errors.NO_TEXT_LAYER)
    return text


# --- .html -----------------------------------------------------------------------------------

SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "iframe", "svg",
                       "form", "select", "button", "template", "object", "aside"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr"})
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                        "section", "article", "title", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr"})
CELL_TAGS = frozenset({"td", "th"})
SKIP_CLASS = re.compile(r"(?i)\b(?:nav|navbar|menu|breadcrumbs?|crumbs?|header|footer|share|sidebar|"
                        r"toolbar|copyright|position|location|topbar|bottom|foot|search|login)\b")
META_CHARSET = re.compile(rb"""(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_\-]{2,20})""")


CONTAINER_TAGS = frozenset({"div", "td", "article", "section", "main", "body", "table", "center", "font", "span"})
SENTENCE_MARKS = re.compile("[，。；！？]")


class _TextParser(HTMLParser):
    """Text of a page in parts, with the span of parts every container element holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, int]] = []
        self.skipping = 0
        self.parts: list[str] = []
        self.size = 0
        self.title: list[str] = []
        self.heading: list[str] = []
        self.in_title = False
        self.in_heading = False
        self.containers: list[tuple[int, int]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        marker = " ".join(v for k, v in attrs if k in ("class", "id") and v)
        skip = tag in SKIP_TAGS or bool(marker and SKIP_CLASS.search(marker))
        if len(self.stack) < 500:
            self.stack.append((tag, skip, len(self.parts)))
            self.skipping += skip
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_heading = True
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in CELL_TAGS:
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_heading = False
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 50), -1):
            if self.stack[depth][0] == tag:
                self._close(depth)
                break
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def _close(self, depth: int) -> None:
        for name, skip, start in self.stack[depth:]:
            self.skipping -= skip
            if name in CONTAINER_TAGS and not skip and len(self.containers) < 100_000:
                self.containers.append((start, len(self.parts)))
        del self.stack[depth:]

    def close(self):
        super().close()
        self._close(0)

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skipping or self.size >= MAX_CHARS:
            return
        if self.in_heading:
            self.heading.append(data)
        self.parts.append(data)
        self.size += len(data)

    def main_text(self) -> str:
        """The smallest container that holds 80 % of the page's sentences: the article, without the
        link lists and sidebars around it. A page with few sentences is kept whole."""
        marks = [0]
        for part in self.parts:
            marks.append(marks[-1] + len(SENTENCE_MARKS.findall(part)))
        total = marks[-1]
        start, end = 0, len(self.parts)
        if total >= 10:
            best = None
            for lo, hi in self.containers:
                if marks[hi] - marks[lo] >= 0.8 * total and (best is None or hi - lo < best[1] - best[0]):
                    best = (lo, hi)
            if best is not None:
                start, end = best
        return "".join(self.parts[start:end])


def decode_html(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    declared = META_CHARSET.search(data[:4096])
    codecs = []
    if declared:
        name = declared.group(1).decode("ascii", errors="ignore").lower()
        codecs.append("gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936") else name)
    codecs += ["utf-8", "gb18030"]
    for codec in codecs:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def read_html(data: bytes) -> str:
    source = decode_html(data)
    parser = _TextParser()
    # Feed in slices so a pathological page is cut off at the character cap, not parsed whole.
    for offset in range(0, len(source), 65_536):
        parser.feed(source[offset:offset + 65_536])
        if parser.size >= MAX_CHARS:
            break
    parser.close()
    body = parser.main_text()
    body = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0\n]*", "\n", body)
    body = re.sub(r"[ \t\u00a0]{2,}", " ", body)
    title = re.split(r"\s*[_|｜]\s*|\s+-\s+", "".join(parser.title).strip(), maxsplit=1)[0]
    lines = [line.strip() for line in body.split("\n")]
    text = "\n".join(line for line in lines if line)
    heading = re.sub(r"\s+", " ", "".join(parser.heading)).strip()
    if heading and heading not in text[:2000]:
        text = heading + "\n" + text
    if title and title not in text[:2000]:
        text = title + "\n" + text
    return text


# --- .txt ------------------------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return data.decode("utf-32", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "gb18030", "big5"):
        if codec.startswith("utf-16") and not _plausible_utf16(data, codec):
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _plausible_utf16(data: bytes, codec: str) -> bool:
    """UTF-16 without a byte-order mark: most code units must be CJK, ASCII or CJK punctuation."""
    if len(data) % 2:
        return False
    sample = data[:8192].decode(codec, errors="replace")
    good = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or " " <= ch <= "~" or ch in "\n\r\t“”‘’")
    return good >= 0.9 * len(sample)


def read_txt(data: bytes) -> str:
    text = decode_text(data)
    controls = sum(1 for ch in text[:20000] if ch < "\x20" and ch not in "\t\n\r\x0c")
    if controls > max(20, len(text[:20000]) // 20):
        raise ReadError(errors.CORRUPT)
    return text
