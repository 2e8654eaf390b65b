"""Finding the organization an applicant means, so that one organization is never created twice,
and spotting two records of the same organization (stakeholders.services.merge_organizations
then merges them).

Names are compared by a key that ignores case, accents, punctuation and legal forms
("Andes SatCom S.A." and "ANDES SATCOM" are one); websites by their host without "www."; an
acronym counts only with the same country (two "ISOC"s in two countries may differ)."""

import re
import unicodedata
from urllib.parse import urlsplit

from django.db.models import Q

from convoca.stakeholders.models import Organization

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
