"""Badges and their QR codes.

The QR code carries the registration's code signed with SECRET_KEY (`CODE:signature`), so a
code printed by anyone else is recognised as forged at the door; the code alone, typed by
staff, still works without a camera. Badges are laid out by WeasyPrint with the Noto fonts the
circulars bundle (fetched through the circulars' closed URL fetcher, never from the network):
one A6 badge per page, or four A6 badges per A4 sheet for printing in bulk.
"""

import re
from collections.abc import Sequence

import segno
from django.core import signing
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from convoca.circulars.pdf import INTERNAL_ORIGIN, STATIC_PREFIX, letter_url_fetcher
from convoca.stakeholders.models import StakeholderType

from .models import Registration

SALT = "convoca.registration.badge"
FONTS = f"{INTERNAL_ORIGIN}{STATIC_PREFIX}circulars/fonts"
# One colour per stakeholder group, as printed on the badge band (with its name: never colour
# alone), dark enough for white text.
STAKEHOLDER_COLOURS = {
    StakeholderType.GOVERNMENT: "#005a9c",
    StakeholderType.PRIVATE_SECTOR: "#8a4600",
    StakeholderType.CIVIL_SOCIETY: "#1a7f37",
    StakeholderType.ACADEMIA: "#6639ba",
    StakeholderType.INTERNATIONAL_ORGANIZATION: "#b3261e",
}
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def normalize(code: str) -> str:
    """A typed code as stored: capitals, without the spaces or dashes people add."""
    return "".join(char for char in code.upper() if char.isalnum())


def qr_payload(registration: Registration) -> str:
    return signing.Signer(salt=SALT).sign(registration.code)


def unsign(payload: str) -> str:
    """The code inside a scanned payload; BadSignature when it was not signed by us."""
    return signing.Signer(salt=SALT).unsign(payload.strip())


def display_code(code: str) -> str:
    """ABCDE-FGHJK: easier to read aloud and to type."""
    return f"{code[:5]}-{code[5:]}" if len(code) > 5 else code


def qr_svg(registration: Registration, *, scale: int = 4) -> str:
    """The QR code as an inline SVG element (no XML declaration), dark on white."""
    qr = segno.make(qr_payload(registration), error="m", micro=False)
    return qr.svg_inline(scale=scale, border=2, dark="#000", light="#fff")


def qr_png(registration: Registration, *, scale: int = 8) -> bytes:
    import io

    buffer = io.BytesIO()
    segno.make(qr_payload(registration), error="m", micro=False).save(
        buffer, kind="png", scale=scale, border=2
    )
    return buffer.getvalue()


def badge(registration: Registration) -> dict:
    """What one badge prints."""
    return {
        "name": registration.full_name,
        "given_name": registration.given_name,
        "family_name": registration.family_name,
        "organization": registration.organization_label,
        "country": str(registration.country.name) if registration.country else "",
        "stakeholder": registration.get_stakeholder_type_display(),
        "colour": STAKEHOLDER_COLOURS.get(registration.stakeholder_type, "#57606a"),
        "attendance": registration.get_attendance_display(),
        "code": display_code(registration.code),
        "qr": mark_safe(qr_svg(registration)),  # segno writes only its own markup
        "edition": str(registration.edition),
    }


def render_html(registrations: Sequence[Registration], *, sheet: bool) -> str:
    badges = [badge(r) for r in registrations]
    text = " ".join(f"{b['name']} {b['organization']}" for b in badges)
    return render_to_string(
        "registration/badges.html",
        {
            "badges": badges,
            "sheets": [badges[i : i + 4] for i in range(0, len(badges), 4)] if sheet else [],
            "sheet": sheet,
            "fonts": FONTS,
            "arabic": bool(ARABIC.search(text)),
            "chinese": bool(CJK.search(text)),
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "lang": translation.get_language() or "en",
        },
    )


def render_pdf(registrations: Sequence[Registration], *, sheet: bool = False) -> bytes:
    """Badges as a PDF: one A6 badge per page, or (sheet=True) four per A4 page."""
    import weasyprint

    html = render_html(registrations, sheet=sheet)
    document = weasyprint.HTML(
        string=html, base_url=f"{INTERNAL_ORIGIN}/", url_fetcher=letter_url_fetcher()
    )
    return document.write_pdf()
