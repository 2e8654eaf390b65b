"""What the registration views share: finding the form of an edition and checking who may act."""

from django.http import Http404, HttpRequest

from convoca.core.permissions import require_or_404

from .. import selectors
from ..models import RegistrationForm

MANAGE = "registration.manage_registrationform"
ACCREDIT = "registration.accredit_registrationform"
CHECK_IN = "registration.check_in_registrationform"


def staff_form(request: HttpRequest, slug: str, perm: str = MANAGE) -> RegistrationForm:
    """The form of the edition, if the user holds `perm` on it; else 404."""
    form = selectors.form_of(slug)
    require_or_404(request.user, perm, form)
    return form


def public_form(slug: str) -> RegistrationForm:
    form = selectors.form_of(slug)
    if form is None:  # pragma: no cover - form_of answers 404 itself
        raise Http404
    return form


def nav(request: HttpRequest, form: RegistrationForm, current: str) -> dict:
    user = request.user
    return {
        "form": form,
        "edition": form.edition,
        "current": current,
        "can_manage": user.has_perm(MANAGE, form),
        "can_accredit": user.has_perm(ACCREDIT, form),
        "can_check_in": user.has_perm(CHECK_IN, form),
    }


def questions_form(form: RegistrationForm, request: HttpRequest):
    """The edition's extra questions as a form (prefix "q"), or None when it asks none."""
    if form.questionnaire_id is None:
        return None
    from convoca.questionnaires.forms import AnswersForm

    return AnswersForm(form.questionnaire, request.POST or None, request.FILES or None, prefix="q")
