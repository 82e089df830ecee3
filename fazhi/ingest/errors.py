"""The reasons a file yields no report, as the county office reads them (one short sentence each)."""
from __future__ import annotations

EMPTY = "空文件：文件没有内容。"
TOO_LARGE = "文件过大：超过 20 MB 的上限。"
UNSUPPORTED = "不支持的文件类型：只能读取 docx、pdf、html、txt 文件。"
OLD_WORD = "不支持的文件类型：旧版 Word（.doc）文件请另存为 .docx 后再导入。"
CORRUPT = "文件已损坏，无法打开。"
ENCRYPTED = "文件已加密，请去掉密码后再导入。"
NO_TEXT_LAYER = "没有文本层：这份 PDF 可能是扫描件，无法读取文字。"
NOT_A_REPORT = "不是年度报告：文中没有法治政府建设的内容。"
TIMEOUT = "读取超时：文件过于复杂，已放弃读取。"
NOT_FOUND = "找不到文件：路径不存在或无法读取。"


class ReadError(Exception):
    """A file that cannot be read; ``reason`` is one of the messages above."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
