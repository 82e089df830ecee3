"""The annual report's prose, written from the records (see compose.py)."""
