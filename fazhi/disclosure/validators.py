"""Identity numbers and contacts as the public types them: checked, so a typo is caught at the counter."""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from fazhi.core.masking import mask_contact, mask_name, normalise_contact  # noqa: F401  (re-exported)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")


def validate_phone(value: str) -> None:
    compact = re.sub(r"[\s()（）]", "", value or "").replace("－", "-")
    if not _PHONE.match(compact):
        raise ValidationError("请填写有效的联系电话：11位手机号码，或带区号的固定电话（如 0812-1234567）")


def resident_id_valid(value: str) -> bool:
    """GB 11643-1999: 18 characters, the last a mod-11 check character."""
    value = value.upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == value[17]


def credit_code_valid(value: str) -> bool:
    """GB 32100-2015 统一社会信用代码: 18 characters, the last a mod-31 check character."""
    value = value.upper()
    if len(value) != 18 or any(ch not in _USCC_CHARS for ch in value):
        return False
    total = sum(_USCC_CHARS.index(ch) * w for ch, w in zip(value[:17], _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31] == value[17]


def validate_identity(value: str, *, natural_person: bool) -> None:
    value = (value or "").strip().upper()
    if not value:
        return
    if natural_person:
        if re.fullmatch(r"\d{17}[\dXx]", value) and not resident_id_valid(value):
            raise ValidationError("居民身份证号码校验不通过，请核对（最后一位为校验码）")
        if not re.fullmatch(r"[0-9A-Z\-]{6,30}", value):
            raise ValidationError("证件号码格式不正确：居民身份证为18位，其他证件请填写证件上的号码")
    elif not credit_code_valid(value):
        raise ValidationError("统一社会信用代码应为18位且校验码正确，请核对")
