"""Helpers the public, partner, secretariat and export views share: finding a fund, checking
who manages it, and the organizations a user acts for."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from convoca.core.permissions import object_or_404
from convoca.stakeholders import selectors as stakeholder_selectors
from convoca.stakeholders.models import Organization

from ..models import TrustFund

MANAGE = "partnerships.manage_trustfund"


def _fund(slug: str) -> TrustFund:
    return get_object_or_404(TrustFund.objects.select_related("edition"), slug=slug)


def _managed_fund(request: HttpRequest, slug: str) -> TrustFund:
    return object_or_404(
        request.user, MANAGE, TrustFund.objects.select_related("edition"), slug=slug
    )


def _partner_organizations(user) -> QuerySet[Organization]:
    """The organizations a verified user acts for as an approved focal point."""
    if not getattr(user, "is_authenticated", False) or not user.has_verified_email:
        return Organization.objects.none()
    return stakeholder_selectors.organizations_for(user=user).order_by("name")


def _nav(request: HttpRequest, fund: TrustFund, current: str, organizations=None) -> dict:
    if organizations is None:
        organizations = _partner_organizations(request.user)
    return {
        "fund": fund,
        "current": current,
        "is_partner": organizations.exists(),
        "can_manage": request.user.has_perm(MANAGE, fund),
    }
