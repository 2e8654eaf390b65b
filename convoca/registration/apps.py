from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "convoca.registration"
    label = "registration"
    verbose_name = _("Registration and attendance")

    def ready(self):
        from . import links  # noqa: F401 - offers "Register" on each edition's page
