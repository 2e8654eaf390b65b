"""A focal point registers the delegation of their organization and follows its state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from convoca.core.permissions import object_or_404
from convoca.stakeholders.models import Organization

from .. import selectors, services
from ..forms import ParticipantForm
from ._shared import public_form, questions_form


@login_required
def delegation(request: HttpRequest, slug: str, organization: str) -> HttpResponse:
    form = public_form(slug)
    organization = object_or_404(
        request.user, "stakeholders.change_organization", Organization, slug=organization
    )
    delegate = ParticipantForm(
        request.POST or None,
        registration_form=form,
        initial={
            "organization_name": str(organization),
            "stakeholder_type": organization.stakeholder_type,
            "country": organization.country.code if organization.country else "",
        },
    )
    del delegate.fields["organization_name"]
    if "consent" in delegate.fields:
        delegate.fields["consent"].label = _("The delegate agrees")
    questions = questions_form(form, request)
    if request.method == "POST" and delegate.is_valid() & (
        questions is None or questions.is_valid()
    ):
        data = delegate.cleaned_data
        try:
            outcome = services.register(
                form=form,
                by=request.user,
                given_name=data["given_name"],
                family_name=data["family_name"],
                email=data["email"],
                organization=organization,
                stakeholder_type=data["stakeholder_type"],
                country=data["country"],
                gender=data["gender"],
                attendance=data["attendance"],
                consent=data.get("consent", False),
                identity_number=data.get("identity_number", ""),
                invitation_code=data["invitation_code"],
                answers=questions.answers() if questions is not None else None,
            )
        except services.RegistrationError as error:
            delegate.add_error(None, error.message)
        else:
            name = outcome.registration.full_name
            if outcome.created:
                messages.success(
                    request,
                    _("%(name)s is registered: %(state)s.")
                    % {"name": name, "state": outcome.registration.get_state_display()},
                )
            else:
                messages.info(request, _("%(name)s was already registered.") % {"name": name})
            return redirect("registration:delegation", slug=slug, organization=organization.slug)
    return render(
        request,
        "registration/delegation.html",
        {
            "form": form,
            "edition": form.edition,
            "organization": organization,
            "delegates": selectors.delegation(form=form, organization=organization),
            "delegate_form": delegate,
            "questions": questions,
        },
    )
