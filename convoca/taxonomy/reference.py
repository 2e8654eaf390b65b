# The official Chinese texts use full-width commas and colons on purpose.
"""Reference data for the taxonomy: WSIS Action Lines, SDGs, the WSIS-SDG Matrix,
Partner2Connect focus areas and cross-cutting themes.

Pure data, no Django imports. Every translatable label is a dict keyed by the six
UN languages in ``LANGUAGES``.

Sources:
- Action lines: the Geneva Plan of Action (WSIS-03/GENEVA/DOC/5, section C) as published
  by ITU, in all six languages. The C7 sub-lines follow the Plan of Action order
  (paragraphs 15 to 22).
- SDGs: short titles as published on un.org in each language; full titles from
  General Assembly resolution A/RES/70/1; colours from the UN SDG communication guidelines.
- Matrix: the WSIS-SDG Matrix (ITU and UN action line facilitators, 2015).
- Focus areas: Partner2Connect Digital Coalition (ITU circular BDT/DIR/110, 2021).
"""

LANGUAGES = ("en", "fr", "es", "ar", "zh_hans", "ru")

# The 11 WSIS Action Lines of the Geneva Plan of Action, and C7's eight sub-lines.
ACTION_LINES = [
    {
        "code": "C1",
        "parent": None,
        "order": 1,
        "name": {
            "en": (
                "The role of governments and all stakeholders in the promotion of ICTs "
                "for development"
            ),
            "fr": (
                "Le rôle des gouvernements et de toutes les parties prenantes dans la "
                "promotion des TIC pour le développement"
            ),
            "es": (
                "Papel de los gobiernos y de todas las partes interesadas en la promoción "
                "de las TIC para el desarrollo"
            ),
            "ar": (
                "دور الحكومات وجميع أصحاب المصلحة في النهوض بتكنولوجيا المعلومات والاتصالات "
                "من أجل التنمية"
            ),
            "zh_hans": "政府和所有利益相关方在推动将信息通信技术用于发展方面的作用",
            "ru": (
                "Роль правительств и всех заинтересованных сторон в содействии "
                "использованию ИКТ в целях развития"
            ),
        },
    },
    {
        "code": "C2",
        "parent": None,
        "order": 2,
        "name": {
            "en": (
                "Information and communication infrastructure: an essential foundation "
                "for the Information Society"
            ),
            "fr": (
                "L'infrastructure de l'information et de la communication: fondement "
                "essentiel d'une société de l'information inclusive"
            ),
            "es": (
                "Infraestructura de la información y las comunicaciones: fundamento "
                "básico de la Sociedad de la Información"
            ),
            "ar": "البنية التحتية للمعلومات والاتصالات: أساس ضروري لمجتمع المعلومات",
            "zh_hans": "信息和通信基础设施：信息社会的必要基础",
            "ru": (
                "Информационная и коммуникационная инфраструктура: необходимая основа "
                "информационного общества"
            ),
        },
    },
    {
        "code": "C3",
        "parent": None,
        "order": 3,
        "name": {
            "en": "Access to information and knowledge",
            "fr": "Accès à l'information et au savoir",
            "es": "Acceso a la información y al conocimiento",
            "ar": "النفاذ إلى المعلومات والمعارف",
            "zh_hans": "获取信息和知识",
            "ru": "Доступ к информации и знаниям",
        },
    },
    {
        "code": "C4",
        "parent": None,
        "order": 4,
        "name": {
            "en": "Capacity building",
            "fr": "Renforcement des capacités",
            "es": "Creación de capacidad",
            "ar": "بناء القدرات",
            "zh_hans": "能力建设",
            "ru": "Создание потенциала",
        },
    },
    {
        "code": "C5",
        "parent": None,
        "order": 5,
        "name": {
            "en": "Building confidence and security in the use of ICTs",
            "fr": "Établir la confiance et renforcer la sécurité dans l'utilisation des TIC",
            "es": "Creación de confianza y seguridad en la utilización de las TIC",
            "ar": "بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات",
            "zh_hans": "树立使用信息通信技术的信心并提高其安全性",
            "ru": "Укрепление доверия и безопасности при использовании ИКТ",
        },
    },
    {
        "code": "C6",
        "parent": None,
        "order": 6,
        "name": {
            "en": "Enabling environment",
            "fr": "Créer un environnement propice",
            "es": "Entorno habilitador",
            "ar": "البيئة التمكينية",
            "zh_hans": "有利环境",
            "ru": "Благоприятная среда",
        },
    },
    {
        "code": "C7",
        "parent": None,
        "order": 7,
        "name": {
            "en": "ICT applications: benefits in all aspects of life",
            "fr": "Les applications TIC et leur apport dans tous les domaines",
            "es": "Aplicaciones de las TIC: ventajas en todos los aspectos de la vida",
            "ar": "تطبيقات تكنولوجيا المعلومات والاتصالات: الفوائد في جميع جوانب الحياة",
            "zh_hans": "信息通信技术应用：惠及生活的方方面面",
            "ru": "Приложения на базе ИКТ: выгоды во всех аспектах жизни",
        },
    },
    {
        "code": "C8",
        "parent": None,
        "order": 8,
        "name": {
            "en": "Cultural diversity and identity, linguistic diversity and local content",
            "fr": "Diversité et identité culturelles, diversité linguistique et contenus locaux",
            "es": "Diversidad e identidad culturales, diversidad lingüística y contenido local",
            "ar": "التنوع الثقافي والهوية الثقافية والتنوع اللغوي والمحتوى المحلي",
            "zh_hans": "文化多样性和特性、语言多样性和本地内容",
            "ru": (
                "Культурное разнообразие и самобытность, языковое разнообразие и местный контент"
            ),
        },
    },
    {
        "code": "C9",
        "parent": None,
        "order": 9,
        "name": {
            "en": "Media",
            "fr": "Médias",
            "es": "Medios de comunicación",
            "ar": "وسائط الإعلام",
            "zh_hans": "媒体",
            "ru": "Средства массовой информации",
        },
    },
    {
        "code": "C10",
        "parent": None,
        "order": 10,
        "name": {
            "en": "Ethical dimensions of the Information Society",
            "fr": "Dimensions éthiques de la société de l'information",
            "es": "Dimensiones éticas de la Sociedad de la Información",
            "ar": "الأبعاد الأخلاقية لمجتمع المعلومات",
            "zh_hans": "信息社会的道德层面",
            "ru": "Этические аспекты информационного общества",
        },
    },
    {
        "code": "C11",
        "parent": None,
        "order": 11,
        "name": {
            "en": "International and regional cooperation",
            "fr": "Coopération internationale et régionale",
            "es": "Cooperación internacional y regional",
            "ar": "التعاون الدولي والإقليمي",
            "zh_hans": "国际和区域合作",
            "ru": "Международное и региональное сотрудничество",
        },
    },
    # C7 sub-lines, in the order of the Geneva Plan of Action (paragraphs 15 to 22).
    {
        "code": "C7.1",
        "parent": "C7",
        "order": 1,
        "name": {
            "en": "E-government",
            "fr": "Administration électronique",
            "es": "Gobierno electrónico",
            "ar": "الحكومة الإلكترونية",
            "zh_hans": "电子政务",
            "ru": "Электронное правительство",
        },
    },
    {
        "code": "C7.2",
        "parent": "C7",
        "order": 2,
        "name": {
            "en": "E-business",
            "fr": "Commerce électronique",
            "es": "Negocios electrónicos",
            "ar": "الأعمال التجارية الإلكترونية",
            "zh_hans": "电子商务",
            "ru": "Электронный бизнес",
        },
    },
    {
        "code": "C7.3",
        "parent": "C7",
        "order": 3,
        "name": {
            "en": "E-learning",
            "fr": "Télé-enseignement",
            "es": "Aprendizaje electrónico",
            "ar": "التعلم الإلكتروني",
            "zh_hans": "电子学习",
            "ru": "Электронное обучение",
        },
    },
    {
        "code": "C7.4",
        "parent": "C7",
        "order": 4,
        "name": {
            "en": "E-health",
            "fr": "Cybersanté",
            "es": "Cibersalud",
            "ar": "الصحة الإلكترونية",
            "zh_hans": "电子卫生",
            "ru": "Электронное здравоохранение",
        },
    },
    {
        "code": "C7.5",
        "parent": "C7",
        "order": 5,
        "name": {
            "en": "E-employment",
            "fr": "Cyberemploi",
            "es": "Ciberempleo",
            "ar": "العمالة الإلكترونية",
            "zh_hans": "电子就业",
            "ru": "Электронная занятость",
        },
    },
    {
        "code": "C7.6",
        "parent": "C7",
        "order": 6,
        "name": {
            "en": "E-environment",
            "fr": "Cyberécologie",
            "es": "Ciberecología",
            "ar": "البيئة الإلكترونية",
            "zh_hans": "电子环境",
            "ru": "Электронная охрана окружающей среды",
        },
    },
    {
        "code": "C7.7",
        "parent": "C7",
        "order": 7,
        "name": {
            "en": "E-agriculture",
            "fr": "Cyberagriculture",
            "es": "Ciberagricultura",
            "ar": "الزراعة الإلكترونية",
            "zh_hans": "电子农业",
            "ru": "Электронное сельское хозяйство",
        },
    },
    {
        "code": "C7.8",
        "parent": "C7",
        "order": 8,
        "name": {
            "en": "E-science",
            "fr": "Cyberscience",
            "es": "Ciberciencia",
            "ar": "العلوم الإلكترونية",
            "zh_hans": "电子科学",
            "ru": "Электронная наука",
        },
    },
]

# The 17 Sustainable Development Goals: official short titles and the official colour.
SDGS = [
    {
        "number": 1,
        "color": "#E5243B",
        "name": {
            "en": "No poverty",
            "fr": "Pas de pauvreté",
            "es": "Fin de la pobreza",
            "ar": "القضاء على الفقر",
            "zh_hans": "无贫穷",
            "ru": "Ликвидация нищеты",
        },
        "title": {
            "en": "End poverty in all its forms everywhere",
            "fr": "Éliminer la pauvreté sous toutes ses formes et partout dans le monde",
            "es": "Poner fin a la pobreza en todas sus formas en todo el mundo",
            "ar": "القضاء على الفقر بجميع أشكاله في كل مكان",
            "zh_hans": "在全世界消除一切形式的贫困",
            "ru": "Повсеместная ликвидация нищеты во всех ее формах",
        },
    },
    {
        "number": 2,
        "color": "#DDA63A",
        "name": {
            "en": "Zero hunger",
            "fr": "Faim « zéro »",
            "es": "Hambre cero",
            "ar": "القضاء التام على الجوع",
            "zh_hans": "零饥饿",
            "ru": "Ликвидация голода",
        },
        "title": {
            "en": (
                "End hunger, achieve food security and improved nutrition and promote "
                "sustainable agriculture"
            ),
            "fr": (
                "Éliminer la faim, assurer la sécurité alimentaire, améliorer la nutrition "
                "et promouvoir l'agriculture durable"
            ),
            "es": (
                "Poner fin al hambre, lograr la seguridad alimentaria y la mejora de la "
                "nutrición y promover la agricultura sostenible"
            ),
            "ar": "القضاء على الجوع وتوفير الأمن الغذائي والتغذية المحسّنة وتعزيز الزراعة المستدامة",
            "zh_hans": "消除饥饿，实现粮食安全，改善营养状况和促进可持续农业",
            "ru": (
                "Ликвидация голода, обеспечение продовольственной безопасности и улучшение "
                "питания и содействие устойчивому развитию сельского хозяйства"
            ),
        },
    },
    {
        "number": 3,
        "color": "#4C9F38",
        "name": {
            "en": "Good health and well-being",
            "fr": "Bonne santé et bien-être",
            "es": "Salud y bienestar",
            "ar": "الصحة الجيدة والرفاه",
            "zh_hans": "良好健康与福祉",
            "ru": "Хорошее здоровье и благополучие",
        },
        "title": {
            "en": "Ensure healthy lives and promote well-being for all at all ages",
            "fr": (
                "Permettre à tous de vivre en bonne santé et promouvoir le bien-être de "
                "tous à tout âge"
            ),
            "es": (
                "Garantizar una vida sana y promover el bienestar para todos en todas las edades"
            ),
            "ar": "ضمان تمتّع الجميع بأنماط عيش صحية وبالرفاهية في جميع الأعمار",
            "zh_hans": "确保健康的生活方式，促进各年龄段人群的福祉",
            "ru": (
                "Обеспечение здорового образа жизни и содействие благополучию для всех в "
                "любом возрасте"
            ),
        },
    },
    {
        "number": 4,
        "color": "#C5192D",
        "name": {
            "en": "Quality education",
            "fr": "Éducation de qualité",
            "es": "Educación de calidad",
            "ar": "التعليم الجيد",
            "zh_hans": "优质教育",
            "ru": "Качественное образование",
        },
        "title": {
            "en": (
                "Ensure inclusive and equitable quality education and promote lifelong "
                "learning opportunities for all"
            ),
            "fr": (
                "Assurer l'accès de tous à une éducation de qualité, sur un pied "
                "d'égalité, et promouvoir les possibilités d'apprentissage tout au long "
                "de la vie"
            ),
            "es": (
                "Garantizar una educación inclusiva, equitativa y de calidad y promover "
                "oportunidades de aprendizaje durante toda la vida para todos"
            ),
            "ar": "ضمان التعليم الجيد المنصف والشامل للجميع وتعزيز فرص التعلّم مدى الحياة للجميع",
            "zh_hans": "确保包容和公平的优质教育，让全民终身享有学习机会",
            "ru": (
                "Обеспечение всеохватного и справедливого качественного образования и "
                "поощрение возможности обучения на протяжении всей жизни для всех"
            ),
        },
    },
    {
        "number": 5,
        "color": "#FF3A21",
        "name": {
            "en": "Gender equality",
            "fr": "Égalité entre les sexes",
            "es": "Igualdad de género",
            "ar": "المساواة بين الجنسين",
            "zh_hans": "性别平等",
            "ru": "Гендерное равенство",
        },
        "title": {
            "en": "Achieve gender equality and empower all women and girls",
            "fr": "Parvenir à l'égalité des sexes et autonomiser toutes les femmes et les filles",
            "es": (
                "Lograr la igualdad entre los géneros y empoderar a todas las mujeres y las niñas"
            ),
            "ar": "تحقيق المساواة بين الجنسين وتمكين كل النساء والفتيات",
            "zh_hans": "实现性别平等，增强所有妇女和女童的权能",
            "ru": (
                "Обеспечение гендерного равенства и расширение прав и возможностей всех "
                "женщин и девочек"
            ),
        },
    },
    {
        "number": 6,
        "color": "#26BDE2",
        "name": {
            "en": "Clean water and sanitation",
            "fr": "Eau propre et assainissement",
            "es": "Agua limpia y saneamiento",
            "ar": "المياه النظيفة والنظافة الصحية",
            "zh_hans": "清洁饮水和卫生设施",
            "ru": "Чистая вода и санитария",
        },
        "title": {
            "en": "Ensure availability and sustainable management of water and sanitation for all",
            "fr": (
                "Garantir l'accès de tous à des services d'alimentation en eau et "
                "d'assainissement gérés de façon durable"
            ),
            "es": (
                "Garantizar la disponibilidad y la gestión sostenible del agua y el "
                "saneamiento para todos"
            ),
            "ar": "ضمان توافر المياه وخدمات الصرف الصحي للجميع وإدارتها إدارة مستدامة",
            "zh_hans": "为所有人提供水和环境卫生并对其进行可持续管理",
            "ru": (
                "Обеспечение наличия и рационального использования водных ресурсов и "
                "санитарии для всех"
            ),
        },
    },
    {
        "number": 7,
        "color": "#FCC30B",
        "name": {
            "en": "Affordable and clean energy",
            "fr": "Énergie propre et d'un coût abordable",
            "es": "Energía asequible y no contaminante",
            "ar": "طاقة نظيفة وبأسعار معقولة",
            "zh_hans": "经济适用的清洁能源",
            "ru": "Недорогостоящая и чистая энергия",
        },
        "title": {
            "en": "Ensure access to affordable, reliable, sustainable and modern energy for all",
            "fr": (
                "Garantir l'accès de tous à des services énergétiques fiables, durables "
                "et modernes, à un coût abordable"
            ),
            "es": (
                "Garantizar el acceso a una energía asequible, segura, sostenible y "
                "moderna para todos"
            ),
            "ar": "ضمان حصول الجميع بتكلفة ميسورة على خدمات الطاقة الحديثة الموثوقة والمستدامة",
            "zh_hans": "确保人人获得负担得起的、可靠和可持续的现代能源",
            "ru": (
                "Обеспечение доступа к недорогим, надежным, устойчивым и современным "
                "источникам энергии для всех"
            ),
        },
    },
    {
        "number": 8,
        "color": "#A21942",
        "name": {
            "en": "Decent work and economic growth",
            "fr": "Travail décent et croissance économique",
            "es": "Trabajo decente y crecimiento económico",
            "ar": "العمل اللائق ونمو الاقتصاد",
            "zh_hans": "体面工作和经济增长",
            "ru": "Достойная работа и экономический рост",
        },
        "title": {
            "en": (
                "Promote sustained, inclusive and sustainable economic growth, full and "
                "productive employment and decent work for all"
            ),
            "fr": (
                "Promouvoir une croissance économique soutenue, partagée et durable, le "
                "plein emploi productif et un travail décent pour tous"
            ),
            "es": (
                "Promover el crecimiento económico sostenido, inclusivo y sostenible, el "
                "empleo pleno y productivo y el trabajo decente para todos"
            ),
            "ar": (
                "تعزيز النمو الاقتصادي المطرد والشامل للجميع والمستدام، والعمالة الكاملة "
                "والمنتجة، وتوفير العمل اللائق للجميع"
            ),
            "zh_hans": "促进持久、包容和可持续的经济增长，促进充分的生产性就业和人人获得体面工作",
            "ru": (
                "Содействие поступательному, всеохватному и устойчивому экономическому "
                "росту, полной и производительной занятости и достойной работе для всех"
            ),
        },
    },
    {
        "number": 9,
        "color": "#FD6925",
        "name": {
            "en": "Industry, innovation and infrastructure",
            "fr": "Industrie, innovation et infrastructure",
            "es": "Industria, innovación e infraestructura",
            "ar": "الصناعة والابتكار والهياكل الأساسية",
            "zh_hans": "产业、创新和基础设施",
            "ru": "Индустриализация, инновации и инфраструктура",
        },
        "title": {
            "en": (
                "Build resilient infrastructure, promote inclusive and sustainable "
                "industrialization and foster innovation"
            ),
            "fr": (
                "Bâtir une infrastructure résiliente, promouvoir une industrialisation "
                "durable qui profite à tous et encourager l'innovation"
            ),
            "es": (
                "Construir infraestructuras resilientes, promover la industrialización "
                "inclusiva y sostenible y fomentar la innovación"
            ),
            "ar": (
                "إقامة بنى تحتية قادرة على الصمود، وتحفيز التصنيع الشامل للجميع والمستدام، "
                "وتشجيع الابتكار"
            ),
            "zh_hans": "建造具备抵御灾害能力的基础设施，促进具有包容性的可持续工业化，推动创新",
            "ru": (
                "Создание стойкой инфраструктуры, содействие всеохватной и устойчивой "
                "индустриализации и инновациям"
            ),
        },
    },
    {
        "number": 10,
        "color": "#DD1367",
        "name": {
            "en": "Reduced inequalities",
            "fr": "Inégalités réduites",
            "es": "Reducción de las desigualdades",
            "ar": "الحد من أوجه عدم المساواة",
            "zh_hans": "减少不平等",
            "ru": "Уменьшение неравенства",
        },
        "title": {
            "en": "Reduce inequality within and among countries",
            "fr": "Réduire les inégalités dans les pays et d'un pays à l'autre",
            "es": "Reducir la desigualdad en los países y entre ellos",
            "ar": "الحد من انعدام المساواة داخل البلدان وفيما بينها",
            "zh_hans": "减少国家内部和国家之间的不平等",
            "ru": "Сокращение неравенства внутри стран и между ними",
        },
    },
    {
        "number": 11,
        "color": "#FD9D24",
        "name": {
            "en": "Sustainable cities and communities",
            "fr": "Villes et communautés durables",
            "es": "Ciudades y comunidades sostenibles",
            "ar": "مدن ومجتمعات محلية مستدامة",
            "zh_hans": "可持续城市和社区",
            "ru": "Устойчивые города и населенные пункты",
        },
        "title": {
            "en": ("Make cities and human settlements inclusive, safe, resilient and sustainable"),
            "fr": (
                "Faire en sorte que les villes et les établissements humains soient "
                "ouverts à tous, sûrs, résilients et durables"
            ),
            "es": (
                "Lograr que las ciudades y los asentamientos humanos sean inclusivos, "
                "seguros, resilientes y sostenibles"
            ),
            "ar": "جعل المدن والمستوطنات البشرية شاملة للجميع وآمنة وقادرة على الصمود ومستدامة",
            "zh_hans": "建设包容、安全、有抵御灾害能力和可持续的城市和人类住区",
            "ru": (
                "Обеспечение открытости, безопасности, жизнестойкости и экологической "
                "устойчивости городов и населенных пунктов"
            ),
        },
    },
    {
        "number": 12,
        "color": "#BF8B2E",
        "name": {
            "en": "Responsible consumption and production",
            "fr": "Consommation et production responsables",
            "es": "Producción y consumo responsables",
            "ar": "الاستهلاك والإنتاج المسؤولان",
            "zh_hans": "负责任消费和生产",
            "ru": "Ответственное потребление и производство",
        },
        "title": {
            "en": "Ensure sustainable consumption and production patterns",
            "fr": "Établir des modes de consommation et de production durables",
            "es": "Garantizar modalidades de consumo y producción sostenibles",
            "ar": "ضمان وجود أنماط استهلاك وإنتاج مستدامة",
            "zh_hans": "采用可持续的消费和生产模式",
            "ru": "Обеспечение перехода к рациональным моделям потребления и производства",
        },
    },
    {
        "number": 13,
        "color": "#3F7E44",
        "name": {
            "en": "Climate action",
            "fr": "Mesures relatives à la lutte contre les changements climatiques",
            "es": "Acción por el clima",
            "ar": "العمل المناخي",
            "zh_hans": "气候行动",
            "ru": "Борьба с изменением климата",
        },
        "title": {
            "en": "Take urgent action to combat climate change and its impacts",
            "fr": (
                "Prendre d'urgence des mesures pour lutter contre les changements "
                "climatiques et leurs répercussions"
            ),
            "es": "Adoptar medidas urgentes para combatir el cambio climático y sus efectos",
            "ar": "اتخاذ إجراءات عاجلة للتصدي لتغير المناخ وآثاره",
            "zh_hans": "采取紧急行动应对气候变化及其影响",
            "ru": "Принятие срочных мер по борьбе с изменением климата и его последствиями",
        },
    },
    {
        "number": 14,
        "color": "#0A97D9",
        "name": {
            "en": "Life below water",
            "fr": "Vie aquatique",
            "es": "Vida submarina",
            "ar": "الحياة تحت الماء",
            "zh_hans": "水下生物",
            "ru": "Сохранение морских экосистем",
        },
        "title": {
            "en": (
                "Conserve and sustainably use the oceans, seas and marine resources for "
                "sustainable development"
            ),
            "fr": (
                "Conserver et exploiter de manière durable les océans, les mers et les "
                "ressources marines aux fins du développement durable"
            ),
            "es": (
                "Conservar y utilizar sosteniblemente los océanos, los mares y los "
                "recursos marinos para el desarrollo sostenible"
            ),
            "ar": (
                "حفظ المحيطات والبحار والموارد البحرية واستخدامها على نحو مستدام لتحقيق "
                "التنمية المستدامة"
            ),
            "zh_hans": "保护和可持续利用海洋和海洋资源以促进可持续发展",
            "ru": (
                "Сохранение и рациональное использование океанов, морей и морских "
                "ресурсов в интересах устойчивого развития"
            ),
        },
    },
    {
        "number": 15,
        "color": "#56C02B",
        "name": {
            "en": "Life on land",
            "fr": "Vie terrestre",
            "es": "Vida de ecosistemas terrestres",
            "ar": "الحياة في البر",
            "zh_hans": "陆地生物",
            "ru": "Сохранение экосистем суши",
        },
        "title": {
            "en": (
                "Protect, restore and promote sustainable use of terrestrial ecosystems, "
                "sustainably manage forests, combat desertification, and halt and reverse "
                "land degradation and halt biodiversity loss"
            ),
            "fr": (
                "Préserver et restaurer les écosystèmes terrestres, en veillant à les "
                "exploiter de façon durable, gérer durablement les forêts, lutter contre "
                "la désertification, enrayer et inverser le processus de dégradation des "
                "terres et mettre fin à l'appauvrissement de la biodiversité"
            ),
            "es": (
                "Proteger, restablecer y promover el uso sostenible de los ecosistemas "
                "terrestres, gestionar sosteniblemente los bosques, luchar contra la "
                "desertificación, detener e invertir la degradación de las tierras y "
                "detener la pérdida de biodiversidad"
            ),
            "ar": (
                "حماية النظم الإيكولوجية البرّية وترميمها وتعزيز استخدامها على نحو مستدام، "
                "وإدارة الغابات على نحو مستدام، ومكافحة التصحر، ووقف تدهور الأراضي وعكس "
                "مساره، ووقف فقدان التنوع البيولوجي"
            ),
            "zh_hans": (
                "保护、恢复和促进可持续利用陆地生态系统，可持续管理森林，防治荒漠化，"
                "制止和扭转土地退化，遏制生物多样性的丧失"
            ),
            "ru": (
                "Защита и восстановление экосистем суши и содействие их рациональному "
                "использованию, рациональное лесопользование, борьба с опустыниванием, "
                "прекращение и обращение вспять процесса деградации земель и прекращение "
                "процесса утраты биоразнообразия"
            ),
        },
    },
    {
        "number": 16,
        "color": "#00689D",
        "name": {
            "en": "Peace, justice and strong institutions",
            "fr": "Paix, justice et institutions efficaces",
            "es": "Paz, justicia e instituciones sólidas",
            "ar": "السلام والعدل والمؤسسات القوية",
            "zh_hans": "和平、正义与强大机构",
            "ru": "Мир, правосудие и эффективные институты",
        },
        "title": {
            "en": (
                "Promote peaceful and inclusive societies for sustainable development, "
                "provide access to justice for all and build effective, accountable and "
                "inclusive institutions at all levels"
            ),
            "fr": (
                "Promouvoir l'avènement de sociétés pacifiques et ouvertes à tous aux fins "
                "du développement durable, assurer l'accès de tous à la justice et mettre "
                "en place, à tous les niveaux, des institutions efficaces, responsables et "
                "ouvertes à tous"
            ),
            "es": (
                "Promover sociedades pacíficas e inclusivas para el desarrollo sostenible, "
                "facilitar el acceso a la justicia para todos y construir a todos los "
                "niveles instituciones eficaces e inclusivas que rindan cuentas"
            ),
            "ar": (
                "التشجيع على إقامة مجتمعات مسالمة لا يُهمَّش فيها أحد من أجل تحقيق التنمية "
                "المستدامة، وإتاحة إمكانية وصول الجميع إلى العدالة، وبناء مؤسسات فعالة "
                "وخاضعة للمساءلة وشاملة للجميع على جميع المستويات"
            ),
            "zh_hans": (
                "创建和平、包容的社会以促进可持续发展，让所有人都能诉诸司法，"
                "在各级建立有效、负责和包容的机构"
            ),
            "ru": (
                "Содействие построению миролюбивого и открытого общества в интересах "
                "устойчивого развития, обеспечение доступа к правосудию для всех и "
                "создание эффективных, подотчетных и основанных на широком участии "
                "учреждений на всех уровнях"
            ),
        },
    },
    {
        "number": 17,
        "color": "#19486A",
        "name": {
            "en": "Partnerships for the goals",
            "fr": "Partenariats pour la réalisation des objectifs",
            "es": "Alianzas para lograr los objetivos",
            "ar": "عقد الشراكات لتحقيق الأهداف",
            "zh_hans": "促进目标实现的伙伴关系",
            "ru": "Партнерство в интересах устойчивого развития",
        },
        "title": {
            "en": (
                "Strengthen the means of implementation and revitalize the Global "
                "Partnership for Sustainable Development"
            ),
            "fr": (
                "Renforcer les moyens de mettre en œuvre le Partenariat mondial pour le "
                "développement durable et le revitaliser"
            ),
            "es": (
                "Fortalecer los medios de implementación y revitalizar la Alianza Mundial "
                "para el Desarrollo Sostenible"
            ),
            "ar": "تعزيز وسائل التنفيذ وتنشيط الشراكة العالمية من أجل تحقيق التنمية المستدامة",
            "zh_hans": "加强执行手段，重振可持续发展全球伙伴关系",
            "ru": (
                "Укрепление средств достижения устойчивого развития и активизация работы "
                "механизмов глобального партнерства в интересах устойчивого развития"
            ),
        },
    },
]

# The WSIS-SDG Matrix (ITU and UN agencies, 2015): which SDGs each action line serves.
# Pairs of (action line code, SDG number); C7 sub-lines have their own rows.
_MATRIX = {
    "C1": (1, 2, 3, 4, 5, 8, 9, 10, 11, 16, 17),
    "C2": (1, 3, 4, 5, 7, 8, 9, 11, 17),
    "C3": (1, 2, 3, 4, 5, 9, 10, 16),
    "C4": (1, 2, 3, 4, 5, 8, 9, 10, 17),
    "C5": (4, 5, 8, 9, 11, 16),
    "C6": (5, 8, 9, 10, 16, 17),
    "C7": (1, 2, 3, 4, 5, 8, 9, 11, 12, 13),
    "C7.1": (1, 5, 10, 11, 16, 17),
    "C7.2": (1, 5, 8, 9, 10, 17),
    "C7.3": (4, 5, 8, 10),
    "C7.4": (3, 5),
    "C7.5": (1, 5, 8, 10),
    "C7.6": (6, 7, 11, 12, 13, 14, 15),
    "C7.7": (1, 2, 5, 6, 12, 15),
    "C7.8": (3, 4, 9, 13, 14, 15, 17),
    "C8": (4, 5, 8, 10, 11, 16),
    "C9": (5, 10, 16),
    "C10": (5, 10, 16),
    "C11": (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 16, 17),
}

ACTION_LINE_SDGS = [(code, number) for code, numbers in _MATRIX.items() for number in numbers]

# The four focus areas of the Partner2Connect Digital Coalition (ITU circular BDT/DIR/110, 2021).
FOCUS_AREAS = [
    {
        "slug": "connect-people",
        "order": 1,
        "name": {
            "en": "Connecting people everywhere",
            "fr": "Connecter les personnes partout",
            "es": "Conectar a las personas en cualquier lugar",
            "ar": "توصيل الناس في كل مكان",
            "zh_hans": "连接各地民众",
            "ru": "Подключение людей повсюду",
        },
        "description": {
            "en": (
                "Extend affordable, reliable and meaningful connectivity to the people and "
                "places that are still offline."
            ),
            "fr": (
                "Étendre une connectivité abordable, fiable et utile aux personnes et aux "
                "lieux qui restent hors ligne."
            ),
            "es": (
                "Extender una conectividad asequible, fiable y significativa a las personas "
                "y los lugares que siguen sin conexión."
            ),
            "ar": (
                "توسيع نطاق التوصيلية الميسورة التكلفة والموثوقة والمجدية لتشمل الأشخاص "
                "والأماكن التي لا تزال غير متصلة بالإنترنت."
            ),
            "zh_hans": "将可负担、可靠和有意义的连通扩展到仍未接入互联网的人群和地区。",
            "ru": (
                "Обеспечение доступного, надежного и полноценного подключения для людей и "
                "мест, которые по-прежнему остаются без доступа к интернету."
            ),
        },
    },
    {
        "slug": "empower-communities",
        "order": 2,
        "name": {
            "en": "Empowering communities",
            "fr": "Autonomiser les communautés",
            "es": "Empoderar a las comunidades",
            "ar": "تمكين المجتمعات المحلية",
            "zh_hans": "增强社区权能",
            "ru": "Расширение возможностей сообществ",
        },
        "description": {
            "en": (
                "Give communities the digital skills, content and services they need to "
                "adopt connectivity and benefit from it."
            ),
            "fr": (
                "Doter les communautés des compétences, contenus et services numériques "
                "dont elles ont besoin pour adopter la connectivité et en tirer parti."
            ),
            "es": (
                "Dotar a las comunidades de las competencias, los contenidos y los servicios "
                "digitales que necesitan para adoptar la conectividad y beneficiarse de ella."
            ),
            "ar": (
                "تزويد المجتمعات المحلية بالمهارات والمحتوى والخدمات الرقمية التي تحتاجها "
                "لاعتماد التوصيلية والاستفادة منها."
            ),
            "zh_hans": "为社区提供采用连通并从中受益所需的数字技能、内容和服务。",
            "ru": (
                "Предоставление сообществам цифровых навыков, контента и услуг, необходимых "
                "для освоения подключения и получения от него пользы."
            ),
        },
    },
    {
        "slug": "digital-ecosystems",
        "order": 3,
        "name": {
            "en": "Building digital ecosystems",
            "fr": "Créer des écosystèmes numériques",
            "es": "Crear ecosistemas digitales",
            "ar": "بناء النظم الإيكولوجية الرقمية",
            "zh_hans": "建设数字生态系统",
            "ru": "Создание цифровых экосистем",
        },
        "description": {
            "en": (
                "Foster thriving digital ecosystems in which local innovators, entrepreneurs "
                "and public services create value from connectivity."
            ),
            "fr": (
                "Favoriser des écosystèmes numériques dynamiques dans lesquels les "
                "innovateurs locaux, les entrepreneurs et les services publics créent de la "
                "valeur grâce à la connectivité."
            ),
            "es": (
                "Fomentar ecosistemas digitales prósperos en los que los innovadores "
                "locales, los emprendedores y los servicios públicos creen valor a partir "
                "de la conectividad."
            ),
            "ar": (
                "تعزيز نظم إيكولوجية رقمية مزدهرة يخلق فيها المبتكرون المحليون ورواد "
                "الأعمال والخدمات العامة قيمة من التوصيلية."
            ),
            "zh_hans": (
                "培育繁荣的数字生态系统，使本地创新者、创业者和公共服务能够利用连通创造价值。"
            ),
            "ru": (
                "Развитие процветающих цифровых экосистем, в которых местные новаторы, "
                "предприниматели и государственные службы создают ценность на основе "
                "подключения."
            ),
        },
    },
    {
        "slug": "incentivise-investment",
        "order": 4,
        "name": {
            "en": "Incentivizing investment",
            "fr": "Encourager l'investissement",
            "es": "Incentivar la inversión",
            "ar": "تحفيز الاستثمار",
            "zh_hans": "激励投资",
            "ru": "Стимулирование инвестиций",
        },
        "description": {
            "en": (
                "Mobilize public and private investment and enabling policies to finance "
                "universal and meaningful connectivity."
            ),
            "fr": (
                "Mobiliser des investissements publics et privés ainsi que des politiques "
                "favorables pour financer une connectivité universelle et utile."
            ),
            "es": (
                "Movilizar inversiones públicas y privadas y políticas propicias para "
                "financiar una conectividad universal y significativa."
            ),
            "ar": (
                "حشد الاستثمارات العامة والخاصة والسياسات التمكينية لتمويل التوصيلية "
                "الشاملة والمجدية."
            ),
            "zh_hans": "调动公共和私营投资以及有利政策，为普遍和有意义的连通提供资金。",
            "ru": (
                "Мобилизация государственных и частных инвестиций и благоприятной политики "
                "для финансирования всеобщего и полноценного подключения."
            ),
        },
    },
]

# Cross-cutting themes used across WSIS Forum programmes.
THEMES = [
    {
        "slug": "gender-equality",
        "name": {
            "en": "Gender equality and women's empowerment",
            "fr": "Égalité des sexes et autonomisation des femmes",
            "es": "Igualdad de género y empoderamiento de las mujeres",
            "ar": "المساواة بين الجنسين وتمكين المرأة",
            "zh_hans": "性别平等和增强妇女权能",
            "ru": "Гендерное равенство и расширение прав и возможностей женщин",
        },
    },
    {
        "slug": "older-persons",
        "name": {
            "en": "ICTs and older persons",
            "fr": "Les TIC et les personnes âgées",
            "es": "Las TIC y las personas de edad",
            "ar": "تكنولوجيا المعلومات والاتصالات وكبار السن",
            "zh_hans": "信息通信技术与老年人",
            "ru": "ИКТ и пожилые люди",
        },
    },
    {
        "slug": "covid-19-recovery",
        "name": {
            "en": "COVID-19 recovery",
            "fr": "Relèvement après la COVID-19",
            "es": "Recuperación tras la COVID-19",
            "ar": "التعافي من جائحة كوفيد-19",
            "zh_hans": "2019冠状病毒病疫情后的复苏",
            "ru": "Восстановление после пандемии COVID-19",
        },
    },
    {
        "slug": "cybersecurity-trust",
        "name": {
            "en": "Cybersecurity and trust",
            "fr": "Cybersécurité et confiance",
            "es": "Ciberseguridad y confianza",
            "ar": "الأمن السيبراني والثقة",
            "zh_hans": "网络安全与信任",
            "ru": "Кибербезопасность и доверие",
        },
    },
    {
        "slug": "ldc-connectivity",
        "name": {
            "en": "Connectivity of least developed countries",
            "fr": "Connectivité des pays les moins avancés",
            "es": "Conectividad de los países menos adelantados",
            "ar": "التوصيلية في أقل البلدان نمواً",
            "zh_hans": "最不发达国家的连通",
            "ru": "Подключение в наименее развитых странах",
        },
    },
    {
        "slug": "persons-with-disabilities",
        "name": {
            "en": "Digital inclusion of persons with disabilities",
            "fr": "Inclusion numérique des personnes handicapées",
            "es": "Inclusión digital de las personas con discapacidad",
            "ar": "الإدماج الرقمي للأشخاص ذوي الإعاقة",
            "zh_hans": "残疾人的数字包容",
            "ru": "Цифровая инклюзия инвалидов",
        },
    },
    {
        "slug": "youth",
        "name": {
            "en": "Youth",
            "fr": "Jeunesse",
            "es": "Juventud",
            "ar": "الشباب",
            "zh_hans": "青年",
            "ru": "Молодежь",
        },
    },
    {
        "slug": "climate-environment",
        "name": {
            "en": "Climate change and the environment",
            "fr": "Changements climatiques et environnement",
            "es": "Cambio climático y medio ambiente",
            "ar": "تغير المناخ والبيئة",
            "zh_hans": "气候变化与环境",
            "ru": "Изменение климата и окружающая среда",
        },
    },
    {
        "slug": "ai-for-good",
        "name": {
            "en": "AI for Good",
            "fr": "L'IA au service du bien social",
            "es": "La IA para el bien social",
            "ar": "الذكاء الاصطناعي من أجل الصالح العام",
            "zh_hans": "人工智能向善",
            "ru": "ИИ во благо",
        },
    },
    {
        "slug": "digital-skills",
        "name": {
            "en": "Digital skills",
            "fr": "Compétences numériques",
            "es": "Competencias digitales",
            "ar": "المهارات الرقمية",
            "zh_hans": "数字技能",
            "ru": "Цифровые навыки",
        },
    },
]
