from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrizesConfig(AppConfig):
    name = "convoca.prizes"
    label = "prizes"
    verbose_name = _("Prizes")

    def ready(self):
        from convoca.consultations.signals import submission_submitted

        from . import receivers, timeline  # noqa: F401 - registers the phases in the core timeline

        submission_submitted.connect(
            receivers.on_submission_submitted, dispatch_uid="prizes.nomination_from_submission"
        )
