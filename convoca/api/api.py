from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from convoca.stakeholders import selectors as stakeholders
from convoca.stakeholders.models import StakeholderType
from convoca.taxonomy import selectors as taxonomy

from .auth import public_or_token, token_auth
from .circulars import router as circulars_router
from .coalitions import router as coalitions_router
from .consultations import router as consultations_router
from .funds import router as funds_router
from .prizes import router as prizes_router
from .programme import router as programme_router
from .registration import router as registration_router
from .schemas import (
    ActionLineOut,
    FocusAreaOut,
    MatrixCell,
    MeOut,
    OrganizationOut,
    SDGOut,
    responses,
)

api = NinjaAPI(
    title="convoca API",
    version="1",
    description=(
        "Read and write convoca's data. List endpoints take `page` and `page_size` and answer "
        '`{"items": [...], "count": N}`. Send a personal token as `Authorization: Bearer …`; '
        "names follow the Accept-Language header (ar, zh-hans, en, fr, ru, es)."
    ),
    auth=public_or_token,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class OrganizationFilter(Schema):
    q: str = ""
    stakeholder_type: StakeholderType | None = None
    country: str = ""


directory = Router(tags=["stakeholders"])
reference = Router(tags=["taxonomy"])
accounts = Router(tags=["accounts"])


@directory.get("/organizations", response=responses(list[OrganizationOut]))
@paginate(PageNumberPagination)
def list_organizations(request, filters: Query[OrganizationFilter]):
    """Organizations, public fields only."""
    return stakeholders.public_organizations(
        q=filters.q, stakeholder_type=filters.stakeholder_type or "", country=filters.country
    )


@directory.get("/organizations/{slug}", response=responses(OrganizationOut, found=True))
def get_organization(request, slug: str):
    return get_object_or_404(stakeholders.public_organizations(), slug=slug)


@reference.get("/action-lines", response=responses(list[ActionLineOut]))
@paginate(PageNumberPagination)
def list_action_lines(request):
    """The WSIS Action Lines C1–C11 and C7's sub-lines, with the SDGs each serves."""
    return taxonomy.action_lines()


@reference.get("/action-lines/{code}", response=responses(ActionLineOut, found=True))
def get_action_line(request, code: str):
    return get_object_or_404(taxonomy.action_lines(), code=code.upper())


@reference.get("/sdgs", response=responses(list[SDGOut]))
@paginate(PageNumberPagination)
def list_sdgs(request):
    return taxonomy.sdgs()


@reference.get("/sdgs/{number}", response=responses(SDGOut, found=True))
def get_sdg(request, number: int):
    return get_object_or_404(taxonomy.sdgs(), number=number)


@reference.get("/matrix", response=responses(list[MatrixCell]))
@paginate(PageNumberPagination, page_size=200)
def list_matrix(request):
    """The WSIS–SDG Matrix: one item per (action line, goal) pair."""
    return taxonomy.matrix()


@reference.get("/focus-areas", response=responses(list[FocusAreaOut]))
@paginate(PageNumberPagination)
def list_focus_areas(request):
    return taxonomy.focus_areas()


@accounts.get("/me", response=responses(MeOut), auth=token_auth)
def me(request):
    """The account behind the token."""
    return request.user


api.add_router("/", directory)
api.add_router("/", reference)
api.add_router("/", accounts)
api.add_router("/", circulars_router)
api.add_router("/", programme_router)
api.add_router("/", funds_router)
api.add_router("/", consultations_router)
api.add_router("/", registration_router)
api.add_router("/", prizes_router)
api.add_router("/", coalitions_router)
