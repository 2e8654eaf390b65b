# ruff: noqa: E501  (one row of demo data per line reads better than wrapped tuples)
"""The WSIS Trust Fund 2022, from the seed circular "Fondo Fiduciario de la CMSI 2022".

From the seed: the fund's legal basis (Plenipotentiary Resolution 140, ITU Council Resolution
1332 as modified in May 2016), its web address, the partnership packages it announces ("Lotes
de Asociación para el Foro de la CMSI de 2022") and the 2021 Forum's figures (more than 50 000
cumulative virtual attendees from over 150 countries). Everything else is invented: the target,
the bank details (marked demo, not a real account), the exchange rates, the packages' tiers,
prices and benefits, and every contribution and package request of the demo organizations.

Contributions, receipts, acknowledgements, rates and package requests go through
convoca.partnerships.services, as the secretariat's pages would. Each is looked up before it is
made, so running the demo again changes nothing.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from convoca.circulars.models import Circular
from convoca.core.audit import log_action
from convoca.partnerships import services
from convoca.partnerships.models import (
    Benefit,
    Contribution,
    ContributionKind,
    ContributionState,
    ExchangeRate,
    OrderState,
    PackageOrder,
    PartnershipPackage,
    TrustFund,
)
from convoca.programme.models import Edition
from convoca.stakeholders.models import Organization

FUND_SLUG = "wsis-trust-fund-2022"
EDITION_SLUG = "wsis-forum-2022"
CIRCULAR_REFERENCE = "Fondo Fiduciario de la CMSI 2022"

FUND = {
    "name_en": "WSIS Trust Fund 2022",
    "name_es": "Fondo Fiduciario de la CMSI 2022",
    "name_fr": "Fonds d'affectation spéciale du SMSI 2022",
    "year": 2022,
    "currency": "CHF",
    "target": Decimal("750000.00"),  # invented
    "reminder_days": 60,
    "legal_basis_en": (
        "Created in 2011 under Resolution 140 of the Plenipotentiary Conference; maintained by "
        "ITU Council Resolution 1332, as modified by the Council in May 2016, in support of ITU's "
        "activities facilitating the implementation of the WSIS outcomes."
    ),
    "legal_basis_es": (
        "Creado en 2011 en aplicación de la Resolución 140 de la Conferencia de "
        "Plenipotenciarios; mantenido por la Resolución 1332 del Consejo de la UIT, modificada "
        "por el Consejo en mayo de 2016, en apoyo de las actividades de la UIT que faciliten la "
        "puesta en aplicación de los resultados de la CMSI."
    ),
    "description_en": (
        "Voluntary contributions from ITU Members and other WSIS stakeholders to the WSIS "
        "Forum 2022 and ITU's WSIS activities. Information on the fund and its contributors: "
        "https://www.itu.int/go/wsisfund"
    ),
    "description_es": (
        "Contribuciones voluntarias de los Miembros de la UIT y de otros interesados de la CMSI "
        "al Foro de la CMSI de 2022 y a las actividades de la UIT relacionadas con la CMSI. "
        "Información sobre el Fondo y sus contribuyentes: https://www.itu.int/go/wsisfund"
    ),
    "payment_instructions_en": (
        "DEMO ONLY – invented bank details, do not pay into this account.\n"
        "Beneficiary: International Telecommunication Union – WSIS Trust Fund (demo)\n"
        "Bank: Banque Fictive de Genève (demo), Rue de l'Exemple 1, 1211 Geneva, Switzerland\n"
        "IBAN: CH00 0000 0000 0000 0000 0 (demo)   BIC/SWIFT: DEMOCHGGXXX (demo)\n"
        "Currency: CHF, USD or EUR. Please quote “WSIS TF 2022” and your organization's name."
    ),
    "payment_instructions_es": (
        "SOLO DEMOSTRACIÓN – datos bancarios inventados, no efectúe pagos a esta cuenta.\n"
        "Beneficiario: Unión Internacional de Telecomunicaciones – Fondo Fiduciario de la CMSI (demo)\n"
        "Banco: Banque Fictive de Genève (demo), Rue de l'Exemple 1, 1211 Ginebra, Suiza\n"
        "IBAN: CH00 0000 0000 0000 0000 0 (demo)   BIC/SWIFT: DEMOCHGGXXX (demo)\n"
        "Moneda: CHF, USD o EUR. Indique «WSIS TF 2022» y el nombre de su organización."
    ),
    "outcomes_en": (
        "## The WSIS Forum 2021\n\n"
        "Given the global health crisis and widespread travel restrictions, the co-organizers "
        "(ITU, UNESCO, UNCTAD, UNDP) held the WSIS Forum 2021 virtually, with the support of the "
        "contributors to the WSIS Trust Fund. It gathered **more than 50,000 cumulative virtual "
        "attendees from over 150 countries**.\n\n"
        "Outcomes and highlights: <https://www.itu.int/net4/wsis/forum/2021/Home/Outcomes>"
    ),
    "outcomes_es": (
        "## El Foro de la CMSI 2021\n\n"
        "Habida cuenta de la crisis sanitaria mundial y de las generalizadas restricciones de "
        "viaje, los coorganizadores (UIT, UNESCO, UNCTAD, PNUD) celebraron el Foro de la CMSI "
        "2021 de manera virtual, con el apoyo de los contribuyentes al Fondo Fiduciario de la "
        "CMSI. Sumó una asistencia virtual acumulada de **más de 50 000 asistentes de más de "
        "150 países**.\n\n"
        "Resultados y hechos destacados: <https://www.itu.int/net4/wsis/forum/2021/Home/Outcomes>"
    ),
}

RATE_SOURCE = "Invented demo rate (monthly UN operational rate style)"

# (currency, valid from, units of CHF per unit), invented but plausible for 2021–2022.
RATES = [
    ("USD", dt.date(2021, 9, 1), "0.9170"), ("USD", dt.date(2022, 1, 1), "0.9215"), ("USD", dt.date(2022, 4, 1), "0.9260"),
    ("EUR", dt.date(2021, 9, 1), "1.0810"), ("EUR", dt.date(2022, 1, 1), "1.0370"), ("EUR", dt.date(2022, 4, 1), "1.0215"),
    ("JPY", dt.date(2021, 9, 1), "0.008350"), ("JPY", dt.date(2022, 1, 1), "0.007990"), ("JPY", dt.date(2022, 4, 1), "0.007560"),
    ("GBP", dt.date(2021, 9, 1), "1.2620"), ("GBP", dt.date(2022, 1, 1), "1.2380"), ("GBP", dt.date(2022, 4, 1), "1.2150"),
]  # fmt: skip


@dataclass(frozen=True)
class Package:
    slug: str
    name_en: str
    name_es: str
    tier_en: str
    tier_es: str
    price: str
    quantity: int
    benefits: list[tuple[str, str]]  # (en, es)
    description_en: str = ""
    description_es: str = ""


LOGO = (
    "Logo on the WSIS Forum website and on-site screens",
    "Logotipo en el sitio web y en las pantallas del Foro de la CMSI",
)
HIGH_LEVEL = (
    "A speaking slot in the High-Level Track",
    "Un turno de palabra en la Vía de Alto Nivel",
)
WORKSHOP = ("A speaking slot in a thematic workshop", "Un turno de palabra en un taller temático")
BOOTH = (
    "An exhibition booth at ITU headquarters and in the virtual exhibition",
    "Un stand de exposición en la Sede de la UIT y en la exposición virtual",
)
TRACK = (
    "A special track on a theme of your choice, organized with the WSIS Secretariat",
    "Una vía especial sobre un tema de su elección, organizada con la Secretaría de la CMSI",
)
OUTCOME = (
    "Recognition in the Forum's outcome document",
    "Reconocimiento en el documento final del Foro",
)
PRIZE = ("The hackathon prize carries your name", "El premio del hackatón lleva su nombre")
CEREMONY = (
    "A speaking slot at the hackathon award ceremony",
    "Un turno de palabra en la ceremonia de entrega de premios del hackatón",
)
EXHIBITORS = (
    "Listing among the exhibitors on the website",
    "Mención entre los expositores en el sitio web",
)

PACKAGES = [
    Package("platinum", "Platinum partner", "Socio Platino", "Platinum", "Platino", "150000.00", 2, [LOGO, HIGH_LEVEL, BOOTH, TRACK, OUTCOME],
            "Strategic partner of the WSIS Forum 2022.", "Socio estratégico del Foro de la CMSI de 2022."),
    Package("gold", "Gold partner", "Socio Oro", "Gold", "Oro", "80000.00", 3, [LOGO, HIGH_LEVEL, BOOTH, OUTCOME]),
    Package("silver", "Silver partner", "Socio Plata", "Silver", "Plata", "40000.00", 5, [LOGO, WORKSHOP, OUTCOME]),
    Package("special-track", "Special track partner", "Socio de vía especial", "Track", "Vía especial", "60000.00", 2, [TRACK, LOGO, WORKSHOP]),
    Package("hackathon", "Hackathon sponsor", "Patrocinador del hackatón", "Hackathon", "Hackatón", "25000.00", 1, [PRIZE, CEREMONY, LOGO],
            "The WSIS Hackathon (ICTs and older persons).", "El hackatón de la CMSI (las TIC y las personas de edad avanzada)."),
    Package("exhibitor", "Exhibitor", "Expositor", "Exhibitor", "Expositor", "15000.00", 10, [BOOTH, EXHIBITORS]),
]  # fmt: skip


@dataclass(frozen=True)
class Gift:
    contributor: str  # demo organization slug
    amount: str
    currency: str
    pledged_on: dt.date
    receipts: list[tuple[str, dt.date, str]] = field(default_factory=list)  # amount, date, ref
    acknowledge: bool = False
    in_kind: str = ""
    earmark: str = ""
    listed: bool = False
    amount_public: bool = False


# Every state: pledged, partially received, received, acknowledged; several currencies, some in
# kind, some earmarked, consent to be listed (with or without the amount) mixed.
GIFTS = [
    Gift("ch-federal-digital-office", "120000.00", "CHF", dt.date(2021, 10, 15), [("120000.00", dt.date(2021, 11, 30), "DEMO-CH-2021-1130-01")], acknowledge=True, listed=True, amount_public=True),
    Gift("ke-ministry-digital", "25000.00", "USD", dt.date(2021, 11, 2), [("25000.00", dt.date(2022, 1, 20), "DEMO-KE-2022-0120-07")], acknowledge=True, listed=True),
    Gift("nordic-edge", "40000.00", "EUR", dt.date(2022, 1, 10), [("20000.00", dt.date(2022, 2, 15), "DEMO-FI-2022-0215-03"), ("20000.00", dt.date(2022, 3, 21), "DEMO-FI-2022-0321-04")], acknowledge=True, earmark="WSIS Hackathon", listed=True, amount_public=True),
    Gift("gulf-cloud", "30000.00", "USD", dt.date(2022, 1, 24), [("30000.00", dt.date(2022, 4, 14), "DEMO-DELIVERY-AE-0414")], acknowledge=True, in_kind="Cloud hosting of the virtual Forum platform, March–June 2022 (valuation)", listed=True),
    Gift("mekong-mobile", "3000000.00", "JPY", dt.date(2022, 1, 17), [("1500000.00", dt.date(2022, 3, 1), "DEMO-VN-2022-0301-11")], listed=True),
    Gift("hemispheric-telecom-forum", "12000.00", "GBP", dt.date(2022, 3, 10), [("5000.00", dt.date(2022, 4, 20), "DEMO-US-2022-0420-02")], earmark="WSIS Prizes 2022", listed=True, amount_public=True),
    Gift("sahel-fibre", "18000.00", "CHF", dt.date(2022, 3, 15), [("18000.00", dt.date(2022, 5, 2), "DEMO-DELIVERY-SN-0502")], in_kind="Connectivity for four remote participation hubs in West Africa (valuation)", earmark="Remote participation"),
    Gift("caribbean-digital-lab", "5000.00", "USD", dt.date(2022, 4, 5), [("5000.00", dt.date(2022, 5, 10), "DEMO-JM-2022-0510-05")], listed=True, amount_public=True),
    Gift("lyon-open-science", "8000.00", "EUR", dt.date(2022, 2, 14), earmark="Special track on open science"),
    Gift("eg-digital-authority", "50000.00", "USD", dt.date(2022, 3, 1), listed=True),
    Gift("mama-tech", "2500.00", "GBP", dt.date(2022, 4, 25), earmark="Fellowships for women in tech", listed=True),
]  # fmt: skip


@dataclass(frozen=True)
class Order:
    package: str
    partner: str
    state: str
    note: str = ""
    listed: bool = True
    show_amount: bool = False


# In this order: the hackathon is confirmed before the requests that then join its waiting list.
ORDERS = [
    Order("hackathon", "andes-satcom", OrderState.CONFIRMED, "Hackathon on ICTs and older persons (demo).", show_amount=True),
    Order("hackathon", "steppe-telecom", OrderState.WAITLISTED, "Happy to sponsor if a place frees up (demo)."),
    Order("hackathon", "digital-sisters-asia", OrderState.WAITLISTED, listed=False),
    Order("platinum", "gulf-cloud", OrderState.CONFIRMED, show_amount=True),
    Order("gold", "sahel-fibre", OrderState.CONFIRMED),
    Order("gold", "mekong-mobile", OrderState.REQUESTED, "Waiting for our board's approval (demo)."),
    Order("special-track", "lakes-ict-institute", OrderState.REQUESTED, "Track on digital skills in higher education (demo)."),
    Order("silver", "redes-comunitarias", OrderState.DECLINED, "Budget not approved this year (demo)."),
    Order("exhibitor", "volga-informatics", OrderState.CONFIRMED),
    Order("exhibitor", "caribbean-digital-lab", OrderState.REQUESTED, listed=False),
    Order("exhibitor", "levant-tech-university", OrderState.CANCELLED, "Withdrawn by the partner (demo)."),
]  # fmt: skip


def _fund() -> TrustFund:
    edition = Edition.objects.filter(slug=EDITION_SLUG).first()
    circular = Circular.objects.filter(reference=CIRCULAR_REFERENCE).order_by("-revision").first()
    fund, _created = TrustFund.objects.update_or_create(
        slug=FUND_SLUG, defaults={**FUND, "edition": edition, "circular": circular}
    )
    return fund


def _rates(fund: TrustFund, secretariat) -> list[ExchangeRate]:
    rates = []
    for currency, valid_from, rate in RATES:
        found = ExchangeRate.objects.filter(
            fund=fund, from_currency=currency, to_currency=fund.currency, valid_from=valid_from
        ).first()
        rates.append(
            found
            or services.add_rate(
                fund=fund,
                from_currency=currency,
                rate=rate,
                valid_from=valid_from,
                by=secretariat,
                source=RATE_SOURCE,
            )
        )
    return rates


def _packages(fund: TrustFund) -> dict[str, PartnershipPackage]:
    packages = {}
    for order, spec in enumerate(PACKAGES):
        package, _created = PartnershipPackage.objects.update_or_create(
            fund=fund,
            slug=spec.slug,
            defaults={
                "name_en": spec.name_en,
                "name_es": spec.name_es,
                "tier_en": spec.tier_en,
                "tier_es": spec.tier_es,
                "description_en": spec.description_en,
                "description_es": spec.description_es,
                "price": Decimal(spec.price),
                "currency": fund.currency,
                "quantity": spec.quantity,
                "order": order,
            },
        )
        for position, (english, spanish) in enumerate(spec.benefits):
            Benefit.objects.update_or_create(
                package=package,
                order=position,
                defaults={"description_en": english, "description_es": spanish},
            )
        packages[spec.slug] = package
    return packages


def _gift(fund: TrustFund, gift: Gift, contributor: Organization, secretariat) -> Contribution:
    contribution = Contribution.objects.filter(
        fund=fund,
        contributor=contributor,
        pledged_on=gift.pledged_on,
        currency=gift.currency,
        amount=Decimal(gift.amount),
    ).first()
    if contribution is None:
        contribution = services.pledge(
            fund=fund,
            contributor=contributor,
            amount=gift.amount,
            currency=gift.currency,
            pledged_on=gift.pledged_on,
            by=secretariat,
            kind=ContributionKind.IN_KIND if gift.in_kind else ContributionKind.FINANCIAL,
            in_kind_description=gift.in_kind,
            earmark=gift.earmark,
            publicly_listed=gift.listed,
            amount_public=gift.amount_public,
        )
    for amount, received_on, reference in gift.receipts:
        if not contribution.receipts.filter(reference=reference).exists():
            services.record_receipt(
                contribution=contribution,
                amount=amount,
                received_on=received_on,
                reference=reference,
                by=secretariat,
            )
    contribution.refresh_from_db()
    if gift.acknowledge and contribution.state == ContributionState.RECEIVED:
        contribution = services.acknowledge(contribution=contribution, by=secretariat)
    return contribution


def _cancel(order: PackageOrder, secretariat) -> PackageOrder:
    """The partner withdrew its request. partnerships.services has no cancellation yet, so the
    demo records it as one would: the state, the date and an audit entry."""
    order.state = OrderState.CANCELLED
    order.decided_at = timezone.now()
    order.save(update_fields=["state", "decided_at", "updated_at"])
    log_action(order, "partnerships.package.cancelled", by=secretariat)
    return order


def _order(spec: Order, package: PartnershipPackage, partner: Organization, secretariat):
    order = PackageOrder.objects.filter(package=package, partner=partner).order_by("pk").first()
    if order is None:
        order = services.request_package(
            package=package,
            partner=partner,
            by=secretariat,
            note=spec.note,
            list_publicly=spec.listed,
            show_amount=spec.show_amount,
        )
    if spec.state == OrderState.CONFIRMED and order.state != OrderState.CONFIRMED:
        order = services.confirm_order(order=order, by=secretariat)
    elif spec.state == OrderState.DECLINED and order.state != OrderState.DECLINED:
        order = services.decline_order(order=order, by=secretariat, reason=spec.note)
    elif spec.state == OrderState.CANCELLED and order.state != OrderState.CANCELLED:
        order = _cancel(order, secretariat)
    return order


def build_funds(*, secretariat, organizations: dict[str, Organization]) -> dict:
    """The WSIS Trust Fund 2022 with its rates, packages, contributions and package requests;
    running it again changes nothing. Links the fund to the 2022 edition and to its circular
    when they exist (build them first)."""
    fund = _fund()
    rates = _rates(fund, secretariat)
    packages = _packages(fund)
    contributions = [
        _gift(fund, gift, organizations[gift.contributor], secretariat) for gift in GIFTS
    ]
    orders = [
        _order(spec, packages[spec.package], organizations[spec.partner], secretariat)
        for spec in ORDERS
    ]
    return {
        "fund": fund,
        "rates": rates,
        "packages": packages,
        "contributions": contributions,
        "orders": orders,
    }
