"""Reference data of the domain, as plain records: one definition for each list.

Every module here is pure Python (no Django import), so the models, the coverage rules, the demo,
the tests and the benches all derive their lists from the same records, and a change is made once.
Labels are the Indonesian texts people see; Django code wraps them in its translation functions
where they are shown.
"""
