from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content of Kota Balikpapan and ``manage.py load_demo``; it has no models.

    The top of the dependency graph: it builds pages of home, regulations and services, and no other
    app imports it.
    """

    name = "registry.demo"
    label = "demo"
    verbose_name = "Data demo"
