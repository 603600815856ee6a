"""Signals the regulations app sends, for apps that derive data from regulations."""

from django.dispatch import Signal

#: Sent after derived statuses changed; ``page_ids`` lists the regulations concerned.
statuses_changed = Signal()
