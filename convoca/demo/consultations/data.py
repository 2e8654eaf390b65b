# ruff: noqa: E501  (one row of demo data per line reads better than wrapped tuples)
"""The WSIS Forum 2022 open consultation as seed 001 dates it, and the invented texts around it."""

import datetime as dt
import zoneinfo

from convoca.consultations.models import CallKind, CallState, PhaseKind

# EXTRA CallKind,PhaseKind
ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
SLUG = "wsis-forum-2022"
EDITION_SLUG = "wsis-forum-2022"
NEXT_SLUG = "wsis-forum-next-demo"
DEMO_REVIEWER = "reviewer@demo.convoca.example"
SPANISH_SPEAKING = {"CO", "PE", "MX", "ES"}


def at(year, month, day, hour, minute=0, zone=ZURICH) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone)


LAUNCH = at(2021, 8, 19, 14)  # Phase I, CEST
DEADLINE = at(2022, 3, 7, 14)  # Phase IV, CET: contributions and binding workshop requests

CONSULTATION = {
    "title_en": "Open consultation process on the themes and format of the WSIS Forum 2022",
    "title_es": "Proceso de consultas abiertas sobre los temas y el formato del Foro de la CMSI de 2022",
    "description_en": "The WSIS Forum is the only event of its kind whose programme and agenda are defined through a crowdsourcing consultation. Governments, civil society, the private sector, academia, the technical community and regional and international organizations take part in its preparation, to ensure broad ownership and further improve the Forum. The WSIS Forum 2022 will focus on ICTs for well-being, inclusion and resilience: WSIS cooperation for accelerating progress on the SDGs. The process also collects inputs from regional and national WSIS-related events, and remote participation is provided for every physical meeting.",
    "description_es": "El Foro de la CMSI es el único evento de esta índole cuyo programa y orden del día se definen a través de un proceso de consulta popular. En el marco de este Proceso, los Gobiernos, la sociedad civil, el sector privado, las instituciones académicas, la comunidad técnica y las organizaciones regionales e internacionales participan activamente en los preparativos, a fin de garantizar una amplia adhesión y seguir perfeccionando el Foro. El Foro de la CMSI de 2022 se centrará en las TIC para el bienestar, la inclusión y la resiliencia, con un énfasis especial en la cooperación de la CMSI para acelerar la consecución de los ODS. El Proceso de consultas abiertas incluirá una recopilación de contribuciones procedentes de eventos regionales y nacionales relacionados con la CMSI y se tomarán disposiciones para permitir la participación a distancia en todas las reuniones presenciales de dicho Proceso.",
}

# (number, kind, starts, ends, time zone where not the consultation's, venue, online link,
#  title en, title es, description en, description es, outcome en, outcome es)
PHASES = [
    (1, PhaseKind.LAUNCH, LAUNCH, at(2021, 8, 19, 15), "", "", "https://meet.example.org/wsis-forum-2022/phase-1",
     "Launch of the open consultation process (virtual opening, for all stakeholders)",
     "Inicio de las consultas abiertas (apertura virtual, para todas las partes interesadas)",
     "Launch of the WSIS Forum 2022 website for official submissions on thematic and innovative aspects of the format (www.wsis.org/forum); opening of the call for nominations of the High-Level Track facilitators of the WSIS Forum 2022; presentation of the WSIS 2022 Photo Contest.",
     "Lanzamiento del sitio web del Foro de la CMSI de 2022 para la presentación de contribuciones oficiales sobre aspectos temáticos e innovadores relacionados con el formato (www.wsis.org/forum); apertura de la convocatoria de candidaturas al puesto de Facilitador de la vía de alto nivel de múltiples partes interesadas del Foro de la CMSI de 2022; presentación del Concurso Fotográfico de la CMSI de 2022.",
     "Some 300 participants followed the online launch. The calls for official contributions and for High-Level Track facilitators opened the same day.",
     "Unas 300 personas siguieron la apertura en línea. Las convocatorias de contribuciones oficiales y de facilitadores de la vía de alto nivel se abrieron ese mismo día."),
    (2, PhaseKind.OPEN_FORUM, at(2021, 12, 8, 13, 50, WARSAW), at(2021, 12, 8, 14, 50, WARSAW), "Europe/Warsaw", "Katowice, Poland (IGF 2021)", "https://meet.example.org/wsis-forum-2022/phase-2",
     "1st meeting: Open Forum on the implementation of the WSIS Action Lines and the WSIS Forum (during the IGF 2021)",
     "1ª reunión virtual: Foro Abierto sobre la aplicación de las Líneas de Acción de la CMSI y el Foro de la CMSI (durante el FGI de 2021)",
     "An open forum held in Katowice, Poland, during the Internet Governance Forum 2021, in person and online.",
     "Foro abierto celebrado en Katowice (Polonia) durante el Foro para la Gobernanza de Internet de 2021, de manera presencial y virtual.",
     "Participants in Katowice and online asked for a hybrid Forum, more space for regional voices and a thematic focus on well-being and resilience.",
     "Los participantes, en Katowice y en línea, pidieron un Foro híbrido, más espacio para las voces regionales y un enfoque temático en el bienestar y la resiliencia."),
    (3, PhaseKind.CONSULTATION_MEETING, at(2022, 1, 31, 14), at(2022, 1, 31, 15), "", "ITU Headquarters, Geneva", "https://meet.example.org/wsis-forum-2022/phase-3",
     "2nd virtual/physical meeting", "2ª reunión virtual/presencial",
     "Second open consultation meeting, in Geneva and online.", "Segunda reunión de consulta abierta, en Ginebra y en línea.",
     "The first draft of the agenda was discussed: two tracks, a hybrid final week and thematic workshops on the themes most requested in the contributions.",
     "Se debatió el primer proyecto de orden del día: dos vías, una semana final híbrida y talleres temáticos sobre los temas más solicitados en las contribuciones."),
    (4, PhaseKind.DEADLINE, DEADLINE, at(2022, 3, 7, 15), "", "", "",
     "Deadline for official submissions and binding workshop requests",
     "Fecha límite para la presentación de contribuciones oficiales y solicitudes vinculantes para talleres",
     "", "",
     "The calls closed at 14:00 CET; the secretariat and the reviewers began assessing the workshop requests.",
     "Las convocatorias se cerraron a las 14.00 horas CET; la Secretaría y los evaluadores empezaron a examinar las solicitudes de talleres."),
    (5, PhaseKind.CONSULTATION_MEETING, at(2022, 5, 2, 14), at(2022, 5, 2, 15), "", "ITU Headquarters, Geneva", "https://meet.example.org/wsis-forum-2022/phase-5",
     "3rd virtual/physical meeting", "3ª reunión virtual/presencial",
     "Third open consultation meeting: the agenda of the final week.", "Tercera reunión de consulta abierta: el orden del día de la semana final.",
     "The agenda of the final week (30 May – 3 June 2022) was presented with the accepted workshops.",
     "Se presentó el orden del día de la semana final (30 de mayo – 3 de junio de 2022) con los talleres aceptados."),
]  # fmt: skip

UN_LANGUAGES = [("ar", "Arabic", "Árabe"), ("zh-hans", "Chinese", "Chino"), ("en", "English", "Inglés"), ("fr", "French", "Francés"), ("ru", "Russian", "Ruso"), ("es", "Spanish", "Español")]  # fmt: skip
LANGUAGE_CHOICES = [{"value": v, "label": {"en": en, "es": es}} for v, en, es in UN_LANGUAGES]
STAKEHOLDER_CHOICES = [
    {"value": v, "label": {"en": en, "es": es}}
    for v, en, es in [("government", "Government", "Gobierno"), ("private_sector", "Private sector", "Sector privado"), ("civil_society", "Civil society", "Sociedad civil"), ("academia", "Academia / technical community", "Instituciones académicas / comunidad técnica"), ("international_organization", "International organization", "Organización internacional")]
]  # fmt: skip
SESSION_FORMATS = [("panel", "Panel", "Panel"), ("roundtable", "Round table", "Mesa redonda"), ("interactive", "Interactive workshop", "Taller interactivo"), ("training", "Training", "Formación")]  # fmt: skip


def q(key, kind, en, es, required=False, **extra) -> dict:
    return {"key": key, "kind": kind, "label": {"en": en, "es": es}, "required": required, **extra}


QUESTIONS = {
    CallKind.CONTRIBUTION: [
        q("stakeholder_type", "choice", "You contribute as", "Contribuye en calidad de", True, choices=STAKEHOLDER_CHOICES),
        q("themes", "long_text", "Themes you propose for the Forum", "Temas que propone para el Foro", True, max_length=4000),
        q("format", "long_text", "Innovative aspects of the format", "Aspectos innovadores relacionados con el formato", max_length=4000),
        q("publish", "consent", "I agree that this contribution is published", "Acepto que se publique esta contribución", True),
    ],
    CallKind.WORKSHOP: [
        q("abstract", "long_text", "Abstract of the workshop", "Resumen del taller", True, max_length=3000),
        q("session_format", "choice", "Format of the session", "Formato de la sesión", True, choices=[{"value": v, "label": {"en": en, "es": es}} for v, en, es in SESSION_FORMATS]),
        q("language", "choice", "Working language", "Idioma de trabajo", True, choices=LANGUAGE_CHOICES),
        q("expected_outcome", "long_text", "Expected outcome", "Resultado esperado", max_length=2000),
        q("binding", "consent", "This request is binding: if it is accepted, we organize the workshop", "Esta solicitud es vinculante: si se acepta, organizaremos el taller", True),
    ],
    CallKind.FACILITATOR: [
        q("nominee_name", "text", "Name of the nominee", "Nombre de la persona propuesta", True),
        q("nominee_position", "text", "Position of the nominee", "Cargo de la persona propuesta", True),
        q("nominee_country", "country", "Country of the nominee", "País de la persona propuesta", True),
        q("nominee_email", "email", "Email address of the nominee", "Correo-e de la persona propuesta", True),
        q("experience", "long_text", "Experience in facilitating high-level multistakeholder dialogues", "Experiencia en la facilitación de diálogos de alto nivel de múltiples partes interesadas", True),
        q("languages", "multiple_choice", "Languages the nominee facilitates in", "Idiomas en los que facilitaría", choices=LANGUAGE_CHOICES),
    ],
}  # fmt: skip

# (English, Spanish, weight)
CRITERIA = {
    CallKind.CONTRIBUTION: [("Relevance to the theme of the Forum", "Pertinencia para el tema del Foro", "1"), ("Originality of the proposals", "Originalidad de las propuestas", "1")],
    CallKind.WORKSHOP: [("Relevance to the WSIS Action Lines and the SDGs", "Pertinencia para las Líneas de Acción de la CMSI y los ODS", "2"), ("Multistakeholder and gender-balanced speakers", "Oradores de múltiples partes interesadas y equilibrio de género", "1.5"), ("Innovation of the format", "Innovación del formato", "1"), ("Feasibility", "Viabilidad", "1")],
    CallKind.FACILITATOR: [("Experience of high-level facilitation", "Experiencia en la facilitación de alto nivel", "2"), ("Knowledge of the WSIS process", "Conocimiento del proceso de la CMSI", "1"), ("Regional and gender balance", "Equilibrio regional y de género", "1")],
}  # fmt: skip

# (kind, slug, title en, title es, opens, closes, state, binding, gender rule blocks, limit per organization, states and counts)
CALLS_2022 = [
    (CallKind.CONTRIBUTION, "wsis-forum-2022-contributions", "Official contributions on the themes and format of the WSIS Forum 2022", "Contribuciones oficiales sobre los temas y el formato del Foro de la CMSI de 2022", LAUNCH, DEADLINE, CallState.CLOSED, False, False, None,
     {"draft": 10, "withdrawn": 5, "submitted": 25, "under_review": 30, "accepted": 50, "rejected": 20}),
    (CallKind.WORKSHOP, "wsis-forum-2022-workshops", "Binding workshop requests for the WSIS Forum 2022", "Solicitudes vinculantes para talleres del Foro de la CMSI de 2022", LAUNCH, DEADLINE, CallState.CLOSED, True, False, None,
     {"draft": 12, "withdrawn": 8, "submitted": 20, "under_review": 40, "accepted": 44, "rejected": 30, "scheduled": 6}),
    # The letter opens this call at Phase I and gives no deadline: 31 January 2022 is invented.
    (CallKind.FACILITATOR, "wsis-forum-2022-hlt-facilitators", "Nominations for High-Level Track facilitators of the WSIS Forum 2022", "Candidaturas al puesto de Facilitador de la vía de alto nivel del Foro de la CMSI de 2022", LAUNCH, at(2022, 1, 31, 14), CallState.DECIDED, False, False, 1,
     {"draft": 3, "withdrawn": 2, "accepted": 5, "rejected": 20}),
]  # fmt: skip

# (event, date, city, country, ITU region, organizer slug, action lines, outcome)
EVENTS = [
    ("WSIS Regional Dialogue for Africa (demo)", dt.date(2021, 10, 14), "Nairobi", "KE", "AFR", "ke-ministry-digital", ["C2", "C4"], "Affordable access and digital skills come first; participants asked the Forum for a session on financing rural broadband."),
    ("Foro Nacional de la CMSI, Colombia (demo)", dt.date(2021, 11, 9), "Bogotá", "CO", "AMS", "co-agencia-conectividad", ["C1", "C3"], "Se pidió al Foro un espacio sobre conectividad rural significativa y acceso a la información pública en lenguas indígenas."),
    ("CIS Regional Forum on the Information Society (demo)", dt.date(2021, 11, 24), "Almaty", "KZ", "CIS", "kz-digital-development", ["C4", "C6"], "Digital skills of civil servants and an enabling environment for small providers were the two priorities."),
    ("Arab Regional WSIS Consultation (demo)", dt.date(2021, 12, 1), "Cairo", "EG", "ARB", "eg-digital-authority", ["C5", "C7.1"], "Trust in e-government services and Arabic content online should be themes of the Forum."),
    ("Asia-Pacific WSIS Stakeholder Meeting (demo)", dt.date(2022, 1, 20), "Suva", "FJ", "ASP", "fj-ministry-communications", ["C7.6", "C11"], "Small island States asked for a focus on climate resilience, disaster communications and regional cooperation."),
    ("European Youth Consultation on WSIS (demo)", dt.date(2022, 2, 3), "Madrid", "ES", "EUR", "seniors-online", ["C4", "C10"], "Young and older participants together asked for intergenerational digital skills and ethical AI."),
    ("Foro Regional de Redes Comunitarias (demo)", dt.date(2022, 2, 15), "Oaxaca", "MX", "AMS", "redes-comunitarias", ["C2", "C8"], "Las redes comunitarias necesitan espectro asequible y contenidos locales; se propuso un taller para el Foro."),
    ("Pacific Digital Resilience Roundtable (demo)", dt.date(2022, 2, 24), "Apia", "WS", "ASP", "pacific-islands-ict", ["C2", "C5"], "Submarine cable redundancy and cybersecurity capacity were the main asks to the Forum."),
]  # fmt: skip

REVIEWERS = [("Ngozi", "Eze", "NG"), ("Camila", "Rojas", "CL"), ("Hamid", "Qureshi", "PK"), ("Elena", "Vasquez", "ES"), ("Tomasz", "Nowak", "PL")]  # fmt: skip
NOTES = {
    "accepted": ("Accepted. The secretariat will contact you to schedule the session.", "Aceptada. La Secretaría se pondrá en contacto con usted para programar la sesión."),
    "rejected": ("Not retained this year: many proposals covered the same theme. Thank you for contributing.", "No se ha retenido este año: muchas propuestas trataban el mismo tema. Gracias por su contribución."),
}  # fmt: skip
