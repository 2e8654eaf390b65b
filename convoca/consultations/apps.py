from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "convoca.consultations"
    label = "consultations"
    verbose_name = _("Consultations and calls")

    def ready(self):
        from . import timeline  # noqa: F401 - registers phases and deadlines in the core timeline
