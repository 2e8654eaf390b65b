# ruff: noqa: E501  (one row of reference data per line reads better than wrapped tuples)
"""Constant tables of the demo WSIS Forum: co-organizers, editions (from the seed letters),
tracks, session types, rooms, ITU regions with invented-name parts, job titles and the
invented session content (topics, angles, special tracks, trainings, dialogues...)."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from convoca.programme.models import (
    EditionFormat,
    EditionStatus,
    RoomKind,
)
from convoca.stakeholders.models import StakeholderType

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

# Countries hosting a country workshop, and the WSIS Action Lines, in planning order.
COUNTRY_WORKSHOPS = ["KE", "CO", "EG", "FJ", "KZ", "CH", "RW", "SN", "PE", "MX", "TN", "PH", "VN", "NP", "UZ", "AM", "ES", "FI", "GH", "JO", "MA", "JM", "ET", "AE", "BY", "FR", "WS", "US", "RU"]  # fmt: skip
ACTION_LINE_CODES = ["C1", "C2", "C3", "C4", "C5", "C6", "C7.1", "C7.2", "C7.3", "C7.4", "C7.5", "C7.6", "C7.7", "C7.8", "C8", "C9", "C10", "C11"]  # fmt: skip
