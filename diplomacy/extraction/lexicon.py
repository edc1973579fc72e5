"""Per-language word lists: roles, meeting and speech words, pronouns, blockers, dates.

All phrases are written as they appear in text; they are folded (lower case, Latin
accents removed, hyphens and apostrophes split) when the engine indexes them, so
"întâlnire" also matches "intalnire". Russian case endings are handled by the
matcher's stemming, so Russian entries are given in their dictionary form where
that form is enough.
"""

from __future__ import annotations

LANGUAGES = ("en", "ro", "fr", "de", "es", "it", "pt", "ru")

HOS, HOG, FM = "head_of_state", "head_of_government", "foreign_minister"

# Role phrases: {language: {phrase: (role, implied country or None)}}.
# "counterpart" takes the role of the leader it is the counterpart of ("Lavrov met his
# Chinese counterpart" is China's foreign minister).
# The "chancellor_or_fm" role is Spanish/Portuguese "canciller/chanceler": a foreign
# minister in Latin America, the head of government for Germany and Austria.
ROLES: dict[str, dict[str, tuple[str, str | None]]] = {
    "en": {
        "counterpart": ("counterpart", None),
        "president": (HOS, None),
        "prime minister": (HOG, None),
        "premier": (HOG, None),
        "chancellor": (HOG, None),
        "foreign minister": (FM, None),
        "minister of foreign affairs": (FM, None),
        "external affairs minister": (FM, None),
        "minister of external affairs": (FM, None),
        "secretary of state": (FM, "US"),
        "leader": (HOS, None),
        "supreme leader": (HOS, None),
        "head of state": (HOS, None),
        "head of government": (HOG, None),
        "top diplomat": (FM, None),
    },
    "ro": {
        "omologul": ("counterpart", None),
        "omoloaga": ("counterpart", None),
        "omologului": ("counterpart", None),
        "președinte": (HOS, None),
        "președintele": (HOS, None),
        "președintelui": (HOS, None),
        "președinta": (HOS, None),
        "președintei": (HOS, None),
        "lider": (HOS, None),
        "liderul": (HOS, None),
        "liderului": (HOS, None),
        "liderul suprem": (HOS, None),
        "șeful statului": (HOS, None),
        "șeful guvernului": (HOG, None),
        "premier": (HOG, None),
        "premierul": (HOG, None),
        "premierului": (HOG, None),
        "prim-ministru": (HOG, None),
        "prim-ministrul": (HOG, None),
        "prim-ministrului": (HOG, None),
        "prim-ministra": (HOG, None),
        "premiera": (HOG, None),
        "cancelarul": (HOG, None),
        "cancelarului": (HOG, None),
        "ministrul de externe": (FM, None),
        "ministrului de externe": (FM, None),
        "ministrul afacerilor externe": (FM, None),
        "șeful diplomației": (FM, None),
        "secretarul de stat american": (FM, "US"),
    },
    "fr": {
        "homologue": ("counterpart", None),
        "président": (HOS, None),
        "présidente": (HOS, None),
        "chef de l'état": (HOS, None),
        "premier ministre": (HOG, None),
        "première ministre": (HOG, None),
        "chef du gouvernement": (HOG, None),
        "chef de l'exécutif": (HOG, None),
        "chancelier": (HOG, None),
        "chancelière": (HOG, None),
        "ministre des affaires étrangères": (FM, None),
        "chef de la diplomatie": (FM, None),
        "secrétaire d'état": (FM, "US"),
        "dirigeant": (HOS, None),
    },
    "de": {
        "amtskollege": ("counterpart", None),
        "amtskollegen": ("counterpart", None),
        "präsident": (HOS, None),
        "präsidentin": (HOS, None),
        "staatschef": (HOS, None),
        "bundeskanzler": (HOG, "DE"),
        "bundeskanzlerin": (HOG, "DE"),
        "kanzler": (HOG, None),
        "kanzlerin": (HOG, None),
        "premierminister": (HOG, None),
        "ministerpräsident": (HOG, None),
        "regierungschef": (HOG, None),
        "außenminister": (FM, None),
        "außenministerin": (FM, None),
        "staatspräsident": (HOS, None),
        "kremlchef": (HOS, "RU"),
    },
    "es": {
        "homólogo": ("counterpart", None),
        "homóloga": ("counterpart", None),
        "presidente": (HOS, None),
        "presidenta": (HOS, None),
        "mandatario": (HOS, None),
        "mandataria": (HOS, None),
        "jefe de estado": (HOS, None),
        "jefe del estado": (HOS, None),
        "jefe de gobierno": (HOG, None),
        "jefe del gobierno": (HOG, None),
        "jefa de gobierno": (HOG, None),
        "jefa del gobierno": (HOG, None),
        "jefe del ejecutivo": (HOG, None),
        "jefa del ejecutivo": (HOG, None),
        "jefa de estado": (HOS, None),
        "presidente del gobierno": (HOG, "ES"),
        "primer ministro": (HOG, None),
        "primera ministra": (HOG, None),
        "canciller": ("chancellor_or_fm", None),
        "ministro de relaciones exteriores": (FM, None),
        "ministro de asuntos exteriores": (FM, None),
        "ministro de exteriores": (FM, None),
        "jefe de la diplomacia": (FM, None),
        "jefa de la diplomacia": (FM, None),
        "secretario de estado": (FM, "US"),
        "líder": (HOS, None),
    },
    "it": {
        "omologo": ("counterpart", None),
        "omologa": ("counterpart", None),
        "presidente": (HOS, None),
        "presidente del consiglio": (HOG, "IT"),
        "premier": (HOG, None),
        "primo ministro": (HOG, None),
        "prima ministra": (HOG, None),
        "cancelliere": (HOG, None),
        "ministro degli esteri": (FM, None),
        "ministro degli affari esteri": (FM, None),
        "capo dello stato": (HOS, None),
        "capo del governo": (HOG, None),
        "capo dell'esecutivo": (HOG, None),
        "capo della diplomazia": (FM, None),
        "segretario di stato": (FM, "US"),
        "leader": (HOS, None),
    },
    "pt": {
        "homólogo": ("counterpart", None),
        "homóloga": ("counterpart", None),
        "presidente": (HOS, None),
        "presidenta": (HOS, None),
        "mandatário": (HOS, None),
        "governante": (HOS, None),
        "chefe de estado": (HOS, None),
        "chefe do estado": (HOS, None),
        "chefe do governo": (HOG, None),
        "chefe de governo": (HOG, None),
        "chefe do executivo": (HOG, None),
        "primeiro-ministro": (HOG, None),
        "primeira-ministra": (HOG, None),
        "chanceler": ("chancellor_or_fm", None),
        "ministro das relações exteriores": (FM, None),
        "ministro dos negócios estrangeiros": (FM, None),
        "chefe da diplomacia": (FM, None),
        "secretário de estado": (FM, "US"),
        "líder": (HOS, None),
    },
    "ru": {
        "президент": (HOS, None),
        "лидер": (HOS, None),
        "глава государства": (HOS, None),
        "глава правительства": (HOG, None),
        "председатель правительства": (HOG, None),
        "председатель кнр": (HOS, "CN"),
        "премьер": (HOG, None),
        "премьер-министр": (HOG, None),
        "канцлер": (HOG, None),
        "министр иностранных дел": (FM, None),
        "глава мид": (FM, None),
        "госсекретарь": (FM, "US"),
    },
}

# Words after a role that make it not the present holder ("president-elect").
ROLE_ELECT = {
    "elect",
    "élu",
    "élue",
    "ales",
    "aleasă",
    "eletto",
    "eletta",
    "electo",
    "electa",
    "eleito",
    "eleita",
    "gewählte",
    "gewählter",
    "избранный",
    "избранного",
    "sortant",
    "former",
    "fostul",
    "ex",
    "ancien",
    "expresidente",
    "outgoing",
    "uscente",
    "saliente",
}

# Words that link a role to the country named after it ("president OF Russia").
ROLE_LINKS = {
    "of",
    "the",
    "de",
    "a",
    "al",
    "lui",
    "du",
    "des",
    "la",
    "l",
    "del",
    "della",
    "dello",
    "dell",
    "dei",
    "do",
    "da",
    "dos",
    "das",
    "der",
    "von",
    "di",
}

# Nouns after which a person is a dependant, not an actor: "Trump's envoy", "the
# Elysée's entourage", "спецпосланник Трампа", "consilierul lui Putin".
RELATIONAL_NOUNS = {
    "en": "envoy envoys spokesperson spokesman spokeswoman adviser advisor aide aides office "
    "government administration entourage ambassador representative son daughter wife "
    "husband camp cabinet staff campaign team",
    "ro": "emisarul emisar trimisul trimis purtătorul purtătoarea consilierul consilier "
    "consiliera guvernul administrația administrației cabinetul echipa ambasadorul "
    "reprezentantul fiul fiica soția soțul anturajul",
    "fr": "émissaire envoyé porte-parole conseiller conseillère entourage gouvernement "
    "administration cabinet équipe ambassadeur représentant fils fille épouse",
    "de": "gesandter gesandte sprecher sprecherin berater beraterin regierung verwaltung "
    "team botschafter vertreter sohn tochter frau",
    "es": "enviado emisario portavoz asesor asesora gobierno administración entorno equipo "
    "embajador representante hijo hija esposa",
    "it": "inviato emissario portavoce consigliere consigliera governo amministrazione "
    "entourage staff squadra ambasciatore rappresentante figlio figlia moglie",
    "pt": "enviado emissário porta-voz assessor assessora conselheiro governo administração "
    "equipe equipa embaixador representante filho filha esposa",
    "ru": "посланник спецпосланник спецпредставитель представитель пресс-секретарь "
    "помощник советник правительство администрация окружение посол сын дочь жена "
    "команда",
}

# Meeting words (single words). Only forms that report a meeting as done or happening:
# past and present tenses and nouns, never infinitives or futures ("will meet",
# "s'entretiendra"), which are simply absent.
MEETING_WORDS = {
    "en": "met meets meeting meetings talks talked summit conversation call videoconference "
    "spoke hosted received visited visiting visit dinner discussions negotiations welcomed "
    "lunch breakfast",
    "ro": "întâlnit întâlniți întâlnire întâlnirea întâlnirii întâlniri întâlnirile discuție "
    "discuția discuției "
    "întrevedere întrevederea întrevederii discuții discuțiile discuțiilor convorbire "
    "convorbirea convorbirii convorbiri conversație conversația conversației dialog "
    "vorbit summit summitul summitului reuniune reuniunea reuniunii vizită vizita "
    "vizitei vizitat primit întâmpinat găzduit apel apelul negocieri negocierile "
    "consultări discutat văzut dejun dejunul cină cina prânz",
    "fr": "rencontré rencontrés rencontrée rencontre rencontres entretenu entretenus "
    "entretenue entretien entretiens sommet réunion réunis reçu reçue accueilli "
    "accueillie visite visité parlé téléphoné appel dîner négociations discussions "
    "pourparlers retrouvés retrouvées déjeuner petit-déjeuner dîné déjeuné réunissant "
    "visioconférence échange échangé reçus reçues accueillis",
    "de": "traf trafen getroffen treffen gespräch gespräche telefonat telefonierte "
    "telefonierten gipfel besuch besuchte empfing empfangen verhandlungen "
    "zusammengetroffen gipfeltreffen gesprächen telefoniert sprach sprachen begegnung "
    "unterredung zusammenkunft abendessen mittagessen arbeitsessen zusammengekommen "
    "beraten beriet berieten telefonisch "
    "einzelgespräch einzelgesprächen dreiertreffen spitzentreffen",
    "es": "reunió reunieron reunión reuniones encuentro encuentros encontró cumbre "
    "conversación conversó conversaron habló hablaron llamada visita visitó recibió "
    "negociaciones conversaciones diálogo conversado visto recibido recibida reunido "
    "reunidos almuerzo almorzó cenaron cenado cena desayuno videoconferencia videollamada "
    "recibidos recibidas",
    "it": "incontrato incontrati incontro incontri colloquio colloqui vertice telefonata "
    "parlato sentito visita visitato ricevuto accolto riunione summit cena trattative "
    "negoziati visti ricevuta riuniti pranzo colazione videoconferenza videochiamata "
    "ricevuti ricevute accolti accolta sentiti vista",
    "pt": "reuniu reuniram reunião reuniões encontro encontros encontrou encontraram "
    "cúpula conversa conversou conversaram falou falaram telefonema ligação visita "
    "visitou recebeu negociações conversado falado recebido recebida reunido reunidos "
    "almoço jantar almoçou jantou videoconferência videochamada recebidos recebidas",
    "ru": "встретился встретилась встретились встреча встречи переговоры переговорах "
    "переговоров беседа беседовал беседовали разговор созвонились поговорил "
    "поговорили саммит визит принял обсудили встречались встречался встречалась принимал "
    "принимала обед ужин принят принята приняты",
}
# Separable verbs whose particle closes the clause: "Erdoğan kam in Vilnius mit
# Kristersson zusammen". The verb is a meeting word only with its particle after it.
SEPARABLE_MEETING_VERBS = {
    "de": {"kam": "zusammen", "kamen": "zusammen"},
}
# Words that make one meeting word stand for several meetings, one per pair: "met
# separately with X and Y", "trafen Selenskyj zu Einzelgesprächen", "sendos encuentros".
DISTRIBUTIVE = (
    "separately individually respectively successively separat separate succesiv "
    "respectiv séparément successivement respectivement getrennt einzeln jeweils "
    "einzelgesprächen einzelgespräche einzelgespräch sendos sendas separadamente "
    "respectivamente sucesivamente separatamente rispettivamente singolarmente "
    "sucessivamente separati separate separato separata separados separadas séparés "
    "séparées отдельные отдельных отдельно отдельности поочередно meetings întâlniri întâlnirile "
    "rencontres reuniones encuentros incontri reuniões encontros"
)
# Prepositions before a leader who is the topic, not a party: "a message for Orbán",
# "sanctions against Putin", "un mesaj pentru Orban".
NOT_PARTY_PREPOSITIONS = {
    "en": "for against about",
    "ro": "pentru împotriva contra despre",
    "fr": "pour contre sur",
    "de": "für gegen über",
    "es": "para contra sobre",
    "it": "per contro",
    "pt": "para contra sobre",
    "ru": "для против о об",
}
# Multi-word meeting expressions.
MEETING_PHRASES = {
    "en": ("sat down with", "face-to-face", "phone call", "tête-à-tête"),
    "ro": ("stat de vorbă", "față în față"),
    # An infinitive after "before" shares the tense of the main verb: "a partagé un
    # petit-déjeuner avec X, avant de s'entretenir avec Y" reports both meetings.
    "fr": (
        "tête-à-tête",
        "face-à-face",
        "avant de s'entretenir",
        "avant de rencontrer",
        "avant de recevoir",
    ),
    "de": (),
    "es": ("cara a cara", "antes de reunirse", "antes de entrevistarse"),
    # "Ad accogliere X è stato Y": the cleft infinitive reports the reception.
    "it": (
        "faccia a faccia",
        "prima di incontrare",
        "prima di ricevere",
        "ad accogliere",
        "a ricevere",
    ),
    "pt": ("cara a cara", "antes de se reunir", "antes de reunir-se", "antes de se encontrar"),
    "ru": ("провел встречу", "провели встречу", "провели переговоры", "провел переговоры"),
}
# Meeting words too vague to stand alone: they make a meeting only when the other
# party follows with "with" ("talks with", "spoke with") or the two are conjoined
# ("Putin and Kim held talks").
WEAK_MEETING_WORDS = {
    "talks",
    "talked",
    "discussions",
    "negotiations",
    "conversation",
    "spoke",
    "call",
    "dialog",
    "discuție",
    "discuția",
    "discuției",
    "discuții",
    "discuțiile",
    "discuțiilor",
    "negocieri",
    "negocierile",
    "consultări",
    "vorbit",
    "apel",
    "apelul",
    "négociations",
    "pourparlers",
    "visioconférence",
    "échange",
    "échangé",
    "videoconferencia",
    "videollamada",
    "videoconferenza",
    "videochiamata",
    "videoconferência",
    "videochamada",
    "parlé",
    "appel",
    "verhandlungen",
    "gespräch",
    "gespräche",
    "gesprächen",
    "sprach",
    "sprachen",
    "discutat",
    "reunido",
    "reunidos",
    "riuniti",
    "retrouvés",
    "retrouvées",
    "recebido",
    "recebida",
    "ricevuta",
    "ricevuti",
    "ricevute",
    "accolti",
    "accolta",
    "sentiti",
    "vista",
    "reçus",
    "reçues",
    "accueillis",
    "recibidos",
    "recibidas",
    "recebidos",
    "recebidas",
    "принимал",
    "принимала",
    "принят",
    "принята",
    "приняты",
    "recibido",
    "recibida",
    "conversado",
    "visto",
    "visti",
    "falado",
    "văzut",
    "negociaciones",
    "conversaciones",
    "diálogo",
    "habló",
    "hablaron",
    "trattative",
    "negoziati",
    "sentito",
    "parlato",
    "beraten",
    "beriet",
    "berieten",
    "telefonisch",
    "negociações",
    "falou",
    "falaram",
    "conversa",
    "переговоры",
    "переговорах",
    "переговоров",
    "обсудили",
    "разговор",
    "received",
    "welcomed",
    "primit",
    "reçu",
    "reçue",
    "ricevuto",
    "recibió",
    "recebeu",
    "принял",
    "hosted",
    "găzduit",
    "accueilli",
    "accueillie",
    "accolto",
    "empfing",
    "empfangen",
    "dinner",
    "cena",
    "dîner",
    "lunch",
    "breakfast",
    "dejun",
    "dejunul",
    "cină",
    "cina",
    "prânz",
    "déjeuner",
    "petit-déjeuner",
    "dîné",
    "déjeuné",
    "abendessen",
    "mittagessen",
    "arbeitsessen",
    "almuerzo",
    "almorzó",
    "cenaron",
    "cenado",
    "desayuno",
    "pranzo",
    "colazione",
    "almoço",
    "jantar",
    "almoçou",
    "jantou",
    "обед",
    "ужин",
    "visit",
    "visita",
    "vizită",
    "vizita",
    "vizitei",
    "visite",
    "besuch",
    "визит",
    "visiting",
}

# Words in a meeting's clause that make it a phone or video call.
CALL_WORDS = {
    "telefonico",
    "telefónico",
    "telefônico",
    "telefonica",
    "telefônica",
    "telephoned",
    "phoned",
    "phone",
    "telephone",
    "call",
    "videoconference",
    "telefon",
    "telefonic",
    "telefonică",
    "apel",
    "apelul",
    "videoconferință",
    "téléphone",
    "téléphonique",
    "appel",
    "visioconférence",
    "telefonat",
    "telefonierte",
    "telefonierten",
    "telefoniert",
    "telefonisch",
    "telefongespräch",
    "videoschalte",
    "videogipfel",
    "videokonferenz",
    "teléfono",
    "telefónica",
    "llamada",
    "videollamada",
    "telefono",
    "telefonata",
    "videochiamata",
    "telefone",
    "telefonema",
    "ligação",
    "videochamada",
    "videoconferencia",
    "videoconferenza",
    "videoconferência",
    "телефон",
    "телефонный",
    "телефонному",
    "телефонного",
    "телефонном",
    "созвонились",
    "видеосвязи",
    "convorbire telefonică",
    "видеоконференции",
    "видеоконференция",
    "видеосвязь",
    "телефону",
}
# Words that introduce the means of a meeting ("per Videoschalte", "по телефону", "by
# phone"): with a call word after them anywhere in the sentence, the meeting is a call.
CALL_MEANS = {
    "en": "by via over",
    "ro": "prin",
    "fr": "par",
    "de": "per",
    "es": "por",
    "it": "per",
    "pt": "por",
    "ru": "по режиме",
}
# Words that make a meeting a visit or a reception at the host's seat.
VISIT_WORDS = {
    "visit",
    "visited",
    "visiting",
    "received",
    "hosted",
    "welcomed",
    "vizită",
    "vizita",
    "vizitei",
    "vizitat",
    "primit",
    "întâmpinat",
    "găzduit",
    "visite",
    "visité",
    "reçu",
    "reçue",
    "accueilli",
    "accueillie",
    "besuch",
    "besuchte",
    "empfing",
    "empfangen",
    "visita",
    "visitó",
    "recibió",
    "visitato",
    "ricevuto",
    "accolto",
    "ricevuti",
    "ricevute",
    "ricevuta",
    "accolti",
    "accolta",
    "reçus",
    "reçues",
    "accueillis",
    "recibido",
    "recibida",
    "recibidos",
    "recibidas",
    "recebidos",
    "recebidas",
    "visitou",
    "recebeu",
    "визит",
    "визита",
    "визите",
    "принял",
    "принимал",
    "принимала",
    "принят",
    "принята",
    "приняты",
    "recebido",
    "recebida",
    "ospitato",
    "ospitata",
    "ospitati",
    "acogió",
    "găzduită",
}

# Phrases anywhere in a meeting's sentence that make it a visit: a named kind of visit
# or the honours of a reception.
VISIT_PHRASES = {
    "en": (
        "state visit",
        "official visit",
        "working visit",
        "guard of honour",
        "guard of honor",
        "military honours",
        "military honors",
        "red carpet",
        "welcoming ceremony",
    ),
    "ro": (
        "vizită de stat",
        "vizita de stat",
        "vizită oficială",
        "vizita oficială",
        "vizită de lucru",
        "onoruri militare",
        "garda de onoare",
        "gardă de onoare",
        "covorul roșu",
        "ceremonia oficială de primire",
    ),
    "fr": (
        "visite d'État",
        "visite officielle",
        "visite de travail",
        "honneurs militaires",
        "garde d'honneur",
        "tapis rouge",
        "cérémonie d'accueil",
    ),
    "de": (
        "Staatsbesuch",
        "Antrittsbesuch",
        "Arbeitsbesuch",
        "offiziellen Besuch",
        "militärischen Ehren",
        "Ehrenformation",
        "Ehrengarde",
        "roten Teppich",
    ),
    "es": (
        "visita de Estado",
        "visita oficial",
        "visita de trabajo",
        "honores militares",
        "guardia de honor",
        "alfombra roja",
    ),
    "it": (
        "visita di Stato",
        "visita ufficiale",
        "visita di lavoro",
        "onori militari",
        "picchetto d'onore",
        "guardia d'onore",
        "tappeto rosso",
    ),
    "pt": (
        "visita de Estado",
        "visita oficial",
        "visita de trabalho",
        "honras militares",
        "guarda de honra",
        "tapete vermelho",
    ),
    "ru": (
        "государственный визит",
        "государственного визита",
        "государственным визитом",
        "официальный визит",
        "официального визита",
        "официальным визитом",
        "рабочий визит",
        "рабочего визита",
        "рабочим визитом",
        "почетный караул",
        "почетного караула",
        "воинскими почестями",
        "красной дорожке",
        "красная дорожка",
    ),
}
# The host's seat named by a common noun: like a named seat (geo.py venues).
SEAT_PHRASES = {
    "en": (
        "presidential palace",
        "presidential residence",
        "official residence",
    ),
    "ro": (
        "palatul prezidențial",
        "reședința oficială",
    ),
    "fr": (
        "palais présidentiel",
        "résidence officielle",
    ),
    "de": (
        "Präsidentenpalast",
        "Präsidentenpalais",
        "Präsidialamt",
        "Amtssitz",
    ),
    "es": (
        "palacio presidencial",
        "residencia oficial",
    ),
    "it": (
        "palazzo presidenziale",
        "residenza ufficiale",
    ),
    "pt": (
        "palácio presidencial",
        "residência oficial",
    ),
    "ru": (
        "президентский дворец",
        "президентском дворце",
        "официальная резиденция",
        "официальной резиденции",
    ),
}
# Named venues that are no host's seat (ministries, parliaments, bases, conference
# palaces, private estates used for summits): a meeting there is not a reception.
NOT_SEAT_VENUES = (
    "Pentagon|Pentagonul|Capitol Hill|Капитолийский холм|Quai d'Orsay|Palais Bourbon"
    "|Farnesina|Itamaraty|Palácio do Itamaraty|Palatul Parlamentului|Casa Poporului"
    "|Lancaster House|Mansion House|Filoli|Elmendorf-Richardson|Joint Base Elmendorf-Richardson"
    "|Elmendorf|Эльмендорф-Ричардсон|Эльмендорф|Bocharov Ruchei|Bocharov Ruchey|Бочаров Ручей"
    "|Konstantinovsky Palace|Constantine Palace|Palatul Konstantinovski|palais Constantin"
    "|Konstantinpalast|Palacio Konstantínovski|Palazzo di Costantino|Palácio Konstantinovsky"
    "|Константиновский дворец|Tauride Palace|Таврический дворец|Peace Palace|Vredespaleis"
    "|Palais de la Paix|Friedenspalast|Palacio de la Paz|Palazzo della Pace|Palácio da Paz"
    "|Дворец мира|Bundeshaus|Palais fédéral|Palazzo federale|Justus Lipsius|Egmont Palace"
    "|Palais d'Egmont|Binnenhof"
)
# Words in a meeting's sentence that put it on the sidelines of a gathering: two sides
# talking there are bilateral, even when one of them hosts the gathering.
SIDELINES = {
    "en": ("sidelines", "margins", "summit"),
    "ro": ("marja", "marginea", "summitului", "summitul", "summit"),
    "fr": ("marge", "sommet"),
    "de": ("Rande", "Gipfels", "Gipfel", "Gipfeltreffens"),
    "es": ("margen", "cumbre"),
    "it": ("margine", "vertice"),
    "pt": ("margem", "bastidores", "cúpula", "cimeira"),
    "ru": ("полях", "саммита", "саммите", "саммит"),
}

# Words just before a meeting word that make it future, hypothetical, planned,
# cancelled or denied: such a meeting is not reported as having happened.
BLOCKERS = {
    "en": "will would shall could might plan plans planned expected hope hoped conditions "
    "hopes scheduled upcoming next not never cancelled canceled postponed proposed "
    "possible potential invited invite future no hold whether",
    "ro": "va vor urma urmează planificat planificată programat programată posibil "
    "posibilă nu niciun nicio anulat anulată amânat amânată viitoare viitor "
    "propus propusă ar putea invitat dacă nici condițiile condiții",
    "fr": "va vont aura auront devrait pourrait prévu prévue prévus prochain prochaine "
    "ne pas jamais annulé annulée reporté possible éventuel éventuelle futur future "
    "conditions aurait auraient serait seraient",
    "de": "wird werden soll sollen geplant geplante geplanten geplantes geplanter nicht kein "
    "keine keinen abgesagt künftig nächste nächsten mögliche möglichen kommende kommenden "
    "ob vorgesehen vorgesehene vorgesehenes vorgesehenen vorgesehener",
    "es": "va van prevista previsto próxima próximo no nunca cancelada cancelado "
    "posible futura futuro planea planeada reunirá tampoco habría habrían sería serían",
    "it": "prevista previsto prossima prossimo non mai annullato annullata possibile "
    "futuro futura terrà dovrebbe potrebbe neanche nemmeno neppure avrebbe avrebbero "
    "sarebbe sarebbero",
    "pt": "vai vão irá prevista previsto próxima próximo não nunca cancelada cancelado "
    "possível futura futuro tampouco nem teria teriam seria seriam",
    "ru": "будет будут состоится планируется планирует предстоящая предстоящей "
    "предстоящие не отменена отменил возможная возможной следующей следующая следующую "
    "ожидается запланирована запланирован запланированы намечена намечен намечены",
}
# Verbs that rule a meeting out ("descartó un encuentro con Trump"): added to BLOCKERS and
# NEGATIONS below.
RULED_OUT = (
    "denied denies démenti dément démentait smentito smentisce negou nega negó niega "
    "dementierte bestritt dementiert negat dezmințit опроверг опровергли отрицал "
    "ruled ruling rejected declined refused descartó rechazó descartado exclu écarté refusé "
    "escluso respinto descartou rejeitou recusou ausgeschlossen lehnte exclus respins "
    "refuzat исключил отказался отверг schloss schlossen lehnt lehnen"
)
# "ohne Begegnung", "sans rencontre", "senza incontro": a meeting that did not happen.
WITHOUT = "without fără sans ohne sin senza sem без"
for _lang in BLOCKERS:
    BLOCKERS[_lang] += " " + RULED_OUT + " " + WITHOUT

# Blockers that deny a meeting rather than put it off: a negated or cancelled meeting is
# no meeting at all, not even a planned one; nor is one only asked about ("whether").
NEGATIONS = (
    "dacă whether ob not never no nu niciun nicio ne pas jamais nicht kein keine keinen "
    "nunca non mai não "
    "не ни tampoco neanche nemmeno neppure tampouco nem nici cancelled canceled anulat "
    "anulată annulé annulée abgesagt cancelado cancelada "
    "annullato annullata отменена отменен отменили " + RULED_OUT + " " + WITHOUT
)
# Wishes and modal verbs anywhere before a meeting word in its sentence: the meeting is
# wanted, hoped for or due, not reported ("Scholz will … Putin treffen" = wants to meet).
WISH_VERBS = {
    "en": "wants want wanted hopes ready seeks willing welcome",
    "ro": "vrea vor dorește doresc speră pregătit pregătită dispus dispusă",
    "fr": "souhaite souhaitent veut veulent espère espèrent doit doivent prêt prête prêts",
    "de": "soll sollen will wollen möchte möchten hofft bereit sollte sollten",
    "es": "quiere quieren espera desea desean dispuesto dispuesta",
    "it": "vuole vogliono spera auspica pronto pronta disposto disposta",
    "pt": "quer querem deseja desejam espera pronto pronta disposto disposta",
    "ru": "хочет хотят надеется готов готова",
}

# Speech verbs: a name next to one is the speaker of a quote or a reporter. Past,
# present and (where the past is compound) participle forms.
SPEECH_VERBS = {
    "en": "said says told tells added adds stated declared announced wrote posted noted "
    "stressed emphasised emphasized insisted warned replied asked continued "
    "explained remarked described confirmed reports reported expressed praised thanked "
    "welcomed called urged argued acknowledged admitted recalled assured vowed "
    "reiterated underlined commented tweeted responded",
    "ro": "spus declarat afirmat adăugat subliniat scris transmis anunțat precizat "
    "arătat explicat răspuns spunând încheiat comentat continuat menționat "
    "notat insistat avertizat relatat citat întrebat urat început lăudat mulțumit "
    "exprimat salutat cerut spune declară afirmă subliniază precizează recunoscut "
    "reiterat apreciat insistă",
    "fr": "dit déclaré affirmé ajouté souligné écrit annoncé précisé expliqué répondu "
    "indiqué estimé assuré insisté averti confié lancé poursuivi salué remercié "
    "exprimé jugé répété rétorqué regretté martelé reconnu rappelé prévenu plaidé "
    "déclare affirme ajoute souligne estime explique assure insiste",
    "de": "sagte sagten erklärte betonte schrieb fügte hinzu kündigte warnte antwortete "
    "lobte dankte nannte meinte sagt gesagt erklärt betont geschrieben hinzugefügt "
    "angekündigt gewarnt geantwortet meint gemeint versicherte versichert bekräftigte "
    "bekräftigt unterstrich unterstrichen sprach spricht räumte kritisierte kritisiert "
    "bezeichnete",
    "es": "dijo afirmó declaró aseguró añadió agregó señaló subrayó escribió anunció "
    "explicó respondió indicó advirtió manifestó expresó agradeció elogió replicó "
    "insistió recordó sostuvo reiteró dice afirma declara asegura señala explica "
    "sentenció criticó reconoció admitió destacó apuntó comentó precisó enfatizó "
    "remarcó dicho afirmado declarado asegurado replicado explicado",
    "it": "detto dichiarato affermato aggiunto sottolineato scritto annunciato spiegato "
    "risposto avvertito ribadito spiega dice annunciando osservato ringraziato "
    "elogiato espresso confermato ricordato replicato riferito assicurato "
    "dichiara afferma sottolinea aggiunge ribadisce commentato precisato insistito "
    "rimarcato evidenziato",
    "pt": "disse afirmou declarou acrescentou destacou escreveu anunciou explicou "
    "respondeu apontou postou ressaltou salientou avaliou agradeceu elogiou lembrou "
    "garantiu descreveu defendeu afirmado dito declarado diz afirma declara reiterou "
    "sublinhou frisou admitiu reconheceu assegurou comentou insistiu sublinha "
    "acrescenta",
    "ru": "сказал сказала заявил заявила отметил отметила добавил добавила подчеркнул "
    "подчеркнула написал написала сообщил сообщила рассказал рассказала ответил "
    "ответила пояснил заметил поблагодарил похвалил говорил говорила заявлял "
    "заявляла отмечал подчеркивал уточнил уточнила прокомментировал "
    "прокомментировала признал признала указал напомнил напомнила говорит заявляет "
    "отмечает подчеркивает",
}

# Verbs that report what someone said without being plain "said": they introduce
# reported speech and quotations ("Vance acusó a Dinamarca de «…»", "Lavrov ha bollato
# la riunione come «…»"), but no reporter of a meeting.
REPORTING_VERBS = {
    "en": "adding saying noting insisting arguing warning stressing accused suggested "
    "proposed promised pledged dismissed",
    "ro": "acuzat propus promis considerat estimat recunoscut calificat spunând",
    "fr": "accusé accusant proposé promis qualifié appelé invité ajoutant estimant "
    "assurant soulignant",
    "de": "schlug warf forderte machte stellte",
    "es": "acusó propuso prometió descartó calificó pidió insistido reiterado decir "
    "añadiendo asegurando",
    "it": "accusato proposto promesso parlato bollato definito invitato chiesto ammesso "
    "riconosciuto aggiungendo",
    "pt": "acusou propôs prometeu descartou pediu classificou criticou acrescentando afirmando",
    "ru": "выразил выразила призвал призвала предложил предложила обвинил обвинила "
    "назвал назвала пообещал пообещала",
}

# Reporting verbs that carry their content without "that": "Sandu a mulțumit pentru
# sprijin", "Der Kanzler fügte hinzu, Europa müsse …", "La premier ha annunciato un
# contributo", "Nielsen descartó reunirse con Trump".
REPORTS_ALONE = {
    "en": "thanked",
    "ro": "mulțumit acuzat",
    "fr": "remercié accusé",
    "de": "dankte hinzu",
    "es": "agradeció acusó descartó",
    "it": "ringraziato annunciato accusato",
    "pt": "agradeceu descartou acusou",
    "ru": "поблагодарил поблагодарила обвинил обвинила",
}

# Heads of descriptions that stand for a person named before: "sagte der
# SPD-Politiker", "ha detto il tycoon", "a poursuivi le locataire de l'Élysée",
# "the French minister added". German compounds end in them ("Linkspolitiker").
PERSON_NOUNS = {
    "en": "minister president leader premier chancellor politician tycoon billionaire "
    "republican democrat",
    "ro": "liderul președintele premierul ministrul șeful cancelarul politicianul miliardarul",
    "fr": "ministre président présidente chef cheffe dirigeant dirigeante locataire "
    "milliardaire chancelier chancelière représentant",
    "de": "politiker politikerin kanzler kanzlerin präsident präsidentin chef chefin "
    "minister ministerin jährige jähriger",
    "es": "mandatario mandataria presidente presidenta jefe jefa líder ministro ministra "
    "canciller dirigente magnate republicano vocero",
    "it": "tycoon premier presidente ministro ministra leader titolare capo cancelliere "
    "inquilino miliardario",
    "pt": "mandatário presidente presidenta chefe líder ministro ministra republicano "
    "petista governante",
    "ru": "глава президент лидер премьер министр политик генсек генсекретарь",
}

# An infinitive after a speech verb reports what was said: "a dit vouloir", "disse
# esperar", "ha ribadito di essere pronto", "se limitó a decir". Word endings of the
# infinitive, and the particles that may stand before it.
INFINITIVE_ENDINGS = {
    "fr": ("er", "ir", "re", "oir"),
    "es": ("ar", "er", "ir"),
    "it": ("are", "ere", "ire"),
    "pt": ("ar", "er", "ir", "or"),
    "ru": ("ть", "ться", "ти"),
}
INFINITIVE_LINKS = {
    "fr": "de d à",
    "es": "a de",
    "it": "di d a",
    "pt": "a de",
    "ro": "să",
}
# "s'est dit prêt à": adjectives of readiness after a reflexive speech verb.
READY_WORDS = "prêt prête prêts prêtes disposé disposée favorable pronto pronta dispuesto dispuesta"

# Prepositions before a leader that make them an object, not the subject of the
# reporting verb further on ("Tajani ha invitato Kurti", "telefonou a Costa").
OBJECT_PREPOSITIONS = {
    "en": "to with by of for about",
    "ro": "pe lui cu de la pentru despre",
    "fr": "à au aux avec de du des par pour sur",
    "de": "mit von an für über zu zum dem den",
    "es": "a al con de del por para sobre",
    "it": "a al alla con di del della da dal per su",
    "pt": "a ao à com de do da por pelo pela para sobre",
    "ru": "с со к о об от для с",
}

# German reported speech continues in the subjunctive (Konjunktiv I, or II where I
# looks like the indicative) over the next sentences: "Die Entscheidung liege allein
# bei der Ukraine." Frequent third-person forms.
REPORTED_MOOD = {
    "de": "sei seien habe hätten werde müsse müssten könne könnten dürfe wolle solle "
    "liege gebe stehe gehe komme bleibe bräuchten wisse wäre wären",
}

# "that" introducing indirect speech.
COMPLEMENTIZERS = {
    "en": {"that"},
    "ro": {"că"},
    "fr": {"que", "qu"},
    "de": {"dass"},
    "es": {"que"},
    "it": {"che"},
    "pt": {"que"},
    "ru": {"что", "чтобы"},
}

# Third-person singular subject pronouns (and "the latter").
PRONOUNS = {
    "en": {"he", "she"},
    "ro": {"el", "ea", "acesta", "aceasta"},
    "fr": {"il", "elle", "celui-ci", "celle-ci"},
    "de": {"er", "sie"},
    "es": {"él", "ella"},
    "it": {"lui", "lei", "egli"},
    "pt": {"ele", "ela"},
    "ru": {"он", "она"},
}

# Words that say the next quotation is a question put to someone, not a statement.
QUESTION_WORDS = {
    "question",
    "questions",
    "asked",
    "întrebarea",
    "întrebat",
    "domanda",
    "pregunta",
    "pergunta",
    "вопрос",
    "întrebare",
}

# "the two countries": the countries named beside it stand for their leaders.
TWO_SIDES = {
    "en": ("the two countries", "both countries", "the two nations", "both sides"),
    "ro": ("cele două țări", "cele doua tari", "ambele țări", "cele două state"),
    "fr": ("les deux pays",),
    "de": ("beide länder", "beiden länder", "beiden ländern"),
    "es": ("los dos países", "ambos países"),
    "it": ("i due paesi", "entrambi i paesi"),
    "pt": ("os dois países", "ambos os países"),
    "ru": ("две страны", "обе страны", "двух стран"),
}

# "The two leaders": a subject standing for the pair of leaders just reported together
# ("The two leaders last met in Buenos Aires"), as met in back-references.
PAIR_PHRASES = {
    "en": (
        "the two leaders",
        "the two presidents",
        "the two men",
        "the two",
        "both leaders",
        "both men",
        "the pair",
        "the two ministers",
        "the two foreign ministers",
        "both ministers",
        "the two prime ministers",
        "the two heads of state",
    ),
    "ro": (
        "cei doi",
        "cei doi lideri",
        "cei doi președinți",
        "cei doi șefi de stat",
        "ambii lideri",
        "ambii președinți",
        "cei doi miniștri",
        "cei doi premieri",
    ),
    "fr": (
        "les deux dirigeants",
        "les deux chefs d'état",
        "les deux présidents",
        "les deux hommes",
        "les deux responsables",
        "les deux ministres",
        "les deux chefs de gouvernement",
    ),
    "de": (
        "die beiden",
        "beide",
        "beide politiker",
        "die beiden politiker",
        "beide präsidenten",
        "die beiden präsidenten",
        "die beiden minister",
        "die beiden regierungschefs",
        "beide regierungschefs",
    ),
    "es": (
        "ambos mandatarios",
        "ambos líderes",
        "ambos presidentes",
        "los dos mandatarios",
        "los dos líderes",
        "los dos presidentes",
        "ambos dirigentes",
        "los dos dirigentes",
        "los dos ministros",
        "ambos ministros",
    ),
    "it": (
        "i due",
        "i due leader",
        "i due presidenti",
        "entrambi i leader",
        "i due ministri",
        "i due premier",
    ),
    "pt": (
        "os dois presidentes",
        "os dois líderes",
        "ambos os líderes",
        "os dois",
        "ambos os presidentes",
        "os dois chefes de governo",
        "os dois chefes de estado",
        "os dois ministros",
    ),
    "ru": (
        "оба лидера",
        "два лидера",
        "лидеры двух стран",
        "оба президента",
        "оба министра",
        "два министра",
        "главы двух государств",
    ),
}

# Words saying that the people of a sentence took part in a meeting just reported
# ("Rubio and Waltz also attended the dinner"): they join it, they make no new one.
PRESENCE_WORDS = {
    "en": "attended present participated",
    "ro": "participat prezent prezenți prezența participarea",
    "fr": "présence présents présent participé assisté assistaient",
    "de": "teilgenommen anwesend stießen",
    "es": "participaron participó asistieron asistió presencia presentes",
    "it": "partecipato partecipavano presenti presente presenza",
    "pt": "participou participaram presença presentes",
    "ru": "участвовали участвовал участием присутствовали участие присоединились "
    "присоединился присоединилась",
}
# Two-word forms of the same ("took part", "nahmen teil", "hanno preso parte").
PRESENCE_PAIRS = (
    "took part|taken part|take part|pris part|preso parte|tomaron parte|tomou parte|"
    "tomaram parte|luat parte|nahmen teil|nahm teil|принял участие|приняли участие"
)

# "with" / "between": the meeting's other party follows.
WITH_WORDS = {
    "with",
    "from",
    "between",
    "cu",
    "între",
    "dintre",
    "avec",
    "entre",
    "mit",
    "zwischen",
    "con",
    "tra",
    "fra",
    "com",
    "с",
    "со",
    "между",
}

# Prepositions that make a following place the scene of something.
LOCATIVE = {
    "en": {"in", "at"},
    "ro": {"în", "la", "din"},
    "fr": {"à", "au", "en", "dans"},
    "de": {"in", "im"},
    "es": {"en"},
    "it": {"a", "in", "al", "all", "nel", "nella"},
    "pt": {"em", "no", "na"},
    "ru": {"в", "во", "на"},
}

# Nouns for "capital" (capitala chineză, the DPRK capital, столица Китая).
CAPITAL_WORDS = {
    "capital",
    "capitala",
    "capitalei",
    "capitale",
    "hauptstadt",
    "столица",
    "столице",
    "столицы",
    "столицу",
}

# Words between a locative preposition and a venue ("at the Élysée Palace").
PLACE_FILLERS = {
    "the",
    "palatul",
    "palatului",
    "palace",
    "palais",
    "palazzo",
    "palacio",
    "palácio",
    "grădinile",
    "de",
    "la",
    "l",
    "le",
    "del",
    "dell",
    "il",
    "lo",
    "el",
    "o",
    "historic",
}
# Buildings between a locative preposition and their town ("à la mairie de Biarritz",
# "nella residenza di Palm Beach", "en el palacio de Miraflores"): fillers too.
VENUE_NOUNS = (
    "city hall residence embassy museum mairie résidence ambassade musée préfecture "
    "château hôtel villa rathaus residenz botschaft museum primăria reședința ambasada "
    "muzeul municipio residenza ambasciata museo sede ayuntamiento residencia embajada "
    "alcaldía prefeitura residência embaixada museu câmara"
)

# Stop words for language identification: frequent short words, mostly unique per language.
STOPWORDS = {
    "en": "the and of to in is that was for with on as by at from his said have has it be "
    "are were this which who their they an been its after would will",
    "ro": "și în cu la pe că de este să din pentru care nu a fost mai au dintre lui după "
    "unui unei acest această sunt fi iar spus potrivit anul către s l i o un",
    "fr": "le la les et des est du que un une dans pour qui pas sur au ce avec ont été "
    "sont aux cette il elle leur était par avait selon ses mais l d qu c n",
    "de": "der die das und ist nicht mit den dem ein eine auf für von zu sich des im auch "
    "wird hat sind wurde am vom zum beim nach bei über in es wir",
    "es": "el la los las y en que del por con una para se es su al lo como más pero sus "
    "fue este ha sido dijo según también ante hoy",
    "it": "il di che la e le del della per con un una non sono gli nel alla dei è anche "
    "più ha stato questo lo ed dal dalla nella delle in dopo tra fra oggi abbiamo",
    "pt": "o a os as e de do da em que um uma para com não no na dos das pelo pela foi "
    "são ao também seu sua disse segundo nesta ontem é",
    "ru": "и в не на что с по как это из за от к для его о он она был также",
}

# Future forms of meeting verbs: a sentence that announces a meeting to come
# ("il s'entretiendra avec Xi, en marge du sommet") reports no meeting after them.
FUTURE_MEETING_VERBS = {
    "en": "will would shall",
    "ro": "întâlni va vor urmează",
    "fr": "rencontrera rencontreront entretiendra entretiendront recevra recevront visitera "
    "visiteront réunira réuniront aura auront devrait",
    "de": "treffen besuchen wird werden",
    "es": "reunirá reunirán encontrará visitará recibirá",
    "it": "incontrerà incontreranno vedrà riceverà visiterà terrà dovrebbe",
    "pt": "reunirá reunirão encontrará visitará receberá vai irá",
    "ru": "встретится встретятся проведет проведут посетит примет будет будут пройдет "
    "пройдут состоятся обсудит обсудят",
}

# Articles and determiners: after a speech verb they start a named non-leader subject
# ("précise l'entourage", "said the spokesman"), so the speaker is not a pronoun.
DETERMINERS = {
    "en": {"the", "a", "an", "his", "her"},
    "ro": {"un", "o"},
    "fr": {"l", "le", "la", "les", "un", "une", "son", "sa"},
    "de": {"der", "die", "das", "ein", "eine"},
    "es": {"el", "la", "los", "las", "un", "una"},
    "it": {"il", "lo", "la", "l", "i", "gli", "le", "un", "una"},
    "pt": {"o", "a", "os", "as", "um", "uma"},
    "ru": set(),
}

# Relative pronouns after a comma: a date beyond one belongs to another clause.
RELATIVES = {
    "which",
    "who",
    "that",
    "care",
    "qui",
    "que",
    "che",
    "cui",
    "welche",
    "der",
    "die",
    "который",
    "которая",
    "которые",
    "которого",
    "которому",
    "которым",
    "котором",
    "которой",
    "которую",
    "которых",
    "что",
    "quando",
    "când",
    "when",
    "lorsque",
    "cuando",
}

# Titles that introduce a person by name ("Foreign Minister Ahmed Attaf", "purtătorul de
# cuvânt Dmitri Peskov"): a capitalised first and last name after one of these is a
# person even when the knowledge base does not know them.
TITLES = {
    "en": "minister secretary spokesman spokeswoman spokesperson ambassador envoy adviser "
    "advisor governor senator general mayor chairman chairwoman president premier "
    "chancellor king queen prince emir sheikh counterpart",
    "ro": "ministrul ministrului ministra ministrei secretarul purtătorul purtătoarea "
    "ambasadorul consilierul consiliera emisarul trimisul guvernatorul senatorul "
    "generalul primarul președintele președinta premierul cancelarul regele omologul "
    "omoloaga",
    "fr": "ministre secrétaire porte-parole ambassadeur ambassadrice émissaire envoyé "
    "conseiller conseillère gouverneur sénateur général maire président présidente "
    "chancelier roi reine prince homologue",
    "de": "minister ministerin außenminister außenministerin sprecher sprecherin "
    "botschafter gesandter berater gouverneur senator general bürgermeister präsident "
    "präsidentin kanzler kanzlerin könig",
    "es": "ministro ministra secretario secretaria portavoz embajador embajadora enviado "
    "asesor asesora gobernador senador general alcalde presidente presidenta canciller "
    "rey reina príncipe mandatario homólogo homóloga",
    "it": "ministro ministra segretario portavoce ambasciatore inviato consigliere rappresentante "
    "governatore senatore generale sindaco presidente premier cancelliere re regina "
    "principe omologo omologa",
    "pt": "ministro ministra secretário porta-voz embaixador enviado assessor governador "
    "senador general prefeito presidente presidenta chanceler rei rainha príncipe homólogo "
    "homóloga",
    "ru": "министр министра министром секретарь посол спецпосланник советник помощник "
    "губернатор генерал мэр президент президента премьер канцлер король коллега",
}
# Lower-case words allowed inside a name ("Luiz Inácio Lula da Silva", "bin Salman").
NAME_PARTICLES = {
    "da",
    "de",
    "do",
    "dos",
    "das",
    "del",
    "van",
    "von",
    "der",
    "bin",
    "ben",
    "al",
    "el",
    "di",
    "la",
    "le",
}

# Possessives that may stand between a title and a name ("omologul său moldovean, X").
POSSESSIVES = {
    "his",
    "her",
    "său",
    "sa",
    "lui",
    "ei",
    "son",
    "sein",
    "seine",
    "seinen",
    "su",
    "suo",
    "sua",
    "seu",
    "своим",
    "своего",
    "свой",
}

# Words after a meeting word, in its clause, that undo it: the meeting was cancelled,
# is only possible, or is being planned ("a meeting with Putin was cancelled").
AFTER_BLOCKERS = {
    "en": "cancelled canceled postponed called off possible likely unlikely planned expected "
    "scheduled proposed requested would will",
    "ro": "anulat anulată amânat amânată posibil posibilă planificat planificată programat "
    "programată propus propusă va vor ar",
    "fr": "annulé annulée reporté reportée possible probable prévu prévue envisagé envisagée "
    "aura sera",
    "de": "abgesagt verschoben möglich geplant will soll wollen sollen wird werden kommen könnte "
    "schloss schlossen lehnte lehnten lehnt lehnen",
    "es": "cancelado cancelada aplazado aplazada suspendido suspendida posible previsto "
    "prevista será",
    "it": "annullato annullata rinviato rinviata possibile previsto prevista sarà calendario "
    "programma",
    "pt": "cancelado cancelada adiado adiada possível previsto prevista será",
    "ru": "отменена отменен отменили перенесена перенесли отложена отложен отложены "
    "отложили возможна возможен планируется "
    "запланирована состоится пройдет пройдут будет может могут намечена намечен намечены "
    "предусмотрена предусмотрен предусмотрено",
}
# Verbs before a meeting word that ask for it rather than report it.
REQUEST_WORDS = (
    "requested sought proposed asked cerut solicitat propus demandé proposé "
    "solicitó pidió propuso chiesto proposto pediu propôs solicitou попросил предложил "
    "запросил forderte offered offers called urged souhaité предложений appelé appelle "
    "exhorté invité ofereceu ofreció offerto offert angeboten bot sede venue siège "
    "esortato instó îndemnat призвал "
    # Invitations: "invitó a Macron a una reunión", "lud Macron zu einem Treffen ein".
    "invitó invitaron invitato invitata invitati convidou convidaram invitat invitată "
    "invitase eingeladen lud luden пригласил пригласила пригласили"
)

# Words that may follow "and" inside one noun phrase or list of parties, so that the
# "and" does not open a new predicate ("and also Xi", "and then with Modi").
LIST_CONTINUERS = (
    "also then too later și apoi de asemenea aussi puis ensuite auch dann danach también "
    "luego después anche poi inoltre também depois ainda тоже также затем потом"
)

# Word sequences before a meeting word that put it in the future or make it intended:
# "o să aibă o întrevedere", "is due to hold talks", "ar urma să se întâlnească".
FUTURE_SEQUENCES = {
    "en": ("is to", "are to", "due to", "set to", "going to", "poised to", "slated to"),
    "ro": ("o să", "ar urma", "are de gând", "au de gând"),
    "fr": ("est censé", "sont censés", "est appelé à"),
    "de": (),
    "es": ("tiene previsto", "tienen previsto", "tiene intención", "ir a"),
    "it": ("ha in programma", "hanno in programma", "è atteso"),
    "pt": ("tem previsto", "têm previsto", "está previsto", "deverá"),
    "ru": ("должен", "должны", "собирается", "намерен", "намерены"),
}

# German verbs whose separated particle closes the clause, and what they do to a meeting
# noun in that clause: "sagte das Treffen ab" (cancelled), "lud zu einem Treffen ein".
DE_PARTICLE_VERBS = {
    "ab": ("negated", ("sag", "brach", "lehnt")),
    "ein": ("planned", ("lud", "lad")),
    "vor": ("planned", ("schlug", "schläg", "schlag")),
    "an": ("planned", ("bot", "biet", "kündig", "strebt", "streb", "regt")),
}
