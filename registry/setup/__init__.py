"""Setting up an installation without the demo (``manage.py setup_registry``).

``site_tree`` builds the page tree every installation needs (the demo builds it through the same
function), ``installer`` runs every setup step in order (regulation types, coverage rule settings, the
site tree, the admin groups), ``report`` prints what each step did, in Indonesian.
"""
