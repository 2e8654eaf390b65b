import datetime as dt
import time

from django.utils import timezone

from convoca.circulars import pdf
from convoca.circulars.models import AddresseeGroup, Circular, Contact, Letterhead, Signatory
from tests.factories import OrganizationFactory


def test_render_samples(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    org = OrganizationFactory(name="International Telecommunication Union", acronym="ITU")
    lh = Letterhead.objects.create(organization=org, name="ITU", office_es="Secretaría General (SG)", office_ar="الأمانة العامة", footer="Union internationale des télécommunications • Place des Nations • CH-1211 Genève 20 • Suisse\nTél.: +41 22 730 5111 • Fax: +41 22 733 7256 • E-mail: itumail@itu.int • www.itu.int")
    body = open("/work/shared/seeds/003_8091571a2bfd478b.txt").read().split("Muy Señora mía/Muy Señor mío:")[1].split("Atentamente,")[0]
    c = Circular.objects.create(letterhead=lh, reference="CL-20/025", issue_date=dt.date(2021, 8, 16), issued_at=timezone.now(), state="issued", default_language="es",
        place_es="Ginebra", subject_es="Invitación al Foro virtual de la Cumbre Mundial de la Sociedad de la Información (CMSI) 2020", salutation_es="Muy Señora mía/Muy Señor mío:", body_es=body * 2, closing_es="Atentamente,", annex_note_es="Lotes de Asociación para el Foro de la CMSI de 2022",
        place_ar="جنيف", subject_ar="دعوة إلى منتدى القمة العالمية لمجتمع المعلومات لعام 2020", salutation_ar="حضرات السادة والسيدات،", body_ar=("يسرني أن أدعوكم إلى المشاركة في **منتدى القمة العالمية لمجتمع المعلومات** الذي سيعقد افتراضياً اعتباراً من 22 يونيو 2020. " * 6 + "\n\n- الحكومات\n- القطاع الخاص\n\n") * 3, closing_ar="وتفضلوا بقبول فائق الاحترام،",
        place_zh_hans="日内瓦", subject_zh_hans="关于参加2020年信息社会世界峰会论坛的邀请", body_zh_hans="我谨邀请您参加**信息社会世界峰会论坛**。本次论坛将于2020年6月22日起以线上形式举行。", closing_zh_hans="顺致敬意！")
    Contact.objects.create(circular=c, name="Sra. Gitanjali Sah", phone="+41 22 730 6076", fax="+41 22 730 6453", email="wsis-info@itu.int")
    for i, l in enumerate(["Administraciones de los Estados Miembros de la UIT", "Misiones Permanentes en Ginebra", "Organismos Reguladores Nacionales", "Miembros de Sector y Asociados de la UIT"]):
        AddresseeGroup.objects.create(circular=c, order=i, kind="label", label_es=l, label_ar=["حكومات الدول الأعضاء", "البعثات الدائمة في جنيف", "الهيئات التنظيمية الوطنية", "أعضاء القطاعات"][i])
    Signatory.objects.create(circular=c, name="Houlin ZHAO", title_es="Secretario General", signed_note_es="(firmado)", title_ar="الأمين العام", signed_note_ar="(توقيع)")
    Signatory.objects.create(circular=c, order=1, name="Audrey Azoulay", title_es="Directora General\nde la UNESCO", signed_note_es="(firmado)")
    for lang in ("es", "ar", "zh-hans", "en"):
        t = time.perf_counter()
        data = pdf.render_pdf(c, lang)
        print(lang, len(data), round(time.perf_counter() - t, 2))
        open(f"/tmp/letter-{lang}.pdf", "wb").write(data)
        open(f"/tmp/letter-{lang}.html", "w").write(pdf.render_html(c, lang))
