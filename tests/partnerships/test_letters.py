"""The acknowledgement letter: what the contributor reads in the PDF, in its focal point's
language, on the fund's letterhead."""

import datetime as dt
import io
import logging
import re
import zlib
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from convoca.circulars.models import Circular, CircularState, Contact, Letterhead
from convoca.core.money import Money
from convoca.partnerships import letters, services
from convoca.partnerships.models import ContributionKind
from tests.factories import FocalPointFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

ARABIC_FUND = "الصندوق الاستئماني للقمة العالمية لمجتمع المعلومات 2022"


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def shows(text: str, phrase: str) -> bool:
    """The phrase is in the text, whatever spaces the extractor added or lost."""
    return "".join(phrase.split()) in "".join(text.split())


def embedded_fonts(data: bytes) -> set[str]:
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    names = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_.-]+)", b"\n".join(parts))
    return {name.decode().split("+", 1)[-1] for name in names}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def received(fund, partner, secretariat):
    """50 000 CHF pledged by Andes SatCom, paid in two instalments, earmarked."""
    contribution = services.pledge(
        fund=fund,
        contributor=partner,
        amount="50000.00",
        currency="CHF",
        pledged_on=dt.date(2022, 1, 10),
        by=secretariat,
        earmark="Hackathon prize",
    )
    services.record_receipt(
        contribution=contribution,
        amount="20000",
        received_on=dt.date(2022, 2, 1),
        reference="UBS-2022-0201-77",
        by=secretariat,
    )
    services.record_receipt(
        contribution=contribution,
        amount="30000.00",
        received_on=dt.date(2022, 3, 15),
        reference="UBS-2022-0315-12",
        by=secretariat,
    )
    contribution.refresh_from_db()
    return contribution


def itu_letterhead(**extra) -> Letterhead:
    itu = OrganizationFactory(slug="itu", name="International Telecommunication Union")
    return Letterhead.objects.create(
        organization=itu,
        name="ITU General Secretariat",
        office_en="General Secretariat (SG)",
        footer="Place des Nations • CH-1211 Geneva 20 • Switzerland",
        **extra,
    )


def test_the_letter_names_contributor_amount_fund_receipts_and_earmark(received):
    data = letters.acknowledgement_pdf(received, "en")

    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for phrase in (
        "Andes SatCom",
        "WSIS Trust Fund 2022",
        Money(Decimal("50000.00"), "CHF").format("en"),
        "UBS-2022-0201-77",
        "UBS-2022-0315-12",
        "1 February 2022",
        "15 March 2022",
        "Hackathon prize",
        "Dear Sir or Madam,",
    ):
        assert shows(text, phrase), phrase


def test_an_acknowledged_contribution_is_dated_on_its_acknowledgement(received, secretariat):
    acknowledged = services.acknowledge(contribution=received, by=secretariat)
    acknowledged.acknowledged_at = dt.datetime(2022, 4, 1, 9, tzinfo=dt.UTC)
    acknowledged.save(update_fields=["acknowledged_at"])

    text = pdf_text(letters.acknowledgement_pdf(acknowledged, "en"))

    assert shows(text, "Geneva, 1 April 2022")


def test_the_letter_is_in_the_focal_points_language(received, fund):
    fund.name_es = "Fondo Fiduciario de la CMSI 2022"
    fund.save()
    FocalPointFactory(organization=received.contributor, user__preferred_language="es")
    assert letters.letter_language(received) == "es"

    text = pdf_text(letters.acknowledgement_pdf(received))

    assert shows(text, "Fondo Fiduciario de la CMSI 2022")
    assert shows(text, Money(Decimal("50000"), "CHF").format("es"))
    assert shows(text, "Muy Señora mía/Muy Señor mío:")
    assert shows(text, "15 de marzo de 2022")
    assert shows(text, "Importe recibido")


def test_without_a_focal_point_the_letter_is_in_english(received):
    assert letters.letter_language(received) == "en"


def test_a_requested_or_revoked_focal_point_does_not_choose_the_language(received):
    FocalPointFactory(
        organization=received.contributor,
        state="requested",
        decided_at=None,
        user__preferred_language="fr",
    )
    assert letters.letter_language(received) == "en"


def test_an_arabic_letter_is_right_to_left_with_shaped_arabic(received, fund, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    fund.name_ar = ARABIC_FUND
    fund.save()
    FocalPointFactory(organization=received.contributor, user__preferred_language="ar")

    html = letters.acknowledgement_html(received, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    data = letters.acknowledgement_pdf(received)

    assert any("Naskh" in name for name in embedded_fonts(data))
    assert not [r for r in caplog.records if ".notdef" in r.getMessage()]
    text = pdf_text(data)
    for word in (*ARABIC_FUND.split(), "إشعار", "باستلام", "مساهمتكم", "جنيف", "المرجع"):
        assert shows(text, word), word
    assert shows(text, "Andes SatCom")
    assert shows(text, "UBS-2022-0315-12")


def test_a_chinese_letter_reads_in_chinese(received, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")

    data = letters.acknowledgement_pdf(received, "zh-hans")

    assert not [r for r in caplog.records if ".notdef" in r.getMessage()]
    text = pdf_text(data)
    assert shows(text, "日内瓦")
    assert shows(text, "2022年3月15日")
    assert shows(text, "信息社会世界峰会秘书处")


def test_a_contribution_in_another_currency_shows_the_fund_amount_and_rate(
    fund, partner, secretariat
):
    services.add_rate(
        fund=fund,
        from_currency="USD",
        rate="0.9215",
        valid_from=dt.date(2022, 1, 3),
        by=secretariat,
    )
    contribution = services.pledge(
        fund=fund,
        contributor=partner,
        amount="25000",
        currency="USD",
        pledged_on=dt.date(2022, 2, 1),
        by=secretariat,
    )
    services.record_receipt(
        contribution=contribution, amount="25000", received_on=dt.date(2022, 3, 1), by=secretariat
    )
    contribution.refresh_from_db()

    text = pdf_text(letters.acknowledgement_pdf(contribution, "en"))

    assert shows(text, Money(Decimal("25000"), "USD").format("en"))
    assert shows(text, Money(Decimal("23037.50"), "CHF").format("en"))
    assert shows(text, "1 USD = 0.9215 CHF")


def test_a_contribution_in_kind_says_what_was_given(fund, partner, secretariat):
    contribution = services.pledge(
        fund=fund,
        contributor=partner,
        amount="12000",
        currency="CHF",
        pledged_on=dt.date(2022, 2, 1),
        by=secretariat,
        kind=ContributionKind.IN_KIND,
        in_kind_description="Satellite links for four remote hubs",
    )
    services.record_receipt(
        contribution=contribution, amount="12000", received_on=dt.date(2022, 5, 2), by=secretariat
    )
    contribution.refresh_from_db()

    text = pdf_text(letters.acknowledgement_pdf(contribution, "en"))

    assert shows(text, "contribution in kind")
    assert shows(text, "Satellite links for four remote hubs")


@pytest.mark.parametrize("amount", ["10000", None])
def test_only_a_contribution_received_in_full_is_thanked(fund, partner, secretariat, amount):
    contribution = services.pledge(
        fund=fund,
        contributor=partner,
        amount="50000",
        currency="CHF",
        pledged_on=dt.date(2022, 1, 10),
        by=secretariat,
    )
    if amount:
        services.record_receipt(
            contribution=contribution,
            amount=amount,
            received_on=dt.date(2022, 2, 1),
            by=secretariat,
        )
        contribution.refresh_from_db()
    with pytest.raises(services.FundError):
        letters.acknowledgement_pdf(contribution, "en")


# --- Letterhead -----------------------------------------------------------------------------


def test_the_fund_circulars_letterhead_comes_first(received, fund):
    itu_letterhead()
    bdt = Letterhead.objects.create(
        organization=OrganizationFactory(name="Telecommunication Development Bureau"),
        name="BDT",
        office_en="Telecommunication Development Bureau (BDT)",
        footer="BDT footer line",
    )
    fund.circular = Circular.objects.create(
        reference="Fondo Fiduciario de la CMSI 2022",
        default_language="es",
        state=CircularState.ISSUED,
        issue_date=dt.date(2021, 9, 3),
        issued_at=timezone.now(),
        letterhead=bdt,
    )
    fund.save()
    Contact.objects.create(
        circular=fund.circular, name="Sra. Gitanjali Sah", email="gitanjali.sah@itu.int"
    )

    assert letters.letterhead_for(fund) == bdt
    text = pdf_text(letters.acknowledgement_pdf(received, "en"))
    assert shows(text, "Telecommunication Development Bureau (BDT)")
    assert shows(text, "BDT footer line")
    assert shows(text, "gitanjali.sah@itu.int")
    assert not shows(text, "Place des Nations")


def test_else_the_itu_letterhead_with_its_image(received, fund, media_root):
    picture = io.BytesIO()
    Image.new("RGB", (400, 80), "#005a9c").save(picture, format="PNG")
    letterhead = itu_letterhead()
    letterhead.image.save("itu.png", ContentFile(picture.getvalue()))

    assert letters.letterhead_for(fund) == letterhead
    data = letters.acknowledgement_pdf(received, "en")

    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data
    text = pdf_text(data)
    assert shows(text, "General Secretariat (SG)")
    assert text.count("Place des Nations") >= 1


def test_else_a_plain_letter(received, fund):
    assert letters.letterhead_for(fund) is None
    text = pdf_text(letters.acknowledgement_pdf(received, "en"))
    assert shows(text, "WSIS Secretariat")
    assert shows(text, "Andes SatCom")


def test_only_the_bundled_fonts_are_used(received):
    for language in ("en", "ar", "ru"):
        fonts = embedded_fonts(letters.acknowledgement_pdf(received, language))
        assert fonts
        assert all(name.startswith("Noto") for name in fonts), fonts


def test_the_download_name(received):
    assert letters.acknowledgement_filename(received) == (
        f"wsis-trust-fund-2022-acknowledgement-{received.pk}.pdf"
    )


def test_an_unknown_language_is_refused(received):
    with pytest.raises(ValueError, match="not a language of this site"):
        letters.acknowledgement_pdf(received, "de")
