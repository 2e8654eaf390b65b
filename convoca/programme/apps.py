from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "convoca.programme"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from . import timeline  # noqa: F401 - registers the editions' dates in the core timeline
