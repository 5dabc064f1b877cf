"""The seeded need vocabulary: the KIM Handlungsfelder, service types and languages.

Each entry: slug, links (service types, topics, target groups, language codes) and the name
and everyday words in German, then in ``portal.demo.TRANSLATION_LANGUAGES`` order (en, ar,
fa, tr, uk, ru). Written as multipliers and clients type them, not copied from the services'
texts. Editors change all of it in the admin ("Directory" → "Search terms").
"""

from portal.demo import demo_step

# slug: (links, {language: (name, "word, word, …")})
NEED_TERMS = {
    "anerkennung": (
        {"types": ["anerkennungsberatung"], "topics": ["arbeitsmarktzugang"]},
        {
            "de": (
                "Anerkennung von Abschlüssen",
                "Anerkennung, anerkennen, Zeugnis, Zeugnisse, Schulzeugnis, Schulabschluss, "
                "Berufsabschluss, Abschluss, Diplom, Studienabschluss, Gleichwertigkeit, "
                "Zeugnisbewertung, Berufsanerkennung, Approbation, Abitur",
            ),
            "en": (
                "Recognition of qualifications",
                "recognition, recognise, recognize, qualification, certificate, diploma, "
                "degree, school certificate, foreign qualification, equivalence",
            ),
            "ar": (
                "الاعتراف بالشهادات",
                "الاعتراف بالشهادات, اعتراف, معادلة الشهادة, شهادة, شهادات, معادلة, "
                "الشهادة المدرسية",
            ),
            "fa": (
                "ارزشیابی مدرک",
                "ارزشیابی مدرک, مدرک, تایید مدرک, به رسمیت شناختن, معادل سازی, دیپلم",
            ),
            "tr": (
                "Diploma denkliği",
                "denklik, diploma denkliği, tanınma, diploma, karne, mezuniyet belgesi",
            ),
            "uk": (
                "Визнання освіти",
                "визнання, визнання атестата, атестат, диплом, нострифікація, "
                "підтвердження диплома",
            ),
            "ru": (
                "Признание образования",
                "признание, признание диплома, аттестат, диплом, нострификация, "
                "подтверждение диплома",
            ),
        },
    ),
    "aufenthalt": (
        {
            "types": ["auslaenderbehoerde"],
            "topics": ["aufenthalt", "aufenthaltsrecht"],
        },
        {
            "de": (
                "Aufenthalt und Aufenthaltsrecht",
                "Aufenthaltserlaubnis, Aufenthaltstitel, Niederlassungserlaubnis, Duldung, "
                "Visum, Bleiberecht, Aufenthaltsgestattung, Fiktionsbescheinigung, eAT, "
                "Ausländeramt, Ausländerbehörde, Arbeitserlaubnis, Beschäftigungserlaubnis, "
                "Reisepass",
            ),
            "en": (
                "Residence and right of residence",
                "residence permit, residence title, visa, right to stay, toleration, "
                "immigration office, work permit, passport",
            ),
            "ar": (
                "الإقامة",
                "تصريح الإقامة, إقامة, تأشيرة, تمديد الإقامة, دائرة الأجانب, تصريح العمل, "
                "جواز السفر",
            ),
            "fa": (
                "اقامت",
                "اجازه اقامت, اقامت, ویزا, تمدید اقامت, اداره اتباع خارجی, اجازه کار, پاسپورت",
            ),
            "tr": (
                "Oturum hakkı",
                "oturma izni, ikamet, vize, oturum, yabancılar dairesi, çalışma izni, pasaport",
            ),
            "uk": (
                "Перебування та посвідка",
                "посвідка на проживання, дозвіл на проживання, проживання, віза, "
                "відомство у справах іноземців, дозвіл на роботу, паспорт",
            ),
            "ru": (
                "Пребывание и вид на жительство",
                "вид на жительство, разрешение на проживание, ВНЖ, виза, "
                "ведомство по делам иностранцев, разрешение на работу, паспорт",
            ),
        },
    ),
    "asyl": (
        {"types": ["fluechtlingsberatung"]},
        {
            "de": (
                "Asyl und Flucht",
                "Asyl, Asylantrag, Asylverfahren, Flucht, BAMF, Anhörung, Ablehnung, "
                "Abschiebung, Familiennachzug",
            ),
            "en": (
                "Asylum and refuge",
                "asylum, asylum application, asylum interview, rejection, deportation, "
                "family reunification",
            ),
            "ar": ("اللجوء", "لجوء, طلب اللجوء, مقابلة, رفض, ترحيل, لم الشمل"),
            "fa": (
                "پناهندگی",
                "پناهندگی, درخواست پناهندگی, مصاحبه, رد, اخراج, پیوستن خانواده",
            ),
            "tr": (
                "İltica",
                "iltica, sığınma, sığınma başvurusu, ret, sınır dışı, aile birleşimi",
            ),
            "uk": (
                "Притулок",
                "притулок, прохання про притулок, відмова, депортація, возз'єднання сім'ї",
            ),
            "ru": (
                "Убежище",
                "убежище, прошение об убежище, отказ, депортация, воссоединение семьи",
            ),
        },
    ),
    "sprachkurs": (
        {"types": ["integrationskurs"], "topics": ["sprache", "sprachfoerderung"]},
        {
            "de": (
                "Deutschkurs und Integrationskurs",
                "Deutschkurs, Sprachkurs, Integrationskurs, Deutsch lernen, "
                "Alphabetisierungskurs, Berufssprachkurs, Orientierungskurs, DTZ, "
                "Sprachförderung, Sprachprüfung",
            ),
            "en": (
                "German course and integration course",
                "German course, language course, integration course, learn German, "
                "literacy course, language exam",
            ),
            "ar": (
                "دورة اللغة الألمانية",
                "دورة اللغة الألمانية, دورة الاندماج, تعلم الألمانية, دورة لغة, كورس, امتحان اللغة",
            ),
            "fa": (
                "کلاس زبان آلمانی",
                "کلاس زبان آلمانی, کلاس ادغام, یادگیری آلمانی, دوره زبان, کورس, امتحان زبان",
            ),
            "tr": (
                "Almanca kursu",
                "Almanca kursu, dil kursu, uyum kursu, entegrasyon kursu, Almanca öğrenmek, "
                "dil sınavı",
            ),
            "uk": (
                "Курс німецької мови",
                "курс німецької, мовний курс, інтеграційний курс, вивчення німецької, курси, "
                "мовний іспит",
            ),
            "ru": (
                "Курс немецкого языка",
                "курс немецкого, языковой курс, интеграционный курс, изучение немецкого, "
                "курсы, языковой экзамен",
            ),
        },
    ),
    "arbeit": (
        {"types": ["integration-point"], "topics": ["arbeitsmarktzugang"]},
        {
            "de": (
                "Arbeit finden",
                "Arbeit, Job, Arbeitsstelle, Arbeitssuche, Jobsuche, Bewerbung, "
                "Arbeitsvermittlung, Jobcenter, Arbeitsagentur, Minijob, Lebenslauf",
            ),
            "en": ("Finding work", "work, job, employment, job search, application, CV"),
            "ar": ("البحث عن عمل", "عمل, وظيفة, شغل, البحث عن عمل, سيرة ذاتية, جوب سنتر"),
            "fa": ("کاریابی", "کار, شغل, کاریابی, رزومه, جاب سنتر"),
            "tr": ("İş bulmak", "iş, iş arama, başvuru, özgeçmiş, çalışmak"),
            "uk": ("Пошук роботи", "робота, праця, пошук роботи, резюме, вакансія, джобцентр"),
            "ru": ("Поиск работы", "работа, поиск работы, резюме, вакансия, джобцентр"),
        },
    ),
    "ausbildung": (
        {
            "types": ["jmd"],
            "topics": ["ausbildungsmarkt", "uebergang-schule-beruf"],
            "targets": ["junge-menschen"],
        },
        {
            "de": (
                "Ausbildung und Übergang Schule/Beruf",
                "Ausbildung, Ausbildungsplatz, Lehre, Lehrstelle, Praktikum, "
                "Berufsorientierung, Berufsschule, Schule, Schulabschluss nachholen",
            ),
            "en": (
                "Apprenticeship and the step from school to work",
                "apprenticeship, vocational training, training place, internship, school, "
                "career guidance",
            ),
            "ar": ("التدريب المهني", "تدريب مهني, أوسبيلدونغ, تدريب, مدرسة, تدريب عملي"),
            "fa": ("آموزش حرفه‌ای", "کارآموزی, آموزش حرفه ای, آوسبیلدونگ, مدرسه"),
            "tr": ("Meslek eğitimi", "meslek eğitimi, çıraklık, staj, okul, Ausbildung"),
            "uk": (
                "Професійне навчання",
                "професійне навчання, аусбільдунг, стажування, практика, школа",
            ),
            "ru": (
                "Профессиональное обучение",
                "профессиональное обучение, аусбильдунг, стажировка, практика, школа",
            ),
        },
    ),
    "leistungen": (
        {"types": ["integration-point"], "topics": ["existenzsicherung", "leistungen"]},
        {
            "de": (
                "Leistungen und Existenzsicherung",
                "Bürgergeld, Sozialhilfe, Asylbewerberleistungen, Kindergeld, Wohngeld, "
                "Grundsicherung, Kinderzuschlag, Schulden, Geld, Jobcenter",
            ),
            "en": (
                "Benefits and livelihood",
                "benefits, citizen's income, social assistance, child benefit, "
                "housing benefit, debts, money",
            ),
            "ar": (
                "المساعدات الاجتماعية",
                "المساعدات, الإعانة, إعانة المواطن, مساعدة اجتماعية, إعانة الأطفال, ديون, مال",
            ),
            "fa": (
                "کمک هزینه‌ها",
                "کمک هزینه, بورگرگلد, کمک اجتماعی, پول, کمک هزینه مسکن, کیندرگلد, بدهی",
            ),
            "tr": (
                "Sosyal yardımlar",
                "sosyal yardım, vatandaş parası, çocuk parası, kira yardımı, borç, para",
            ),
            "uk": (
                "Соціальні виплати",
                "соціальна допомога, бюргергельд, допомога на дітей, житлова допомога, "
                "гроші, виплати, борги",
            ),
            "ru": (
                "Социальные выплаты",
                "социальная помощь, бюргергельд, пособие на детей, жилищное пособие, "
                "деньги, выплаты, долги",
            ),
        },
    ),
    "psychosozial": (
        {"types": ["psychosoziale-beratung"], "topics": ["gesundheit"]},
        {
            "de": (
                "Psychosoziale Hilfe und Gesundheit",
                "Trauma, traumatisiert, psychisch, Psychotherapie, Therapie, Angst, "
                "Depression, Albträume, seelische Gesundheit, Krieg, Stress, Psychologe",
            ),
            "en": (
                "Psychosocial support and health",
                "trauma, traumatised, mental health, therapy, psychotherapy, anxiety, "
                "depression, nightmares, psychologist",
            ),
            "ar": (
                "الدعم النفسي",
                "صدمة, صحة نفسية, علاج نفسي, دعم نفسي, قلق, اكتئاب, كوابيس, طبيب نفسي",
            ),
            "fa": (
                "حمایت روانی",
                "تروما, سلامت روان, روان درمانی, حمایت روانی, اضطراب, افسردگی, کابوس, روانشناس",
            ),
            "tr": (
                "Psikososyal destek",
                "travma, ruh sağlığı, psikoterapi, psikolojik destek, kaygı, depresyon, "
                "kabus, psikolog",
            ),
            "uk": (
                "Психологічна підтримка",
                "травма, психологічна допомога, психотерапія, тривога, депресія, кошмари, психолог",
            ),
            "ru": (
                "Психологическая поддержка",
                "травма, психологическая помощь, психотерапия, тревога, депрессия, "
                "кошмары, психолог",
            ),
        },
    ),
    "einbuergerung": (
        {"types": ["einbuergerung"]},
        {
            "de": (
                "Einbürgerung",
                "Einbürgerung, Staatsangehörigkeit, Staatsbürgerschaft, deutscher Pass, "
                "Einbürgerungstest",
            ),
            "en": ("Naturalisation", "naturalisation, naturalization, citizenship"),
            "ar": ("التجنيس", "التجنيس, الجنسية, الجنسية الألمانية"),
            "fa": ("تابعیت", "تابعیت, شهروندی, تابعیت آلمان"),
            "tr": ("Vatandaşlık", "vatandaşlık, Alman vatandaşlığı, vatandaşlık testi"),
            "uk": ("Громадянство", "громадянство, натуралізація, німецьке громадянство"),
            "ru": ("Гражданство", "гражданство, натурализация, немецкое гражданство"),
        },
    ),
    "case-management": (
        {"types": ["kim-case-management", "teilhabemanagement"]},
        {
            "de": (
                "Komplexer Hilfebedarf (Case Management)",
                "Case Management, Fallmanagement, komplex, komplexer Hilfebedarf, viele Ämter, "
                "Behörden, Begleitung, Lotse, überfordert",
            ),
            "en": (
                "Complex needs (case management)",
                "case management, complex needs, many offices, authorities, guidance",
            ),
            "ar": ("إدارة الحالة", "إدارة الحالة, احتياجات معقدة, دوائر كثيرة, مرافقة"),
            "fa": ("مدیریت پرونده", "مدیریت پرونده, نیازهای پیچیده, ادارات زیاد, همراهی"),
            "tr": ("Vaka yönetimi", "vaka yönetimi, karmaşık ihtiyaç, resmi daireler, refakat"),
            "uk": ("Кейс-менеджмент", "кейс-менеджмент, складні потреби, багато установ, супровід"),
            "ru": ("Кейс-менеджмент", "кейс-менеджмент, сложные потребности, много ведомств"),
        },
    ),
    "familie": (
        {
            "types": ["teilhabemanagement"],
            "topics": ["kinderbetreuung", "bildung"],
            "targets": ["familien"],
        },
        {
            "de": (
                "Familie, Kita und Schule",
                "Familie, Kinder, Kita, Kitaplatz, Kindergarten, Schulanmeldung, Eltern",
            ),
            "en": ("Family, day care and school", "family, children, daycare, kindergarten"),
            "ar": ("العائلة والحضانة", "عائلة, أطفال, حضانة, روضة, تسجيل المدرسة"),
            "fa": ("خانواده و مهد کودک", "خانواده, کودکان, مهد کودک, کودکستان, ثبت نام مدرسه"),
            "tr": ("Aile ve kreş", "aile, çocuk, kreş, anaokulu, okul kaydı"),
            "uk": ("Сім'я та дитсадок", "сім'я, діти, дитсадок, дитячий садок, школа"),
            "ru": ("Семья и детский сад", "семья, дети, детский сад, садик, запись в школу"),
        },
    ),
    "wohnen": (
        {"types": ["fluechtlingsberatung", "migrationsfachdienst"]},
        {
            "de": ("Wohnen", "Wohnung, Wohnungssuche, Unterkunft, Wohnberechtigungsschein, WBS"),
            "en": ("Housing", "housing, flat, apartment, accommodation"),
            "ar": ("السكن", "سكن, شقة, البحث عن شقة"),
            "fa": ("مسکن", "مسکن, آپارتمان, خانه"),
            "tr": ("Konut", "konut, ev, daire, ev arama"),
            "uk": ("Житло", "житло, квартира, пошук житла"),
            "ru": ("Жильё", "жильё, квартира, поиск жилья"),
        },
    ),
    "migrationsberatung": (
        {"types": ["mbe", "migrationsfachdienst", "jmd"], "targets": ["neuzugewanderte"]},
        {
            "de": (
                "Migrationsberatung",
                "Migrationsberatung, Migrationsdienst, Migrationsfachdienst, Neuzuwanderung, "
                "Migrant, Migrantin, Zugewanderte, Behördenpost, Briefe vom Amt",
            ),
            "en": (
                "Migration advice",
                "migration advice, migration counselling, migrant, immigrant, newcomer",
            ),
            "ar": ("استشارة الهجرة", "استشارة الهجرة, مهاجر, رسائل من الدوائر"),
            "fa": ("مشاوره مهاجرت", "مشاوره مهاجرت, مهاجر, نامه اداری"),
            "tr": ("Göç danışmanlığı", "göç danışmanlığı, göçmen, resmi mektup"),
            "uk": ("Міграційна консультація", "міграційна консультація, мігрант, листи з установ"),
            "ru": ("Миграционная консультация", "миграционная консультация, мигрант, письма"),
        },
    ),
    # Target groups: who the client is, as people say it.
    "gefluechtete": (
        {"targets": ["gefluechtete"]},
        {
            "de": ("Geflüchtete", "Flüchtling, Flüchtlinge, geflüchtet, Geflüchtete, Asylbewerber"),
            "en": ("Refugees", "refugee, refugees, asylum seeker"),
            "ar": ("اللاجئون", "لاجئ, لاجئة, لاجئين, طالب لجوء"),
            "fa": ("پناهجویان", "پناهجو, پناهنده, پناهندگان"),
            "tr": ("Mülteciler", "mülteci, sığınmacı, mülteciler"),
            "uk": ("Біженці", "біженець, біженка, біженці, шукач притулку"),
            "ru": ("Беженцы", "беженец, беженка, беженцы"),
        },
    ),
    "jugend": (
        {"types": ["jmd"], "targets": ["junge-menschen"]},
        {
            "de": (
                "Junge Menschen (12 bis 27)",
                "Jugendliche, Jugendlicher, junge Erwachsene, junger Mensch, Schüler, "
                "Schülerin, Teenager",
            ),
            "en": ("Young people (12 to 27)", "young, youth, teenager, young adult, pupil"),
            "ar": ("الشباب", "شباب, شاب, شابة, مراهق, طالب"),
            "fa": ("جوانان", "جوان, جوانان, نوجوان, دانش آموز"),
            "tr": ("Gençler", "genç, gençler, öğrenci"),
            "uk": ("Молодь", "молодь, молодий, молода, підліток, учень"),
            "ru": ("Молодёжь", "молодёжь, молодой, молодая, подросток, ученик"),
        },
    ),
    # Languages: the names people use, also for the speakers ("Ukrainerin" → Ukrainian).
    "dari": (
        {"languages": "prs, fa"},
        {
            "de": ("Dari und Farsi", "Dari, Farsi, Persisch, Afghanisch, Afghanin, Afghane"),
            "en": ("Dari and Farsi", "Dari, Farsi, Persian, Afghan"),
            "ar": ("الدارية والفارسية", "دري, الدارية, الفارسية, أفغاني"),
            "fa": ("دری و فارسی", "دری, فارسی, افغانی, افغان"),
            "tr": ("Darice ve Farsça", "Darice, Farsça, Afgan"),
            "uk": ("Дарі та фарсі", "дарі, фарсі, перська, афганець, афганка"),
            "ru": ("Дари и фарси", "дари, фарси, персидский, афганец, афганка"),
        },
    ),
    "ukrainisch": (
        {"languages": "uk"},
        {
            "de": ("Ukrainisch", "Ukrainisch, Ukrainerin, Ukrainer, Ukraine"),
            "en": ("Ukrainian", "Ukrainian, Ukraine"),
            "ar": ("الأوكرانية", "الأوكرانية, أوكراني, أوكرانية, أوكرانيا"),
            "fa": ("اوکراینی", "اوکراینی, اوکراین"),
            "tr": ("Ukraynaca", "Ukraynaca, Ukraynalı, Ukrayna"),
            "uk": ("Українська", "українська, українською, українець, українка, Україна"),
            "ru": ("Украинский", "украинский, украинец, украинка, Украина"),
        },
    ),
    "russisch": (
        {"languages": "ru"},
        {
            "de": ("Russisch", "Russisch, russischsprachig"),
            "en": ("Russian", "Russian, Russian-speaking"),
            "ar": ("الروسية", "الروسية, روسي"),
            "fa": ("روسی", "روسی"),
            "tr": ("Rusça", "Rusça"),
            "uk": ("Російська", "російська, російською"),
            "ru": ("Русский", "русский, по-русски, русскоязычный, русском"),
        },
    ),
    "arabisch": (
        {"languages": "ar"},
        {
            "de": ("Arabisch", "Arabisch, Syrerin, Syrer, Syrien, Irak"),
            "en": ("Arabic", "Arabic, Syrian, Syria, Iraqi"),
            "ar": ("العربية", "العربية, عربي, سوري, سورية, سوريا, عراقي"),
            "fa": ("عربی", "عربی, سوریه"),
            "tr": ("Arapça", "Arapça, Suriyeli"),
            "uk": ("Арабська", "арабська, сирієць, сирійка"),
            "ru": ("Арабский", "арабский, сириец, сирийка"),
        },
    ),
    "tuerkisch": (
        {"languages": "tr"},
        {
            "de": ("Türkisch", "Türkisch, türkischsprachig"),
            "en": ("Turkish", "Turkish"),
            "ar": ("التركية", "التركية, تركي"),
            "fa": ("ترکی", "ترکی"),
            "tr": ("Türkçe", "Türkçe, Türkçe konuşan"),
            "uk": ("Турецька", "турецька"),
            "ru": ("Турецкий", "турецкий"),
        },
    ),
    "tigrinya": (
        {"languages": "ti"},
        {
            "de": ("Tigrinya", "Tigrinya, Tigrinisch, Eritrea, Eritreerin, Eritreer"),
            "en": ("Tigrinya", "Tigrinya, Eritrean, Eritrea"),
            "ar": ("التغرينية", "التغرينية, تغرينيا, إريتريا, إريتري"),
            "fa": ("تیگرینیا", "تیگرینیا, اریتره"),
            "tr": ("Tigrinya", "Tigrinya, Eritreli"),
            "uk": ("Тигринья", "тигринья, Еритрея"),
            "ru": ("Тигринья", "тигринья, Эритрея"),
        },
    ),
    "kurdisch": (
        {"languages": "ku"},
        {
            "de": ("Kurdisch (Kurmandschi)", "Kurdisch, Kurmanji, Kurmandschi, Kurde, Kurdin"),
            "en": ("Kurdish (Kurmanji)", "Kurdish, Kurmanji"),
            "ar": ("الكردية", "الكردية, كرمانجي, كردي"),
            "fa": ("کردی", "کردی, کرمانجی"),
            "tr": ("Kürtçe", "Kürtçe, Kurmancî, Kurmanca"),
            "uk": ("Курдська", "курдська, курманджі"),
            "ru": ("Курдский", "курдский, курманджи"),
        },
    ),
}


@demo_step(order=25)
def demo_need_vocabulary(context):
    """The German entries with their links (idempotent: looked up by slug)."""
    ensure_need_vocabulary()


def ensure_need_vocabulary():
    """Create the German entries that are missing; links to the vocabularies that exist."""
    from wagtail.models import Locale

    from .models import NeedTerm, ServiceType, TargetGroup, Topic

    german = Locale.get_default()
    for slug, (links, names) in NEED_TERMS.items():
        term = NeedTerm.objects.filter(slug=slug, locale=german).first()
        if term is not None:
            continue
        name, words = names["de"]
        term = NeedTerm.objects.create(
            slug=slug,
            locale=german,
            name=name,
            synonyms=words,
            languages=links.get("languages", ""),
        )
        for model, attr, relation in (
            (ServiceType, "types", term.service_types),
            (Topic, "topics", term.topics),
            (TargetGroup, "targets", term.target_groups),
        ):
            if links.get(attr):
                relation.set(model.objects.filter(locale=german, slug__in=links[attr]))


@demo_step(order=1025)
def demo_need_vocabulary_translations(context):
    """Every entry in the six other languages (after the locales exist)."""
    translate_need_vocabulary()


def translate_need_vocabulary():
    from wagtail.models import Locale

    from portal.demo import TRANSLATION_LANGUAGES

    from .models import NeedTerm

    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    for term in NeedTerm.objects.filter(locale=Locale.get_default(), slug__in=NEED_TERMS):
        names = NEED_TERMS[term.slug][1]
        done = set(
            NeedTerm.objects.filter(translation_key=term.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        for code in TRANSLATION_LANGUAGES:
            if code in done or code not in locales:
                continue
            translated = term.copy_for_translation(locales[code])
            translated.name, translated.synonyms = names[code]
            translated.save()
