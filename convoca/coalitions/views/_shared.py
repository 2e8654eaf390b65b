"""What the coalition views share: finding a coalition, and turning a refusal into form errors."""

from django.core.exceptions import ValidationError
from django.http import Http404

from convoca.core.permissions import require_or_404

from .. import selectors
from ..models import Coalition

MANAGE = "coalitions.manage_coalition"


def coalition_or_404(slug: str) -> Coalition:
    coalition = selectors.coalition_page(slug=slug)
    if coalition is None:
        raise Http404
    return coalition


def managed_coalition(request, slug: str) -> Coalition:
    coalition = coalition_or_404(slug)
    require_or_404(request.user, MANAGE, coalition)
    return coalition


def attach(form, error: ValidationError, *others) -> None:
    """A refusal from a service lands on the field it names, or on top of the form."""
    if hasattr(error, "error_dict"):
        for key, messages in error.message_dict.items():
            target = next((f for f in (form, *others) if key in f.fields), None)
            for message in messages:
                (target or form).add_error(key if target else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
