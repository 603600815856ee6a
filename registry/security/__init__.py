"""Request-level protections: login throttling, Content-Security-Policy, upload size, a busy database.

- ``login``: the client address behind the reverse proxy and the lockout page for django-axes.
- ``csp``: django-csp's middleware, with the admin's looser policy and HTML-only headers.
- ``uploads``: refuse a request body over the cap before it is read (413).
- ``database``: a SQLite write that cannot get the lock ends in a 503 that says nothing was saved.
"""
