from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionsConfig(AppConfig):
    name = "convoca.coalitions"
    label = "coalitions"
    verbose_name = _("Digital coalitions")

    def ready(self):
        from convoca.consultations.signals import submission_submitted

        from . import pipeline, timeline  # noqa: F401 - registers the meetings in the timeline

        submission_submitted.connect(
            pipeline.on_submission_submitted, dispatch_uid="coalitions.eoi_from_submission"
        )
