"""The workflow kit: what a new institution declares instead of copying (issue 22).

- ``years``: the one ``?year=`` parameter and its one bound (fazhi/core/bounds.py);
- ``filters``: a django-filter ``FilterSet`` per model, read by the HTML list and by the API list alike;
- ``lists``: paging for both (50 a page, the page's query string kept);
- ``workbench``: the step-view and void-view factories of a record's page;
- ``voiding``: voiding as a service, with the refusal and the cascade the institution declares;
- ``progress``: the typed step ladder (done / skipped / current / todo / late).

Who may write is asked in one place, fazhi/core/scoping.py (``can_write``, ``can_write_record``, ``require_writer``).
"""
