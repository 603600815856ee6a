"""The public, read-only API under ``/api/v1/`` (django-ninja); see :mod:`registry.api.api`.

The record builders (``service_records``, ``regulation_records``) are plain functions over querysets,
so other open-data outputs can build the same records.
"""
