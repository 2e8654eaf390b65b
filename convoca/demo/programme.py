# ruff: noqa: E501  (one row of reference data per line reads better than wrapped tuples)
"""The WSIS Forum and its 2020, 2021 and 2022 editions, with published programmes.

Dates, formats, themes, co-organizers, tracks and session types come from the seed letters
(CL-20/025 for 2020, "WSIS Forum 2021/01" for 2021, "Foro CMSI 2022" for 2022). Everything
else is invented: session titles and abstracts, ~700 speakers with made-up names from every
ITU region (no real person is named), and their schedules. Programmes are planned in memory
with `random.Random(<year>)`, so every run plans the same sessions under the same codes;
only what is missing is written (bulk inserts, to stay fast), and a programme is published
once. The plan has no conflict at all: no room or speaker is double-booked, no speaker talks
in their local night, no room is too small and nothing falls outside the edition's dates.
"""

import contextlib
import datetime as dt
import random
import re
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django_countries import countries

from convoca.accounts.models import Gender
from convoca.programme import services
from convoca.programme.models import (
    Edition,
    EditionFormat,
    EditionStatus,
    Forum,
    ProgrammeVersion,
    Room,
    RoomKind,
    Session,
    SessionSpeaker,
    SessionType,
    SpeakerRole,
    Track,
)
from convoca.stakeholders.models import ItuStatus, Organization, Person, StakeholderType
from convoca.taxonomy.models import SDG, ActionLine, ActionLineSDG

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
ALL_LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
SPEAKER_DOMAIN = "speakers.example.org"
SPEAKER_COUNT = 720
CHANGEOVER = dt.timedelta(minutes=15)
NIGHT_END = dt.time(6, 0)

# --- The forum, its co-organizers and editions (from the seeds) ---------------------------

# (slug, name, acronym, country, website)
CO_ORGANIZERS = [
    ("itu", "International Telecommunication Union", "ITU", "CH", "https://www.itu.int/"),
    ("unesco", "United Nations Educational, Scientific and Cultural Organization", "UNESCO", "FR", "https://www.unesco.org/"),
    ("unctad", "United Nations Conference on Trade and Development", "UNCTAD", "CH", "https://unctad.org/"),
    ("undp", "United Nations Development Programme", "UNDP", "US", "https://www.undp.org/"),
]  # fmt: skip
CO_ORGANIZER_SLUGS = {row[0] for row in CO_ORGANIZERS}


@dataclass(frozen=True)
class EditionSpec:
    slug: str
    year: int
    format: str
    opening: dt.date
    final_start: dt.date
    final_end: dt.date
    virtual_weeks: int
    theme_en: str
    theme_es: str
    venue_en: str = "Online"
    venue_es: str = "En línea"
    city_en: str = ""
    city_es: str = ""
    status: str = EditionStatus.PROGRAMME_PUBLISHED


EDITIONS = [
    # CL-20/025: entirely online "a partir del 22 de junio", final week 7–10 September 2020.
    EditionSpec(
        "wsis-forum-2020", 2020, EditionFormat.VIRTUAL,
        dt.date(2020, 6, 22), dt.date(2020, 9, 7), dt.date(2020, 9, 10), 11,
        "Fostering digital transformation and global partnerships: WSIS Action Lines for achieving the SDGs",
        "Fomentar la transformación digital y las asociaciones globales: Líneas de Acción de la CMSI para lograr los ODS",
        status=EditionStatus.REPORT_PUBLISHED,
    ),
    # WSIS Forum 2021/01: events from January (the letter names no day: the last Monday of
    # January is this demo's choice), final week 17–21 May 2021, held virtually.
    EditionSpec(
        "wsis-forum-2021", 2021, EditionFormat.VIRTUAL,
        dt.date(2021, 1, 25), dt.date(2021, 5, 17), dt.date(2021, 5, 21), 16,
        "ICTs for inclusive, resilient and sustainable societies and economies (WSIS Action Lines for achieving SDGs)",
        "TIC para unas sociedades y economías inclusivas, resilientes y sostenibles (Líneas de Acción de la CMSI para lograr los Objetivos de Desarrollo Sostenible)",
        status=EditionStatus.REPORT_PUBLISHED,
    ),
    # Foro CMSI 2022: opens 15 March 2022, final week 30 May–3 June 2022 at ITU HQ, Geneva.
    EditionSpec(
        "wsis-forum-2022", 2022, EditionFormat.HYBRID,
        dt.date(2022, 3, 15), dt.date(2022, 5, 30), dt.date(2022, 6, 3), 11,
        "ICTs for well-being, inclusion and resilience: WSIS cooperation for accelerating progress on the SDGs",
        "Las TIC para el bienestar, la inclusión y la resiliencia: la cooperación de la CMSI para acelerar la consecución de los ODS",
        venue_en="ITU Headquarters", venue_es="Sede de la UIT", city_en="Geneva", city_es="Ginebra",
    ),
]  # fmt: skip

# (slug, English, Spanish, high-level, colour)
TRACKS = [
    ("high-level", "High-Level Track", "Vía de Alto Nivel", True, "#003F7D"),
    ("forum", "Forum Track", "Vía del Foro", False, "#00838F"),
]

# (slug, English, Spanish, minutes, high-level, colour, code prefix)
SESSION_TYPES = [
    ("opening-ceremony", "Opening ceremony", "Ceremonia de apertura", 90, True, "#003F7D", "open"),
    ("policy-statements", "Policy statements", "Declaraciones de política", 90, True, "#1F5FA8", "ps"),
    ("high-level-dialogue", "High-level interactive dialogue", "Diálogo interactivo de alto nivel", 60, True, "#2E86C1", "hld"),
    ("wsis-prizes", "WSIS Prizes ceremony", "Ceremonia de entrega de los Premios de la CMSI", 120, True, "#B7950B", "prizes"),
    ("ministerial-round-table", "Ministerial round table", "Mesa redonda ministerial", 120, True, "#6C3483", "mrt"),
    ("action-line-facilitation", "Action line facilitation meeting", "Reunión de facilitación de Línea de Acción", 90, False, "#117A65", "alf"),
    ("country-workshop", "Country workshop", "Taller de país", 45, False, "#CA6F1E", "cw"),
    ("thematic-workshop", "Thematic workshop", "Taller temático", 60, False, "#1E8449", "tw"),
    ("training", "Training session", "Sesión de formación", 90, False, "#7D6608", "tr"),
    ("special-track", "Special track", "Serie de sesiones especiales", 60, False, "#A93226", "st"),
    ("knowledge-cafe", "Knowledge café", "Café del conocimiento", 60, False, "#6E2C00", "kc"),
    ("hackathon", "Hackathon", "Hackatón", 180, False, "#5B2C6F", "hack"),
    ("exhibition", "Exhibition", "Exposición", 45, False, "#566573", "exh"),
]  # fmt: skip
TYPE_MINUTES = {row[0]: row[3] for row in SESSION_TYPES}
TYPE_PREFIX = {row[0]: row[6] for row in SESSION_TYPES}
HIGH_LEVEL_TYPES = {row[0] for row in SESSION_TYPES if row[4]}

# (slug, English, Spanish, kind, capacity, floor, interpretation)
ROOMS_2022 = [
    ("main-hall", "Main Hall", "Sala principal", RoomKind.HYBRID, 400, "Ground floor", True),
    ("popov", "Popov Room", "Sala Popov", RoomKind.PHYSICAL, 220, "Tower building", True),
    ("room-a", "Room A", "Sala A", RoomKind.PHYSICAL, 90, "Montbrillant building", False),
    ("room-b", "Room B", "Sala B", RoomKind.PHYSICAL, 70, "Montbrillant building", False),
    ("room-c", "Room C", "Sala C", RoomKind.PHYSICAL, 45, "Montbrillant building", False),
    ("room-h2", "Room H2", "Sala H2", RoomKind.PHYSICAL, 60, "Varembé building", False),
    ("zoom-1", "Zoom room 1", "Sala Zoom 1", RoomKind.VIRTUAL, None, "", True),
    ("zoom-2", "Zoom room 2", "Sala Zoom 2", RoomKind.VIRTUAL, None, "", True),
]  # fmt: skip
ROOMS_VIRTUAL = [row for row in ROOMS_2022 if row[3] == RoomKind.VIRTUAL]

# --- Invented people -------------------------------------------------------------------------

# ITU regions: countries with their time zones, invented-name parts. A family name given as
# a pair inflects (masculine, feminine).
REGIONS = {
    "AFR": {
        "countries": {"KE": ["Africa/Nairobi"], "SN": ["Africa/Dakar"], "GH": ["Africa/Accra"], "RW": ["Africa/Kigali"], "ET": ["Africa/Addis_Ababa"], "NG": ["Africa/Lagos"], "ZA": ["Africa/Johannesburg"], "CM": ["Africa/Douala"], "UG": ["Africa/Kampala"], "CI": ["Africa/Abidjan"]},
        "women": ["Amina", "Wanjiru", "Fatou", "Abena", "Nkechi", "Aissatou", "Zanele", "Chiamaka", "Mariama", "Thandiwe", "Akosua", "Nafula", "Adaeze", "Selam"],
        "men": ["Kwame", "Oumar", "Tendai", "Kofi", "Babajide", "Moussa", "Thabo", "Yohannes", "Jean-Claude", "Ibrahima", "Emeka", "Kagiso", "Otieno", "Mamadou"],
        "family": ["Diallo", "Mensah", "Okafor", "Kamau", "Ndiaye", "Mwangi", "Abebe", "Nkosi", "Uwimana", "Boateng", "Traoré", "Ochieng", "Adeyemi", "Habimana", "Asante", "Kone"],
    },
    "AMS": {
        "countries": {"CO": ["America/Bogota"], "PE": ["America/Lima"], "MX": ["America/Mexico_City"], "JM": ["America/Jamaica"], "US": ["America/New_York", "America/Chicago", "America/Los_Angeles"], "CA": ["America/Toronto", "America/Vancouver"], "BR": ["America/Sao_Paulo"], "AR": ["America/Argentina/Buenos_Aires"], "CL": ["America/Santiago"], "CR": ["America/Costa_Rica"]},
        "women": ["Lucía", "Camila", "Valentina", "Ana Paula", "Jennifer", "Marisol", "Renata", "Keisha", "Gabriela", "Daniela", "Beatriz", "Shanice", "Ximena", "Fernanda"],
        "men": ["Mateo", "Diego", "Carlos", "Joaquín", "Andrés", "Michael", "Rafael", "Thiago", "Luis", "Marcus", "Emiliano", "Gustavo", "Kevin", "Sebastián"],
        "family": ["Herrera", "Quispe", "Castillo", "Gómez", "Restrepo", "Silva", "Pereira", "Mamani", "Campbell", "Whitaker", "Fernández", "Morales", "Vargas", "Oliveira", "Brathwaite", "Solís"],
    },
    "ARB": {
        "countries": {"EG": ["Africa/Cairo"], "AE": ["Asia/Dubai"], "TN": ["Africa/Tunis"], "JO": ["Asia/Amman"], "MA": ["Africa/Casablanca"], "SA": ["Asia/Riyadh"], "LB": ["Asia/Beirut"], "OM": ["Asia/Muscat"]},
        "women": ["Leila", "Rania", "Yasmin", "Salma", "Noura", "Fatima", "Hiba", "Mariam", "Dalia", "Amal", "Sara", "Imane", "Lina", "Reem"],
        "men": ["Omar", "Karim", "Youssef", "Tarek", "Hassan", "Khalid", "Nabil", "Samir", "Walid", "Ahmed", "Bilal", "Hicham", "Fadi", "Ziad"],
        "family": ["Haddad", "Nasser", "Benali", "Aziz", "El Amrani", "Khoury", "Mansour", "Saleh", "Farouk", "Bouzid", "Al-Hashimi", "Ben Salah", "Darwish", "Hamdan", "Trabelsi", "Qasim"],
    },
    "ASP": {
        "countries": {"FJ": ["Pacific/Fiji"], "VN": ["Asia/Ho_Chi_Minh"], "PH": ["Asia/Manila"], "NP": ["Asia/Kathmandu"], "WS": ["Pacific/Apia"], "IN": ["Asia/Kolkata"], "CN": ["Asia/Shanghai"], "JP": ["Asia/Tokyo"], "ID": ["Asia/Jakarta"], "AU": ["Australia/Sydney", "Australia/Perth"], "KR": ["Asia/Seoul"], "BD": ["Asia/Dhaka"]},
        "women": ["Mei", "Priya", "Yuki", "Siti", "Linh", "Ji-woo", "Ananya", "Sakura", "Nurul", "Mere", "Ayesha", "Xiaoling", "Kavya", "Maricel"],
        "men": ["Ravi", "Hiroshi", "Wei", "Arjun", "Budi", "Minh", "Tevita", "Joon-ho", "Rahul", "Farhan", "Kenji", "Rizal", "Sione", "Jun"],
        "family": ["Lin", "Sharma", "Sato", "Nguyen", "Santos", "Wijaya", "Park", "Tanaka", "Gurung", "Rahman", "Chen", "Iyer", "Reyes", "Tuilagi", "Hossain", "Naidu"],
    },
    "CIS": {
        "countries": {"KZ": ["Asia/Almaty"], "UZ": ["Asia/Tashkent"], "AM": ["Asia/Yerevan"], "RU": ["Europe/Moscow"], "BY": ["Europe/Minsk"], "KG": ["Asia/Bishkek"], "AZ": ["Asia/Baku"]},
        "women": ["Olga", "Aigerim", "Anahit", "Dilnoza", "Natalia", "Gulnara", "Elena", "Madina", "Irina", "Saule", "Lusine", "Aizhan", "Tatiana", "Nigora"],
        "men": ["Ivan", "Timur", "Arman", "Dmitri", "Nurlan", "Aram", "Sergei", "Bakhyt", "Rustam", "Andrei", "Azamat", "Tigran", "Ilya", "Sanjar"],
        "family": [("Sokolov", "Sokolova"), ("Bekov", "Bekova"), ("Karimov", "Karimova"), ("Tulegenov", "Tulegenova"), ("Kuznetsov", "Kuznetsova"), ("Yusupov", "Yusupova"), ("Ospanov", "Ospanova"), ("Abdullaev", "Abdullaeva"), ("Orlov", "Orlova"), ("Mamedov", "Mamedova"), "Grigoryan", "Hovhannisyan", "Melnik", "Kovalenko", "Sargsyan", "Tashkentbaev"],
    },
    "EUR": {
        "countries": {"CH": ["Europe/Zurich"], "FI": ["Europe/Helsinki"], "ES": ["Europe/Madrid"], "FR": ["Europe/Paris"], "DE": ["Europe/Berlin"], "IT": ["Europe/Rome"], "PL": ["Europe/Warsaw"], "GB": ["Europe/London"], "SE": ["Europe/Stockholm"], "PT": ["Europe/Lisbon"], "GR": ["Europe/Athens"]},
        "women": ["Chloé", "Marta", "Sofía", "Anna", "Laura", "Elina", "Giulia", "Ingrid", "Zofia", "Inês", "Hannah", "Claire", "Eleni", "Astrid"],
        "men": ["Jean", "Tomás", "Lukas", "Matteo", "Mikko", "Pierre", "Jakub", "João", "Stefan", "Oliver", "Nils", "Pablo", "Yannis", "Henrik"],
        "family": ["Moreau", "Dubois", "Nieminen", "Brunner", "Rossi", ("Kowalski", "Kowalska"), "García", "Ferreira", "Schmid", "Lindqvist", "Bianchi", "Novak", "Dupont", "Jensen", "Papadaki", "Hartmann"],
    },
}  # fmt: skip
REGION_OF = {country: region for region, data in REGIONS.items() for country in data["countries"]}
REGION_NAMES = {
    "AFR": ("Africa", "África"),
    "AMS": ("the Americas", "las Américas"),
    "ARB": ("the Arab States", "los Estados Árabes"),
    "ASP": ("Asia and the Pacific", "Asia y el Pacífico"),
    "CIS": ("the CIS region", "la región de la CEI"),
    "EUR": ("Europe", "Europa"),
}

# Job titles by stakeholder type: (high-level titles, other titles).
JOB_TITLES = {
    StakeholderType.GOVERNMENT: (
        ["Minister of Digital Affairs", "Deputy Minister", "Ambassador and Permanent Representative in Geneva", "Permanent Secretary", "Director-General for Telecommunications"],
        ["Head of ICT Policy", "Senior Policy Adviser", "Director of Digital Government", "Spectrum Manager", "Counsellor, Permanent Mission"],
    ),
    StakeholderType.PRIVATE_SECTOR: (
        ["Chief Executive Officer", "President", "Chief Technology Officer"],
        ["Head of Public Policy", "Director of Sustainability", "Product Manager", "Network Engineer", "Regulatory Affairs Manager"],
    ),
    StakeholderType.CIVIL_SOCIETY: (
        ["Executive Director", "Founder and Chair"],
        ["Programme Coordinator", "Community Organizer", "Advocacy Lead", "Digital Rights Officer", "Volunteer Trainer"],
    ),
    StakeholderType.ACADEMIA: (
        ["Rector", "Dean of Engineering", "Vice-Chancellor"],
        ["Professor of Information Systems", "Senior Lecturer", "Research Fellow", "PhD Researcher", "Director of the Digital Lab"],
    ),
    StakeholderType.INTERNATIONAL_ORGANIZATION: (
        ["Secretary-General", "Executive Secretary", "Chair of the Board"],
        ["Programme Officer", "Senior Adviser", "Policy Analyst", "Regional Coordinator", "Head of Unit"],
    ),
}  # fmt: skip
STAFF_TITLES = ["Programme Officer", "Senior Adviser", "Policy Analyst", "Regional Coordinator", "Project Manager", "Associate Expert"]  # fmt: skip


@dataclass
class Speaker:
    index: int
    email: str
    given: str
    family: str
    honorific: str
    title: str
    organization: str  # slug
    country: str
    zone: str
    region: str
    gender: str
    high_level: bool
    pk: int | None = None


def plan_speakers(organizations: dict[str, Organization]) -> list[Speaker]:
    """SPEAKER_COUNT invented people, the same on every run (keyed by their demo email)."""
    rng = random.Random(2022)  # noqa: S311 (demo data, not security)
    by_region = defaultdict(list)
    for slug, organization in organizations.items():
        region = REGION_OF.get(str(organization.country))
        if region and slug not in CO_ORGANIZER_SLUGS:
            by_region[region].append(organization)
    genders = (
        [Gender.WOMAN] * round(SPEAKER_COUNT * 0.44)
        + [Gender.NON_BINARY] * round(SPEAKER_COUNT * 0.02)
        + [Gender.UNDISCLOSED] * round(SPEAKER_COUNT * 0.02)
        + [""] * round(SPEAKER_COUNT * 0.02)
    )
    genders += [Gender.MAN] * (SPEAKER_COUNT - len(genders))
    rng.shuffle(genders)
    regions = sorted(REGIONS)
    taken: set[tuple[str, str]] = set()
    title_turn: dict[str, int] = defaultdict(int)
    speakers = []
    for index in range(SPEAKER_COUNT):
        region = regions[index % len(regions)]
        data, gender = REGIONS[region], genders[index]
        while True:
            if gender == Gender.WOMAN or (gender != Gender.MAN and rng.random() < 0.5):
                given, feminine = rng.choice(data["women"]), True
            else:
                given, feminine = rng.choice(data["men"]), False
            family = rng.choice(data["family"])
            if isinstance(family, tuple):
                family = family[1] if feminine else family[0]
            if (given, family) not in taken:
                taken.add((given, family))
                break
        staff = rng.random() < 0.12 or not by_region[region]
        if staff:
            organization = rng.choice(CO_ORGANIZERS)[0]
            kind = StakeholderType.INTERNATIONAL_ORGANIZATION
            country = rng.choice(sorted(data["countries"]))
            high_level, title = False, rng.choice(STAFF_TITLES)
        else:
            org = rng.choice(by_region[region])
            organization, kind = org.slug, org.stakeholder_type
            country = (
                str(org.country)
                if kind == StakeholderType.GOVERNMENT or rng.random() < 0.5
                else rng.choice(sorted(data["countries"]))
            )
            high_level = rng.random() < 0.16
            senior, others = JOB_TITLES[kind]
            if high_level:
                title = senior[title_turn[organization] % len(senior)]
                title_turn[organization] += 1
            else:
                title = rng.choice(others)
        zones = data["countries"].get(country) or REGIONS[REGION_OF[country]]["countries"][country]
        if title.startswith(("Minister", "Deputy Minister", "Ambassador")):
            honorific = "H.E."
        elif title.startswith(("Professor", "Rector", "Dean", "Vice-Chancellor")):
            honorific = "Prof."
        else:
            honorific = "Dr" if rng.random() < 0.2 else ""
        speakers.append(
            Speaker(
                index=index,
                email=f"speaker{index + 1:04d}@{SPEAKER_DOMAIN}",
                given=given,
                family=family,
                honorific=honorific,
                title=title,
                organization=organization,
                country=country,
                zone=rng.choice(zones),
                region=region,
                gender=gender,
                high_level=high_level,
            )
        )
    return speakers


# --- Invented session content ----------------------------------------------------------------

# (English, Spanish, action lines)
TOPICS = [
    ("Community networks for the last mile", "Redes comunitarias para la última milla", ["C2", "C1"]),
    ("Affordable broadband in least developed countries", "Banda ancha asequible en los países menos adelantados", ["C2", "C6"]),
    ("Digital skills for older persons", "Competencias digitales para las personas mayores", ["C4", "C3"]),
    ("Artificial intelligence for disaster early warning", "Inteligencia artificial para la alerta temprana de catástrofes", ["C7.6", "C7"]),
    ("Telemedicine in rural primary care", "Telemedicina en la atención primaria rural", ["C7.4", "C7"]),
    ("Open educational resources after the pandemic", "Recursos educativos abiertos después de la pandemia", ["C7.3", "C3"]),
    ("Cybersecurity for small and medium-sized enterprises", "Ciberseguridad para las pequeñas y medianas empresas", ["C5", "C7.2"]),
    ("Child online protection", "Protección de la infancia en línea", ["C5", "C10"]),
    ("Digital public infrastructure and inclusive e-government", "Infraestructura pública digital y gobierno electrónico inclusivo", ["C7.1", "C1"]),
    ("E-commerce readiness for women entrepreneurs", "Preparación para el comercio electrónico de las mujeres emprendedoras", ["C7.2", "C6"]),
    ("Precision agriculture for smallholder farmers", "Agricultura de precisión para pequeños agricultores", ["C7.7", "C7"]),
    ("Open science and research data sharing", "Ciencia abierta e intercambio de datos de investigación", ["C7.8", "C3"]),
    ("Local content and indigenous languages online", "Contenido local y lenguas indígenas en línea", ["C8", "C3"]),
    ("Media and information literacy against disinformation", "Alfabetización mediática e informacional frente a la desinformación", ["C9", "C10"]),
    ("Ethics of artificial intelligence in public services", "Ética de la inteligencia artificial en los servicios públicos", ["C10", "C7.1"]),
    ("Regional cooperation on cross-border connectivity", "Cooperación regional para la conectividad transfronteriza", ["C11", "C2"]),
    ("Gender-responsive digital policy", "Políticas digitales con perspectiva de género", ["C1", "C6"]),
    ("ICT accessibility for persons with disabilities", "Accesibilidad de las TIC para las personas con discapacidad", ["C3", "C10"]),
    ("E-waste and the circular economy", "Residuos electrónicos y economía circular", ["C7.6", "C6"]),
    ("Remote work and the future of employment", "Teletrabajo y el futuro del empleo", ["C7.5", "C4"]),
    ("Youth as digital changemakers", "Los jóvenes como agentes del cambio digital", ["C4", "C1"]),
    ("Satellite connectivity for remote schools", "Conectividad por satélite para escuelas remotas", ["C2", "C7.3"]),
    ("Spectrum policy for rural 5G", "Política del espectro para el 5G rural", ["C2", "C6"]),
    ("Data protection and trust in digital services", "Protección de datos y confianza en los servicios digitales", ["C5", "C6"]),
    ("Digital identity for financial inclusion", "Identidad digital para la inclusión financiera", ["C7.1", "C7.2"]),
    ("Smart and sustainable cities", "Ciudades inteligentes y sostenibles", ["C7.6", "C2"]),
    ("Libraries as community digital hubs", "Las bibliotecas como centros digitales comunitarios", ["C3", "C4"]),
    ("Mobile health for maternal care", "Salud móvil para la atención materna", ["C7.4", "C3"]),
    ("Digital agricultural extension services", "Servicios digitales de extensión agraria", ["C7.7", "C4"]),
    ("Measuring the digital divide", "Medir la brecha digital", ["C1", "C11"]),
    ("Public–private partnerships for broadband", "Alianzas público-privadas para la banda ancha", ["C1", "C2"]),
    ("Community radio in the digital age", "La radio comunitaria en la era digital", ["C9", "C8"]),
    ("Preserving cultural heritage with digital archives", "Preservar el patrimonio cultural con archivos digitales", ["C8", "C3"]),
    ("Climate data for resilient communities", "Datos climáticos para comunidades resilientes", ["C7.6", "C7.8"]),
    ("Digital mental health and well-being", "Salud mental digital y bienestar", ["C7.4", "C10"]),
    ("Coding clubs for girls", "Clubes de programación para niñas", ["C4", "C7.3"]),
    ("Blockchain for supply-chain transparency", "Cadenas de bloques para la transparencia de las cadenas de suministro", ["C7.2", "C5"]),
    ("Internet exchange points and local traffic", "Puntos de intercambio de Internet y tráfico local", ["C2", "C11"]),
    ("Trusted information during health emergencies", "Información fiable durante las emergencias sanitarias", ["C9", "C7.4"]),
    ("Digital transformation of small island developing states", "Transformación digital de los pequeños Estados insulares en desarrollo", ["C11", "C1"]),
    ("Green data centres", "Centros de datos ecológicos", ["C7.6", "C2"]),
    ("Online learning for refugees", "Aprendizaje en línea para personas refugiadas", ["C7.3", "C4"]),
    ("Digital platforms for informal workers", "Plataformas digitales para trabajadores informales", ["C7.5", "C7.2"]),
    ("Cyber resilience of critical infrastructure", "Ciberresiliencia de las infraestructuras críticas", ["C5", "C11"]),
    ("Open government data", "Datos abiertos de gobierno", ["C7.1", "C3"]),
    ("Multilingualism on the Internet", "Multilingüismo en Internet", ["C8", "C3"]),
    ("Ethical use of data in humanitarian action", "Uso ético de los datos en la acción humanitaria", ["C10", "C5"]),
    ("Digital health records and interoperability", "Historias clínicas digitales e interoperabilidad", ["C7.4", "C6"]),
    ("Financing digital infrastructure", "Financiación de la infraestructura digital", ["C6", "C2"]),
    ("South–South cooperation on digital skills", "Cooperación Sur-Sur en competencias digitales", ["C11", "C4"]),
]  # fmt: skip

ANGLES = [
    ("{t}", "{t}"),
    ("{t}: lessons from {r}", "{t}: lecciones de {r}"),
    ("{t}: from pilots to scale", "{t}: de los proyectos piloto a la escala"),
    ("{t}: what works and what does not", "{t}: qué funciona y qué no"),
    ("{t}: a multistakeholder perspective", "{t}: una perspectiva multipartita"),
    ("{t}: policies, partnerships and practice", "{t}: políticas, alianzas y práctica"),
]

# (English, Spanish, action lines)
# (English, Spanish, action lines, [(subject in English, in Spanish)])
SPECIAL_TRACKS = [
    ("ICTs and older persons", "TIC y personas mayores", ["C3", "C4"], [
        ("Digital skills for older persons", "Competencias digitales para las personas mayores"),
        ("Age-friendly digital public services", "Servicios públicos digitales adaptados a las personas mayores"),
        ("Telecare for independent living", "Teleasistencia para una vida independiente"),
        ("Stopping online scams that target older people", "Frenar las estafas en línea dirigidas a las personas mayores"),
    ]),
    ("WSIS and youth", "La CMSI y la juventud", ["C4", "C1"], [
        ("Youth as digital changemakers", "Los jóvenes como agentes del cambio digital"),
        ("Coding clubs for girls", "Clubes de programación para niñas"),
        ("Young innovators and start-up ecosystems", "Jóvenes innovadores y ecosistemas de empresas emergentes"),
        ("Youth voices in Internet governance", "La voz de los jóvenes en la gobernanza de Internet"),
    ]),
    ("ICT accessibility", "Accesibilidad de las TIC", ["C3", "C10"], [
        ("Accessible digital textbooks", "Libros de texto digitales accesibles"),
        ("Sign language and captioning online", "Lengua de señas y subtitulado en línea"),
        ("Accessible emergency communications", "Comunicaciones de emergencia accesibles"),
        ("Accessible procurement of ICTs", "Contratación pública de TIC accesibles"),
    ]),
    ("Gender mainstreaming", "Integración de la perspectiva de género", ["C1", "C10"], [
        ("Closing the gender gap in mobile Internet use", "Cerrar la brecha de género en el uso de Internet móvil"),
        ("E-commerce readiness for women entrepreneurs", "Preparación para el comercio electrónico de las mujeres emprendedoras"),
        ("Women in cybersecurity careers", "Mujeres en las carreras de ciberseguridad"),
        ("Online gender-based violence", "La violencia de género en línea"),
    ]),
    ("ICTs and indigenous peoples", "TIC y pueblos indígenas", ["C8", "C3"], [
        ("Indigenous languages online", "Lenguas indígenas en línea"),
        ("Community networks on indigenous lands", "Redes comunitarias en territorios indígenas"),
        ("Indigenous data sovereignty", "Soberanía de los datos indígenas"),
    ]),
    ("Health and well-being", "Salud y bienestar", ["C7.4", "C10"], [
        ("Digital mental health", "Salud mental digital"),
        ("Mobile health for maternal care", "Salud móvil para la atención materna"),
        ("Screen time and children's well-being", "Tiempo frente a la pantalla y bienestar infantil"),
    ]),
    ("Emerging technologies", "Tecnologías emergentes", ["C5", "C7"], [
        ("Trustworthy artificial intelligence", "Inteligencia artificial fiable"),
        ("Blockchain beyond the hype", "Las cadenas de bloques más allá de las expectativas"),
        ("The Internet of Things in agriculture", "La Internet de las cosas en la agricultura"),
        ("Quantum-safe communications", "Comunicaciones resistentes a la computación cuántica"),
    ]),
    ("Digital economy and trade", "Economía digital y comercio", ["C7.2", "C6"], [
        ("Cross-border e-commerce for small businesses", "Comercio electrónico transfronterizo para pequeñas empresas"),
        ("Digital platforms for informal workers", "Plataformas digitales para trabajadores informales"),
        ("Measuring the digital economy", "Medir la economía digital"),
    ]),
]  # fmt: skip

TRAININGS = [
    ("Measuring ICT access with household surveys", "Medir el acceso a las TIC con encuestas de hogares", ["C1", "C11"]),
    ("Cybersecurity basics for small businesses", "Nociones básicas de ciberseguridad para pequeñas empresas", ["C5", "C7.2"]),
    ("Open data for local governments", "Datos abiertos para gobiernos locales", ["C7.1", "C3"]),
    ("Designing accessible websites", "Diseñar sitios web accesibles", ["C3", "C4"]),
    ("Spectrum management fundamentals", "Fundamentos de la gestión del espectro", ["C2", "C6"]),
    ("Building a national e-waste strategy", "Elaborar una estrategia nacional de residuos electrónicos", ["C7.6", "C6"]),
    ("Data protection impact assessments", "Evaluaciones de impacto relativas a la protección de datos", ["C5", "C10"]),
    ("A toolkit for digital literacy trainers", "Herramientas para formadores en alfabetización digital", ["C4", "C3"]),
    ("Planning satellite connectivity for schools", "Planificar la conectividad por satélite para escuelas", ["C2", "C7.3"]),
    ("Using the WSIS–SDG Matrix in project design", "Utilizar la Matriz CMSI-ODS en el diseño de proyectos", ["C11", "C1"]),
    ("Designing telehealth services", "Diseñar servicios de telesalud", ["C7.4", "C4"]),
    ("Gender-responsive ICT policy making", "Elaborar políticas de TIC con perspectiva de género", ["C1", "C4"]),
    ("Verifying online information", "Verificar la información en línea", ["C9", "C4"]),
    ("Digital tools for farmers' cooperatives", "Herramientas digitales para cooperativas agrícolas", ["C7.7", "C4"]),
]  # fmt: skip

POLICY_THEMES = [
    ("Bridging digital divides", "Reducir las brechas digitales", ["C2", "C1"]),
    ("Enabling environment", "Entorno habilitador", ["C6"]),
    ("Building confidence and security in the use of ICTs", "Creación de confianza y seguridad en la utilización de las TIC", ["C5"]),
    ("Inclusiveness: access to information and knowledge for all", "Inclusión: acceso a la información y al conocimiento para todos", ["C3"]),
    ("Digital economy and trade", "Economía digital y comercio", ["C7.2", "C6"]),
    ("Ethical dimensions of the information society", "Dimensiones éticas de la sociedad de la información", ["C10"]),
    ("Climate change and e-environment", "Cambio climático y ciberecología", ["C7.6"]),
    ("Gender mainstreaming", "Integración de la perspectiva de género", ["C1", "C4"]),
    ("ICT applications and services", "Aplicaciones y servicios de TIC", ["C7"]),
    ("Knowledge societies, capacity building and e-learning", "Sociedades del conocimiento, creación de capacidad y aprendizaje electrónico", ["C4", "C7.3"]),
    ("Media and cultural diversity", "Medios de comunicación y diversidad cultural", ["C9", "C8"]),
    ("International and regional cooperation", "Cooperación internacional y regional", ["C11"]),
    ("Financing for digital development", "Financiación del desarrollo digital", ["C6", "C1"]),
]  # fmt: skip

DIALOGUES = [
    ("Partner2Connect: meaningful connectivity by 2030", "Partner2Connect: conectividad significativa de aquí a 2030", ["C2", "C11"]),
    ("Digital cooperation for accelerating the SDGs", "Cooperación digital para acelerar los ODS", ["C11", "C1"]),
    ("Well-being in a digital world", "Bienestar en un mundo digital", ["C7.4", "C10"]),
    ("Resilient infrastructure after the pandemic", "Infraestructura resiliente después de la pandemia", ["C2", "C6"]),
    ("Youth voices in digital policy", "La voz de los jóvenes en las políticas digitales", ["C4", "C1"]),
    ("Data governance for development", "Gobernanza de datos para el desarrollo", ["C6", "C5"]),
    ("Women in technology leadership", "Mujeres en puestos de liderazgo tecnológico", ["C4", "C10"]),
    ("Financing connectivity in least developed countries", "Financiar la conectividad en los países menos adelantados", ["C6", "C2"]),
    ("Trust in emerging technologies", "Confianza en las tecnologías emergentes", ["C5", "C10"]),
    ("Digital health for all", "Salud digital para todos", ["C7.4"]),
    ("Green ICT and the climate agenda", "TIC ecológicas y la agenda climática", ["C7.6"]),
    ("Multilingualism and local content", "Multilingüismo y contenido local", ["C8"]),
    ("Digital skills for the jobs of tomorrow", "Competencias digitales para los empleos del mañana", ["C7.5", "C4"]),
    ("E-government that leaves no one behind", "Un gobierno electrónico que no deje a nadie atrás", ["C7.1"]),
    ("Science, technology and innovation for development", "Ciencia, tecnología e innovación para el desarrollo", ["C7.8", "C1"]),
    ("Free, independent and pluralistic media online", "Medios de comunicación libres, independientes y pluralistas en línea", ["C9"]),
]  # fmt: skip

# The four co-organizers stand in for every facilitating agency of the Action Lines.
FACILITATORS = {
    "C1": ["itu", "undp"], "C2": ["itu"], "C3": ["unesco"], "C4": ["itu", "undp"], "C5": ["itu"],
    "C6": ["itu", "undp", "unctad"], "C7.1": ["undp"], "C7.2": ["unctad", "itu"], "C7.3": ["unesco"],
    "C7.4": ["itu"], "C7.5": ["itu"], "C7.6": ["itu"], "C7.7": ["itu"], "C7.8": ["unesco"],
    "C8": ["unesco"], "C9": ["unesco"], "C10": ["unesco"], "C11": ["itu", "undp"],
}  # fmt: skip

CLOSINGS = [
    ("Participants leave with a short list of policy options and partnership opportunities.", "Los participantes se llevan una lista breve de opciones de política y oportunidades de asociación."),
    ("The session ends with questions from the audience, in the room and online.", "La sesión termina con preguntas del público, en la sala y en línea."),
    ("Its conclusions feed into the Forum's outcome document.", "Sus conclusiones alimentan el documento final del Foro."),
    ("Case studies from the WSIS Stocktaking database illustrate the discussion.", "Casos prácticos de la base de datos del Inventario de la CMSI ilustran el debate."),
]  # fmt: skip

FRENCH_SPEAKING = {"SN", "CM", "CI", "FR", "CH", "MA", "TN", "RW"}


def _mid(text: str) -> str:
    """Text for mid-sentence: 'Digital skills' → 'digital skills', 'ICT access' unchanged."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


# --- Planning --------------------------------------------------------------------------------


@dataclass
class Item:
    """A session as planned, before it is written."""

    kind: str
    title_en: str
    abstract_en: str
    action_lines: list[str]
    organizers: list[str]
    languages: list[str]
    region: str | None = None
    title_es: str = ""
    abstract_es: str = ""
    minutes: int = 0
    public: bool = True
    code: str = ""
    room: str = ""
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    sdgs: list[int] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    expected: int | None = None

    def __post_init__(self):
        self.minutes = self.minutes or TYPE_MINUTES[self.kind]

    @property
    def high_level(self) -> bool:
        return self.kind in HIGH_LEVEL_TYPES


class Planner:
    """Plans one edition's programme: what sessions, where, when, and who speaks."""

    def __init__(self, spec: EditionSpec, *, organizations, action_lines, sdgs, matrix, speakers):
        self.spec = spec
        self.sdgs = sdgs  # number -> SDG
        self.rng = random.Random(spec.year)  # noqa: S311 (demo data, not security)
        self.organizations = organizations  # slug -> Organization (demo ones)
        self.action_lines = action_lines  # code -> ActionLine
        self.matrix = matrix  # code -> [SDG numbers]
        self.speakers = speakers
        self.titles: set[str] = set()
        self.by_region = defaultdict(list)
        for slug, organization in organizations.items():
            region = REGION_OF.get(str(organization.country))
            if region:
                self.by_region[region].append(slug)
        self.label_en = f"WSIS Forum {spec.year}"
        self.label_es = f"Foro de la CMSI {spec.year}"

    # Content ---------------------------------------------------------------------------------

    def _languages(self, region: str | None, country: str, spanish: bool) -> list[str]:
        rng = self.rng
        if spanish:
            return ["es"] if rng.random() < 0.5 else ["es", "en"]
        if region == "ARB" and rng.random() < 0.35:
            return ["ar", "en"]
        if region == "CIS" and rng.random() < 0.35:
            return ["ru", "en"]
        if country == "CN" or (region == "ASP" and rng.random() < 0.08):
            return ["zh-hans", "en"]
        if country in FRENCH_SPEAKING and rng.random() < 0.5:
            return ["fr", "en"]
        return ["en"]

    def _unique(self, title: str) -> bool:
        if title in self.titles:
            return False
        self.titles.add(title)
        return True

    def _abstract(self, lead_en, lead_es, lines, organizers):
        code = lines[0]
        line = self.action_lines[code]
        sdg = self.rng.choice(self.matrix[code]) if self.matrix.get(code) else None
        closing_en, closing_es = self.rng.choice(CLOSINGS)
        names = ", ".join(
            self.organizations[s].name if s in self.organizations else s.upper() for s in organizers
        )
        text_en = f"{lead_en} Organized by {names}. It discusses how WSIS Action Line {code} ({line.name_en}) "
        text_es = f"{lead_es} Organizado por {names}. Examina cómo la Línea de Acción {code} de la CMSI ({line.name_es or line.name_en}) "
        if sdg is not None:
            goal = self.sdgs[sdg]
            text_en += f"can speed up progress on SDG {sdg} ({goal.name_en})."
            text_es += (
                f"puede acelerar los avances hacia el ODS {sdg} ({goal.name_es or goal.name_en})."
            )
        else:
            text_en += "can speed up progress on the SDGs."
            text_es += "puede acelerar los avances hacia los ODS."
        return f"{text_en} {closing_en}", f"{text_es} {closing_es}", [sdg] if sdg else []

    def _organizers(self, region: str, country: str = "") -> list[str]:
        rng = self.rng
        local = [
            s
            for s in self.by_region[region]
            if not country or str(self.organizations[s].country) == country
        ]
        first = rng.choice(local or self.by_region[region] or ["itu"])
        chosen = [first]
        if rng.random() < 0.35:
            other = rng.choice(sorted(self.organizations))
            if other != first:
                chosen.append(other)
        return chosen

    def forum_item(self, kind: str, *, country: str = "") -> Item:
        """A Forum Track session of `kind` with an invented, unique title."""
        rng = self.rng
        region = REGION_OF[country] if country else rng.choice(sorted(REGIONS))
        region_en, region_es = REGION_NAMES[region]
        while True:
            if kind == "training":
                en, es, lines = rng.choice(TRAININGS)
                title_en, title_es = f"Training: {en}", f"Formación: {es}"
                if not self._unique(title_en):
                    title_en, title_es = f"{title_en} ({region_en})", f"{title_es} ({region_es})"
                    if not self._unique(title_en):
                        continue
                lead_en = "A hands-on training: participants practise with tools and templates they can reuse at home."
                lead_es = "Una formación práctica: los participantes trabajan con herramientas y modelos que pueden reutilizar en sus países."
                break
            if kind == "special-track":
                track_en, track_es, lines, subjects = rng.choice(SPECIAL_TRACKS)
                t_en, t_es = rng.choice(subjects)
                title_en, title_es = (
                    f"Special track on {track_en}: {_mid(t_en)}",
                    f"Serie especial sobre {_mid(track_es)}: {_mid(t_es)}",
                )
                if not self._unique(title_en):
                    title_en, title_es = f"{title_en} ({region_en})", f"{title_es} ({region_es})"
                    if not self._unique(title_en):
                        continue
                lead_en = f"Part of the special track on {_mid(track_en)}, this session looks at {_mid(t_en)}."
                lead_es = f"En el marco de la serie especial sobre {_mid(track_es)}, esta sesión examina {_mid(t_es)}."
                break
            t_en, t_es, lines = rng.choice(TOPICS)
            if kind == "country-workshop":
                with translation.override("en"):
                    name_en = str(countries.name(country))
                with translation.override("es"):
                    name_es = str(countries.name(country))
                title_en, title_es = (
                    f"Country workshop: {name_en} — {_mid(t_en)}",
                    f"Taller de país: {name_es} — {_mid(t_es)}",
                )
                lead_en = f"The country workshop presents the national experience of {name_en} with {_mid(t_en)}."
                lead_es = f"El taller de país presenta la experiencia nacional de {name_es} en materia de {_mid(t_es)}."
            elif kind == "knowledge-cafe":
                title_en, title_es = (
                    f"Knowledge café: {_mid(t_en)}",
                    f"Café del conocimiento: {_mid(t_es)}",
                )
                lead_en = f"An informal knowledge café: small groups rotate between tables to swap ideas on {_mid(t_en)}."
                lead_es = f"Un café del conocimiento informal: pequeños grupos rotan entre mesas para intercambiar ideas sobre {_mid(t_es)}."
            elif kind == "exhibition":
                title_en, title_es = (
                    f"Exhibition spotlight: {_mid(t_en)}",
                    f"Exposición: {_mid(t_es)}",
                )
                lead_en = (
                    f"A guided visit of the exhibition stands that show projects on {_mid(t_en)}."
                )
                lead_es = f"Una visita guiada a los stands de la exposición con proyectos sobre {_mid(t_es)}."
            else:
                angle_en, angle_es = rng.choice(ANGLES)
                title_en = angle_en.format(t=t_en, r=region_en)
                title_es = angle_es.format(t=t_es, r=region_es)
                lead_en = f"This workshop looks at {_mid(t_en)}, with speakers from {region_en} and beyond."
                lead_es = f"Este taller examina {_mid(t_es)}, con oradores de {region_es} y de otras regiones."
            if self._unique(title_en):
                break
        organizers = self._organizers(region, country)
        spanish_speaking = region == "AMS" and country not in {"US", "JM", "CA", "BR"}
        in_spanish = spanish_speaking and rng.random() < 0.5
        translated = in_spanish or rng.random() < 0.2
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, organizers)
        return Item(
            kind=kind,
            title_en=title_en,
            abstract_en=abstract_en,
            title_es=title_es if translated else "",
            abstract_es=abstract_es if translated else "",
            action_lines=lines,
            organizers=organizers,
            languages=self._languages(region, country, in_spanish),
            region=region,
            sdgs=sdgs,
        )

    def high_level_item(self, kind: str, number: int = 0) -> Item:
        """A High-Level Track session: always in the six languages and in Spanish too."""
        rng = self.rng
        organizers = ["itu"]
        if kind == "opening-ceremony":
            if number:
                title_en, title_es = (
                    f"Opening ceremony of the {self.label_en} final week",
                    f"Ceremonia de apertura de la semana final del {self.label_es}",
                )
            else:
                title_en, title_es = (
                    f"Opening of the {self.label_en}",
                    f"Apertura del {self.label_es}",
                )
            lead_en = f"The official opening of the {self.label_en}, by its co-organizers ITU, UNESCO, UNCTAD and UNDP. Theme: {self.spec.theme_en}."
            lead_es = f"Apertura oficial del {self.label_es} por sus coorganizadores, la UIT, la UNESCO, la UNCTAD y el PNUD. Tema: {self.spec.theme_es}."
            lines, organizers = ["C1", "C11"], ["itu", "unesco", "unctad", "undp"]
        elif kind == "policy-statements":
            en, es, lines = POLICY_THEMES[(number - 1) % len(POLICY_THEMES)]
            title_en, title_es = (
                f"High-Level Policy Session {number}: {en}",
                f"Sesión de Política de Alto Nivel {number}: {es}",
            )
            lead_en = f"Ministers and heads of delegation deliver policy statements on {_mid(en)}."
            lead_es = f"Ministros y jefes de delegación pronuncian declaraciones de política sobre {_mid(es)}."
        elif kind == "high-level-dialogue":
            en, es, lines = DIALOGUES[(number - 1) % len(DIALOGUES)]
            title_en, title_es = f"High-level dialogue: {en}", f"Diálogo de alto nivel: {es}"
            lead_en = f"An interactive dialogue between high-level representatives of all stakeholders on {_mid(en)}."
            lead_es = f"Un diálogo interactivo entre representantes de alto nivel de todas las partes interesadas sobre {_mid(es)}."
            organizers = ["itu", rng.choice(["unesco", "unctad", "undp"])]
        elif kind == "wsis-prizes":
            title_en, title_es = (
                f"WSIS Prizes {self.spec.year} ceremony",
                f"Ceremonia de entrega de los Premios CMSI {self.spec.year}",
            )
            lead_en = f"The winners and champions of the WSIS Prizes {self.spec.year} are announced and celebrated."
            lead_es = f"Se anuncian y celebran los ganadores y campeones de los Premios CMSI {self.spec.year}."
            lines = ["C11", "C1"]
        else:
            title_en, title_es = (
                f"Ministerial round table: {self.spec.theme_en.split(':')[0].split(' (')[0]}",
                f"Mesa redonda ministerial: {self.spec.theme_es.split(':')[0].split(' (')[0]}",
            )
            lead_en = f"Ministers discuss the Forum's theme: {self.spec.theme_en}."
            lead_es = f"Los ministros debaten sobre el tema del Foro: {self.spec.theme_es}."
            lines = ["C1", "C6", "C11"]
        self.titles.add(title_en)
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, organizers)
        return Item(
            kind=kind,
            title_en=title_en,
            title_es=title_es,
            abstract_en=abstract_en,
            abstract_es=abstract_es,
            action_lines=lines,
            organizers=organizers,
            languages=list(ALL_LANGUAGES),
            sdgs=sdgs,
        )

    def facilitation_item(self, code: str) -> Item:
        line = self.action_lines[code]
        lines = [code, code.split(".")[0]] if "." in code else [code]
        title_en = f"Action Line {code} facilitation meeting: {line.name_en}"
        title_es = (
            f"Reunión de facilitación de la Línea de Acción {code}: {line.name_es or line.name_en}"
        )
        lead_en = f"The annual facilitation meeting of Action Line {code} reviews progress since the last Forum, emerging trends and the priorities of its facilitators and stakeholders."
        lead_es = f"La reunión anual de facilitación de la Línea de Acción {code} examina los avances desde el último Foro, las nuevas tendencias y las prioridades de sus facilitadores y partes interesadas."
        self.titles.add(title_en)
        organizers = FACILITATORS[code]
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, organizers)
        return Item(
            kind="action-line-facilitation",
            title_en=title_en,
            title_es=title_es,
            abstract_en=abstract_en,
            abstract_es=abstract_es,
            action_lines=lines,
            organizers=organizers,
            languages=["en", "fr", "es"],
            code=f"alf-{code.lower().replace('.', '-')}",
            sdgs=sdgs,
        )

    def hackathon_item(self, step_en: str, step_es: str, minutes: int = 0) -> Item:
        theme_en, theme_es = ("ICTs and older persons", "TIC y personas de edad avanzada")
        title_en, title_es = (
            f"WSIS Hackathon {self.spec.year}: {theme_en} — {step_en}",
            f"Hackatón de la CMSI {self.spec.year}: {theme_es} — {step_es}",
        )
        self.titles.add(title_en)
        lead_en = "Teams design prototypes that help older persons use digital services safely and with confidence."
        lead_es = "Los equipos diseñan prototipos que ayudan a las personas de edad avanzada a utilizar los servicios digitales con seguridad y confianza."
        lines = ["C3", "C4", "C10"]
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, ["itu"])
        return Item(
            kind="hackathon",
            title_en=title_en,
            title_es=title_es,
            abstract_en=abstract_en,
            abstract_es=abstract_es,
            action_lines=lines,
            organizers=["itu"],
            languages=["en"],
            minutes=minutes,
            sdgs=sdgs,
        )

    def forum_queue(self, counts: dict[str, int], countries_cycle: list[str]) -> list[Item]:
        items = []
        turn = 0
        for kind, count in counts.items():
            for _n in range(count):
                if kind == "country-workshop":
                    items.append(
                        self.forum_item(kind, country=countries_cycle[turn % len(countries_cycle)])
                    )
                    turn += 1
                else:
                    items.append(self.forum_item(kind))
        self.rng.shuffle(items)
        return items

    # Time --------------------------------------------------------------------------------------

    @staticmethod
    def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=GENEVA)

    def place(self, item: Item, room: str, start: dt.datetime) -> Item:
        item.room, item.start = room, start
        item.end = start + dt.timedelta(minutes=item.minutes)
        return item

    def virtual_slots(self, weekdays, room_times, *, count: int | None = None):
        """(day, room, start) for every virtual week before the final week, evenly thinned
        to `count` when given."""
        slots = []
        day = self.spec.opening
        while day < self.spec.final_start:
            if day.weekday() in weekdays:
                for room, (hour, minute) in room_times.get(day.weekday(), []):
                    slots.append((day, room, self.at(day, hour, minute)))
            day += dt.timedelta(days=1)
        if count is not None and count < len(slots):
            step = len(slots) / count
            slots = [slots[int(i * step)] for i in range(count)]
        return slots

    def pack(self, blocks, queues, placed, *, max_per_block=99):
        """Fill free (room, start, end) blocks in order with the first queued item that fits,
        leaving a changeover between sessions. `queues` maps a room to the lists it draws from."""
        busy = defaultdict(list)
        for item in placed:
            busy[item.room].append((item.start, item.end + CHANGEOVER))
        for room, start, end in blocks:
            cursor, count = start, 0
            while count < max_per_block:
                cursor = self._after_busy(busy[room], cursor)
                following = min((b for b, _e in busy[room] if b >= cursor), default=None)
                limit = end if following is None else min(end, following - CHANGEOVER)
                chosen = None
                for queue in queues[room]:
                    for index, item in enumerate(queue):
                        if cursor + dt.timedelta(minutes=item.minutes) <= limit:
                            chosen = queue.pop(index)
                            break
                    if chosen:
                        break
                if chosen is None:
                    if following is not None and following < end:
                        cursor = following  # a fixed session sits here: try after it
                        continue
                    break
                placed.append(self.place(chosen, room, cursor))
                busy[room].append((chosen.start, chosen.end + CHANGEOVER))
                cursor, count = chosen.end + CHANGEOVER, count + 1
        return placed

    @staticmethod
    def _after_busy(intervals, cursor):
        moved = True
        while moved:
            moved = False
            for start, end in intervals:
                if start <= cursor < end:
                    cursor, moved = end, True
        return cursor

    # People -------------------------------------------------------------------------------------

    def assign_speakers(self, items: list[Item]) -> None:
        """2–5 speakers per session, nobody in two places at once or speaking in their night;
        everyone speaks once before anyone speaks twice, and panels include a woman."""
        rng = self.rng
        uses: dict[int, int] = defaultdict(int)
        busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
        awake_cache: dict[tuple[str, dt.datetime, dt.datetime], bool] = {}
        for item in sorted(items, key=lambda i: (i.start, i.room)):

            def available(person, item=item):
                key = (person.zone, item.start, item.end)
                if key not in awake_cache:
                    awake_cache[key] = _awake(item.start, item.end, person.zone)
                return awake_cache[key] and all(
                    item.start >= end or item.end <= start for start, end in busy[person.index]
                )

            def ranked(people, item=item):
                keyed = [
                    (uses[p.index], p.region != item.region, rng.random(), p.index, p)
                    for p in people
                    if available(p)
                ]
                return [row[-1] for row in sorted(keyed)]

            everyone = ranked(self.speakers)
            if item.high_level:
                main_role, pool = (
                    SpeakerRole.HIGH_LEVEL_SPEAKER,
                    ranked([p for p in self.speakers if p.high_level]),
                )
                main_count = 2 if item.kind == "wsis-prizes" else rng.randint(2, 4)
                rapporteur = False
            else:
                main_role, pool = SpeakerRole.SPEAKER, everyone
                main_count = {"training": rng.randint(1, 2), "exhibition": 1, "hackathon": 2}.get(
                    item.kind, rng.randint(1, 3)
                )
                rapporteur = (
                    item.kind
                    in {
                        "thematic-workshop",
                        "action-line-facilitation",
                        "special-track",
                        "country-workshop",
                    }
                    and rng.random() < 0.35
                )
            chosen: list[tuple[Speaker, str]] = []
            taken: set[int] = set()

            def take(people, role, taken=taken, chosen=chosen):
                for person in people:
                    if person.index not in taken:
                        taken.add(person.index)
                        chosen.append((person, role))
                        return person
                return None

            take(everyone, SpeakerRole.MODERATOR)
            for _n in range(main_count):
                take(pool, main_role)
            if rapporteur:
                take(everyone, SpeakerRole.RAPPORTEUR)
            if len(chosen) >= 3 and not any(p.gender == Gender.WOMAN for p, _r in chosen):
                women = [p for p in pool if p.gender == Gender.WOMAN and p.index not in taken]
                if women:
                    index = next(i for i, (_p, r) in enumerate(chosen) if r == main_role)
                    taken.discard(chosen[index][0].index)
                    chosen[index] = (women[0], main_role)
                    taken.add(women[0].index)
            assert 2 <= len(chosen) <= 5, item.title_en
            for person, _role in chosen:
                uses[person.index] += 1
                busy[person.index].append((item.start, item.end))
            item.speakers = [(person.index, role) for person, role in chosen]

    # Finishing ------------------------------------------------------------------------------------

    def finish(self, items: list[Item], rooms: dict[str, int | None]) -> list[Item]:
        """Codes in time order per type, SDGs from the WSIS–SDG Matrix, expected attendance
        within the room's capacity."""
        rng = self.rng
        items.sort(key=lambda i: (i.start, i.room))
        numbers: dict[str, int] = defaultdict(int)
        for item in items:
            if not item.code:
                prefix = TYPE_PREFIX[item.kind] if item.public else "internal"
                numbers[prefix] += 1
                item.code = f"{prefix}-{numbers[prefix]:02d}"
                if item.kind == "policy-statements":  # numbered in the order they are held
                    n = numbers[prefix]
                    item.title_en = re.sub(r"Session \d+", f"Session {n}", item.title_en)
                    item.title_es = re.sub(r"Alto Nivel \d+", f"Alto Nivel {n}", item.title_es)
            goals = sorted(
                {n for code in item.action_lines for n in self.matrix.get(code, [])}
                - set(item.sdgs)
            )
            extra = rng.sample(goals, min(len(goals), rng.randint(0, 2)))
            item.sdgs = sorted(set(item.sdgs) | set(extra)) or sorted(goals[:1])
            capacity = rooms[item.room]
            if capacity:
                item.expected = max(10, int(capacity * rng.uniform(0.45, 0.95)))
            else:
                item.expected = rng.randrange(40, 420, 10)
        assert len({i.code for i in items}) == len(items)
        return items


def _awake(start: dt.datetime, end: dt.datetime, zone_name: str) -> bool:
    """Not the speaker's night (00:00–06:00 local), as convoca.programme.conflicts judges it."""
    zone = zoneinfo.ZoneInfo(zone_name)
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if local_start.time() < NIGHT_END:
        return False
    return not (local_end.date() > local_start.date() and local_end.time() > dt.time(0, 0))


# --- Programmes, edition by edition ----------------------------------------------------------

COUNTRY_WORKSHOPS = ["KE", "CO", "EG", "FJ", "KZ", "CH", "RW", "SN", "PE", "MX", "TN", "PH", "VN", "NP", "UZ", "AM", "ES", "FI", "GH", "JO", "MA", "JM", "ET", "AE", "BY", "FR", "WS", "US", "RU"]  # fmt: skip
ACTION_LINE_CODES = ["C1", "C2", "C3", "C4", "C5", "C6", "C7.1", "C7.2", "C7.3", "C7.4", "C7.5", "C7.6", "C7.7", "C7.8", "C8", "C9", "C10", "C11"]  # fmt: skip


def exhibition_opening(planner: Planner) -> Item:
    item = planner.forum_item("exhibition")
    item.title_en = f"Opening of the {planner.label_en} exhibition"
    item.title_es = f"Inauguración de la exposición del {planner.label_es}"
    item.abstract_en = (
        "The co-organizers open the exhibition, where governments, companies, civil society and "
        "universities show projects that implement the WSIS Action Lines."
    )
    item.abstract_es = (
        "Los coorganizadores inauguran la exposición, en la que gobiernos, empresas, sociedad "
        "civil y universidades presentan proyectos que aplican las Líneas de Acción de la CMSI."
    )
    item.organizers, item.languages = ["itu"], ["en", "fr", "es"]
    return item


def plan_2022(planner: Planner) -> list[Item]:
    """About 290 sessions: weekly virtual sessions from the opening on 15 March to 27 May in
    the Zoom rooms, then the final week (30 May–3 June, 09:00–18:00) in Geneva's rooms."""
    spec, p = planner.spec, planner
    placed: list[Item] = []

    # Virtual period: Tuesday to Thursday, two sessions a day in each Zoom room.
    times = {"zoom-1": [(9, 0), (14, 0)], "zoom-2": [(11, 0), (16, 0)]}
    room_times = {wd: [(room, t) for room, ts in times.items() for t in ts] for wd in (1, 2, 3)}
    slots = p.virtual_slots({1, 2, 3}, room_times)
    opening = p.place(p.high_level_item("opening-ceremony"), "zoom-1", p.at(spec.opening, 14))
    placed.append(opening)
    slots = [s for s in slots if s[0] != spec.opening or s[2] >= opening.end]
    virtual_queue = [p.high_level_item("high-level-dialogue", n) for n in range(11, 17)]
    virtual_queue += [
        p.hackathon_item("kick-off", "lanzamiento"),
        p.hackathon_item("mentoring session", "sesión de mentoría", minutes=120),
    ]
    virtual_queue += p.forum_queue(
        {
            "country-workshop": 24,
            "training": 14,
            "special-track": 20,
            "knowledge-cafe": 10,
            "exhibition": 2,
        },
        COUNTRY_WORKSHOPS,
    )
    thematic = len(slots) - len(virtual_queue)
    virtual_queue += p.forum_queue({"thematic-workshop": thematic}, COUNTRY_WORKSHOPS)
    p.rng.shuffle(virtual_queue)
    for (_day, room, start), item in zip(slots, virtual_queue, strict=True):
        placed.append(p.place(item, room, start))

    # Final week: fixed landmarks first, then every room's morning and afternoon filled.
    days = [
        spec.final_start + dt.timedelta(days=n)
        for n in range((spec.final_end - spec.final_start).days + 1)
    ]
    fixed = [
        (p.high_level_item("opening-ceremony", 1), "main-hall", p.at(days[0], 9)),
        (exhibition_opening(p), "main-hall", p.at(days[0], 10, 45)),
        (p.high_level_item("wsis-prizes"), "main-hall", p.at(days[1], 14)),
        (p.high_level_item("ministerial-round-table"), "main-hall", p.at(days[2], 14)),
        (p.hackathon_item("day 1, in person", "día 1, presencial"), "room-h2", p.at(days[0], 14)),
        (p.hackathon_item("final pitches", "presentaciones finales"), "room-h2", p.at(days[3], 14)),
    ]
    for day in days:
        meeting = Item(
            kind="action-line-facilitation",
            title_en=f"Action Line facilitators' coordination meeting ({day:%d %B})",
            abstract_en="Closed meeting of the Action Line facilitators and the WSIS secretariat.",
            action_lines=["C11"],
            organizers=["itu"],
            languages=["en"],
            minutes=45,
            public=False,
        )
        fixed.append((meeting, "room-h2", p.at(day, 12) if day == days[0] else p.at(day, 9)))
    for item, room, start in fixed:
        placed.append(p.place(item, room, start))
    high_level = [p.high_level_item("policy-statements", n) for n in range(1, 13)]
    high_level += [p.high_level_item("high-level-dialogue", n) for n in range(1, 11)]
    facilitation = [p.facilitation_item(code) for code in ACTION_LINE_CODES]
    forum = p.forum_queue(
        {
            "thematic-workshop": 70,
            "country-workshop": 24,
            "training": 12,
            "special-track": 22,
            "knowledge-cafe": 12,
            "exhibition": 3,
        },
        COUNTRY_WORKSHOPS[::-1],
    )
    queues = {
        "main-hall": [high_level, forum],
        "popov": [high_level, facilitation, forum],
        "room-a": [facilitation, forum],
        "room-b": [facilitation, forum],
        "room-c": [forum],
        "room-h2": [forum],
    }
    # Nothing runs against the opening ceremony but the exhibition that follows it.
    blocks = [
        (room, p.at(day, *begin), p.at(day, *end))
        for day in days
        for room in queues
        for begin, end in (((9, 0), (12, 45)), ((14, 0), (18, 0)))
        if not (day == days[0] and begin == (9, 0) and room != "main-hall")
    ]
    blocks += [(room, p.at(days[0], 10, 45), p.at(days[0], 12, 45)) for room in queues]
    blocks.sort(key=lambda block: (block[1].date(), list(queues).index(block[0]), block[1]))
    p.pack(blocks, queues, placed)
    assert not high_level, "the final week is too short for the High-Level Track"
    assert not facilitation, "the final week is too short for the facilitation meetings"
    return placed


def plan_small(planner: Planner, *, virtual_count: int, final_days: list[dt.date]) -> list[Item]:
    """About 30 sessions for a fully virtual edition: weekly virtual sessions, then a final
    week with the High-Level Track in one Zoom room and facilitation meetings in the other."""
    spec, p = planner.spec, planner
    placed = [p.place(p.high_level_item("opening-ceremony"), "zoom-1", p.at(spec.opening, 14))]
    room_times = {1: [("zoom-1", (14, 0))], 3: [("zoom-2", (15, 0))]}
    slots = [
        s for s in p.virtual_slots({1, 3}, room_times, count=virtual_count) if s[0] != spec.opening
    ]
    queue = [p.hackathon_item("kick-off", "lanzamiento")]
    queue += p.forum_queue(
        {
            "country-workshop": 4,
            "training": 2,
            "special-track": 3,
            "knowledge-cafe": 2,
            "exhibition": 1,
        },
        COUNTRY_WORKSHOPS[spec.year % 7 :],
    )
    queue += p.forum_queue({"thematic-workshop": len(slots) - len(queue)}, COUNTRY_WORKSHOPS)
    p.rng.shuffle(queue)
    for (_day, room, start), item in zip(slots, queue, strict=True):
        placed.append(p.place(item, room, start))
    high_level = [
        p.high_level_item("policy-statements", 1),
        p.high_level_item("high-level-dialogue", 1 + spec.year % 5),
        p.high_level_item("ministerial-round-table"),
        p.high_level_item("policy-statements", 2),
        p.high_level_item("high-level-dialogue", 6 + spec.year % 5),
    ]
    last = final_days[-1]
    placed.append(p.place(p.high_level_item("wsis-prizes"), "zoom-1", p.at(last, 14)))
    facilitation = [p.facilitation_item(code) for code in ("C1", "C3", "C5", "C7.4", "C11")]
    queues = {"zoom-1": [high_level], "zoom-2": [facilitation]}
    blocks = [
        (room, p.at(day, *begin), p.at(day, 18))
        for day in final_days
        for room, begin in (("zoom-1", (13, 0)), ("zoom-2", (15, 0)))
    ]
    p.pack(blocks, queues, placed, max_per_block=1)
    return placed


# --- Writing ---------------------------------------------------------------------------------


def _co_organizers() -> dict[str, Organization]:
    found = {}
    for slug, name, acronym, country, website in CO_ORGANIZERS:
        found[slug], _created = Organization.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "acronym": acronym,
                "country": country,
                "stakeholder_type": StakeholderType.INTERNATIONAL_ORGANIZATION,
                "itu_status": ItuStatus.NONE,
                "website": website,
            },
        )
    return found


def _forum(co_organizers) -> Forum:
    forum, created = Forum.objects.get_or_create(
        slug="wsis-forum",
        defaults={
            "name_en": "WSIS Forum",
            "name_es": "Foro de la CMSI",
            "acronym": "WSIS",
            "time_zone": "Europe/Zurich",
        },
    )
    if created:
        forum.co_organizers.set(co_organizers.values())
    return forum


def _edition(spec: EditionSpec, forum: Forum, co_organizers) -> Edition:
    edition, created = Edition.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "forum": forum,
            "name_en": f"WSIS Forum {spec.year}",
            "name_es": f"Foro de la CMSI {spec.year}",
            "theme_en": spec.theme_en,
            "theme_es": spec.theme_es,
            "format": spec.format,
            "venue_en": spec.venue_en,
            "venue_es": spec.venue_es,
            "city_en": spec.city_en,
            "city_es": spec.city_es,
            "time_zone": "Europe/Zurich",
            "opening_date": spec.opening,
            "final_week_start": spec.final_start,
            "final_week_end": spec.final_end,
            "virtual_weeks": spec.virtual_weeks,
            "interpretation_languages": list(ALL_LANGUAGES),
        },
    )
    if created:
        edition.co_organizers.set(co_organizers.values())
    return edition


def _structure(edition: Edition, rooms) -> None:
    """Tracks, session types and rooms, each added once by its slug."""
    have = set(edition.tracks.values_list("slug", flat=True))
    Track.objects.bulk_create(
        Track(
            edition=edition,
            slug=slug,
            name_en=en,
            name_es=es,
            is_high_level=hl,
            color=color,
            order=n,
        )
        for n, (slug, en, es, hl, color) in enumerate(TRACKS, start=1)
        if slug not in have
    )
    have = set(edition.session_types.values_list("slug", flat=True))
    SessionType.objects.bulk_create(
        SessionType(
            edition=edition,
            slug=slug,
            name_en=en,
            name_es=es,
            default_duration=minutes,
            is_high_level=hl,
            color=color,
            order=n,
        )
        for n, (slug, en, es, minutes, hl, color, _prefix) in enumerate(SESSION_TYPES, start=1)
        if slug not in have
    )
    have = set(edition.rooms.values_list("slug", flat=True))
    Room.objects.bulk_create(
        Room(
            edition=edition,
            slug=slug,
            name_en=en,
            name_es=es,
            kind=kind,
            capacity=capacity,
            floor=floor,
            accessible=True,
            platform="Zoom" if kind != RoomKind.PHYSICAL else "",
            join_url=f"https://zoom.example.org/j/{edition.opening_date.year}{n:03d}"
            if kind != RoomKind.PHYSICAL
            else "",
            interpretation_channels=list(ALL_LANGUAGES) if interpreted else [],
            order=n,
        )
        for n, (slug, en, es, kind, capacity, floor, interpreted) in enumerate(rooms, start=1)
        if slug not in have
    )


def _speakers(planned: list[Speaker], organizations: dict[str, Organization]) -> None:
    """Create the invented speakers that are missing; give every planned one its pk."""
    existing = dict(
        Person.objects.filter(email__endswith=f"@{SPEAKER_DOMAIN}").values_list("email", "pk")
    )
    Person.objects.bulk_create(
        Person(
            email=s.email,
            given_name=s.given,
            family_name=s.family,
            honorific=s.honorific,
            title=s.title,
            organization=organizations[s.organization],
            country=s.country,
            time_zone=s.zone,
            gender=s.gender,
        )
        for s in planned
        if s.email not in existing
    )
    if len(existing) < len(planned):
        existing = dict(
            Person.objects.filter(email__endswith=f"@{SPEAKER_DOMAIN}").values_list("email", "pk")
        )
    for speaker in planned:
        speaker.pk = existing[speaker.email]


def _write_sessions(
    edition: Edition, items: list[Item], speakers: list[Speaker], organizations
) -> int:
    """Insert the planned sessions the edition lacks (by code), with their links."""
    have = set(Session.objects.filter(edition=edition).values_list("code", flat=True))
    missing = [item for item in items if item.code not in have]
    if not missing:
        return 0
    types = {t.slug: t for t in edition.session_types.all()}
    tracks = {t.slug: t for t in edition.tracks.all()}
    rooms = {r.slug: r for r in edition.rooms.all()}
    Session.objects.bulk_create(
        Session(
            edition=edition,
            code=item.code,
            title_en=item.title_en,
            title_es=item.title_es or None,
            abstract_en=item.abstract_en,
            abstract_es=item.abstract_es or None,
            session_type=types[item.kind],
            track=tracks["high-level" if item.high_level else "forum"],
            room=rooms[item.room],
            starts_at=item.start,
            ends_at=item.end,
            languages=item.languages,
            expected_attendance=item.expected,
            is_public=item.public,
            registration_required=item.kind in {"training", "hackathon"},
        )
        for item in missing
    )
    pks = dict(
        Session.objects.filter(edition=edition, code__in=[i.code for i in missing]).values_list(
            "code", "pk"
        )
    )
    lines = dict(ActionLine.objects.values_list("code", "pk"))
    goals = dict(SDG.objects.values_list("number", "pk"))
    people = {s.index: s.pk for s in speakers}
    Session.action_lines.through.objects.bulk_create(
        Session.action_lines.through(session_id=pks[item.code], actionline_id=lines[code])
        for item in missing
        for code in item.action_lines
    )
    Session.sdgs.through.objects.bulk_create(
        Session.sdgs.through(session_id=pks[item.code], sdg_id=goals[number])
        for item in missing
        for number in item.sdgs
    )
    Session.organizers.through.objects.bulk_create(
        Session.organizers.through(
            session_id=pks[item.code], organization_id=organizations[slug].pk
        )
        for item in missing
        for slug in item.organizers
    )
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session_id=pks[item.code], person_id=people[index], role=role, order=order)
        for item in missing
        for order, (index, role) in enumerate(item.speakers)
    )
    return len(missing)


STATUS_ORDER = [
    EditionStatus.PROGRAMME_PUBLISHED,
    EditionStatus.LIVE,
    EditionStatus.CLOSED,
    EditionStatus.REPORT_PUBLISHED,
]


def _publish(edition: Edition, *, added: int, spec: EditionSpec, secretariat) -> Edition:
    """Version 1 on the first run (a new version only if a later run added sessions); a past
    edition then goes on through live and closed to its report, as the secretariat would."""
    if added or not ProgrammeVersion.objects.filter(edition=edition).exists():
        with contextlib.suppress(services.ProgrammeError):  # nothing changed since the last one
            services.publish_programme(
                edition=edition,
                by=secretariat,
                note=f"Programme of the WSIS Forum {spec.year} (demo data).",
            )
        edition.refresh_from_db(fields=["status"])
    while edition.status != spec.status and edition.status in STATUS_ORDER[:-1]:
        following = STATUS_ORDER[STATUS_ORDER.index(edition.status) + 1]
        if STATUS_ORDER.index(following) > STATUS_ORDER.index(spec.status):
            break
        edition = services.transition_edition(edition=edition, to=following, by=secretariat)
    return edition


@transaction.atomic
def build_programme(*, secretariat, organizations: dict[str, Organization]) -> dict:
    """The WSIS Forum, its 2020–2022 editions and their published programmes; running it
    again changes nothing. Returns the forum, editions, co-organizers and counts."""
    co_organizers = _co_organizers()
    everyone = {**organizations, **co_organizers}
    forum = _forum(co_organizers)
    lines = {line.code: line for line in ActionLine.objects.all()}
    matrix: dict[str, list[int]] = defaultdict(list)
    for code, number in ActionLineSDG.objects.order_by("sdg__number").values_list(
        "action_line__code", "sdg__number"
    ):
        matrix[code].append(number)
    sdgs = {goal.number: goal for goal in SDG.objects.all()}
    speakers = plan_speakers(everyone)
    _speakers(speakers, everyone)

    editions, counts = {}, {}
    for spec in EDITIONS:
        edition = _edition(spec, forum, co_organizers)
        rooms = ROOMS_2022 if spec.year == 2022 else ROOMS_VIRTUAL
        _structure(edition, rooms)
        if ProgrammeVersion.objects.filter(edition=edition).exists():
            # Built and published by an earlier run, in the same transaction as its sessions.
            _publish(edition, added=0, spec=spec, secretariat=secretariat)
            editions[spec.slug] = edition
            counts[spec.slug] = edition.sessions.count()
            continue
        planner = Planner(
            spec,
            organizations=everyone,
            action_lines=lines,
            sdgs=sdgs,
            matrix=matrix,
            speakers=speakers,
        )
        if spec.year == 2022:
            items = plan_2022(planner)
        else:
            final_days = [
                spec.final_start + dt.timedelta(days=n)
                for n in range((spec.final_end - spec.final_start).days + 1)
            ]
            items = plan_small(planner, virtual_count=20, final_days=final_days)
        planner.assign_speakers(items)
        planner.finish(items, {slug: capacity for slug, _en, _es, _kind, capacity, *_rest in rooms})
        added = _write_sessions(edition, items, speakers, everyone)
        _publish(edition, added=added, spec=spec, secretariat=secretariat)
        edition.refresh_from_db()
        editions[spec.slug] = edition
        counts[spec.slug] = len(items)
    return {
        "forum": forum,
        "editions": editions,
        "co_organizers": co_organizers,
        "sessions": counts,
        "speakers": len(speakers),
    }
