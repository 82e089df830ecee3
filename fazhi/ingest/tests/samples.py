"""Small real files built in memory (.docx, .pdf with a text layer, .html) for tests and the bench.

The PDF is written by hand: one Type0 font (the standard STSong-Light, not embedded), text
encoded as UTF-16 code units with a ToUnicode map of the codes used, so pypdf reads back exactly
the text written — a real text layer without any PDF-writing dependency.
"""
from __future__ import annotations

import io

def _to_unicode(chars: set[str]) -> bytes:
    """A ToUnicode CMap mapping each code used (the character's own UTF-16 code) to itself."""
    codes = sorted({ord(ch) for ch in chars if ord(ch) <= 0xFFFF})
    out = [b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
           b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"]
    for i in range(0, len(codes), 100):
        chunk = codes[i:i + 100]
        out.append(b"%d beginbfchar\n" % len(chunk))
        out.extend(b"<%04X> <%04X>\n" % (code, code) for code in chunk)
        out.append(b"endbfchar\n")
    out.append(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    return b"".join(out)


def _stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def build_pdf(pages: list[list[str]], with_text: bool = True) -> bytes:
    """A PDF whose pages hold the given lines; ``with_text=False`` draws lines only (a "scan")."""
    objects: list[bytes] = []
    page_count = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 descendant font, 5 descriptor, 6 ToUnicode, then page/content pairs.
    kids = " ".join(f"{7 + 2 * i} 0 R" for i in range(page_count)).encode()
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count))
    objects.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
                   b"/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>")
    objects.append(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                   b"/FontDescriptor 5 0 R /DW 1000 >>")
    objects.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
                   b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>")
    objects.append(_stream(_to_unicode({ch for lines in pages for line in lines for ch in line})))
    for i, lines in enumerate(pages):
        content = io.BytesIO()
        y = 800
        for line in lines:
            if with_text:
                code = line.encode("utf-16-be").hex().upper().encode()
                content.write(b"BT /F1 11 Tf 40 %d Td <%s> Tj ET\n" % (y, code))
            else:
                content.write(b"40 %d m 500 %d l S\n" % (y, y))
            y -= 16
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (8 + 2 * i))
        objects.append(_stream(content.getvalue()))
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_html(title: str, paragraphs: list[str], charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}_某某县人民政府门户网站</title><style>p {{ margin: 0 }}</style>"
        f"<script>var nav = '首页 政务公开 2099年12次';</script></head><body>"
        f'<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> 共99场次</div>'
        f'<div class="article"><h1>{title}</h1>{body}</div>'
        f'<div class="footer">版权所有：某某县人民政府 电话：0771-1234567</div></body></html>'
    )
    codec = "gb18030" if charset.lower() in ("gb2312", "gbk") else charset  # the superset pages really use
    return page.encode(codec)
