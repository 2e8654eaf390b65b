"""Finding the organization an applicant means, so that one organization is never created twice,
and merging two records of the same organization once the secretariat spots them.

Names are compared by a key that ignores case, accents, punctuation and legal forms
("Andes SatCom S.A." and "ANDES SATCOM" are one); websites by their host without "www."; an
acronym counts only with the same country (two "ISOC"s in two countries may differ)."""

import re
import unicodedata
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from convoca.core.audit import log_action
from convoca.stakeholders.models import Organization

from .errors import CoalitionError

LEGAL_FORMS = {
    "inc", "incorporated", "ltd", "limited", "llc", "plc", "sa", "sas", "sarl", "gmbh", "ag",
    "co", "corp", "corporation", "company", "srl", "spa", "bv", "nv", "pty", "the",
}  # fmt: skip
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """The comparable form of an organization name."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    plain = plain.replace(".", "")  # "S.A." is "SA"
    words = [w for w in WORD.findall(plain.casefold()) if w not in LEGAL_FORMS]
    return " ".join(words)


def website_host(url: str) -> str:
    if not url:
        return ""
    host = urlsplit(url if "://" in url else f"https://{url}").hostname or ""
    return host.removeprefix("www.").lower()


def find_existing(*, name: str, acronym: str = "", country: str = "", website: str = ""):
    """The organization these details describe, if convoca already knows it."""
    key = name_key(name)
    host = website_host(website)
    longest = max(key.split(), key=len, default="")
    condition = Q(name__iexact=name.strip())
    if longest:
        condition |= Q(name__icontains=longest)
    if host:
        condition |= Q(website__icontains=host)
    if acronym and country:
        condition |= Q(acronym__iexact=acronym.strip(), country=country)
    for candidate in Organization.objects.filter(condition).order_by("pk")[:200]:
        if key and name_key(candidate.name) == key:
            return candidate
        if host and website_host(candidate.website) == host:
            return candidate
        if (
            acronym
            and country
            and candidate.acronym.casefold() == acronym.strip().casefold()
            and candidate.country == country
        ):
            return candidate
    return None


def same_organization(first: Organization, second: Organization) -> bool:
    if first.pk == second.pk:
        return False
    if name_key(first.name) and name_key(first.name) == name_key(second.name):
        return True
    host = website_host(first.website)
    return bool(host) and host == website_host(second.website)


@transaction.atomic
def merge_organizations(*, keep: Organization, duplicate: Organization, by) -> Organization:
    """Point everything that refers to `duplicate` at `keep`, then delete `duplicate`. A row that
    would then exist twice (the same focal point twice) refuses the merge; nothing changes."""
    if keep.pk == duplicate.pk:
        raise CoalitionError(_("An organization cannot be merged into itself."))
    keep = Organization.objects.select_for_update().get(pk=keep.pk)
    duplicate = Organization.objects.select_for_update().get(pk=duplicate.pk)
    moved: dict[str, int] = {}
    try:
        with transaction.atomic():
            for relation in Organization._meta.related_objects:
                model = relation.related_model
                if relation.many_to_many:
                    through = relation.through if hasattr(relation, "through") else None
                    through = through or getattr(model, relation.field.name).through
                    columns = [f for f in through._meta.fields if f.related_model is Organization]
                    for column in columns:
                        rows = through.objects.filter(**{column.name: duplicate})
                        kept = set(
                            through.objects.filter(**{column.name: keep}).values_list(
                                _other(through, column), flat=True
                            )
                        )
                        rows.filter(**{f"{_other(through, column)}__in": kept}).delete()
                        count = rows.update(**{column.name: keep})
                        if count:
                            moved[through._meta.label] = count
                    continue
                if not (relation.one_to_many or relation.one_to_one):
                    continue
                count = model._base_manager.filter(**{relation.field.name: duplicate}).update(
                    **{relation.field.name: keep}
                )
                if count:
                    moved[model._meta.label] = count
            duplicate.delete()
    except IntegrityError as error:
        raise CoalitionError(
            _(
                "%(duplicate)s and %(keep)s both hold the same record (a membership, an "
                "expression of interest, a focal point); resolve it first, then merge."
            )
            % {"duplicate": duplicate, "keep": keep}
        ) from error
    log_action(
        keep,
        "stakeholders.organization.merged",
        by=by,
        data={"merged": str(duplicate), "merged_slug": duplicate.slug, "moved": moved},
    )
    return keep


def _other(through, column) -> str:
    """The other foreign key of a many-to-many table."""
    for field in through._meta.fields:
        if field.is_relation and field.name != column.name and field.name != "id":
            return field.name
    raise LookupError(through)
