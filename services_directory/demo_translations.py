"""Translations of the demo directory page and ten demo services (example data).

Each German string maps to its translations in ``portal.demo.TRANSLATION_LANGUAGES`` order:
en, ar, fa, tr, uk, ru. Written by hand, not machine-translated. Town names stay in Latin
script in Arabic and Persian (they are German proper names); Ukrainian and Russian use
their usual Cyrillic spelling.
"""

from portal.demo import COMMON_TRANSLATIONS

# Slugs of the translated services: the six kinds in Mettmann, two in Velbert, the county's two.
SERVICES = [
    "jmd-mettmann",
    "mbe-mettmann",
    "integration-point-mettmann",
    "fluechtlingsberatung-mettmann",
    "teilhabemanagement-mettmann",
    "kim-case-management-mettmann",
    "jmd-velbert",
    "mbe-velbert",
    "auslaenderbehoerde",
    "einbuergerung",
]
KEEP = {"JMD", "MBE", "IP", "KIM", "ABH"}

DIRECTORY = {
    **COMMON_TRANSLATIONS,
    "Beratungsangebote für Zugewanderte und Geflüchtete in den zehn Städten des Kreises "
    "Mettmann – nach Thema, Stadt, Sprache und Alter.": (
        "Counselling services for immigrants and refugees in the ten towns of the District "
        "of Mettmann – by topic, town, language and age.",
        "خدمات الاستشارة للمهاجرين واللاجئين في المدن العشر لدائرة Mettmann – حسب الموضوع "
        "والمدينة واللغة والعمر.",
        "خدمات مشاوره برای مهاجران و پناهجویان در ده شهر شهرستان Mettmann – بر اساس موضوع، "
        "شهر، زبان و سن.",
        "Mettmann İlçesinin on şehrinde göçmenler ve mülteciler için danışmanlık hizmetleri – "
        "konuya, şehre, dile ve yaşa göre.",
        "Консультаційні послуги для іммігрантів і біженців у десяти містах району Меттман – "
        "за темою, містом, мовою та віком.",
        "Консультационные услуги для иммигрантов и беженцев в десяти городах района Меттман – "
        "по теме, городу, языку и возрасту.",
    ),
}


def _jmd(town, town_cyrillic):
    return (
        f"Youth Migration Service {town}",
        f"خدمة هجرة الشباب في {town}",
        f"خدمات مهاجرت جوانان در {town}",
        f"Gençlik Göç Servisi {town}",
        f"Молодіжна міграційна служба {town_cyrillic}",
        f"Молодёжная миграционная служба {town_cyrillic}",
    )


def _mbe(town, town_cyrillic):
    return (
        f"Migration Advice for Adults {town}",
        f"استشارة الهجرة للبالغين في {town}",
        f"مشاوره مهاجرت بزرگسالان در {town}",
        f"Yetişkin Göçmenler için Göç Danışmanlığı {town}",
        f"Міграційна консультація для дорослих {town_cyrillic}",
        f"Миграционная консультация для взрослых {town_cyrillic}",
    )


SERVICE_STRINGS = {
    **COMMON_TRANSLATIONS,
    "JMD Mettmann": _jmd("Mettmann", "Меттман"),
    "JMD Velbert": _jmd("Velbert", "Фельберт"),
    "MBE Mettmann": _mbe("Mettmann", "Меттман"),
    "MBE Velbert": _mbe("Velbert", "Фельберт"),
    "Integration Point Mettmann": (
        "Integration Point Mettmann",
        "Integration Point في Mettmann (مكتب الاندماج في سوق العمل)",
        "Integration Point در Mettmann (دفتر ادغام در بازار کار)",
        "Integration Point Mettmann (işe ve mesleki eğitime yönlendirme)",
        "Integration Point Меттман (шлях до роботи для біженців)",
        "Integration Point Меттман (путь к работе для беженцев)",
    ),
    "Flüchtlingsberatung Mettmann": (
        "Refugee Counselling Mettmann",
        "استشارة اللاجئين في Mettmann",
        "مشاوره پناهجویان در Mettmann",
        "Mülteci Danışmanlığı Mettmann",
        "Консультація для біженців Меттман",
        "Консультация для беженцев Меттман",
    ),
    "Teilhabemanagement Mettmann": (
        "Participation Management Mettmann",
        "إدارة المشاركة المجتمعية في Mettmann",
        "مدیریت مشارکت اجتماعی در Mettmann",
        "Toplumsal Katılım Yönetimi Mettmann",
        "Менеджмент соціальної участі Меттман",
        "Менеджмент социального участия Меттман",
    ),
    "KIM Case Management Mettmann": (
        "KIM Case Management Mettmann",
        "إدارة الحالات في KIM – Mettmann",
        "مدیریت پرونده KIM در Mettmann",
        "KIM Vaka Yönetimi Mettmann",
        "Кейс-менеджмент KIM Меттман",
        "Кейс-менеджмент KIM Меттман",
    ),
    "Ausländerbehörde Kreis Mettmann": (
        "Immigration Office, District of Mettmann",
        "مكتب شؤون الأجانب في دائرة Mettmann",
        "ادارهٔ اتباع خارجی شهرستان Mettmann",
        "Mettmann İlçesi Yabancılar Dairesi",
        "Відомство у справах іноземців району Меттман",
        "Ведомство по делам иностранцев района Меттман",
    ),
    "Einbürgerung beim Kreis Mettmann": (
        "Naturalisation at the District of Mettmann",
        "التجنيس لدى دائرة Mettmann",
        "اخذ تابعیت در شهرستان Mettmann",
        "Mettmann İlçesinde vatandaşlığa geçiş",
        "Натуралізація в районі Меттман",
        "Натурализация в районе Меттман",
    ),
    "Der Jugendmigrationsdienst begleitet junge Menschen von 12 bis 27 Jahren: Schule, "
    "Sprachkurs, Ausbildungsplatzsuche, Bewerbungen und Fragen des Alltags.": (
        "The Youth Migration Service supports young people aged 12 to 27: school, language "
        "courses, finding an apprenticeship, job applications and everyday questions.",
        "ترافق خدمة هجرة الشباب الشبابَ من عمر 12 إلى 27 عامًا في: المدرسة، ودورات اللغة، "
        "والبحث عن مكان تدريب مهني، وطلبات التوظيف، وأسئلة الحياة اليومية.",
        "خدمات مهاجرت جوانان، جوانان 12 تا 27 ساله را همراهی می‌کند: مدرسه، کلاس زبان، یافتن "
        "جای کارآموزی، درخواست کار و پرسش‌های زندگی روزمره.",
        "Gençlik Göç Servisi 12–27 yaş arası gençlere eşlik eder: okul, dil kursu, meslek "
        "eğitimi yeri arama, iş başvuruları ve günlük yaşamla ilgili sorular.",
        "Молодіжна міграційна служба супроводжує молодих людей віком від 12 до 27 років: "
        "школа, мовні курси, пошук місця для професійного навчання, заявки на роботу та "
        "повсякденні питання.",
        "Молодёжная миграционная служба сопровождает молодых людей от 12 до 27 лет: школа, "
        "языковые курсы, поиск места профессионального обучения, заявления о приёме на работу "
        "и повседневные вопросы.",
    ),
    "Migrationsberatung für erwachsene Zugewanderte ab 27 Jahren: Integrationskurs, "
    "Anerkennung von Abschlüssen, Arbeit, Wohnen und Behördenpost.": (
        "Migration advice for adult immigrants aged 27 and over: integration course, "
        "recognition of qualifications, work, housing and letters from public authorities.",
        "استشارة الهجرة للمهاجرين البالغين من عمر 27 عامًا فما فوق: دورة الاندماج، والاعتراف "
        "بالشهادات، والعمل، والسكن، ورسائل الدوائر الرسمية.",
        "مشاوره مهاجرت برای مهاجران بزرگسال از 27 سال به بالا: دورهٔ ادغام، به رسمیت شناختن "
        "مدارک تحصیلی، کار، مسکن و نامه‌های اداری.",
        "27 yaş ve üzeri yetişkin göçmenler için göç danışmanlığı: uyum kursu, diplomaların "
        "tanınması, iş, konut ve resmî yazışmalar.",
        "Міграційна консультація для дорослих іммігрантів від 27 років: інтеграційний курс, "
        "визнання дипломів, робота, житло та листи від державних установ.",
        "Миграционная консультация для взрослых иммигрантов от 27 лет: интеграционный курс, "
        "признание дипломов, работа, жильё и письма от ведомств.",
    ),
    "Der Integration Point hilft beim Weg in Arbeit und Ausbildung: Beratung, Vermittlung, "
    "Förderung von Sprachkursen und Leistungen zur Existenzsicherung.": (
        "The Integration Point helps people into work and vocational training: advice, job "
        "placement, funding for language courses and benefits to secure a living.",
        "يساعد Integration Point في الطريق إلى العمل والتدريب المهني: الاستشارة، والتوسط في "
        "التوظيف، ودعم دورات اللغة، وإعانات تأمين المعيشة.",
        "Integration Point در مسیر ورود به کار و آموزش حرفه‌ای کمک می‌کند: مشاوره، کاریابی، "
        "حمایت مالی از کلاس‌های زبان و کمک‌هزینه‌های تأمین معاش.",
        "Integration Point, işe ve mesleki eğitime giden yolda yardımcı olur: danışmanlık, iş "
        "yerleştirme, dil kurslarının desteklenmesi ve geçim güvencesi yardımları.",
        "Integration Point допомагає на шляху до роботи та професійного навчання: "
        "консультації, працевлаштування, оплата мовних курсів і виплати на прожиття.",
        "Integration Point помогает на пути к работе и профессиональному обучению: "
        "консультации, трудоустройство, оплата языковых курсов и выплаты на жизнь.",
    ),
    "Flüchtlingsberatung für Geflüchtete: Asylverfahren, Aufenthalt, Familiennachzug, "
    "Wohnen und Gesundheit. Offene Sprechstunde ohne Termin.": (
        "Counselling for refugees: asylum procedure, residence, family reunification, "
        "housing and health. Open consultation hours, no appointment needed.",
        "استشارة للاجئين: إجراءات اللجوء، والإقامة، ولمّ شمل الأسرة، والسكن، والصحة. ساعات "
        "استشارة مفتوحة دون موعد مسبق.",
        "مشاوره برای پناهجویان: روند پناهندگی، اقامت، پیوستن خانواده، مسکن و سلامت. ساعات "
        "مشاورهٔ آزاد بدون نیاز به وقت قبلی.",
        "Mülteciler için danışmanlık: iltica süreci, oturum, aile birleşimi, konut ve sağlık. "
        "Randevusuz açık danışma saatleri.",
        "Консультація для біженців: процедура надання притулку, перебування, возз’єднання "
        "сім’ї, житло та здоров’я. Відкриті години прийому без запису.",
        "Консультация для беженцев: процедура предоставления убежища, пребывание, "
        "воссоединение семьи, жильё и здоровье. Открытые часы приёма без записи.",
    ),
    "Das Teilhabemanagement der Stadt begleitet Familien und Einzelne, die noch keine feste "
    "Beratung haben: Kita-Platz, Schule, Gesundheit und Freizeit.": (
        "The town’s participation management supports families and individuals who do not "
        "yet have a regular counselling service: day-care place, school, health and leisure.",
        "ترافق إدارة المشاركة التابعة للمدينة العائلاتِ والأفراد الذين ليست لديهم بعدُ جهة "
        "استشارة ثابتة: مكان في الحضانة، والمدرسة، والصحة، وأوقات الفراغ.",
        "مدیریت مشارکت شهر، خانواده‌ها و افرادی را که هنوز مشاور ثابتی ندارند همراهی می‌کند: "
        "جای مهدکودک، مدرسه، سلامت و اوقات فراغت.",
        "Şehrin toplumsal katılım yönetimi, henüz düzenli bir danışmanlığı olmayan ailelere ve "
        "bireylere eşlik eder: kreş yeri, okul, sağlık ve boş zaman.",
        "Міський менеджмент соціальної участі супроводжує сім’ї та окремих людей, які ще не "
        "мають постійної консультаційної служби: місце в дитсадку, школа, здоров’я та дозвілля.",
        "Городской менеджмент социального участия сопровождает семьи и отдельных людей, у "
        "которых ещё нет постоянной консультационной службы: место в детском саду, школа, "
        "здоровье и досуг.",
    ),
    "Das KIM Case Management begleitet Menschen mit komplexem Beratungsbedarf "
    "rechtskreisübergreifend – etwa zur Verstetigung des Aufenthalts und zum Weg in Arbeit.": (
        "KIM case management supports people with complex needs across all legal frameworks "
        "– for example on securing their residence status and on the way into work.",
        "ترافق إدارة الحالات في KIM الأشخاص ذوي الاحتياجات الاستشارية المعقدة عبر مختلف الأطر "
        "القانونية – مثلًا في تثبيت الإقامة وفي الطريق إلى العمل.",
        "مدیریت پروندهٔ KIM افرادی را که نیاز مشاوره‌ای پیچیده دارند، فراتر از حوزه‌های قانونی "
        "مختلف همراهی می‌کند – برای نمونه در تثبیت اقامت و مسیر ورود به کار.",
        "KIM Vaka Yönetimi, karmaşık danışmanlık ihtiyacı olan kişilere yasal alanlar arasında "
        "eşlik eder – örneğin oturumun kalıcı hâle getirilmesinde ve işe giden yolda.",
        "Кейс-менеджмент KIM супроводжує людей зі складними потребами в консультуванні "
        "незалежно від правової сфери – наприклад, щодо закріплення права на перебування та "
        "шляху до роботи.",
        "Кейс-менеджмент KIM сопровождает людей со сложными потребностями в консультировании "
        "независимо от правовой сферы – например, при закреплении права на пребывание и на "
        "пути к работе.",
    ),
    "Aufenthaltstitel, Verlängerungen, Beschäftigungserlaubnis und Umzug in den Kreis – "
    "nur mit Termin.": (
        "Residence permits, extensions, work permits and moving into the district – by "
        "appointment only.",
        "تصاريح الإقامة وتمديدها، وتصاريح العمل، والانتقال إلى الدائرة – بموعد مسبق فقط.",
        "اجازهٔ اقامت، تمدید، اجازهٔ کار و نقل مکان به شهرستان – فقط با وقت قبلی.",
        "Oturum izinleri, uzatmalar, çalışma izni ve ilçeye taşınma – yalnızca randevuyla.",
        "Дозволи на проживання, їх продовження, дозвіл на роботу та переїзд до району – лише "
        "за попереднім записом.",
        "Виды на жительство, их продление, разрешение на работу и переезд в район – только по "
        "предварительной записи.",
    ),
    "Beratung und Antrag zur Einbürgerung: Voraussetzungen, Einbürgerungstest, "
    "Sprachnachweis und Gebühren.": (
        "Advice on and application for naturalisation: requirements, citizenship test, proof "
        "of language skills and fees.",
        "الاستشارة وتقديم طلب التجنيس: الشروط، واختبار التجنيس، وإثبات المستوى اللغوي، والرسوم.",
        "مشاوره و درخواست تابعیت: شرایط، آزمون تابعیت، مدرک زبان و هزینه‌ها.",
        "Vatandaşlığa geçiş danışmanlığı ve başvurusu: koşullar, vatandaşlık testi, dil belgesi "
        "ve harçlar.",
        "Консультація та заява про натуралізацію: умови, тест на громадянство, підтвердження "
        "знання мови та збори.",
        "Консультация и заявление о натурализации: условия, тест на гражданство, "
        "подтверждение знания языка и пошлины.",
    ),
    "Termine telefonisch oder per E-Mail.": (
        "Appointments by phone or e-mail.",
        "المواعيد عبر الهاتف أو البريد الإلكتروني.",
        "گرفتن وقت از طریق تلفن یا ایمیل.",
        "Randevu telefonla veya e-postayla alınır.",
        "Запис на прийом телефоном або електронною поштою.",
        "Запись по телефону или электронной почте.",
    ),
    "kostenlos": ("free of charge", "مجانًا", "رایگان", "ücretsiz", "безкоштовно", "бесплатно"),
    "Sprachmittlung nach Absprache": (
        "Interpreting on request",
        "الترجمة الشفهية بالاتفاق المسبق",
        "ترجمهٔ شفاهی با هماهنگی قبلی",
        "Talep üzerine sözlü tercüme",
        "Усний переклад за домовленістю",
        "Устный перевод по договорённости",
    ),
    "Redaktion KIM (Beispiel)": (
        "KIM editorial team (example)",
        "فريق تحرير KIM (مثال)",
        "تیم تحریریهٔ KIM (نمونه)",
        "KIM editör ekibi (örnek)",
        "Редакція KIM (приклад)",
        "Редакция KIM (пример)",
    ),
    "Gebühren nach Aufenthaltsverordnung bzw. Staatsangehörigkeitsgesetz": (
        "Fees under the Residence Ordinance or the Nationality Act",
        "الرسوم وفق لائحة الإقامة أو قانون الجنسية",
        "هزینه‌ها طبق آیین‌نامهٔ اقامت یا قانون تابعیت",
        "Harçlar İkamet Yönetmeliği veya Vatandaşlık Kanunu’na göre belirlenir",
        "Збори згідно з Положенням про перебування або Законом про громадянство",
        "Пошлины согласно Положению о пребывании или Закону о гражданстве",
    ),
    "Reisepass<br/>Aktuelles biometrisches Foto<br/>Meldebescheinigung": (
        "Passport<br/>Recent biometric photo<br/>Certificate of registration",
        "جواز السفر<br/>صورة بيومترية حديثة<br/>شهادة تسجيل السكن",
        "گذرنامه<br/>عکس بیومتریک جدید<br/>گواهی ثبت محل سکونت",
        "Pasaport<br/>Güncel biyometrik fotoğraf<br/>İkamet kaydı belgesi",
        "Закордонний паспорт<br/>Актуальне біометричне фото<br/>Довідка про реєстрацію місця "
        "проживання",
        "Заграничный паспорт<br/>Актуальное биометрическое фото<br/>Справка о регистрации по "
        "месту жительства",
    ),
    "Reisepass<br/>Sprachzertifikat B1<br/>Nachweis über den Lebensunterhalt": (
        "Passport<br/>B1 language certificate<br/>Proof of means of subsistence",
        "جواز السفر<br/>شهادة لغة بمستوى B1<br/>إثبات القدرة على تأمين المعيشة",
        "گذرنامه<br/>مدرک زبان سطح B1<br/>مدرک تأمین هزینهٔ زندگی",
        "Pasaport<br/>B1 dil sertifikası<br/>Geçim kaynağını gösteren belge",
        "Закордонний паспорт<br/>Мовний сертифікат B1<br/>Підтвердження засобів до існування",
        "Заграничный паспорт<br/>Языковой сертификат B1<br/>Подтверждение средств к существованию",
    ),
}

# Names of the vocabularies (facets) by slug; town and organisation names are proper names
# and stay German.
VOCABULARY = {
    "ServiceType": {
        "jmd": (
            "JMD – Youth Migration Service",
            "JMD – خدمة هجرة الشباب",
            "JMD – خدمات مهاجرت جوانان",
            "JMD – Gençlik Göç Servisi",
            "JMD – Молодіжна міграційна служба",
            "JMD – Молодёжная миграционная служба",
        ),
        "mbe": (
            "MBE – Migration advice for adult immigrants",
            "MBE – استشارة الهجرة للمهاجرين البالغين",
            "MBE – مشاوره مهاجرت برای مهاجران بزرگسال",
            "MBE – Yetişkin göçmenler için göç danışmanlığı",
            "MBE – Міграційна консультація для дорослих іммігрантів",
            "MBE – Миграционная консультация для взрослых иммигрантов",
        ),
        "integration-point": (
            "Integration Point",
            "Integration Point (الاندماج في سوق العمل)",
            "Integration Point (ادغام در بازار کار)",
            "Integration Point (iş ve meslek eğitimi)",
            "Integration Point (працевлаштування)",
            "Integration Point (трудоустройство)",
        ),
        "fluechtlingsberatung": (
            "Refugee counselling",
            "استشارة اللاجئين",
            "مشاوره پناهجویان",
            "Mülteci danışmanlığı",
            "Консультація для біженців",
            "Консультация для беженцев",
        ),
        "teilhabemanagement": (
            "Participation management",
            "إدارة المشاركة المجتمعية",
            "مدیریت مشارکت اجتماعی",
            "Toplumsal katılım yönetimi",
            "Менеджмент соціальної участі",
            "Менеджмент социального участия",
        ),
        "kim-case-management": (
            "KIM case management",
            "إدارة الحالات في KIM",
            "مدیریت پروندهٔ KIM",
            "KIM vaka yönetimi",
            "Кейс-менеджмент KIM",
            "Кейс-менеджмент KIM",
        ),
        "auslaenderbehoerde": (
            "Immigration office",
            "مكتب شؤون الأجانب",
            "ادارهٔ اتباع خارجی",
            "Yabancılar dairesi",
            "Відомство у справах іноземців",
            "Ведомство по делам иностранцев",
        ),
        "einbuergerung": (
            "Naturalisation",
            "التجنيس",
            "اخذ تابعیت",
            "Vatandaşlığa geçiş",
            "Натуралізація",
            "Натурализация",
        ),
        "anerkennungsberatung": (
            "Recognition counselling",
            "استشارة الاعتراف بالشهادات",
            "مشاوره ارزشیابی مدارک",
            "Denklik danışmanlığı",
            "Консультація з визнання освіти",
            "Консультация по признанию образования",
        ),
        "integrationskurs": (
            "Integration course provider",
            "جهة تقدم دورات الاندماج",
            "برگزارکننده کلاس ادغام",
            "Uyum kursu kurumu",
            "Організатор інтеграційних курсів",
            "Организатор интеграционных курсов",
        ),
        "psychosoziale-beratung": (
            "Psychosocial counselling for refugees",
            "استشارة نفسية اجتماعية للاجئين",
            "مشاوره روانی-اجتماعی برای پناهجویان",
            "Mülteciler için psikososyal danışmanlık",
            "Психосоціальна консультація для біженців",
            "Психосоциальная консультация для беженцев",
        ),
        "migrationsfachdienst": (
            "Municipal migration service",
            "خدمة الهجرة في البلدية",
            "خدمات مهاجرت شهرداری",
            "Belediye göç hizmeti",
            "Міська міграційна служба",
            "Городская миграционная служба",
        ),
    },
    "Topic": {
        "existenzsicherung": (
            "Securing a living",
            "تأمين المعيشة",
            "تأمین معاش",
            "Geçim güvencesi",
            "Забезпечення засобів до існування",
            "Обеспечение средств к существованию",
        ),
        "arbeit-ausbildung": (
            "Work and vocational training",
            "العمل والتدريب المهني",
            "کار و آموزش حرفه‌ای",
            "İş ve meslek eğitimi",
            "Робота і професійне навчання",
            "Работа и профессиональное обучение",
        ),
        "bildung": ("Education", "التعليم", "آموزش", "Eğitim", "Освіта", "Образование"),
        "kinderbetreuung": (
            "Childcare",
            "رعاية الأطفال",
            "نگهداری از کودکان",
            "Çocuk bakımı",
            "Догляд за дітьми",
            "Присмотр за детьми",
        ),
        "sprache": ("Language", "اللغة", "زبان", "Dil", "Мова", "Язык"),
        "aufenthalt": ("Residence", "الإقامة", "اقامت", "Oturum", "Перебування", "Пребывание"),
        "gesundheit": ("Health", "الصحة", "سلامت", "Sağlık", "Здоров’я", "Здоровье"),
        "sprachfoerderung": (
            "Language support and integration courses",
            "دعم اللغة ودورات الاندماج",
            "تقویت زبان و دوره‌های ادغام",
            "Dil desteği ve uyum kursları",
            "Мовна підтримка та інтеграційні курси",
            "Языковая поддержка и интеграционные курсы",
        ),
        "uebergang-schule-beruf": (
            "From school to work",
            "الانتقال من المدرسة إلى المهنة",
            "گذار از مدرسه به شغل",
            "Okuldan mesleğe geçiş",
            "Перехід від школи до професії",
            "Переход от школы к профессии",
        ),
        "arbeitsmarktzugang": (
            "Access to the labour market",
            "الوصول إلى سوق العمل",
            "دسترسی به بازار کار",
            "İş piyasasına erişim",
            "Доступ до ринку праці",
            "Доступ к рынку труда",
        ),
        "ausbildungsmarkt": (
            "Access to vocational training",
            "الوصول إلى التدريب المهني",
            "دسترسی به آموزش حرفه‌ای",
            "Meslek eğitimine erişim",
            "Доступ до професійного навчання",
            "Доступ к профессиональному обучению",
        ),
        "aufenthaltsrecht": (
            "Securing residence status",
            "تثبيت الوضع القانوني للإقامة",
            "تثبیت وضعیت حقوقی اقامت",
            "Oturum statüsünün kalıcı hâle getirilmesi",
            "Закріплення правового статусу перебування",
            "Закрепление правового статуса пребывания",
        ),
        "leistungen": (
            "Benefits",
            "المساعدات الاجتماعية",
            "کمک هزینه‌ها",
            "Sosyal yardımlar",
            "Соціальні виплати",
            "Социальные выплаты",
        ),
    },
    "TargetGroup": {
        "gefluechtete": ("Refugees", "اللاجئون", "پناهجویان", "Mülteciler", "Біженці", "Беженцы"),
        "neuzugewanderte": (
            "(Recent) immigrants",
            "المهاجرون (الجدد)",
            "مهاجران (تازه‌وارد)",
            "(Yeni) göçmenler",
            "(Нещодавні) іммігранти",
            "(Недавние) иммигранты",
        ),
        "ohne-case-management": (
            "People without access to case management",
            "أشخاص دون إمكانية الوصول إلى إدارة الحالات",
            "افراد بدون دسترسی به مدیریت پرونده",
            "Vaka yönetimine erişimi olmayan kişiler",
            "Люди без доступу до кейс-менеджменту",
            "Люди без доступа к кейс-менеджменту",
        ),
        "junge-menschen": (
            "Young people and young adults",
            "المراهقون والشباب",
            "نوجوانان و جوانان",
            "Gençler ve genç yetişkinler",
            "Підлітки та молоді дорослі",
            "Подростки и молодые взрослые",
        ),
        "erwachsene": (
            "Adult immigrants",
            "المهاجرون البالغون",
            "مهاجران بزرگسال",
            "Yetişkin göçmenler",
            "Дорослі іммігранти",
            "Взрослые иммигранты",
        ),
        "familien": ("Families", "العائلات", "خانواده‌ها", "Aileler", "Сім’ї", "Семьи"),
    },
}
