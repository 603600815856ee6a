"""The page cache: anonymous public pages served from Django's cache framework (docs/deployment.md)."""
