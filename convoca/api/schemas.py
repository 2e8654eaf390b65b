from django.conf import settings
from modeltranslation.utils import build_localized_fieldname
from ninja import Schema


class Translated(Schema):
    """A name in each of the six UN languages."""

    ar: str
    zh_hans: str
    en: str
    fr: str
    ru: str
    es: str


def translations(obj, field: str) -> dict[str, str]:
    """A translated field in every language, keyed like the Translated schema (zh_hans)."""
    return {
        code.replace("-", "_"): getattr(obj, build_localized_fieldname(field, code)) or ""
        for code, _name in settings.LANGUAGES
    }


class Country(Schema):
    code: str
    name: str


class OrganizationOut(Schema):
    slug: str
    name: str
    acronym: str
    country: Country | None
    stakeholder_type: str
    itu_status: str
    website: str

    @staticmethod
    def resolve_country(obj):
        if not obj.country:
            return None
        return {"code": obj.country.code, "name": str(obj.country.name)}


class SDGRef(Schema):
    number: int
    name: str


class ActionLineOut(Schema):
    code: str
    parent: str | None
    name: str
    names: Translated
    sdgs: list[SDGRef]

    @staticmethod
    def resolve_parent(obj):
        return obj.parent.code if obj.parent_id else None

    @staticmethod
    def resolve_names(obj):
        return translations(obj, "name")

    @staticmethod
    def resolve_sdgs(obj):
        return [{"number": s.number, "name": s.name} for s in obj.sdgs.all()]


class SDGOut(Schema):
    number: int
    name: str
    names: Translated
    title: str
    color: str
    action_lines: list[str]

    @staticmethod
    def resolve_names(obj):
        return translations(obj, "name")

    @staticmethod
    def resolve_action_lines(obj):
        return [line.code for line in obj.action_lines.all()]


class MatrixCell(Schema):
    action_line: str
    sdg: int

    @staticmethod
    def resolve_action_line(obj):
        return obj.action_line.code

    @staticmethod
    def resolve_sdg(obj):
        return obj.sdg.number


class FocusAreaOut(Schema):
    slug: str
    name: str
    names: Translated
    description: str

    @staticmethod
    def resolve_names(obj):
        return translations(obj, "name")


class MeOut(Schema):
    email: str
    first_name: str
    last_name: str
    preferred_language: str
    time_zone: str
    organizations: list[str]

    @staticmethod
    def resolve_organizations(obj):
        from convoca.stakeholders.selectors import organizations_for

        return list(organizations_for(user=obj).values_list("slug", flat=True))


class Error(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    """What a 422 answers: one entry per field that could not be read."""

    detail: list[FieldError]


def responses(ok, *, found: bool = False) -> dict:
    """The documented answers of an endpoint: its success body, 401 for a bad token, 422 for
    malformed parameters, and 404 for lookups by slug or number."""
    documented = {200: ok, 401: Error, 422: ValidationErrorOut}
    if found:
        documented[404] = Error
    return documented
