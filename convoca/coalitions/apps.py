from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionsConfig(AppConfig):
    name = "convoca.coalitions"
    label = "coalitions"
    verbose_name = _("Digital coalitions")

    def ready(self):
        from convoca.consultations.signals import submission_submitted

        from . import cache, pipeline, timeline  # noqa: F401 - timeline registers the meetings

        cache.connect()

        submission_submitted.connect(
            pipeline.on_submission_submitted, dispatch_uid="coalitions.eoi_from_submission"
        )
