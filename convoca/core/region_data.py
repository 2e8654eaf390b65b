"""UN M49 geographic regions and ITU-D regions for every country in django-countries.

Pure data, no Django imports. Names are given in the six UN languages.

Sources:
- UN M49 (Standard country or area codes for statistical use), UN Statistics Division,
  https://unstats.un.org/unsd/methodology/m49/ -- region and sub-region names are the
  official UNSD names in each language (English, French, Spanish, Arabic, Chinese, Russian).
- ITU Telecommunication Development Bureau (BDT) regions: Africa, Americas, Arab States,
  Asia-Pacific, CIS and Europe, with ITU's own names for them in each language.

M49 level used: the continental regions (002, 019, 142, 150, 009) and, below them, the
sub-regions, except that the intermediate groupings 202 Sub-Saharan Africa and 419 Latin
America and the Caribbean are skipped: their intermediate regions (014, 017, 018, 011 and
029, 013, 005) are used directly as sub-regions.
"""

LANGUAGES = ("en", "fr", "es", "ar", "zh_hans", "ru")

# UN M49 regions: the five continental regions.
M49_REGIONS = [
    {
        "code": "002",
        "name": {
            "en": "Africa",
            "fr": "Afrique",
            "es": "África",
            "ar": "أفريقيا",
            "zh_hans": "非洲",
            "ru": "Африка",
        },
    },
    {
        "code": "019",
        "name": {
            "en": "Americas",
            "fr": "Amériques",
            "es": "Américas",
            "ar": "الأمريكتان",
            "zh_hans": "美洲",
            "ru": "Северная и Южная Америка",
        },
    },
    {
        "code": "142",
        "name": {
            "en": "Asia",
            "fr": "Asie",
            "es": "Asia",
            "ar": "آسيا",
            "zh_hans": "亚洲",
            "ru": "Азия",
        },
    },
    {
        "code": "150",
        "name": {
            "en": "Europe",
            "fr": "Europe",
            "es": "Europa",
            "ar": "أوروبا",
            "zh_hans": "欧洲",
            "ru": "Европа",
        },
    },
    {
        "code": "009",
        "name": {
            "en": "Oceania",
            "fr": "Océanie",
            "es": "Oceanía",
            "ar": "أوقيانوسيا",
            "zh_hans": "大洋洲",
            "ru": "Океания",
        },
    },
]

# UN M49 sub-regions, each under one region (see the module docstring for the level used).
M49_SUBREGIONS = [
    {
        "code": "015",
        "region": "002",
        "name": {
            "en": "Northern Africa",
            "fr": "Afrique septentrionale",
            "es": "África septentrional",
            "ar": "أفريقيا الشمالية",
            "zh_hans": "北非",
            "ru": "Северная Африка",
        },
    },
    {
        "code": "014",
        "region": "002",
        "name": {
            "en": "Eastern Africa",
            "fr": "Afrique orientale",
            "es": "África oriental",
            "ar": "شرق أفريقيا",
            "zh_hans": "东非",
            "ru": "Восточная Африка",
        },
    },
    {
        "code": "017",
        "region": "002",
        "name": {
            "en": "Middle Africa",
            "fr": "Afrique centrale",
            "es": "África central",
            "ar": "وسط أفريقيا",
            "zh_hans": "中非",
            "ru": "Центральная Африка",
        },
    },
    {
        "code": "018",
        "region": "002",
        "name": {
            "en": "Southern Africa",
            "fr": "Afrique australe",
            "es": "África meridional",
            "ar": "الجنوب الأفريقي",
            "zh_hans": "南部非洲",
            "ru": "Южная часть Африки",
        },
    },
    {
        "code": "011",
        "region": "002",
        "name": {
            "en": "Western Africa",
            "fr": "Afrique occidentale",
            "es": "África occidental",
            "ar": "غرب أفريقيا",
            "zh_hans": "西非",
            "ru": "Западная Африка",
        },
    },
    {
        "code": "029",
        "region": "019",
        "name": {
            "en": "Caribbean",
            "fr": "Caraïbes",
            "es": "El Caribe",
            "ar": "منطقة البحر الكاريبي",
            "zh_hans": "加勒比",
            "ru": "Карибский бассейн",
        },
    },
    {
        "code": "013",
        "region": "019",
        "name": {
            "en": "Central America",
            "fr": "Amérique centrale",
            "es": "América central",
            "ar": "أمريكا الوسطى",
            "zh_hans": "中美洲",
            "ru": "Центральная Америка",
        },
    },
    {
        "code": "005",
        "region": "019",
        "name": {
            "en": "South America",
            "fr": "Amérique du Sud",
            "es": "América del Sur",
            "ar": "أمريكا الجنوبية",
            "zh_hans": "南美洲",
            "ru": "Южная Америка",
        },
    },
    {
        "code": "021",
        "region": "019",
        "name": {
            "en": "Northern America",
            "fr": "Amérique septentrionale",
            "es": "América septentrional",
            "ar": "أمريكا الشمالية",
            "zh_hans": "北美",
            "ru": "Северная Америка",
        },
    },
    {
        "code": "143",
        "region": "142",
        "name": {
            "en": "Central Asia",
            "fr": "Asie centrale",
            "es": "Asia central",
            "ar": "آسيا الوسطى",
            "zh_hans": "中亚",
            "ru": "Центральная Азия",
        },
    },
    {
        "code": "030",
        "region": "142",
        "name": {
            "en": "Eastern Asia",
            "fr": "Asie orientale",
            "es": "Asia oriental",
            "ar": "شرقي آسيا",
            "zh_hans": "东亚",
            "ru": "Восточная Азия",
        },
    },
    {
        "code": "035",
        "region": "142",
        "name": {
            "en": "South-eastern Asia",
            "fr": "Asie du Sud-Est",
            "es": "Asia sudoriental",
            "ar": "جنوب شرقي آسيا",
            "zh_hans": "东南亚",
            "ru": "Юго-Восточная Азия",
        },
    },
    {
        "code": "034",
        "region": "142",
        "name": {
            "en": "Southern Asia",
            "fr": "Asie méridionale",
            "es": "Asia meridional",
            "ar": "جنوب آسيا",
            "zh_hans": "南亚",
            "ru": "Южная Азия",
        },
    },
    {
        "code": "145",
        "region": "142",
        "name": {
            "en": "Western Asia",
            "fr": "Asie occidentale",
            "es": "Asia occidental",
            "ar": "غربي آسيا",
            "zh_hans": "西亚",
            "ru": "Западная Азия",
        },
    },
    {
        "code": "151",
        "region": "150",
        "name": {
            "en": "Eastern Europe",
            "fr": "Europe orientale",
            "es": "Europa oriental",
            "ar": "أوروبا الشرقية",
            "zh_hans": "东欧",
            "ru": "Восточная Европа",
        },
    },
    {
        "code": "154",
        "region": "150",
        "name": {
            "en": "Northern Europe",
            "fr": "Europe septentrionale",
            "es": "Europa septentrional",
            "ar": "أوروبا الشمالية",
            "zh_hans": "北欧",
            "ru": "Северная Европа",
        },
    },
    {
        "code": "039",
        "region": "150",
        "name": {
            "en": "Southern Europe",
            "fr": "Europe méridionale",
            "es": "Europa meridional",
            "ar": "أوروبا الجنوبية",
            "zh_hans": "南欧",
            "ru": "Южная Европа",
        },
    },
    {
        "code": "155",
        "region": "150",
        "name": {
            "en": "Western Europe",
            "fr": "Europe occidentale",
            "es": "Europa occidental",
            "ar": "أوروبا الغربية",
            "zh_hans": "西欧",
            "ru": "Западная Европа",
        },
    },
    {
        "code": "053",
        "region": "009",
        "name": {
            "en": "Australia and New Zealand",
            "fr": "Australie et Nouvelle-Zélande",
            "es": "Australia y Nueva Zelandia",
            "ar": "أستراليا ونيوزيلندا",
            "zh_hans": "澳大利亚和新西兰",
            "ru": "Австралия и Новая Зеландия",
        },
    },
    {
        "code": "054",
        "region": "009",
        "name": {
            "en": "Melanesia",
            "fr": "Mélanésie",
            "es": "Melanesia",
            "ar": "ميلانيزيا",
            "zh_hans": "美拉尼西亚",
            "ru": "Меланезия",
        },
    },
    {
        "code": "057",
        "region": "009",
        "name": {
            "en": "Micronesia",
            "fr": "Micronésie",
            "es": "Micronesia",
            "ar": "ميكرونيزيا",
            "zh_hans": "密克罗尼西亚",
            "ru": "Микронезия",
        },
    },
    {
        "code": "061",
        "region": "009",
        "name": {
            "en": "Polynesia",
            "fr": "Polynésie",
            "es": "Polinesia",
            "ar": "بولينيزيا",
            "zh_hans": "波利尼西亚",
            "ru": "Полинезия",
        },
    },
]

# ITU-D (BDT) regions.
ITU_REGIONS = [
    {
        "code": "AFR",
        "name": {
            "en": "Africa",
            "fr": "Afrique",
            "es": "África",
            "ar": "أفريقيا",
            "zh_hans": "非洲",
            "ru": "Африка",
        },
    },
    {
        "code": "AMS",
        "name": {
            "en": "Americas",
            "fr": "Amériques",
            "es": "Américas",
            "ar": "الأمريكتان",
            "zh_hans": "美洲",
            "ru": "Америка",
        },
    },
    {
        "code": "ARB",
        "name": {
            "en": "Arab States",
            "fr": "États arabes",
            "es": "Estados Árabes",
            "ar": "الدول العربية",
            "zh_hans": "阿拉伯国家",
            "ru": "Арабские государства",
        },
    },
    {
        "code": "ASP",
        "name": {
            "en": "Asia-Pacific",
            "fr": "Asie-Pacifique",
            "es": "Asia-Pacífico",
            "ar": "آسيا والمحيط الهادئ",
            "zh_hans": "亚太地区",
            "ru": "Азиатско-Тихоокеанский регион",
        },
    },
    {
        "code": "CIS",
        "name": {
            "en": "Commonwealth of Independent States",
            "fr": "Communauté des États indépendants",
            "es": "Comunidad de Estados Independientes",
            "ar": "كومنولث الدول المستقلة",
            "zh_hans": "独立国家联合体",
            "ru": "Содружество Независимых Государств",
        },
    },
    {
        "code": "EUR",
        "name": {
            "en": "Europe",
            "fr": "Europe",
            "es": "Europa",
            "ar": "أوروبا",
            "zh_hans": "欧洲",
            "ru": "Европа",
        },
    },
]

# Every ISO 3166-1 alpha-2 code in django-countries -> (M49 sub-region code, ITU region code).
#
# ITU regions follow ITU-D's current composition:
# - Arab States (ARB) are the 22 Arab League members (Palestine included as an ITU observer),
#   including the African ones (Algeria, Comoros, Djibouti, Egypt, Libya, Mauritania, Morocco,
#   Somalia, Sudan, Tunisia); they are not in Africa or Asia-Pacific.
# - CIS is the nine countries ITU-D's Regional Office for CIS serves: Armenia, Azerbaijan,
#   Belarus, Kazakhstan, Kyrgyzstan, Russian Federation, Tajikistan, Turkmenistan, Uzbekistan.
#   Georgia, the Republic of Moldova and Ukraine are counted in Europe.
# - Cyprus, Israel and Türkiye are in Europe; Iran and Afghanistan are in Asia-Pacific.
# Territories and non-member areas take the ITU region of their geography (M49 continental
# region: Africa -> AFR, Americas -> AMS, Asia and Oceania -> ASP, Europe -> EUR), e.g.
# Greenland -> AMS (Northern America), French Guiana and Caribbean territories -> AMS,
# Réunion and Mayotte -> AFR, Hong Kong and Macao -> ASP, Pacific territories -> ASP.
# Exception: Western Sahara lies in the Maghreb among Arab States, so it takes ARB.
# Antarctica has neither an M49 sub-region nor an ITU region: (None, None).
COUNTRIES = {
    "AD": ("039", "EUR"),  # Andorra
    "AE": ("145", "ARB"),  # United Arab Emirates
    "AF": ("034", "ASP"),  # Afghanistan
    "AG": ("029", "AMS"),  # Antigua and Barbuda
    "AI": ("029", "AMS"),  # Anguilla
    "AL": ("039", "EUR"),  # Albania
    "AM": ("145", "CIS"),  # Armenia
    "AO": ("017", "AFR"),  # Angola
    # No M49 region or sub-region; no ITU region.
    "AQ": (None, None),  # Antarctica
    "AR": ("005", "AMS"),  # Argentina
    "AS": ("061", "ASP"),  # American Samoa
    "AT": ("155", "EUR"),  # Austria
    "AU": ("053", "ASP"),  # Australia
    "AW": ("029", "AMS"),  # Aruba
    "AX": ("154", "EUR"),  # Åland Islands
    "AZ": ("145", "CIS"),  # Azerbaijan
    "BA": ("039", "EUR"),  # Bosnia and Herzegovina
    "BB": ("029", "AMS"),  # Barbados
    "BD": ("034", "ASP"),  # Bangladesh
    "BE": ("155", "EUR"),  # Belgium
    "BF": ("011", "AFR"),  # Burkina Faso
    "BG": ("151", "EUR"),  # Bulgaria
    "BH": ("145", "ARB"),  # Bahrain
    "BI": ("014", "AFR"),  # Burundi
    "BJ": ("011", "AFR"),  # Benin
    "BL": ("029", "AMS"),  # Saint Barthélemy
    "BM": ("021", "AMS"),  # Bermuda
    "BN": ("035", "ASP"),  # Brunei Darussalam
    "BO": ("005", "AMS"),  # Bolivia (Plurinational State of)
    "BQ": ("029", "AMS"),  # Bonaire, Sint Eustatius and Saba
    "BR": ("005", "AMS"),  # Brazil
    "BS": ("029", "AMS"),  # Bahamas (The)
    "BT": ("034", "ASP"),  # Bhutan
    # M49 places it in South America; ITU region follows that geography.
    "BV": ("005", "AMS"),  # Bouvet Island
    "BW": ("018", "AFR"),  # Botswana
    "BY": ("151", "CIS"),  # Belarus
    "BZ": ("013", "AMS"),  # Belize
    "CA": ("021", "AMS"),  # Canada
    "CC": ("053", "ASP"),  # Cocos (Keeling) Islands
    "CD": ("017", "AFR"),  # Congo (the Democratic Republic of the)
    "CF": ("017", "AFR"),  # Central African Republic
    "CG": ("017", "AFR"),  # Congo
    "CH": ("155", "EUR"),  # Switzerland
    "CI": ("011", "AFR"),  # Côte d'Ivoire
    "CK": ("061", "ASP"),  # Cook Islands
    "CL": ("005", "AMS"),  # Chile
    "CM": ("017", "AFR"),  # Cameroon
    "CN": ("030", "ASP"),  # China
    "CO": ("005", "AMS"),  # Colombia
    "CR": ("013", "AMS"),  # Costa Rica
    "CU": ("029", "AMS"),  # Cuba
    "CV": ("011", "AFR"),  # Cabo Verde
    "CW": ("029", "AMS"),  # Curaçao
    "CX": ("053", "ASP"),  # Christmas Island
    # ITU-D counts Cyprus in Europe.
    "CY": ("145", "EUR"),  # Cyprus
    "CZ": ("151", "EUR"),  # Czechia
    "DE": ("155", "EUR"),  # Germany
    "DJ": ("014", "ARB"),  # Djibouti
    "DK": ("154", "EUR"),  # Denmark
    "DM": ("029", "AMS"),  # Dominica
    "DO": ("029", "AMS"),  # Dominican Republic
    "DZ": ("015", "ARB"),  # Algeria
    "EC": ("005", "AMS"),  # Ecuador
    "EE": ("154", "EUR"),  # Estonia
    "EG": ("015", "ARB"),  # Egypt
    # Not an Arab League member; Maghreb geography, surrounded by Arab States.
    "EH": ("015", "ARB"),  # Western Sahara
    "ER": ("014", "AFR"),  # Eritrea
    "ES": ("039", "EUR"),  # Spain
    "ET": ("014", "AFR"),  # Ethiopia
    "FI": ("154", "EUR"),  # Finland
    "FJ": ("054", "ASP"),  # Fiji
    "FK": ("005", "AMS"),  # Falkland Islands (Malvinas)
    "FM": ("057", "ASP"),  # Micronesia (Federated States of)
    "FO": ("154", "EUR"),  # Faroe Islands
    "FR": ("155", "EUR"),  # France
    "GA": ("017", "AFR"),  # Gabon
    "GB": ("154", "EUR"),  # United Kingdom of Great Britain and Northern Ireland
    "GD": ("029", "AMS"),  # Grenada
    # Left the CIS; ITU-D counts it in Europe.
    "GE": ("145", "EUR"),  # Georgia
    "GF": ("005", "AMS"),  # French Guiana
    "GG": ("154", "EUR"),  # Guernsey
    "GH": ("011", "AFR"),  # Ghana
    "GI": ("039", "EUR"),  # Gibraltar
    "GL": ("021", "AMS"),  # Greenland
    "GM": ("011", "AFR"),  # Gambia
    "GN": ("011", "AFR"),  # Guinea
    "GP": ("029", "AMS"),  # Guadeloupe
    "GQ": ("017", "AFR"),  # Equatorial Guinea
    "GR": ("039", "EUR"),  # Greece
    "GS": ("005", "AMS"),  # South Georgia and the South Sandwich Islands
    "GT": ("013", "AMS"),  # Guatemala
    "GU": ("057", "ASP"),  # Guam
    "GW": ("011", "AFR"),  # Guinea-Bissau
    "GY": ("005", "AMS"),  # Guyana
    "HK": ("030", "ASP"),  # Hong Kong
    # Territory; Australian Antarctic islands, Asia-Pacific geography.
    "HM": ("053", "ASP"),  # Heard Island and McDonald Islands
    "HN": ("013", "AMS"),  # Honduras
    "HR": ("039", "EUR"),  # Croatia
    "HT": ("029", "AMS"),  # Haiti
    "HU": ("151", "EUR"),  # Hungary
    "ID": ("035", "ASP"),  # Indonesia
    "IE": ("154", "EUR"),  # Ireland
    # ITU-D counts Israel in Europe.
    "IL": ("145", "EUR"),  # Israel
    "IM": ("154", "EUR"),  # Isle of Man
    "IN": ("034", "ASP"),  # India
    # Territory; M49 Eastern Africa (Chagos, claimed by Mauritius).
    "IO": ("014", "AFR"),  # British Indian Ocean Territory
    "IQ": ("145", "ARB"),  # Iraq
    "IR": ("034", "ASP"),  # Iran (Islamic Republic of)
    "IS": ("154", "EUR"),  # Iceland
    "IT": ("039", "EUR"),  # Italy
    "JE": ("154", "EUR"),  # Jersey
    "JM": ("029", "AMS"),  # Jamaica
    "JO": ("145", "ARB"),  # Jordan
    "JP": ("030", "ASP"),  # Japan
    "KE": ("014", "AFR"),  # Kenya
    "KG": ("143", "CIS"),  # Kyrgyzstan
    "KH": ("035", "ASP"),  # Cambodia
    "KI": ("057", "ASP"),  # Kiribati
    "KM": ("014", "ARB"),  # Comoros
    "KN": ("029", "AMS"),  # Saint Kitts and Nevis
    "KP": ("030", "ASP"),  # Korea (the Democratic People's Republic of)
    "KR": ("030", "ASP"),  # Korea (the Republic of)
    "KW": ("145", "ARB"),  # Kuwait
    "KY": ("029", "AMS"),  # Cayman Islands
    "KZ": ("143", "CIS"),  # Kazakhstan
    "LA": ("035", "ASP"),  # Lao People's Democratic Republic
    "LB": ("145", "ARB"),  # Lebanon
    "LC": ("029", "AMS"),  # Saint Lucia
    "LI": ("155", "EUR"),  # Liechtenstein
    "LK": ("034", "ASP"),  # Sri Lanka
    "LR": ("011", "AFR"),  # Liberia
    "LS": ("018", "AFR"),  # Lesotho
    "LT": ("154", "EUR"),  # Lithuania
    "LU": ("155", "EUR"),  # Luxembourg
    "LV": ("154", "EUR"),  # Latvia
    "LY": ("015", "ARB"),  # Libya
    "MA": ("015", "ARB"),  # Morocco
    "MC": ("155", "EUR"),  # Monaco
    # ITU-D counts it in Europe.
    "MD": ("151", "EUR"),  # Moldova (the Republic of)
    "ME": ("039", "EUR"),  # Montenegro
    "MF": ("029", "AMS"),  # Saint Martin (French part)
    "MG": ("014", "AFR"),  # Madagascar
    "MH": ("057", "ASP"),  # Marshall Islands
    "MK": ("039", "EUR"),  # North Macedonia
    "ML": ("011", "AFR"),  # Mali
    "MM": ("035", "ASP"),  # Myanmar
    "MN": ("030", "ASP"),  # Mongolia
    "MO": ("030", "ASP"),  # Macao
    "MP": ("057", "ASP"),  # Northern Mariana Islands
    "MQ": ("029", "AMS"),  # Martinique
    "MR": ("011", "ARB"),  # Mauritania
    "MS": ("029", "AMS"),  # Montserrat
    "MT": ("039", "EUR"),  # Malta
    "MU": ("014", "AFR"),  # Mauritius
    "MV": ("034", "ASP"),  # Maldives
    "MW": ("014", "AFR"),  # Malawi
    "MX": ("013", "AMS"),  # Mexico
    "MY": ("035", "ASP"),  # Malaysia
    "MZ": ("014", "AFR"),  # Mozambique
    "NA": ("018", "AFR"),  # Namibia
    "NC": ("054", "ASP"),  # New Caledonia
    "NE": ("011", "AFR"),  # Niger
    "NF": ("053", "ASP"),  # Norfolk Island
    "NG": ("011", "AFR"),  # Nigeria
    "NI": ("013", "AMS"),  # Nicaragua
    "NL": ("155", "EUR"),  # Netherlands (Kingdom of the)
    "NO": ("154", "EUR"),  # Norway
    "NP": ("034", "ASP"),  # Nepal
    "NR": ("057", "ASP"),  # Naoero
    "NU": ("061", "ASP"),  # Niue
    "NZ": ("053", "ASP"),  # New Zealand
    "OM": ("145", "ARB"),  # Oman
    "PA": ("013", "AMS"),  # Panama
    "PE": ("005", "AMS"),  # Peru
    "PF": ("061", "ASP"),  # French Polynesia
    "PG": ("054", "ASP"),  # Papua New Guinea
    "PH": ("035", "ASP"),  # Philippines
    "PK": ("034", "ASP"),  # Pakistan
    "PL": ("151", "EUR"),  # Poland
    "PM": ("021", "AMS"),  # Saint Pierre and Miquelon
    "PN": ("061", "ASP"),  # Pitcairn
    "PR": ("029", "AMS"),  # Puerto Rico
    # Arab League member; ITU observer, counted in Arab States.
    "PS": ("145", "ARB"),  # Palestine, State of
    "PT": ("039", "EUR"),  # Portugal
    # Not an ITU Member State; Asia-Pacific geography.
    "PW": ("057", "ASP"),  # Palau
    "PY": ("005", "AMS"),  # Paraguay
    "QA": ("145", "ARB"),  # Qatar
    "RE": ("014", "AFR"),  # Réunion
    "RO": ("151", "EUR"),  # Romania
    "RS": ("039", "EUR"),  # Serbia
    "RU": ("151", "CIS"),  # Russian Federation
    "RW": ("014", "AFR"),  # Rwanda
    "SA": ("145", "ARB"),  # Saudi Arabia
    "SB": ("054", "ASP"),  # Solomon Islands
    "SC": ("014", "AFR"),  # Seychelles
    "SD": ("015", "ARB"),  # Sudan
    "SE": ("154", "EUR"),  # Sweden
    "SG": ("035", "ASP"),  # Singapore
    "SH": ("011", "AFR"),  # Saint Helena, Ascension and Tristan da Cunha
    "SI": ("039", "EUR"),  # Slovenia
    "SJ": ("154", "EUR"),  # Svalbard and Jan Mayen
    "SK": ("151", "EUR"),  # Slovakia
    "SL": ("011", "AFR"),  # Sierra Leone
    "SM": ("039", "EUR"),  # San Marino
    "SN": ("011", "AFR"),  # Senegal
    "SO": ("014", "ARB"),  # Somalia
    "SR": ("005", "AMS"),  # Suriname
    "SS": ("014", "AFR"),  # South Sudan
    "ST": ("017", "AFR"),  # Sao Tome and Principe
    "SV": ("013", "AMS"),  # El Salvador
    "SX": ("029", "AMS"),  # Sint Maarten (Dutch part)
    "SY": ("145", "ARB"),  # Syrian Arab Republic
    "SZ": ("018", "AFR"),  # Eswatini
    "TC": ("029", "AMS"),  # Turks and Caicos Islands
    "TD": ("017", "AFR"),  # Chad
    # Territory; M49 Eastern Africa (southern Indian Ocean).
    "TF": ("014", "AFR"),  # French Southern Territories
    "TG": ("011", "AFR"),  # Togo
    "TH": ("035", "ASP"),  # Thailand
    "TJ": ("143", "CIS"),  # Tajikistan
    "TK": ("061", "ASP"),  # Tokelau
    "TL": ("035", "ASP"),  # Timor-Leste
    "TM": ("143", "CIS"),  # Turkmenistan
    "TN": ("015", "ARB"),  # Tunisia
    "TO": ("061", "ASP"),  # Tonga
    # ITU-D counts Türkiye in Europe.
    "TR": ("145", "EUR"),  # Türkiye
    "TT": ("029", "AMS"),  # Trinidad and Tobago
    "TV": ("061", "ASP"),  # Tuvalu
    # Not listed separately in M49 (covered by China); Eastern Asia geography.
    "TW": ("030", "ASP"),  # Taiwan (Province of China)
    "TZ": ("014", "AFR"),  # Tanzania, the United Republic of
    # ITU-D counts it in Europe.
    "UA": ("151", "EUR"),  # Ukraine
    "UG": ("014", "AFR"),  # Uganda
    "UM": ("057", "ASP"),  # United States Minor Outlying Islands
    "US": ("021", "AMS"),  # United States of America
    "UY": ("005", "AMS"),  # Uruguay
    "UZ": ("143", "CIS"),  # Uzbekistan
    # ITU Member State in Europe.
    "VA": ("039", "EUR"),  # Holy See
    "VC": ("029", "AMS"),  # Saint Vincent and the Grenadines
    "VE": ("005", "AMS"),  # Venezuela (Bolivarian Republic of)
    "VG": ("029", "AMS"),  # Virgin Islands (British)
    "VI": ("029", "AMS"),  # Virgin Islands (U.S.)
    "VN": ("035", "ASP"),  # Viet Nam
    "VU": ("054", "ASP"),  # Vanuatu
    "WF": ("061", "ASP"),  # Wallis and Futuna
    "WS": ("061", "ASP"),  # Samoa
    "YE": ("145", "ARB"),  # Yemen
    # Territory; Indian Ocean geography (Africa), not the Comoros' Arab States seat.
    "YT": ("014", "AFR"),  # Mayotte
    "ZA": ("018", "AFR"),  # South Africa
    "ZM": ("014", "AFR"),  # Zambia
    "ZW": ("014", "AFR"),  # Zimbabwe
}
