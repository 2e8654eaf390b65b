"""The secretariat's and accreditation staff's pages: the list of registrations with bulk
accreditation, one registration (identity data for accreditation staff only), the form's
settings, invitations, exports and badges printed in bulk."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.spreadsheets import csv_bytes, xlsx_bytes
from convoca.programme.models import Session

from .. import badges, identity, selectors, services
from ..forms import DecisionForm, FilterForm, InvitationForm, SettingsForm
from ..models import Invitation, Registration
from ._shared import ACCREDIT, MANAGE, nav, staff_form

MOST_BADGES = 400  # one PDF request; more in several batches (filter by state or mode)


def _filtered(request: HttpRequest, form):
    filters = FilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    return filters, selectors.staff_list(
        form=form,
        q=(values.get("q") or "").strip()[:100],
        state=values.get("state") or "",
        attendance=values.get("attendance") or "",
        accreditation=values.get("accreditation") or "",
    )


def registrations(request: HttpRequest, slug: str) -> HttpResponse:
    form = staff_form(request, slug, ACCREDIT)
    filters, found = _filtered(request, form)
    page = Paginator(found, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "registration/staff/list.html",
        {
            **nav(request, form, "registrations"),
            "filters": filters,
            "page": page,
            "query": request.GET.urlencode(),
            "decision": DecisionForm(),
        },
    )


@require_POST
def bulk_decide(request: HttpRequest, slug: str) -> HttpResponse:
    form = staff_form(request, slug, ACCREDIT)
    ids = [int(pk) for pk in request.POST.getlist("registration") if pk.isdigit()]
    decision = DecisionForm(request.POST)
    chosen = list(Registration.objects.filter(form=form, pk__in=ids))
    if not chosen or not decision.is_valid():
        messages.error(request, _("Tick at least one registration, then approve or refuse."))
    else:
        approve = decision.cleaned_data["decision"] == "approve"
        try:
            services.decide_accreditations(
                registrations=chosen,
                approve=approve,
                by=request.user,
                reason=decision.cleaned_data["reason"],
            )
        except services.RegistrationError as error:
            messages.error(request, error.message + " " + _("Nothing was changed."))
        else:
            messages.success(
                request,
                (
                    _("%(count)s accreditations approved.")
                    if approve
                    else _("%(count)s accreditations refused.")
                )
                % {"count": len(chosen)},
            )
    back = QueryDict(request.POST.get("back", "")).urlencode()
    target = reverse("registration:staff_list", kwargs={"slug": slug})
    return redirect(f"{target}?{back}" if back else target)


def registration_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    form = staff_form(request, slug, ACCREDIT)
    registration = get_object_or_404(
        Registration.objects.select_related(
            "organization", "user", "registered_by", "accredited_by"
        ),
        form=form,
        pk=pk,
    )
    decision = DecisionForm(request.POST or None)
    if request.method == "POST" and decision.is_valid():
        try:
            services.decide_accreditation(
                registration=registration,
                approve=decision.cleaned_data["decision"] == "approve",
                by=request.user,
                reason=decision.cleaned_data["reason"],
            )
        except services.RegistrationError as error:
            decision.add_error("reason", error.message)
        else:
            messages.success(request, _("The accreditation is decided."))
            return redirect("registration:staff_detail", slug=slug, pk=pk)
    return render(
        request,
        "registration/staff/detail.html",
        {
            **nav(request, form, "registrations"),
            "registration": registration,
            "identity_number": identity.reveal(registration.identity_token),
            "decision": decision,
            "code": badges.display_code(registration.code),
        },
    )


def settings(request: HttpRequest, slug: str) -> HttpResponse:
    form = staff_form(request, slug, MANAGE)
    settings_form = SettingsForm(request.POST or None, instance=form)
    if request.method == "POST" and settings_form.is_valid():
        data = settings_form.cleaned_data
        try:
            services.configure_form(edition=form.edition, by=request.user, **data)
        except services.RegistrationError as error:
            settings_form.add_error(None, error.message)
        else:
            messages.success(request, _("Registration settings saved."))
            return redirect("registration:settings", slug=slug)
    return render(
        request,
        "registration/staff/settings.html",
        {**nav(request, form, "settings"), "settings_form": settings_form},
    )


def invitations(request: HttpRequest, slug: str) -> HttpResponse:
    form = staff_form(request, slug, MANAGE)
    sessions = list(
        Session.objects.filter(edition=form.edition, quota__invitation_only=True).order_by(
            "starts_at"
        )
    )
    invitation_form = InvitationForm(request.POST or None, sessions=sessions)
    if request.method == "POST" and invitation_form.is_valid():
        data = invitation_form.cleaned_data
        session = next((s for s in sessions if str(s.pk) == data["session"]), None)
        try:
            invitation = services.create_invitation(
                edition=form.edition,
                session=session,
                by=request.user,
                expires_at=data["expires_at"],
                email=data["email"],
                note=data["note"],
            )
        except services.RegistrationError as error:
            invitation_form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Invitation code %(code)s created.") % {"code": invitation.code}
            )
            return redirect("registration:invitations", slug=slug)
    return render(
        request,
        "registration/staff/invitations.html",
        {
            **nav(request, form, "invitations"),
            "invitation_form": invitation_form,
            "invitations": Invitation.objects.filter(edition=form.edition)
            .select_related("session", "used_by")
            .order_by("-created_at")[:200],
            "now": timezone.now(),
        },
    )


# --- Exports and badges ------------------------------------------------------------------------


HEADERS = [
    "code",
    "given_name",
    "family_name",
    "email",
    "organization",
    "stakeholder_type",
    "country",
    "attendance",
    "state",
    "accreditation",
    "registered",
    "checked_in",
]


def _rows(found, zone):
    for r in found.iterator(chunk_size=2000):
        check_in = getattr(r, "check_in", None)
        yield [
            r.code,
            r.given_name,
            r.family_name,
            r.email,
            r.organization_label,
            r.get_stakeholder_type_display(),
            r.country.code,
            r.get_attendance_display(),
            r.get_state_display(),
            r.get_accreditation_display(),
            timezone.localtime(r.created_at, zone).replace(tzinfo=None),
            timezone.localtime(check_in.at, zone).replace(tzinfo=None) if check_in else None,
        ]


def export(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """Registrations as CSV or Excel, with the filters of the list; never identity data."""
    form = staff_form(request, slug, MANAGE)
    _filters, found = _filtered(request, form)
    zone = form.edition.zone
    name = f"registrations-{form.edition.slug}"
    if kind == "csv":
        response = HttpResponse(
            csv_bytes(HEADERS, _rows(found, zone)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    data = xlsx_bytes(
        title=_("Registrations"),
        headers=HEADERS,
        rows=_rows(found, zone),
        widths=[12, 18, 18, 28, 30, 22, 8, 12, 16, 14, 18, 18],
        number_formats={10: "yyyy-mm-dd hh:mm", 11: "yyyy-mm-dd hh:mm"},
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def badges_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """Badges of confirmed in-person participants (with the list's filters): one per page, or
    four per A4 sheet with ?sheet=1."""
    form = staff_form(request, slug, ACCREDIT)
    _filters, found = _filtered(request, form)
    chosen = list(
        found.filter(attendance="in_person", state__in=["confirmed", "checked_in"]).select_related(
            "edition"
        )[:MOST_BADGES]
    )
    if not chosen:
        messages.error(request, _("No confirmed in-person participant matches: no badge to print."))
        return redirect("registration:staff_list", slug=slug)
    pdf = badges.render_pdf(chosen, sheet=request.GET.get("sheet") == "1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badges-{form.edition.slug}.pdf"'
    return response
