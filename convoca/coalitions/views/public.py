"""Public pages of a coalition: the coalition, the pledge registry with its filters, totals and
exports, the world view, a country's page, a pledge, and the working groups."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries as all_countries
from django_countries.fields import Country

from convoca.core.markup import render_markdown
from convoca.core.permissions import require_or_404
from convoca.core.spreadsheets import csv_bytes, xlsx_bytes
from convoca.stakeholders.models import StakeholderType
from convoca.taxonomy.models import SDG

from .. import selectors, traffic
from ..cache import public_page
from ..forms import RegistryFilterForm
from ..ical import meetings_calendar
from ..models import Coalition, PledgeKind, PledgeState
from ._shared import MANAGE, coalition_or_404

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHADES = 5  # levels of the choropleth


class CountedPaginator(Paginator):
    """A paginator told its count: the registry's totals query already counted the pledges."""

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self._known = count

    @cached_property
    def count(self) -> int:
        return self._known


def _filter_form(request, coalition, **fixed) -> RegistryFilterForm:
    data = request.GET.copy()
    for key, value in fixed.items():
        data[key] = value
    return RegistryFilterForm(data, coalition=coalition, sdgs=SDG.objects.all())


def _rows(pledges, today):
    for pledge in pledges:
        yield {"pledge": pledge, "light": traffic.light(pledge, today=today)}


@require_safe
def coalition_list(request: HttpRequest) -> HttpResponse:
    coalitions = Coalition.objects.prefetch_related("focus_areas").order_by("name")
    return render(request, "coalitions/list.html", {"coalitions": coalitions})


@require_safe
def coalition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    call = coalition.eoi_call
    context = {
        "coalition": coalition,
        "description": render_markdown(coalition.description),
        "headline": selectors.headline(coalition=coalition),
        "groups": selectors.working_groups(coalition=coalition),
        "call": call,
        "call_open": call is not None and call.is_open,
        "can_manage": request.user.has_perm(MANAGE, coalition),
        "is_member": selectors.member_organizations(
            coalition=coalition, user=request.user
        ).exists(),
    }
    return render(request, "coalitions/detail.html", context)


def _registry_context(request, coalition, form, *, base_url: str) -> dict:
    filters = form.filters()
    totals = selectors.totals(coalition=coalition, filters=filters)
    paginator = CountedPaginator(
        selectors.registry(coalition=coalition, filters=filters), PAGE_SIZE, count=totals.pledges
    )
    page = paginator.get_page(request.GET.get("page"))
    query = urlencode(filters.as_query())
    return {
        "coalition": coalition,
        "form": form,
        "totals": totals,
        "page": page,
        "rows": list(_rows(page.object_list, timezone.localdate())),
        "query": query,
        "base_url": base_url,
        "kinds": dict(PledgeKind.choices),
        "states": dict(PledgeState.choices),
    }


@require_safe
@public_page
def registry(request: HttpRequest, slug: str) -> HttpResponse:
    """Every public pledge, filtered; the totals are those of exactly the pledges listed."""
    coalition = coalition_or_404(slug)
    form = _filter_form(request, coalition)
    context = _registry_context(request, coalition, form, base_url=request.path)
    template = (
        "coalitions/_registry_results.html"
        if request.headers.get("HX-Request")
        else "coalitions/registry.html"
    )
    return render(request, template, context)


@require_safe
@public_page
def country_page(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    code = code.upper()
    if code not in dict(all_countries):
        raise Http404
    form = _filter_form(request, coalition, country=code)
    context = _registry_context(request, coalition, form, base_url=request.path)
    context["country"] = Country(code)
    return render(request, "coalitions/country.html", context)


@require_safe
@public_page
def world(request: HttpRequest, slug: str) -> HttpResponse:
    """The pledges by target country, as a shaded table grouped by ITU region (no JavaScript)."""
    coalition = coalition_or_404(slug)
    form = _filter_form(request, coalition)
    filters = form.filters()
    rows = selectors.by_country(coalition=coalition, filters=filters)
    regions = selectors.itu_region_names()
    most = max((row["pledges"] for row in rows), default=0)
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        level = 0 if not most else min(SHADES, 1 + (row["pledges"] * SHADES - 1) // most)
        country = Country(row["country"])
        region = regions.get(row["country"]) or _("Other")
        grouped.setdefault(region, []).append(row | {"name": country.name, "level": level})
    context = {
        "coalition": coalition,
        "form": form,
        "groups": sorted(grouped.items()),
        "totals": selectors.totals(coalition=coalition, filters=filters),
        "query": urlencode(filters.as_query()),
        "levels": range(1, SHADES + 1),
    }
    return render(request, "coalitions/world.html", context)


EXPORT_HEADERS = (
    "Reference",
    "Organization",
    "Organization country",
    "Stakeholder type",
    "Type",
    "Title",
    "Focus areas",
    "Target countries",
    "Status",
    "Value",
    "Currency",
    "Value in USD",
    "Pledged on",
    "Starts",
    "Ends",
    "Progress",
)


def _export_rows(coalition, filters):
    types = dict(StakeholderType.choices)
    kinds = dict(PledgeKind.choices)
    states = dict(PledgeState.choices)
    pledges = selectors.registry(coalition=coalition, filters=filters)
    for pledge in pledges.iterator(chunk_size=2000):
        yield [
            f"{coalition.slug}/{pledge.pk}",
            pledge.organization.name,
            pledge.organization.country.code if pledge.organization.country else "",
            str(types.get(pledge.organization.stakeholder_type, "")),
            str(kinds[pledge.kind]),
            pledge.title,
            "; ".join(area.name for area in pledge.focus_areas.all()),
            " ".join(c.country.code for c in pledge.countries.all()),
            str(states[pledge.state]),
            pledge.amount,
            pledge.currency,
            pledge.usd_amount,
            pledge.pledged_on,
            pledge.starts_on,
            pledge.ends_on,
            float(pledge.progress) if pledge.progress is not None else None,
        ]


def _headers():
    return [_(header) for header in EXPORT_HEADERS]


@require_safe
def registry_csv(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    filters = _filter_form(request, coalition).filters()
    response = HttpResponse(
        csv_bytes(_headers(), _export_rows(coalition, filters)), content_type="text/csv"
    )
    response["Content-Disposition"] = f'attachment; filename="{coalition.slug}-pledges.csv"'
    return response


@require_safe
def registry_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    filters = _filter_form(request, coalition).filters()
    body = xlsx_bytes(
        title=_("Pledges"),
        headers=_headers(),
        rows=_export_rows(coalition, filters),
        widths=[14, 40, 10, 20, 22, 50, 30, 30, 14, 16, 8, 16, 12, 12, 12, 10],
        number_formats={
            9: "#,##0.00",
            11: "#,##0.00",
            12: "yyyy-mm-dd",
            13: "yyyy-mm-dd",
            14: "yyyy-mm-dd",
            15: "0%",
        },
    )
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{coalition.slug}-pledges.xlsx"'
    return response


@require_safe
@public_page
def pledge_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    coalition = coalition_or_404(slug)
    pledge = selectors.pledge_page(coalition=coalition, pk=pk)
    if pledge is None:
        raise Http404
    require_or_404(request.user, "coalitions.view_pledge", pledge)
    context = {
        "coalition": coalition,
        "pledge": pledge,
        "light": traffic.light(pledge, today=timezone.localdate()),
        "description": render_markdown(pledge.description),
        "can_change": request.user.has_perm("coalitions.change_pledge", pledge),
        "elapsed": traffic.time_elapsed(
            starts_on=pledge.starts_on, ends_on=pledge.ends_on, today=timezone.localdate()
        ),
    }
    return render(request, "coalitions/pledge.html", context)


@require_safe
def working_groups(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    context = {
        "coalition": coalition,
        "groups": selectors.working_groups(coalition=coalition),
        "members": selectors.members(coalition=coalition),
    }
    return render(request, "coalitions/working_groups.html", context)


@require_safe
def working_group(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    found = selectors.working_group_page(coalition=coalition, slug=group)
    if found is None:
        raise Http404
    context = {
        "coalition": coalition,
        "group": found,
        "description": render_markdown(found.description),
        "can_manage": request.user.has_perm(MANAGE, coalition),
        "now": timezone.now(),
    }
    return render(request, "coalitions/working_group.html", context)


@require_safe
def group_ical(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    found = selectors.working_group_page(coalition=coalition, slug=group)
    if found is None:
        raise Http404
    response = HttpResponse(meetings_calendar(found), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{coalition.slug}-{found.slug}.ics"'
    return response
