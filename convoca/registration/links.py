"""Registration's links on an edition's page."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _

from convoca.core import links
from convoca.programme import cache

from .models import RegistrationForm


@links.register("edition", "registration")
def edition_links(edition):
    if not RegistrationForm.objects.filter(edition=edition).exists():
        return []
    return [
        links.Link(10, _("Register"), reverse("registration:register", args=[edition.slug])),
        links.Link(
            11, _("Join sessions remotely"), reverse("registration:remote", args=[edition.slug])
        ),
    ]


@receiver([post_save, post_delete], sender=RegistrationForm)
def refresh_edition_pages(**kwargs):
    """Cached edition pages show these links: rebuild them once the change is committed."""
    transaction.on_commit(cache.bump)
