from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "convoca.consultations"
    label = "consultations"
    verbose_name = _("Consultations and calls")

    def ready(self):
        from . import (  # noqa: F401
            links,  # lists an edition's consultations on its page
            review,  # connects the Session post_save receiver that marks workshops scheduled
            timeline,  # registers phases and deadlines in the core timeline
        )
