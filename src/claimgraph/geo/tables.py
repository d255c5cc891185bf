"""Small hand-written tables the packages lack: country centres, name variants, US
state abbreviations as newspapers write them (AP style), and words that are never places."""

from __future__ import annotations

# Approximate geographic centres (lat, lon) of countries whose largest cities lie far
# from their middle; smaller countries get the middle of their cities (see sources.py).
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "CA": (60.1, -113.6), "RU": (60.0, 100.0), "CN": (35.0, 105.0),
    "AU": (-25.0, 135.0), "BR": (-10.0, -55.0), "IN": (22.0, 79.0), "IR": (32.0, 53.0),
    "IQ": (33.0, 44.0), "SY": (35.0, 38.0), "CY": (35.0, 33.0), "EG": (27.0, 30.0),
    "TR": (39.0, 35.0), "IL": (31.5, 34.75), "LB": (33.83, 35.83), "JO": (31.0, 36.0),
    "SA": (25.0, 45.0), "AF": (33.0, 66.0), "PK": (30.0, 70.0), "MX": (23.0, -102.0),
    "AR": (-34.0, -64.0), "SD": (15.5, 30.0), "SS": (8.0, 30.0), "KZ": (48.0, 68.0),
    "MN": (46.0, 105.0), "LY": (25.0, 17.0), "DZ": (28.0, 3.0), "NE": (18.0, 9.0),
    "ML": (17.0, -4.0), "TD": (15.0, 19.0), "NG": (10.0, 8.0), "ET": (9.0, 39.5),
    "SO": (6.0, 48.0), "KE": (1.0, 38.0), "CD": (-2.5, 23.5), "AO": (-12.5, 18.5),
    "ZA": (-29.0, 24.0), "NA": (-22.0, 17.0), "TZ": (-6.0, 35.0), "MZ": (-18.25, 35.0),
    "ZM": (-14.0, 28.0), "MG": (-20.0, 47.0), "YE": (15.5, 47.5), "OM": (21.0, 57.0),
    "UA": (49.0, 32.0), "FR": (46.0, 2.0), "DE": (51.5, 10.5), "ES": (40.0, -4.0),
    "SE": (62.0, 15.0), "NO": (62.0, 10.0), "FI": (64.0, 26.0), "PL": (52.0, 20.0),
    "GB": (54.75, -2.7), "IT": (42.83, 12.83), "JP": (36.0, 138.0), "ID": (-5.0, 120.0),
    "PE": (-10.0, -76.0), "CO": (4.0, -73.25), "VE": (8.0, -66.0), "BO": (-17.0, -65.0),
    "CL": (-30.0, -71.0), "GL": (72.0, -40.0), "MM": (21.0, 96.0), "TH": (15.0, 100.0),
    "VN": (16.17, 107.83), "TM": (40.0, 60.0), "UZ": (41.0, 64.0), "MR": (20.0, -12.0),
    "CF": (7.0, 21.0), "BW": (-22.0, 24.0), "PY": (-23.0, -58.0), "NZ": (-42.0, 174.0),
    "PG": (-6.0, 147.0), "CM": (6.0, 12.5), "MA": (32.0, -6.0), "EH": (24.5, -13.0),
    "PH": (13.0, 122.0), "MY": (2.5, 112.5), "NP": (28.0, 84.0), "CU": (22.0, -79.5),
    "KP": (40.0, 127.0), "KR": (36.5, 127.75), "GE": (42.0, 43.5), "AZ": (40.5, 47.5),
    "AM": (40.0, 45.0), "BY": (53.0, 28.0), "RO": (46.0, 25.0), "GR": (39.0, 22.0),
    "IE": (53.0, -8.0), "PT": (39.5, -8.0), "IS": (65.0, -18.0), "AE": (24.0, 54.0),
    "QA": (25.5, 51.25), "KW": (29.5, 47.75), "BH": (26.0, 50.55), "PS": (31.9, 35.2),
    "ER": (15.0, 39.0), "DJ": (11.8, 42.5), "UG": (1.25, 32.5), "RW": (-2.0, 30.0),
    "BF": (12.5, -1.67), "SN": (14.5, -14.25), "GH": (8.1, -1.2), "CI": (8.0, -5.5),
    "TN": (34.0, 9.0), "KG": (41.5, 75.0), "TJ": (39.0, 71.0), "BD": (24.0, 90.0),
    "LK": (7.75, 80.75), "EC": (-1.25, -78.25), "GY": (5.0, -59.0), "SR": (4.0, -56.0),
    "UY": (-33.0, -56.0), "CG": (-1.0, 15.5), "GA": (-1.0, 11.75), "ZW": (-19.0, 29.75),
}

# Geographic centres of large first-level subdivisions whose towns crowd one edge
# (ISO 3166-2 codes; US states by their postal code).
REGION_CENTRES: dict[str, tuple[float, float]] = {
    "CA-AB": (55.0, -115.0), "CA-BC": (54.0, -125.0), "CA-MB": (55.0, -97.0), "CA-SK": (54.0, -106.0),
    "CA-ON": (50.0, -86.0), "CA-QC": (52.0, -72.0), "CA-NL": (52.0, -56.0), "CA-YT": (63.5, -136.0),
    "CA-NT": (64.8, -119.0), "CA-NU": (70.0, -90.0), "CA-NB": (46.5, -66.0), "CA-NS": (45.0, -63.0),
    "AU-QLD": (-22.0, 144.0), "AU-NSW": (-33.0, 146.0), "AU-VIC": (-37.0, 144.0),
    "AU-SA": (-30.0, 135.0), "AU-WA": (-25.0, 122.0), "AU-TAS": (-42.0, 146.5), "AU-NT": (-20.0, 133.5),
    "US-AK": (64.0, -150.0), "US-HI": (20.8, -156.3), "US-TX": (31.25, -99.25), "US-CA": (37.25, -119.75),
    "US-FL": (28.75, -82.5), "US-MI": (44.25, -85.5), "US-NY": (43.0, -75.5), "US-LA": (31.0, -92.0),
    "RU-SA": (66.0, 129.0), "RU-KYA": (64.0, 95.0), "CN-XZ": (31.5, 88.0), "CN-XJ": (41.5, 85.0),
    "BR-AM": (-4.0, -64.0), "BR-PA": (-4.0, -53.0), "IN-RJ": (27.0, 74.0),
}

# Names that the packages spell differently from the news.
COUNTRY_VARIANTS: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia", "Russian Federation"), "IR": ("Iran", "Persia"), "SY": ("Syria",),
    "KP": ("North Korea", "DPRK"), "KR": ("South Korea", "Korea"), "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"), "PS": ("Palestine", "Palestinian Territories"),
    "VN": ("Vietnam",), "LA": ("Laos",), "MM": ("Burma", "Myanmar"), "CZ": ("Czech Republic", "Czechia"),
    "MK": ("Macedonia", "North Macedonia"), "TR": ("Turkey", "Turkiye"), "TW": ("Taiwan",),
    "VA": ("Vatican", "Vatican City", "Holy See"), "BO": ("Bolivia",), "VE": ("Venezuela",),
    "TZ": ("Tanzania",), "MD": ("Moldova",), "SZ": ("Swaziland", "Eswatini"), "CV": ("Cape Verde",),
    "AE": ("UAE", "U.A.E.", "Emirates"), "NL": ("Holland", "the Netherlands"), "BN": ("Brunei",),
    "FM": ("Micronesia",), "SS": ("South Sudan",), "TL": ("East Timor", "Timor-Leste"),
}

# News spellings of subdivisions that pycountry writes otherwise (ISO 3166-2 code -> names).
SUBDIVISION_ALIASES: dict[str, tuple[str, ...]] = {
    "IQ-NI": ("Nineveh", "Ninewa", "Ninevah"),
    "IQ-SD": ("Salahuddin", "Salah al-Din", "Saladin", "Salahaddin", "Salaheddin", "Salah ad-Din", "Salaheddine"),
    "IQ-BB": ("Babil", "Babylon province"), "IQ-WA": ("Wasit",), "IQ-MA": ("Maysan", "Missan"),
    "YE-AM": ("Amran", "Omran"), "YE-SD": ("Saada province", "Saadah province", "Sadah province"),
    "YE-HD": ("Hadramout", "Hadramawt", "Hadhramaut", "Hadramaut"), "YE-TA": ("Taiz province",),
    "YE-BA": ("Bayda province", "al-Bayda province"), "YE-SH": ("Shabwa", "Shabwah"), "YE-LA": ("Lahj",),
    "YE-DA": ("Dhale", "al-Dhale", "Dhalea"), "YE-JA": ("Jawf province", "al-Jawf province"),
    "IQ-DI": ("Diyala",), "IQ-AN": ("Anbar",), "IQ-BA": ("Basra province",), "IQ-DQ": ("Dhi Qar", "Thi Qar"),
    "IQ-QA": ("Qadisiyah", "Diwaniyah"), "IQ-MU": ("Muthanna",), "IQ-SU": ("Sulaymaniyah province",),
    "SY-HL": ("Aleppo province", "Aleppo governorate"), "SY-DY": ("Deir ez-Zor province", "Deir Ezzor province"),
    "SY-ID": ("Idlib province", "Idlib governorate"), "SY-RA": ("Raqqa province",), "SY-HA": ("Hasakah province", "Hasaka province"),
    "YE-SA": ("Sanaa province",), "YE-HU": ("Hodeidah province",), "YE-MA": ("Marib province",),
    "AF-HEL": ("Helmand",), "AF-KAN": ("Kandahar province",), "UA-14": ("Donetsk region", "Donetsk oblast"),
    "UA-09": ("Luhansk region", "Luhansk oblast", "Lugansk region"),
}

# Regions that are no ISO subdivision but are named in the news: (name, country, lat, lon, aliases).
EXTRA_REGIONS: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    ("Gaza Strip", "PS", 31.42, 34.37, ("Gaza",)),
    ("West Bank", "PS", 31.95, 35.25, ("Judea and Samaria",)),
    ("Kurdistan Region", "IQ", 36.2, 44.2, ("Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI")),
    ("South Ossetia", "GE", 42.35, 44.0, ("Tskhinvali Region",)),
    ("Abkhazia", "GE", 43.0, 41.0, ()),
    ("Transnistria", "MD", 47.25, 29.4, ()),
    ("Donbas", "UA", 48.3, 38.3, ("Donbass",)),
    ("Crimea", "UA", 45.3, 34.4, ("Crimean Peninsula",)),
    ("Sinai", "EG", 29.5, 33.8, ("Sinai Peninsula", "North Sinai")),
    ("Darfur", "SD", 13.5, 24.0, ()),
    ("Kashmir", "IN", 34.0, 75.5, ()),
    ("Sahel", "ML", 15.0, 2.0, ()),
    ("Middle East", "", 29.0, 42.0, ("Mideast",)),
    ("Europe", "", 48.69, 9.14, ()),
    ("Africa", "", 7.19, 21.09, ()),
    ("Asia", "", 29.84, 89.3, ()),
    ("North America", "", 46.07, -100.55, ()),
    ("South America", "", -14.6, -57.66, ()),
    ("European Union", "", 50.84, 4.38, ("EU", "E.U.")),
    ("Persian Gulf", "", 27.0, 51.0, ("Gulf", "Arabian Gulf")),
    ("Mediterranean", "", 35.0, 18.0, ("Mediterranean Sea",)),
    ("Red Sea", "", 20.0, 38.5, ()),
    ("Black Sea", "", 43.0, 35.0, ()),
    ("Balkans", "", 43.0, 21.0, ()),
    ("Caucasus", "", 42.5, 45.0, ("North Caucasus",)),
    ("Scandinavia", "", 62.0, 14.0, ()),
    ("Latin America", "", -4.0, -64.0, ()),
    ("Northern Ireland", "GB", 54.6, -6.7, ()),
    ("Scotland", "GB", 56.8, -4.2, ()),
    ("England", "GB", 52.5, -1.5, ()),
    ("Wales", "GB", 52.3, -3.7, ()),
    ("Siberia", "RU", 60.0, 105.0, ()),
    ("Nagorno-Karabakh", "AZ", 39.8, 46.75, ("Karabakh", "Artsakh")),
    ("Tigray", "ET", 14.0, 39.0, ()),
)

# AP-style abbreviations of US states and Canadian provinces, as written after a town
# ("Gainesville, Ga."), to ISO 3166-2 codes. Only matched when written with a period.
_US_STATES: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO",
    "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA",
    "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "Penn.": "PA",
    "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT",
    "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV", "Wis.": "WI", "Wisc.": "WI",
    "Wyo.": "WY", "D.C.": "DC",
}
REGION_ABBREVIATIONS: dict[str, str] = {
    **{a: f"US-{c}" for a, c in _US_STATES.items()},
    "B.C.": "CA-BC", "Alta.": "CA-AB", "Sask.": "CA-SK", "Man.": "CA-MB", "Ont.": "CA-ON",
    "Que.": "CA-QC", "N.S.": "CA-NS", "N.B.": "CA-NB", "Nfld.": "CA-NL", "P.E.I.": "CA-PE",
}
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower",
})

# Words that make a name an organisation, a unit or a title rather than a place.
ORGANISATION_WORDS = frozenset({
    "force", "forces", "brigade", "brigades", "army", "party", "guard", "guards", "corps",
    "front", "movement", "council", "ministry", "battalion", "division", "regiment", "militia",
    "committee", "police", "department", "university", "college", "school", "company", "inc",
    "corporation", "association", "union", "commission", "agency", "court", "parliament",
    "government", "administration", "church", "hospital", "news", "times", "post",
    "journal", "club", "team", "group", "organization", "organisation", "office", "service",
    "authority", "board", "institute", "foundation", "network", "league", "tribune", "herald",
})

# Actor names that contain or equal a place name; never resolved to a place.
ACTOR_NAMES = frozenset({
    "quds", "quds force", "hezbollah", "hizbollah", "hizballah", "islamic state", "isis", "isil",
    "daesh", "kataib hezbollah", "hamas", "taliban", "al qaeda", "qaeda", "houthis", "houthi",
    "ansar allah", "wagner", "al shabaab", "shabaab", "boko haram", "pkk", "ypg", "sdf", "pmf",
    "hashd", "irgc", "idf", "nato", "un", "jnim", "hts", "hayat tahrir sham", "nusra",
})

# The seat of each first-level subdivision that the airports do not tie to a geonames admin1
# code (ISO 3166-2 code -> the town's name as geonames spells it). The subdivision is then
# placed at the middle of the towns of the seat's admin1, as the others are.
SUBDIVISION_SEATS: dict[str, str] = {
    # Iraq
    "IQ-BB": "Al Hillah", "IQ-DI": "Baqubah", "IQ-DQ": "Nasiriyah", "IQ-MA": "Al Amarah",
    "IQ-MU": "As Samawah", "IQ-QA": "Ad Diwaniyah", "IQ-SD": "Tikrit", "IQ-WA": "Al Kut",
    # Syria
    "SY-DI": "Damascus", "SY-DY": "Deir ez-Zor", "SY-HI": "Homs", "SY-HL": "Aleppo", "SY-LA": "Latakia",
    # Yemen
    "YE-AB": "Zinjibar", "YE-AD": "Aden", "YE-HD": "Al Mukalla", "YE-JA": "Al Hazm", "YE-SD": "Sa'dah",
    "YE-SN": "Sanaa", "YE-TA": "Taiz", "YE-RA": "Al Jabin",
    # Lebanon
    "LB-AK": "Halba", "LB-AS": "Tripoli", "LB-BA": "Beirut", "LB-BH": "Baalbek", "LB-BI": "Zahle",
    "LB-JA": "Sidon", "LB-JL": "Baabda", "LB-NA": "Nabatîyé et Tahta",
    # Afghanistan
    "AF-DAY": "Nili", "AF-JOW": "Shibirghān",
    "AF-KNR": "Asadabad", "AF-LAG": "Mehtar Lam", "AF-LOG": "Pul-e Alam", "AF-NIM": "Zaranj",
    "AF-NUR": "Parun", "AF-PAN": "Bazarak", "AF-PIA": "Gardez", "AF-SAM": "Aibak",
    # Libya
    "LY-BU": "Tobruk", "LY-JA": "Al Bayda", "LY-JG": "Gharyan", "LY-JI": "Al Aziziyah",
    "LY-JU": "Hun", "LY-MB": "Al Khums", "LY-MQ": "Murzuk", "LY-NQ": "Zuwarah", "LY-SR": "Sirte",
    "LY-TB": "Tripoli", "LY-WA": "Ajdabiya", "LY-WD": "Ubari",
    # Somalia
    "SO-AW": "Borama", "SO-BK": "Xuddur", "SO-HI": "Beledweyne", "SO-JD": "Bu'aale",
    "SO-JH": "Kismayo", "SO-SD": "Jawhar", "SO-SH": "Marka", "SO-SO": "Laascaanood",
    # Egypt
    "EG-ALX": "Alexandria", "EG-BA": "Hurghada", "EG-BH": "Damanhur", "EG-C": "Cairo",
    "EG-DK": "Al Mansurah", "EG-DT": "Damietta", "EG-GH": "Tanta", "EG-GZ": "Giza", "EG-IS": "Ismailia",
    "EG-JS": "El-Tor", "EG-KB": "Banha", "EG-LX": "Luxor",
    # Saudi Arabia
    "SA-02": "Makkah", "SA-04": "Dammam", "SA-05": "Buraydah", "SA-08": "Arar", "SA-09": "Jizan",
    "SA-14": "Abha",
    # Israel and Palestine
    "IL-HA": "Haifa", "IL-JM": "Jerusalem", "IL-TA": "Tel Aviv", "IL-Z": "Nazareth",
    "IL-D": "Beersheba", "IL-M": "Ramla",
    # Iran
    "IR-03": "Tabriz", "IR-09": "Mashhad", "IR-10": "Isfahan", "IR-11": "Zahedan",
    "IR-14": "Shahr-e Kord", "IR-17": "Yasuj",
    # Georgia
    "GE-GU": "Ozurgeti", "GE-IM": "Kutaisi", "GE-KA": "Telavi", "GE-KK": "Rustavi",
    "GE-MM": "Mtskheta", "GE-SJ": "Akhaltsikhe", "GE-SK": "Gori", "GE-SZ": "Zugdidi",
    # Nigeria
    "NG-AB": "Umuahia", "NG-AK": "Uyo", "NG-AN": "Awka", "NG-BY": "Yenagoa", "NG-EB": "Abakaliki",
    "NG-EK": "Ado-Ekiti", "NG-FC": "Abuja", "NG-JI": "Dutse", "NG-KE": "Birnin Kebbi",
    "NG-KO": "Lokoja", "NG-OG": "Abeokuta", "NG-OS": "Osogbo",
    # Ukraine
    "UA-32": "Bila Tserkva", "UA-65": "Kherson", "UA-71": "Cherkasy",
    "UA-74": "Chernihiv",
}
