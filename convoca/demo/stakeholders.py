# ruff: noqa: E501  (one organization per line reads better than wrapped tuples)
"""Invented organizations and people, from every stakeholder type and every ITU region.

Names are made up (no real person is named); countries are real so regional statistics mean
something. Slugs are stable so demo links can be bookmarked.
"""

from convoca.stakeholders.models import ItuStatus, Organization, Person, StakeholderType

GOV = StakeholderType.GOVERNMENT
PRIV = StakeholderType.PRIVATE_SECTOR
CIVIL = StakeholderType.CIVIL_SOCIETY
ACAD = StakeholderType.ACADEMIA
INTL = StakeholderType.INTERNATIONAL_ORGANIZATION

# (slug, name, acronym, country, type, ITU status)
ORGANIZATIONS = [
    # Africa
    ("ke-ministry-digital", "Ministry of Digital Futures (demo), Kenya", "MDF-KE", "KE", GOV, ItuStatus.MEMBER_STATE),
    ("sahel-fibre", "Sahel Fibre Networks (demo)", "SFN", "SN", PRIV, ItuStatus.SECTOR_MEMBER),
    ("mama-tech", "Mama Tech Collective (demo)", "", "GH", CIVIL, ItuStatus.NONE),
    ("lakes-ict-institute", "Great Lakes ICT Institute (demo)", "GLII", "RW", ACAD, ItuStatus.ACADEMIA),
    ("au-digital-desk", "Pan-African Digital Desk (demo)", "PADD", "ET", INTL, ItuStatus.NONE),
    # Americas
    ("co-agencia-conectividad", "Agencia de Conectividad Rural (demo), Colombia", "ACR", "CO", GOV, ItuStatus.MEMBER_STATE),
    ("andes-satcom", "Andes SatCom (demo)", "", "PE", PRIV, ItuStatus.SECTOR_MEMBER),
    ("redes-comunitarias", "Red de Redes Comunitarias (demo)", "RRC", "MX", CIVIL, ItuStatus.NONE),
    ("caribbean-digital-lab", "Caribbean Digital Lab (demo)", "CDL", "JM", ACAD, ItuStatus.ACADEMIA),
    ("hemispheric-telecom-forum", "Hemispheric Telecom Forum (demo)", "HTF", "US", INTL, ItuStatus.NONE),
    # Arab States
    ("eg-digital-authority", "National Digital Authority (demo), Egypt", "NDA-EG", "EG", GOV, ItuStatus.MEMBER_STATE),
    ("gulf-cloud", "Gulf Cloud Services (demo)", "", "AE", PRIV, ItuStatus.ASSOCIATE),
    ("maghreb-women-code", "Maghreb Women Who Code (demo)", "MWWC", "TN", CIVIL, ItuStatus.NONE),
    ("levant-tech-university", "Levant University of Technology (demo)", "LUT", "JO", ACAD, ItuStatus.ACADEMIA),
    ("arab-ict-network", "Arab ICT Cooperation Network (demo)", "AICN", "MA", INTL, ItuStatus.NONE),
    # Asia-Pacific
    ("fj-ministry-communications", "Ministry of Communications (demo), Fiji", "MOC-FJ", "FJ", GOV, ItuStatus.MEMBER_STATE),
    ("mekong-mobile", "Mekong Mobile (demo)", "", "VN", PRIV, ItuStatus.SECTOR_MEMBER),
    ("digital-sisters-asia", "Digital Sisters Asia (demo)", "DSA", "PH", CIVIL, ItuStatus.NONE),
    ("himalaya-research-centre", "Himalaya Network Research Centre (demo)", "HNRC", "NP", ACAD, ItuStatus.ACADEMIA),
    ("pacific-islands-ict", "Pacific Islands ICT Partnership (demo)", "PIIP", "WS", INTL, ItuStatus.NONE),
    # CIS
    ("kz-digital-development", "Agency for Digital Development (demo), Kazakhstan", "ADD-KZ", "KZ", GOV, ItuStatus.MEMBER_STATE),
    ("steppe-telecom", "Steppe Telecom (demo)", "", "UZ", PRIV, ItuStatus.SECTOR_MEMBER),
    ("open-caucasus", "Open Caucasus Initiative (demo)", "OCI", "AM", CIVIL, ItuStatus.NONE),
    ("volga-informatics", "Volga Institute of Informatics (demo)", "VII", "RU", ACAD, ItuStatus.ACADEMIA),
    ("eurasian-connectivity", "Eurasian Connectivity Council (demo)", "ECC", "BY", INTL, ItuStatus.NONE),
    # Europe
    ("ch-federal-digital-office", "Federal Office for Digital Affairs (demo), Switzerland", "FODA", "CH", GOV, ItuStatus.MEMBER_STATE),
    ("nordic-edge", "Nordic Edge Computing (demo)", "", "FI", PRIV, ItuStatus.SECTOR_MEMBER),
    ("seniors-online", "Seniors Online Europe (demo)", "SOE", "ES", CIVIL, ItuStatus.NONE),
    ("lyon-open-science", "Lyon Open Science Institute (demo)", "LOSI", "FR", ACAD, ItuStatus.ACADEMIA),
    ("geneva-digital-alliance", "Geneva Digital Cooperation Alliance (demo)", "GDCA", "CH", INTL, ItuStatus.NONE),
]  # fmt: skip

GIVEN = ["Amina", "Lucía", "Omar", "Mei", "Olga", "Jean", "Kwame", "Sofía", "Rania", "Ravi",
         "Aigerim", "Marta", "Tomás", "Leila", "Hiroshi", "Nadia", "Pedro", "Yara", "Ivan", "Chloé"]  # fmt: skip
FAMILY = ["Diallo", "Herrera", "Haddad", "Lin", "Petrova", "Moreau", "Mensah", "Quispe", "Nasser",
          "Sharma", "Bekova", "Nieminen", "Castillo", "Benali", "Sato", "Okafor", "Silva", "Aziz",
          "Sokolov", "Dubois"]  # fmt: skip
TITLES = ["Director of Digital Policy", "Head of Partnerships", "Programme Officer",
          "Senior Adviser", "Researcher"]  # fmt: skip


def build_organizations() -> dict[str, Organization]:
    organizations = {}
    for slug, name, acronym, country, kind, itu_status in ORGANIZATIONS:
        organizations[slug], _created = Organization.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "acronym": acronym,
                "country": country,
                "stakeholder_type": kind,
                "itu_status": itu_status,
                "website": f"https://{slug}.example.org/",
            },
        )
    return organizations


def build_people(organizations: dict[str, Organization]) -> list[Person]:
    """Two invented people per organization, keyed by a stable demo email."""
    people = []
    for index, organization in enumerate(organizations.values()):
        for offset in (0, 1):
            n = index * 2 + offset
            given, family = GIVEN[n % len(GIVEN)], FAMILY[(n * 7 + 3) % len(FAMILY)]
            person, _created = Person.objects.update_or_create(
                email=f"{given}.{family}.{organization.slug}@people.example.org".lower(),
                defaults={
                    "given_name": given,
                    "family_name": family,
                    "title": TITLES[n % len(TITLES)],
                    "organization": organization,
                    "country": organization.country,
                },
            )
            people.append(person)
    return people
