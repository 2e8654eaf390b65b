"""The consultations of an edition, linked from its page."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from convoca.core import links
from convoca.programme import cache

from .models import Consultation


@links.register("edition", "consultations")
def edition_links(edition):
    return [
        links.Link(20, _("Consultation: %(title)s") % {"title": c.title}, c.get_absolute_url())
        for c in Consultation.objects.filter(edition=edition, is_public=True)
    ]


@receiver([post_save, post_delete], sender=Consultation)
def refresh_edition_pages(**kwargs):
    """Cached edition pages show these links: rebuild them once the change is committed."""
    transaction.on_commit(cache.bump)
