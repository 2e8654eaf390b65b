from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.permissions import object_or_404, require_or_404

from . import selectors, services
from .forms import (
    FocalPointDecisionForm,
    FocalPointRequestForm,
    OrganizationFilterForm,
    OrganizationForm,
)
from .models import FocalPoint, Organization


def organization_list(request: HttpRequest) -> HttpResponse:
    form = OrganizationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organizations = selectors.public_organizations(
        q=filters.get("q", ""), stakeholder_type=filters.get("stakeholder_type", "")
    )
    page = Paginator(organizations, 30).get_page(request.GET.get("page"))
    return render(request, "stakeholders/organization_list.html", {"form": form, "page": page})


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    can_manage = request.user.has_perm("stakeholders.change_organization", organization)
    context = {
        "organization": organization,
        "can_manage": can_manage,
        "can_view_history": request.user.has_perm("core.view_history", organization),
        "focal_points": organization.focal_points.select_related("user") if can_manage else (),
        "request_form": FocalPointRequestForm()
        if request.user.has_perm("stakeholders.request_focal_point")
        else None,
    }
    return render(request, "stakeholders/organization_detail.html", context)


@login_required
def organization_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organization = object_or_404(
        request.user, "stakeholders.change_organization", Organization, slug=slug
    )
    form = OrganizationForm(
        request.POST or None, instance=Organization.objects.get(pk=organization.pk)
    )
    if request.method == "POST" and form.is_valid():
        services.update_organization(
            organization=organization, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The organization was saved."))
        return redirect("stakeholders:organization", slug=organization.slug)
    return render(
        request, "stakeholders/organization_form.html", {"form": form, "organization": organization}
    )


@login_required
@require_POST
def request_focal_point(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    require_or_404(request.user, "stakeholders.request_focal_point")
    form = FocalPointRequestForm(request.POST)
    if form.is_valid():
        try:
            services.request_focal_point(
                user=request.user, organization=organization, reason=form.cleaned_data["reason"]
            )
        except services.StakeholderError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Your request was sent to the secretariat, who will review it.")
            )
    else:
        messages.error(request, _("Say what your role in the organization is."))
    return redirect("stakeholders:organization", slug=slug)


@login_required
def focal_point_requests(request: HttpRequest) -> HttpResponse:
    require_or_404(request.user, "stakeholders.decide_focal_points")
    return render(
        request,
        "stakeholders/focal_point_requests.html",
        {
            "requests": selectors.focal_point_requests(),
            "approved": selectors.focal_point_requests(state="approved"),
        },
    )


@login_required
@require_POST
def decide_focal_point(request: HttpRequest, pk: int) -> HttpResponse:
    require_or_404(request.user, "stakeholders.decide_focal_points")
    focal_point = get_object_or_404(FocalPoint, pk=pk)
    form = FocalPointDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.transition_focal_point(
                focal_point=focal_point, to=form.cleaned_data["decision"], by=request.user
            )
        except services.StakeholderError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Decision recorded."))
    return redirect("stakeholders:focal_point_requests")
