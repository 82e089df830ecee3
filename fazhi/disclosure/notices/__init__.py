"""The documents a township sends an applicant (or a third party) under 《中华人民共和国政府信息公开条例》, generated
from the application as .docx in GB/T 9704 format:

- 补正告知书 (第三十条): what must be supplied and by when;
- 延期答复告知书 (第三十三条第二款): the reason and the new deadline;
- 征求第三方意见函 (第三十二条): the information concerned, 15 working days, the consequence of silence;
- 政府信息公开申请答复书 (第三十六至三十九条): worded per result of the 2021 annual-report template, with the
  救济途径 on every decision other than 予以公开.

``letters.compose`` builds the text (a ``Notice``), ``document.render`` the .docx, ``issue`` decides which notices
an application can have and keeps each one generated in the application's history.
"""
