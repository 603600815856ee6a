from django.apps import AppConfig


class SetupConfig(AppConfig):
    """Setting up an installation: ``manage.py setup_registry`` and ``manage.py setup_groups``; no models.

    At the top of the dependency graph, next to the demo: it writes reference data, pages and groups
    of the other apps, and only the demo imports it (to build the same site tree).
    """

    name = "registry.setup"
    label = "setup"
    verbose_name = "Penyiapan Registri"
