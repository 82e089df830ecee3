"""行政执法 pages, one module per subject: cases (the list and a case's page), case_steps (the procedure's steps on a
case), officers (执法人员 and 执法证), registers (training, equipment, items, 简易程序, inspections) and audits (案卷评查).

Views are thin: each step's form posts to its own URL and runs one service; a refusal re-renders the page with the
Chinese reason (naming the article) on the form, with status 400.
"""
