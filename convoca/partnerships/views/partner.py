"""A partner's pages: asking for a package, and following the packages asked for."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..forms import PackageRequestForm
from ..models import BenefitDelivery, OrderState, PackageOrder, PartnershipPackage
from ._shared import _fund, _nav, _partner_organizations


@login_required
@require_POST
def request_package(request: HttpRequest, slug: str, package: str) -> HttpResponse:
    fund = _fund(slug)
    found = get_object_or_404(PartnershipPackage, fund=fund, slug=package)
    organizations = _partner_organizations(request.user)
    if not organizations.exists():
        raise Http404
    back = reverse("partnerships:packages", kwargs={"slug": fund.slug}) + f"#package-{found.pk}"
    form = PackageRequestForm(request.POST, organizations=organizations)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        order = services.request_package(
            package=found,
            partner=form.cleaned_data["organization"],
            by=request.user,
            note=form.cleaned_data["note"],
            list_publicly=form.cleaned_data["list_publicly"],
            show_amount=form.cleaned_data["show_amount"],
        )
    except services.FundError as error:
        messages.error(request, error.message)
        return redirect(back)
    if order.state == OrderState.WAITLISTED:
        messages.warning(
            request,
            _(
                "No “%(package)s” package is left: %(organization)s is on the waiting list, and "
                "the secretariat will write if one frees up."
            )
            % {"package": found.name, "organization": order.partner.name},
        )
    else:
        messages.success(
            request,
            _(
                "%(organization)s asked for the “%(package)s” package. The secretariat will "
                "confirm it."
            )
            % {"package": found.name, "organization": order.partner.name},
        )
    return redirect("partnerships:my_packages", slug=fund.slug)


@login_required
def my_packages(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _fund(slug)
    organizations = _partner_organizations(request.user)
    if not organizations.exists():
        raise Http404
    orders = (
        PackageOrder.objects.filter(partner__in=organizations, package__fund=fund)
        .select_related("package", "partner", "contribution")
        .prefetch_related(
            Prefetch("checklist", queryset=BenefitDelivery.objects.select_related("benefit"))
        )
        .order_by("partner__name", "-created_at")
    )
    context = _nav(request, fund, "my_packages", organizations) | {"orders": orders}
    return render(request, "partnerships/my_packages.html", context)
