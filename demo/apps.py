from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and accounts for `make run`: data in content/*.yaml, one loader."""

    name = "demo"
    verbose_name = "Demo content"
