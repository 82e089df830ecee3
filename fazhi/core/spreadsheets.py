"""The one spreadsheet (.xlsx) writer and reader every export and import uses.

Writing: every cell is text unless it is a number (or a date) the code computed. Text a person typed is
written as a string cell whatever it begins with — ``=HYPERLINK(…)``, ``+``, ``-``, ``@`` stay text, never a
formula — marked with Excel's quote prefix so that editing the cell does not turn it into one either; control
characters a worksheet cannot hold are dropped from the copy (the stored record keeps its text).

Reading: streamed row by row straight from the sheet's XML, never through the dimensions the file declares
(a 6 KB file claiming ``A1:XFD40000`` made openpyxl pad 40 000 rows × 16 384 columns); only the first
``max_columns`` columns are kept, reading stops after ``max_rows`` filled rows, and the whole read has a time
budget, so an import's work is bounded whatever the file says.
"""
from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import WorkSheetParser

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
READ_SECONDS = 10.0
MAX_COLUMNS = 200
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_SHEET_TITLE = 31
BOLD = Font(bold=True)


# ---------------------------------------------------------------- writing

def new_workbook(title: str = "Sheet") -> tuple[Workbook, object]:
    """A workbook and its first sheet, titled (Excel allows 31 characters and no []:*?/\\)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(title)
    return wb, ws


def add_sheet(wb: Workbook, title: str):
    return wb.create_sheet(sheet_title(title))


def sheet_title(title: str) -> str:
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", str(title))
    for ch in "[]:*?/\\":
        cleaned = cleaned.replace(ch, "_")
    return cleaned[:MAX_SHEET_TITLE].strip("'") or "Sheet"


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def append_row(ws, values: Iterable, *, bold: bool = False) -> None:
    """Append one row: numbers and dates as such, everything else as text (never a formula)."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        write_cell(ws.cell(row=row, column=column), value)
        if bold:
            ws.cell(row=row, column=column).font = BOLD


def write_cell(cell, value) -> None:
    if value is None:
        cell.value = None
    elif _is_number(value) or isinstance(value, (dt.date, dt.datetime)):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # Excel has no time zones; callers pass local times
        cell.value = value
    else:
        text = ILLEGAL_CHARACTERS_RE.sub("", value if isinstance(value, str) else _text(value))
        cell.value = text
        cell.data_type = "s"  # openpyxl would make "=…" a formula
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def _text(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def fit_columns(ws, *, minimum: int = 10, maximum: int = 40) -> None:
    for column in ws.columns:
        head = column[0]
        ws.column_dimensions[head.column_letter].width = max(minimum, min(maximum, len(str(head.value or "")) * 2 + 4))


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def table_bytes(title: str, header: list, rows: Iterable[Iterable], *, widths: bool = True) -> bytes:
    """A one-sheet workbook: a bold header row, then the rows."""
    wb, ws = new_workbook(title)
    append_row(ws, header, bold=True)
    for row in rows:
        append_row(ws, row)
    if widths:
        fit_columns(ws)
    return workbook_bytes(wb)


# ---------------------------------------------------------------- reading

class SpreadsheetError(Exception):
    """A file that cannot be read as a worksheet, or whose reading went past a bound (message in Chinese)."""


class TooManyRows(SpreadsheetError):
    pass


def read_rows(data: bytes, *, max_rows: int, max_columns: int = MAX_COLUMNS,
              seconds: float = READ_SECONDS) -> list[tuple[int, tuple]]:
    """The filled rows of the first sheet as (row number as Excel shows it, values), the header row included.

    Raises ``TooManyRows`` as soon as more than ``max_rows`` filled rows (header included) are seen, and
    ``SpreadsheetError`` when the file is not an .xlsx or its reading takes longer than ``seconds``.
    """
    _refuse_bombs(data)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise SpreadsheetError("文件不是有效的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后重试") from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on corrupt archives
        raise SpreadsheetError("无法读取该 Excel 文件，文件可能已损坏") from exc
    try:
        if not wb.worksheets:
            raise SpreadsheetError("Excel 文件中没有工作表")
        ws = wb.worksheets[0]
        rows = []
        for number, values in _stream(ws, max_columns, time.monotonic() + seconds):
            rows.append((number, values))
            if len(rows) > max_rows:
                raise TooManyRows(f"一次最多导入{max_rows - 1}行，本文件超过{max_rows - 1}行，请分批导入")
        return rows
    finally:
        wb.close()


def _refuse_bombs(data: bytes) -> None:
    """An archive that unpacks to far more than any ledger needs is refused before anything is parsed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SpreadsheetError("文件不是有效的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后重试") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(f"该 Excel 文件解压后超过{MAX_UNPACKED_BYTES // (1024 * 1024)}MB，请删去多余的工作表、图片或分批导入")


def _stream(ws, max_columns: int, deadline: float) -> Iterator[tuple[int, tuple]]:
    """Filled rows straight from the sheet XML: no padding to declared dimensions, no empty rows."""
    try:
        with ws._get_source() as source:
            parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=ws.parent.epoch,
                                     date_formats=ws.parent._date_formats,
                                     timedelta_formats=ws.parent._timedelta_formats)
            for count, (number, cells) in enumerate(parser.parse()):
                if count % 256 == 0 and time.monotonic() > deadline:
                    raise SpreadsheetError("读取该 Excel 文件超时：文件过大或结构异常，请另存为新的 .xlsx 或分批导入")
                values = {}
                for cell in cells:
                    column = cell["column"]
                    if column <= max_columns and _filled(cell["value"]):
                        values[column] = cell["value"]
                if values:
                    yield number, tuple(values.get(c) for c in range(1, max(values) + 1))
    except SpreadsheetError:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed XML inside a valid zip
        raise SpreadsheetError("无法读取该 Excel 文件，文件可能已损坏") from exc


def _filled(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
