"""Translations of the demo home page and one handbook chapter (example data).

Each German string maps to its translations in ``portal.demo.TRANSLATION_LANGUAGES`` order:
en, ar, fa, tr, uk, ru. Written by hand, not machine-translated.
"""

from portal.demo import COMMON_TRANSLATIONS

KEEP = {"KIM"}

HOME = {
    **COMMON_TRANSLATIONS,
    "KIM im Kreis Mettmann": (
        "KIM in the District of Mettmann",
        "إدارة الاندماج البلدية (KIM) في دائرة Mettmann",
        "مدیریت ادغام محلی (KIM) در شهرستان Mettmann",
        "Mettmann İlçesinde KIM",
        "KIM у районі Меттман",
        "KIM в районе Меттман",
    ),
    "Das Kommunale Integrationsmanagement (KIM) verbindet die zehn Städte des Kreises "
    "Mettmann mit den Beratungsangeboten für Zugewanderte und Geflüchtete – damit Menschen "
    "schneller die Unterstützung bekommen, die sie brauchen.": (
        "Municipal Integration Management (KIM) connects the ten towns of the District of "
        "Mettmann with the counselling services for immigrants and refugees – so that people "
        "get the support they need more quickly.",
        "تربط إدارة الاندماج البلدية (KIM) المدن العشر في دائرة Mettmann بخدمات الاستشارة "
        "المخصصة للمهاجرين واللاجئين، حتى يحصل الناس بسرعة أكبر على الدعم الذي يحتاجونه.",
        "مدیریت ادغام محلی (KIM) ده شهر شهرستان Mettmann را با خدمات مشاوره برای مهاجران و "
        "پناهجویان پیوند می‌دهد تا مردم زودتر به حمایتی که نیاز دارند برسند.",
        "Belediye Entegrasyon Yönetimi (KIM), Mettmann İlçesinin on şehrini göçmenlere ve "
        "mültecilere yönelik danışmanlık hizmetleriyle buluşturur – böylece insanlar ihtiyaç "
        "duydukları desteğe daha hızlı ulaşır.",
        "Комунальний менеджмент інтеграції (KIM) поєднує десять міст району Меттман із "
        "консультаційними службами для іммігрантів і біженців, щоб люди швидше отримували "
        "потрібну підтримку.",
        "Коммунальный менеджмент интеграции (KIM) связывает десять городов района Меттман с "
        "консультационными службами для иммигрантов и беженцев, чтобы люди быстрее получали "
        "необходимую поддержку.",
    ),
    "Im Verzeichnis finden Fachkräfte und Ehrenamtliche die passende Beratungsstelle – nach "
    "Thema, Stadt, Sprache und Alter.": (
        "In the directory, professionals and volunteers find the right counselling service – "
        "by topic, town, language and age.",
        "يجد المختصون والمتطوعون في الدليل مركز الاستشارة المناسب – حسب الموضوع والمدينة "
        "واللغة والعمر.",
        "متخصصان و داوطلبان در این فهرست مرکز مشاورهٔ مناسب را پیدا می‌کنند – بر اساس موضوع، "
        "شهر، زبان و سن.",
        "Uzmanlar ve gönüllüler rehberde uygun danışmanlık merkezini bulur – konuya, şehre, "
        "dile ve yaşa göre.",
        "У довіднику фахівці та волонтери знаходять потрібну консультаційну службу – за "
        "темою, містом, мовою та віком.",
        "В справочнике специалисты и волонтёры находят подходящую консультационную службу – "
        "по теме, городу, языку и возрасту.",
    ),
    "Drei Bausteine": (
        "Three building blocks",
        "ثلاث ركائز",
        "سه رکن",
        "Üç temel unsur",
        "Три складові",
        "Три составляющие",
    ),
    "Strategische Steuerung": (
        "Strategic coordination",
        "التوجيه الاستراتيجي",
        "هدایت راهبردی",
        "Stratejik yönlendirme",
        "Стратегічне управління",
        "Стратегическое управление",
    ),
    "Rechtskreisübergreifendes Case Management": (
        "Case management across legal frameworks",
        "إدارة الحالات عبر مختلف الأطر القانونية",
        "مدیریت پرونده فراتر از حوزه‌های قانونی مختلف",
        "Yasal alanlar arası vaka yönetimi",
        "Кейс-менеджмент, що охоплює різні правові сфери",
        "Кейс-менеджмент, охватывающий разные правовые сферы",
    ),
    "Ausländer- und Einbürgerungsbehörden": (
        "Immigration and naturalisation offices",
        "دوائر شؤون الأجانب والتجنيس",
        "اداره‌های اتباع خارجی و تابعیت",
        "Yabancılar ve vatandaşlığa kabul daireleri",
        "Відомства у справах іноземців і натуралізації",
        "Ведомства по делам иностранцев и натурализации",
    ),
}

CHAPTER_SLUG = "einleitung"
CHAPTER = {
    **COMMON_TRANSLATIONS,
    "Einleitung": ("Introduction", "مقدمة", "مقدمه", "Giriş", "Вступ", "Введение"),
    "Wozu dieses Handbuch da ist und wie Sie es nutzen.": (
        "What this handbook is for and how to use it.",
        "الغرض من هذا الدليل وكيفية استخدامه.",
        "این راهنما برای چیست و چگونه از آن استفاده کنید.",
        "Bu el kitabının amacı ve nasıl kullanılacağı.",
        "Для чого цей посібник і як ним користуватися.",
        "Для чего нужен этот справочник и как им пользоваться.",
    ),
    "Wozu dieses Handbuch?": (
        "Why this handbook?",
        "لماذا هذا الدليل؟",
        "چرا این راهنما؟",
        "Bu el kitabı neden var?",
        "Навіщо цей посібник?",
        "Зачем этот справочник?",
    ),
    "Im Kreis Mettmann beraten viele Stellen Menschen mit Einwanderungsgeschichte: "
    "Wohlfahrtsverbände, Jobcenter, Agentur für Arbeit, Jugendämter, Ausländerbehörden und "
    "das Kommunale Integrationsmanagement (KIM). Das Handbuch hilft Fachkräften, "
    "Ehrenamtlichen und Lotsinnen und Lotsen, diese Landschaft zu überblicken und "
    "Ratsuchende gezielt weiterzuleiten.": (
        "In the District of Mettmann, many organisations advise people with an immigration "
        "background: welfare associations, job centres, the Federal Employment Agency, youth "
        "welfare offices, immigration offices and Municipal Integration Management (KIM). The "
        "handbook helps professionals, volunteers and guides to keep track of this landscape "
        "and to refer people seeking advice to the right place.",
        "في دائرة Mettmann تقدّم جهات كثيرة الاستشارة للأشخاص ذوي خلفية الهجرة: جمعيات الرعاية "
        "الاجتماعية، ومراكز العمل (Jobcenter)، ووكالة العمل، ومكاتب رعاية الشباب، ودوائر شؤون "
        "الأجانب، وإدارة الاندماج البلدية (KIM). يساعد هذا الدليل المختصين والمتطوعين "
        "والمرشدين على الإلمام بهذه الجهات وتوجيه طالبي المشورة إلى المكان المناسب.",
        "در شهرستان Mettmann نهادهای زیادی به افراد دارای پیشینهٔ مهاجرت مشاوره می‌دهند: "
        "انجمن‌های رفاهی و خیریه، جاب‌سنتر (Jobcenter)، ادارهٔ کار، ادارات امور جوانان، ادارات "
        "اتباع خارجی و مدیریت ادغام محلی (KIM). این راهنما به متخصصان، داوطلبان و راهنمایان "
        "کمک می‌کند تا این مجموعه را بشناسند و مراجعان را به جای مناسب ارجاع دهند.",
        "Mettmann İlçesinde göç geçmişi olan insanlara pek çok kurum danışmanlık yapar: sosyal "
        "yardım kuruluşları, Jobcenter, İş Ajansı, gençlik daireleri, yabancılar daireleri ve "
        "Belediye Entegrasyon Yönetimi (KIM). El kitabı; uzmanların, gönüllülerin ve "
        "rehberlerin bu yapıya genel bir bakış kazanmasına ve danışmak isteyenleri doğru yere "
        "yönlendirmesine yardımcı olur.",
        "У районі Меттман людей з імміграційною історією консультують багато установ: "
        "благодійні організації, Jobcenter, Агентство з питань праці, служби у справах "
        "молоді, відомства у справах іноземців і Комунальний менеджмент інтеграції (KIM). "
        "Посібник допомагає фахівцям, волонтерам і провідникам зорієнтуватися в цій системі "
        "та цілеспрямовано скеровувати людей, які шукають поради.",
        "В районе Меттман людей с миграционной историей консультируют многие организации: "
        "благотворительные объединения, Jobcenter, Агентство по труду, ведомства по делам "
        "молодёжи, ведомства по делам иностранцев и Коммунальный менеджмент интеграции (KIM). "
        "Справочник помогает специалистам, волонтёрам и проводникам ориентироваться в этой "
        "системе и целенаправленно направлять тех, кто ищет совета.",
    ),
    "Für wen ist es geschrieben?": (
        "Who is it written for?",
        "لمن كُتب هذا الدليل؟",
        "این راهنما برای چه کسانی نوشته شده است؟",
        "Kimler için yazıldı?",
        "Для кого він написаний?",
        "Для кого он написан?",
    ),
    "Fachkräfte in Beratung, Verwaltung, Schule und Kita": (
        "Professionals in counselling, public administration, schools and day care",
        "المختصون في الاستشارة والإدارة والمدارس ودور الحضانة",
        "متخصصان در مشاوره، اداره، مدرسه و مهدکودک",
        "Danışmanlık, kamu yönetimi, okul ve kreşteki uzmanlar",
        "Фахівці з консультування, адміністрації, шкіл і дитсадків",
        "Специалисты в консультировании, администрации, школах и детских садах",
    ),
    "Ehrenamtliche in Flüchtlingsinitiativen und Patenschaftsprojekten": (
        "Volunteers in refugee initiatives and mentoring projects",
        "المتطوعون في مبادرات دعم اللاجئين ومشاريع الإرشاد",
        "داوطلبان در ابتکارهای حمایت از پناهجویان و پروژه‌های همراهی",
        "Mülteci girişimlerinde ve mentorluk projelerinde gönüllüler",
        "Волонтери в ініціативах допомоги біженцям і проєктах наставництва",
        "Волонтёры в инициативах помощи беженцам и проектах наставничества",
    ),
    "Integrationsbeauftragte der zehn Städte": (
        "Integration officers of the ten towns",
        "مسؤولو الاندماج في المدن العشر",
        "مسئولان ادغام در ده شهر",
        "On şehrin entegrasyon sorumluları",
        "Уповноважені з питань інтеграції десяти міст",
        "Уполномоченные по вопросам интеграции десяти городов",
    ),
}
