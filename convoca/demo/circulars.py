# ruff: noqa: E501  (letter text reads better unwrapped)
"""The five seed letters (ITU circulars in Spanish), issued by the secretariat.

Each letter is looked up by its reference: one that is already issued is left alone, so running
the demo again changes nothing. The header parts of each letter (reference, date, addressees,
subject, contacts, signatures) are separate fields; the body holds only the text in between,
verbatim from the seed in /shared/seeds, with its placeholder links made plain text or real
public addresses printed in the letters.

"Foro CMSI 2022" is also mailed to the demo stakeholders, once; the deliveries go nowhere.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.test.utils import override_settings

from convoca.circulars import services
from convoca.circulars.models import (
    AddresseeKind,
    Circular,
    CircularSeries,
    CircularState,
    Mailing,
    MailingList,
    MailingListEntry,
    MailingState,
    SeriesCounter,
)
from convoca.circulars.sending import run_mailing
from convoca.stakeholders.models import ItuStatus, StakeholderType

# --- Bodies, verbatim from the seeds ---------------------------------------------------------

BODY_P2C = """
Deseo expresar mi agradecimiento a los que se unieron a nosotros en el evento Camino a Addis: Reunión de Partner2Connect, que tuvo lugar el 20 de septiembre con ocasión del 76° periodo de sesiones de la Asamblea General de las Naciones Unidas.

En este evento se presentaron los resultados clave de la serie de Desarrollo Digital Camino a Addis, iniciada en 2020 para implicar a las partes interesadas de todo el mundo, con el fin de discutir y debatir los factores clave para una conectividad y una transformación digital efectivas como preparación para la Conferencia Mundial de Desarrollo de las Telecomunicaciones (CMDT). También se presentó el informe Connectivity in the Least Developed Countries: Status Report 2021 (Conectividad en los países menos adelantados: Informe de situación 2021), una publicación conjunta de la UIT y la Oficina del Alto Representante de las Naciones Unidas para los Países Menos Adelantados, los Países en Desarrollo sin Litoral y los Pequeños Estados Insulares en Desarrollo (UN-OHRL).

En estrecha cooperación con el Oficina del Enviado del Secretario General para la Tecnología y de conformidad con la Hoja de ruta del Secretario General para la cooperación digital de las Naciones Unidas, también presentamos la **Coalición Digital Partner2Connect**. La Coalición Digital Partner2Connect servirá como plataforma a nivel de dirigentes para que todas las partes interesadas se movilicen y anuncien nuevos recursos, asociaciones y compromisos con el fin de lograr una conectividad universal y efectiva para 2030.

Le invito a unirse a la coalición implicándose en una de sus cuatro esferas de interés:

1) **Conectar a las personas en cualquier lugar**
2) **Empoderar a las comunidades**
3) **Crear ecosistemas digitales**
4) **Incentivar la inversión**

En el transcurso de los próximos meses, antes de la **Mesa Redonda de Desarrollo Digital Partner2Connect** que tendrá lugar del 7 al 9 de junio de 2022 durante la CMDT, cada área de interés se reunirá virtualmente a través de grupos de trabajo para desarrollar el marco de acción del área de interés, identificar oportunidades de asociación, asumir compromisos y apoyar la implementación de la Hoja de Ruta del Secretario General de las Naciones Unidas para la Cooperación Digital.

Convertirse en miembro de la coalición permitirá a su organización dar forma a la agenda global de desarrollo digital con miras a la consecución de los Objetivos de Desarrollo Sostenible y unirse a un movimiento global liderado por las Naciones Unidas para implementar soluciones y proyectos que impulsen la transformación digital en las comunidades más difíciles de conectar. Los avances en la coalición aparecerán en el segundo capítulo de la serie Desarrollo Digital Camino a Addis que tendrá lugar desde diciembre de 2021 hasta mayo de 2022.

Para obtener más información, visite el sitio web de la Coalición Digital Partner2Connect, descargue la nota conceptual y, si desea convertirse en miembro de la coalición, rellene el formulario de expresión de interés en línea antes del **31 de octubre**. Una vez que haya rellenado el formulario en línea, mi equipo se pondrá en contacto con usted para darle más detalles sobre los próximos pasos y el calendario de eventos y actividades.

Si tiene alguna pregunta sobre la Coalición Digital Partner2Connect, envíenos un correo electrónico a Partner2Connect@itu.int.
"""

BODY_FORUM_2022 = """
En nombre de los coorganizadores del Foro de la CMSI (la UIT, la UNESCO, la UNCTAD y el PNUD), me complace invitarle a contribuir al Proceso de consultas abiertas sobre aspectos temáticos e innovadores relacionados con el formato del Foro de la CMSI de 2022.

El Foro anual de la CMSI es una plataforma multipartita mundial que facilita la aplicación de las Líneas de Acción de la CMSI con miras a impulsar el desarrollo sostenible, organizado en estrecha colaboración con todos los facilitadores y cofacilitadores de las Líneas de Acción de la CMSI y otros organismos de las Naciones Unidas (FAO, OIT, CCI, DAES, PNUMA, ACNUR, UNICEF, ONUDI, UNITAR, ONUDD, UPU, UNU, ONU-Mujeres, PMA, OMS, OMPI, OMM y Comisiones Regionales de Naciones Unidas). Este evento brinda la oportunidad de intercambiar información, generar conocimientos, compartir prácticas óptimas y, al mismo tiempo, definir tendencias emergentes y fomentar la creación de asociaciones, habida cuenta de la evolución de las sociedades de la información y el conocimiento.

Como seguimiento de los resultados del Examen General de la Implementación de los resultados de la CMSI de las Naciones Unidas (Resolución A/70/125) y con la adopción de la Agenda 2030 para el Desarrollo Sostenible (Resolución A/70/1), el Foro de la CMSI no cesa de evolucionar y reforzar la coordinación entre las Líneas de Acción de la CMSI y los Objetivos de Desarrollo Sostenible.

Está previsto que el Foro de la CMSI de 2022 comience el 15 de marzo de 2022 y que su semana final tenga lugar del 30 de mayo al 3 de junio de 2022 en los locales de la Sede de la UIT en Ginebra, previéndose la opción alternativa de celebrarlo de manera totalmente virtual, similar al Foro de la CMSI de 2021, o de organizar un evento híbrido con reuniones presenciales y virtuales, en función de cómo evolucione la pandemia COVID-19. El Foro de la CMSI de 2022 se centrará en *las TIC para el bienestar, la inclusión y la resiliencia, con un énfasis especial en la cooperación de la CMSI para acelerar la consecución de los ODS.*

El Foro de la CMSI es el único evento de esta índole cuyo programa y orden del día se definen a través de un proceso de consulta popular. Por tanto, nos complace anunciar el inicio del proceso de consultas abiertas sobre aspectos temáticos e innovadores relacionados con el formato del Foro de la CMSI de 2022. En el marco de este Proceso, los Gobiernos, la sociedad civil, el sector privado, las instituciones académicas, la comunidad técnica y las organizaciones regionales e internacionales participan activamente en los preparativos, a fin de garantizar una amplia adhesión y seguir perfeccionando el Foro.

El proceso de consultas abiertas para el Foro de la CMSI de 2022 se articula en torno a las cinco fases siguientes:

- **Fase I: 19 de agosto de 2021, 14.00-15.00 horas CEST:** Inicio de las consultas abiertas (apertura virtual, para todas las partes interesadas)
  - Lanzamiento del sitio web del Foro de la CMSI de 2022 para la presentación de contribuciones oficiales
  - Presentación de contribuciones oficiales a la Secretaría de la CMSI sobre aspectos temáticos e innovadores relacionados con el formato a través del sitio web [www.wsis.org/forum](https://www.wsis.org/forum)
  - Apertura de la convocatoria de candidaturas al puesto de Facilitador de la vía de alto nivel de múltiples partes interesadas del Foro de la CMSI de 2022
  - Presentación del Concurso Fotográfico de la CMSI de 2022
- **Fase II: 8 de diciembre de 2021, 13.50-14.50 horas CET, Katowice, Polonia (virtual/presencial):** 1ª reunión virtual: Foro Abierto sobre la aplicación de las Líneas de Acción de la CMSI y el Foro de la CMSI (durante el FGI de 2021)
- **Fase III: 31 de enero de 2022, 14.00-15.00 horas CET:** 2ª reunión virtual/presencial
- **Fase IV: 7 de marzo de 2022, 14.00-15.00 horas CET:** Fecha límite para la presentación de contribuciones oficiales y solicitudes vinculantes para talleres
- **Fase V: 2 de mayo de 2022, 14.00-15.00 horas CEST:** 3ª reunión virtual/presencial

Consulte la página [www.wsis.org/forum](https://www.wsis.org/forum) para obtener información actualizada. El Proceso de consultas abiertas incluirá una recopilación de contribuciones procedentes de eventos regionales y nacionales relacionados con la CMSI y se tomarán disposiciones para permitir la participación a distancia en todas las reuniones presenciales de dicho Proceso.

Espero poder contar con su participación activa y su presencia en el Foro de la CMSI de 2022.
"""

BODY_FORUM_2021 = """
La Unión Internacional de Telecomunicaciones (UIT), la Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO), la Conferencia de las Naciones Unidas sobre Comercio y Desarrollo (UNCTAD) y el Programa de las Naciones Unidas para el Desarrollo (PNUD) se complacen en invitarle al Foro de la CMSI de 2021, que acogerá la UIT. La última semana del Foro anual de la CMSI se celebrará del 17 al 21 de mayo de 2021, comenzando los eventos previos a partir del mes de enero bajo el lema "TIC para unas sociedades y economías inclusivas, resilientes y sostenibles (Líneas de Acción de la CMSI para lograr los Objetivos de Desarrollo Sostenible)", prestando especial atención a la aceleración de la adopción de medidas destinadas a hacer frente a las repercusiones de la pandemia de la COVID-19 para el logro de los ODS en 2030.

El Foro de la CMSI representa la reunión anual más importante de la comunidad de múltiples partes interesadas de 'Las TIC para el desarrollo' y es una plataforma mundial de múltiples partes interesadas que facilita la aplicación de las Líneas de Acción de la CMSI para impulsar el desarrollo sostenible. La plataforma proporciona una oportunidad para intercambiar información, crear conocimientos y compartir prácticas óptimas, así como para identificar las tendencias emergentes y fomentar las asociaciones.

El Foro de la CMSI se basa en los resultados del Examen General de la Asamblea General de las Naciones Unidas sobre la implementación de los resultados de la CMSI (Resolución 70/125 de la Asamblea General de las Naciones Unidas), que reconocen la necesidad de celebrar este Foro cada año y piden una coordinación estrecha entre los procesos de la CMSI y la Agenda de 2030 para el Desarrollo Sostenible. En este contexto, el Foro de la CMSI aprovechará la Matriz CMSI-ODS y servirá como plataforma para debatir el papel de las TIC como mecanismo para implementar los Objetivos de Desarrollo Sostenible, prestando la debida atención al mecanismo mundial para el seguimiento y examen de la implementación de la Agenda 2030 para el Desarrollo Sostenible (Resolución A/70/1 de la Asamblea General de las Naciones Unidas).

El Foro de la CMSI se organiza con la participación de otros organismos de las Naciones Unidas, en particular la FAO, la OIT, el CCI, el DAES, el PNUMA, el ACNUR, UNICEF, la ONUDI, el UNITAR, la ONUDD, la UPU, la ONU Mujeres, el PMA, la OMS, la OMPI, la OMM y las Comisiones Regionales de las Naciones Unidas.

El formato, el orden del día y el enfoque temático del Foro son el resultado de un proceso de consulta abierta en el que participan todas las partes interesadas de la CMSI. El Foro consistirá en dos vías, la *Vía de Alto Nivel*, que comprende las declaraciones de política, diálogos interactivos de alto nivel, la ceremonia de entrega de los Premios de la CMSI y una mesa redonda ministerial, y la *Vía del Foro*, que ofrecerá a los participantes una serie de reuniones sobre la facilitación de la Línea de Acción de la CMSI, talleres de países, talleres temáticos, sesiones de formación, series de sesiones especiales sobre diversas áreas temáticas, cafés del conocimiento, un hackatón (TIC y personas de edad avanzada), así como una exposición sobre cuestiones que revisten especial interés para la aplicación de la CMSI y el seguimiento en un contexto multipartito.

A fin de garantizar el equilibrio de género durante el Foro de la CMSI 2021, alentamos a todas las partes interesadas de la CMSI a prever representaciones equilibradas desde el punto de vista del género y a designar mujeres oradoras para las sesiones y los talleres, en particular para la serie de Sesiones de Alto Nivel.

Puede consultarse la documentación pertinente, el formato y el cronograma, el orden del día y el proceso de inscripción en la dirección: [www.wsis.org/forum](https://www.wsis.org/forum). Esperamos darle la bienvenida al Foro de la CMSI de 2021.
"""

BODY_FORUM_2020 = """
Habida cuenta de la pandemia del COVID-19 y tras un cuidadoso análisis, la UIT y los coorganizadores, la UNESCO, el PNUD y la UNCTAD, han decidido celebrar el Foro de la CMSI 2020 en formato virtual, poniendo de relieve el tema "Fomentar la transformación digital y las asociaciones globales: Líneas de Acción de la CMSI para lograr los ODS".

El Foro de la CMSI 2020 se celebrará enteramente en línea **a partir del 22 de junio**, presentando un programa semanal que incluye una serie de talleres temáticos/nacionales, sesiones políticas de alto nivel, vías especiales sobre diversas áreas temáticas, un café del conocimiento, un hackatón y una exposición que trata de cuestiones esenciales para la implementación y el seguimiento de la CMSI en un entorno de múltiples partes interesadas. La semana final del Foro Virtual de la CMSI 2020 tendrá lugar del **7 al 10 de septiembre de 2020**, e incluirá declaraciones políticas, diálogos interactivos de alto nivel, una ceremonia de entrega de Premios de la CMSI, una mesa redonda ministerial y una serie de reuniones de facilitación de las Líneas de Acción de la CMSI.

El Foro Virtual de la CMSI 2020 ofrece a las partes interesadas una gran oportunidad para llegar a una mayor audiencia en todo el mundo a fin de conectarse y de colaborar para acelerar el logro de los ODS a través de las tecnologías de la información y la comunicación (TIC). El Foro de la CMSI (CMSI+15) también ofrecerá una oportunidad para servir de plataforma para el seguimiento de los logros de las Líneas de Acción de la CMSI, en colaboración con los organismos de las Naciones Unidas implicados, y para facilitar información y estudios relativos a la implementación de las Líneas de Acción de la CMSI desde 2005.

El orden del día, la información pertinente y otros detalles pueden consultarse en la dirección [www.wsis.org/forum](https://www.wsis.org/forum).

Espero darle la bienvenida virtual al Foro de la CMSI 2020.
"""

BODY_TRUST_FUND = """
El Fondo Fiduciario de la CMSI fue creado en 2011 en aplicación de la Resolución 140 de la Conferencia de Plenipotenciarios. En la Resolución 1332 del Consejo de la UIT, modificada por el Consejo en mayo de 2016, se tienen en cuenta los resultados del examen general de la Asamblea General de las Naciones Unidas sobre la implementación de los resultados de la CMSI y la Agenda de 2030 para el Desarrollo Sostenible y se resuelve mantener el Fondo en apoyo de las actividades de la UIT que faciliten la puesta en aplicación de los resultados de la CMSI, se pide la creación de asociaciones y alianzas estratégicas y se invita a los miembros de la UIT a aportar contribuciones voluntarias al Fondo.

Desde el momento de su creación, la información sobre el Fondo Fiduciario de la CMSI y las contribuciones de los interesados puede consultarse en el sitio web: <https://www.itu.int/go/wsisfund>. Quiero aprovechar esta oportunidad para dar las gracias a todos los que han contribuido al Fondo hasta la fecha por su dedicación y compromiso con respecto a la implementación de los resultados de la CMSI y en particular los eventos de Foro anual de la CMSI (2009-2021). De cara a 2025, siguiendo con el método multipartito habitual, el Foro de la CMSI se basará en los resultados del Examen CMSI+10 y la Agenda de 2030 para el Desarrollo Sostenible.

Habida cuenta de la crisis sanitaria mundial y de las generalizadas restricciones de viaje, los coorganizadores (UIT, UNESCO, UNCTAD, PNUD) decidieron celebrar el Foro de la Cumbre Mundial sobre la Sociedad de la Información 2021 de manera virtual. Agradezco la confianza y el incondicional apoyo de todos los interesados, en particular de los que han contribuido al Fondo Fiduciario de la CMSI, para ayudar a que el Foro de la CMSI se adapte a la nueva situación y al innovador formato virtual. El Foro de la CMSI 2021 sumó una asistencia virtual acumulada de más de 50 000 asistentes de más de 150 países. Los informes sobre los resultados y hechos destacados del Foro de la CMSI 2021 pueden consultarse aquí: <https://www.itu.int/net4/wsis/forum/2021/Home/Outcomes>.

Asimismo quisiera alentar a todos los Miembros de la UIT, así como a otros interesados, a contribuir al Fondo Fiduciario de la CMSI para el año 2022, además de invitar a todos los interesados a asociarse con el Foro de la CMSI de 2022. Adjuntos encontrarán los Lotes de Asociación para el Foro de la CMSI de 2022.

En espera de recibir buenas noticias de su parte.
"""

# --- The letters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Letter:
    reference: str
    issue_date: dt.date
    subject_es: str
    subject_en: str
    salutation_es: str
    body_es: str
    closing_es: str
    addressees: list[dict]
    signatories: list[dict]
    contacts: list[dict] = field(default_factory=list)
    office_es: str = ""
    annex_note_es: str = ""
    series: str = ""  # slug of a numbered series; the reference then comes from it on issue


def _type(stakeholder_type: str, label: str) -> dict:
    return {
        "kind": AddresseeKind.STAKEHOLDER_TYPE,
        "stakeholder_type": stakeholder_type,
        "label_es": label,
    }


def _status(itu_status: str, label: str) -> dict:
    return {"kind": AddresseeKind.ITU_STATUS, "itu_status": itu_status, "label_es": label}


def _label(label: str) -> dict:
    return {"kind": AddresseeKind.LABEL_ONLY, "label_es": label}


def _signatory(name: str, title: str, note: str) -> dict:
    return {"name": name, "title_es": title, "signed_note_es": note}


def _all_stakeholders(*labels: str) -> list[dict]:
    types = (
        StakeholderType.GOVERNMENT,
        StakeholderType.PRIVATE_SECTOR,
        StakeholderType.CIVIL_SOCIETY,
        StakeholderType.ACADEMIA,
        StakeholderType.INTERNATIONAL_ORGANIZATION,
    )
    return [_type(kind, label) for kind, label in zip(types, labels, strict=True)]


WSIS_CONTACT = {
    "name": "Sra. Gitanjali Sah",
    "phone": "+41 22 730 6240",
    "fax": "+41 22 730 6453",
    "email": "wsis-info@itu.int",
}

PERMANENT_MISSIONS = "permanent-missions-geneva"
CL_SERIES = "cl"
CL_REFERENCE, CL_NUMBER = "CL-20/025", 25
MAILED = "Foro CMSI 2022"

LETTERS = [
    Letter(
        reference="Circular BDT/DIR/110",
        issue_date=dt.date(2021, 10, 18),
        office_es="Oficina de Desarrollo de las Telecomunicaciones (BDT)",
        addressees=[
            _status(ItuStatus.MEMBER_STATE, "Estados Miembros de la UIT"),
            _status(ItuStatus.SECTOR_MEMBER, "Miembros de Sector del UIT-D"),
            _status(ItuStatus.ACADEMIA, "Instituciones Académicas"),
            _type(
                StakeholderType.INTERNATIONAL_ORGANIZATION,
                "Organizaciones Regionales/Internacionales",
            ),
            _label("Organismos especializados de las Naciones Unidas"),
        ],
        subject_es="Coalición Digital Partner2Connect – Expresión de interés",
        subject_en="Partner2Connect Digital Coalition – Expression of interest",
        salutation_es="Estimado Señor/Estimada Señora:",
        body_es=BODY_P2C,
        closing_es="Atentamente,",
        signatories=[_signatory("Doreen Bogdan-Martin", "Directora", "(Original firmado)")],
        contacts=[{"name": "Partner2Connect", "email": "Partner2Connect@itu.int"}],
    ),
    Letter(
        reference=MAILED,
        issue_date=dt.date(2021, 8, 16),
        contacts=[WSIS_CONTACT],
        addressees=_all_stakeholders(
            "Gobiernos",
            "Sector privado",
            "Sociedad civil",
            "Instituciones académicas/Comunidad técnica",
            "Organizaciones internacionales",
        ),
        subject_es=(
            "Apertura del Foro de la CMSI de 2022 el 15 de marzo de 2022 y semana final del "
            "30 de mayo al 3 de junio de 2022 – Invitación a aportar contribuciones al Proceso "
            "de consultas abiertas sobre la definición de los temas y el formato"
        ),
        subject_en=(
            "Opening of the WSIS Forum 2022 on 15 March 2022 and final week from 30 May to "
            "3 June 2022 – Invitation to contribute to the Open Consultation Process on the "
            "thematic aspects and the format"
        ),
        salutation_es="Muy Señora mía/Muy Señor mío:",
        body_es=BODY_FORUM_2022,
        closing_es="Atentamente.",
        signatories=[_signatory("Houlin ZHAO", "Secretario General de la UIT", "(firmado)")],
    ),
    Letter(
        reference="WSIS Forum 2021/01",
        issue_date=dt.date(2021, 2, 3),
        contacts=[{**WSIS_CONTACT, "name": "Gitanjali Sah"}],
        addressees=_all_stakeholders(
            "Gobiernos",
            "Sector privado",
            "Sociedad civil",
            "Instituciones Académicas/Comunidad Técnica",
            "Organizaciones internacionales",
        ),
        subject_es="Invitación al Foro de la Cumbre Mundial sobre la Sociedad de la Información (CMSI) 2021",
        subject_en="Invitation to the World Summit on the Information Society (WSIS) Forum 2021",
        salutation_es="Muy Señor mío/Muy Señora mía:",
        body_es=BODY_FORUM_2021,
        closing_es="Atentamente.",
        signatories=[
            _signatory("Houlin Zhao", "Secretario General de la UIT", "[original firmado]"),
            _signatory("Audrey Azoulay", "Directora General de la UNESCO", "[original firmado]"),
            _signatory("Mukhisa Kituyi", "Secretario General de la UNCTAD", "[original firmado]"),
            _signatory("Achim Steiner", "Administrador del PNUD", "[original firmado]"),
        ],
    ),
    Letter(
        reference=CL_REFERENCE,
        series=CL_SERIES,
        issue_date=dt.date(2020, 6, 16),
        office_es="Secretaría General (SG)",
        contacts=[
            {"name": "Ms Gitanjali Sah", "phone": "+41 22 730 6076", "email": "wsis-info@itu.int"}
        ],
        addressees=[
            _status(ItuStatus.MEMBER_STATE, "Administraciones de los Estados Miembros de la UIT"),
            # the mailing list itself is filled in by build_circulars
            {"kind": AddresseeKind.MAILING_LIST, "label_es": "Misiones Permanentes en Ginebra"},
            _label("Organismos Reguladores Nacionales"),
            _status(ItuStatus.SECTOR_MEMBER, "Miembros de Sector y Asociados de la UIT"),
            _status(ItuStatus.ACADEMIA, "Instituciones Académicas"),
        ],
        subject_es="Invitación al Foro virtual de la Cumbre Mundial de la Sociedad de la Información (CMSI) 2020",
        subject_en="Invitation to the virtual World Summit on the Information Society (WSIS) Forum 2020",
        salutation_es="Muy Señora mía/Muy Señor mío:",
        body_es=BODY_FORUM_2020,
        closing_es="Atentamente,",
        signatories=[_signatory("Houlin ZHAO", "Secretario General", "(firmado)")],
    ),
    Letter(
        reference="Fondo Fiduciario de la CMSI 2022",
        issue_date=dt.date(2021, 9, 3),
        office_es="El Secretario General",
        contacts=[{**WSIS_CONTACT, "email": "gitanjali.sah@itu.int"}],
        addressees=_all_stakeholders(
            "Gobiernos",
            "Sector privado",
            "Sociedad civil",
            "Instituciones Académicas",
            "Organizaciones Internacionales",
        ),
        subject_es="Invitación a contribuir al Fondo Fiduciario de la CMSI – 2022",
        subject_en="Invitation to contribute to the WSIS Trust Fund – 2022",
        salutation_es="Muy Señora mía/Muy Señor mío:",
        body_es=BODY_TRUST_FUND,
        closing_es="Le saluda atentamente,",
        signatories=[_signatory("Houlin ZHAO", "", "")],
        annex_note_es="Adj.: Lotes de Asociación para el Foro de la CMSI de 2022",
    ),
]

# Invented addresses (no real mission is written to); countries match the demo organizations.
MISSIONS = [
    ("kenya@missions.example.org", "Permanent Mission of Kenya (demo)", "en"),
    ("colombia@missions.example.org", "Misión Permanente de Colombia (demo)", "es"),
    ("egypt@missions.example.org", "Permanent Mission of Egypt (demo)", "ar"),
    ("fiji@missions.example.org", "Permanent Mission of Fiji (demo)", "en"),
    ("kazakhstan@missions.example.org", "Permanent Mission of Kazakhstan (demo)", "ru"),
    ("switzerland@missions.example.org", "Mission permanente de la Suisse (demo)", "fr"),
]

# Demo deliveries go nowhere: whatever mail backend the site uses, they stay in memory.
NOWHERE = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def build_mailing_list() -> MailingList:
    mailing_list, _created = MailingList.objects.get_or_create(
        slug=PERMANENT_MISSIONS, defaults={"name": "Permanent Missions in Geneva (demo)"}
    )
    for email, name, language in MISSIONS:
        MailingListEntry.objects.get_or_create(
            mailing_list=mailing_list, email=email, defaults={"name": name, "language": language}
        )
    return mailing_list


def build_series() -> CircularSeries:
    series, _created = CircularSeries.objects.get_or_create(
        slug=CL_SERIES,
        defaults={"name": "Circular letters (CL)", "pattern": "CL-{yy}/{nnn}", "yearly": True},
    )
    return series


def _find(letter: Letter, series: CircularSeries | None) -> Circular | None:
    """The letter from an earlier run: by its reference, or (a numbered one not issued yet) by
    its series and subject."""
    found = Circular.objects.filter(reference=letter.reference, revision=1).first()
    if found is None and series is not None:
        found = Circular.objects.filter(
            series=series, reference="", subject_es=letter.subject_es
        ).first()
    return found


def _issue(letter: Letter, *, secretariat, series, mailing_list) -> Circular:
    circular = _find(letter, series)
    if circular is not None and circular.state in (CircularState.ISSUED, CircularState.WITHDRAWN):
        return circular  # issued on an earlier run: an issued letter is never rewritten
    if circular is not None and circular.state == CircularState.APPROVED:
        circular = services.transition(circular=circular, to=CircularState.DRAFT, by=secretariat)
    content = {
        "default_language": "es",
        "issue_date": letter.issue_date,
        "place_es": "Ginebra",
        "office_es": letter.office_es,
        "subject_es": letter.subject_es,
        "subject_en": letter.subject_en,
        "salutation_es": letter.salutation_es,
        "body_es": letter.body_es.strip(),
        "closing_es": letter.closing_es,
        "annex_note_es": letter.annex_note_es,
    }
    if series is not None:
        content["series"] = series
    else:
        content["reference"] = letter.reference
    circular = services.save_draft(by=secretariat, circular=circular, **content)
    groups = [
        {**group, "mailing_list": mailing_list}
        if group["kind"] == AddresseeKind.MAILING_LIST
        else group
        for group in letter.addressees
    ]
    services.set_addressees(circular=circular, groups=groups, by=secretariat)
    services.set_people(
        circular=circular, signatories=letter.signatories, contacts=letter.contacts, by=secretariat
    )
    services.transition(circular=circular, to=CircularState.APPROVED, by=secretariat)
    if series is not None:
        _prepare_historical_number(series, letter)
    circular = services.transition(circular=circular, to=CircularState.ISSUED, by=secretariat)
    if circular.reference != letter.reference:
        raise services.CircularError(
            f"{letter.reference} was numbered {circular.reference}; its number is taken."
        )
    return circular


def _prepare_historical_number(series: CircularSeries, letter: Letter) -> None:
    """Historical number: the series numbers by the letter's own date (issue_date), so a
    counter left at 24 for 2020 makes the issue come out as CL-20/025, as printed."""
    counter, _created = SeriesCounter.objects.get_or_create(
        series=series, year=letter.issue_date.year
    )
    if counter.last_number < CL_NUMBER - 1:
        counter.last_number = CL_NUMBER - 1
        counter.save(update_fields=["last_number"])


def _send(circular: Circular, *, secretariat) -> Mailing:
    """Mail the letter once; the deliveries are sent here, so the queued task finds nothing."""
    mailing = Mailing.objects.filter(circular=circular).first()
    if mailing is None:
        mailing = services.start_mailing(circular=circular, by=secretariat)
    if mailing.state == MailingState.SENDING:
        with override_settings(MAILERS=NOWHERE):
            run_mailing(mailing.pk)
        mailing.refresh_from_db()
    return mailing


def build_circulars(*, secretariat) -> list[Circular]:
    """The five seed letters, issued; "Foro CMSI 2022" also mailed to the demo stakeholders."""
    mailing_list = build_mailing_list()
    cl_series = build_series()
    circulars = []
    for letter in LETTERS:
        series = cl_series if letter.series == CL_SERIES else None
        circular = _issue(letter, secretariat=secretariat, series=series, mailing_list=mailing_list)
        if letter.reference == MAILED:
            _send(circular, secretariat=secretariat)
        circulars.append(circular)
    return circulars
