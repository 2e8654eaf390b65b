from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "convoca.demo"
    label = "demo"
    verbose_name = "Demo data"
