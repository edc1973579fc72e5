"""Build ``leaders.jsonl``, the knowledge base of leaders, from the curated table below.

Run from the repository root: ``python diplomacy/leaders/data/build_leaders.py
[WIKIDATA_JSONL [HISTORY_JSONL]]`` (by default ``../shared/data/leaders.jsonl`` and
``../shared/data/leaders_history.jsonl``); it writes ``leaders.jsonl`` beside it, which
is what the application loads (``manage.py load_kb``).

The table below is hand-curated: every person named in the annotated corpus plus
the current and recent heads of state/government and foreign ministers of the
countries news most often covers, with office dates checked by hand. The other
heads of state/government and foreign ministers come from the Wikidata export in
``shared/data/leaders.jsonl`` (year-only starts, some stale open ends), with their
full names only: a lone surname is matched by the engine only after the full name
appeared in the same article. Aliases cover the eight article languages and their scripts; case
inflections (Russian ``Путина``, Romanian ``lui Putin``) are handled by the
matcher, not listed here. A short alias that is also a common word or first name
is left out on purpose: a wrong alias makes false meetings.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

HOS, HOG, FM, ORG, OFF = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "head_of_organisation",
    "official",
)

# (key, name, country, aliases, offices[(title, role, country, start, end)])
PEOPLE: list[tuple[str, str, str, list[str], list[tuple]]] = [
    # --- Russia
    (
        "Q7747",
        "Vladimir Putin",
        "RU",
        [
            "Putin",
            "Vladimir Vladimirovich Putin",
            "Poutine",
            "Vladimir Poutine",
            "Wladimir Putin",
            "Vladímir Putin",
            "Vladimir Putin",
            "Putín",
            "Путин",
            "Владимир Путин",
            "Владимир Владимирович Путин",
        ],
        [
            ("President of Russia", HOS, "RU", "2000-05-07", "2008-05-07"),
            ("President of Russia", HOS, "RU", "2012-05-07", None),
            ("Prime Minister of Russia", HOG, "RU", "1999-08-16", "2000-05-07"),
            ("Prime Minister of Russia", HOG, "RU", "2008-05-08", "2012-05-07"),
        ],
    ),
    (
        "Q23530",
        "Dmitry Medvedev",
        "RU",
        [
            "Medvedev",
            "Dmitri Medvedev",
            "Dmitrij Medvedev",
            "Medwedew",
            "Dmitri Medvedev",
            "Медведев",
            "Дмитрий Медведев",
        ],
        [
            ("President of Russia", HOS, "RU", "2008-05-07", "2012-05-07"),
            ("Prime Minister of Russia", HOG, "RU", "2012-05-08", "2020-01-16"),
        ],
    ),
    (
        "Q4298520",
        "Mikhail Mishustin",
        "RU",
        [
            "Mishustin",
            "Mișustin",
            "Michail Mischustin",
            "Mikhaïl Michoustine",
            "Michoustine",
            "Mišustin",
            "Мишустин",
            "Михаил Мишустин",
        ],
        [("Prime Minister of Russia", HOG, "RU", "2020-01-16", None)],
    ),
    (
        "Q58217",
        "Sergey Lavrov",
        "RU",
        [
            "Lavrov",
            "Serghei Lavrov",
            "Sergei Lavrov",
            "Sergueï Lavrov",
            "Sergej Lavrov",
            "Sergej Lawrow",
            "Lawrow",
            "Serguéi Lavrov",
            "Serguei Lavrov",
            "Лавров",
            "Сергей Лавров",
        ],
        [("Minister of Foreign Affairs of Russia", FM, "RU", "2004-03-09", None)],
    ),
    (
        "yuri-ushakov",
        "Yuri Ushakov",
        "RU",
        [
            "Ushakov",
            "Iuri Ușakov",
            "Iuri Uşakov",
            "Ușakov",
            "Uşakov",
            "Yury Ushakov",
            "Iouri Ouchakov",
            "Ouchakov",
            "Juri Uschakow",
            "Uschakow",
            "Yuri Ushakov",
            "Jurij Ušakov",
            "Ushakóv",
            "Ушаков",
            "Юрий Ушаков",
        ],
        [("Aide to the President of Russia for foreign policy", OFF, "RU", "2012-05-21", None)],
    ),
    (
        "dmitry-peskov",
        "Dmitry Peskov",
        "RU",
        [
            "Peskov",
            "Dmitri Peskov",
            "Dmitri Peskov",
            "Dmitrij Peskov",
            "Dmitri Peskow",
            "Peskow",
            "Dmitri Peskov",
            "Песков",
            "Дмитрий Песков",
        ],
        [("Press Secretary of the President of Russia", OFF, "RU", "2012-05-22", None)],
    ),
    # --- North Korea, China, Japan, Koreas
    (
        "Q56226",
        "Kim Jong Un",
        "KP",
        [
            "Kim Jong-un",
            "Kim Jong-Un",
            "Kim Jong Un",
            "Kim Jong-eun",
            "Kim Jung-un",
            "Kim Jong Oun",
            "Kim Jong-oun",
            "Kim Čong-un",
            "Kim",
            "Ким Чен Ын",
            "Ким Чен Ир Ын",
            "Ким Чен-ын",
            "Ким Чын Ын",
        ],
        [("Supreme Leader of North Korea", HOS, "KP", "2011-12-17", None)],
    ),
    (
        "Q15031",
        "Xi Jinping",
        "CN",
        ["Xi", "Si Jinping", "Xi Jin Ping", "Си Цзиньпин", "Си"],
        [
            ("President of China", HOS, "CN", "2013-03-14", None),
            ("General Secretary of the Chinese Communist Party", OFF, "CN", "2012-11-15", None),
        ],
    ),
    (
        "Q4414390",
        "Li Qiang",
        "CN",
        ["Ли Цян"],
        [("Premier of China", HOG, "CN", "2023-03-11", None)],
    ),
    (
        "Q18111",
        "Li Keqiang",
        "CN",
        ["Ли Кэцян"],
        [("Premier of China", HOG, "CN", "2013-03-15", "2023-03-11")],
    ),
    (
        "Q701801",
        "Wang Yi",
        "CN",
        ["Ван И"],
        [
            ("Minister of Foreign Affairs of China", FM, "CN", "2013-03-16", "2022-12-30"),
            ("Minister of Foreign Affairs of China", FM, "CN", "2023-07-25", None),
        ],
    ),
    (
        "qu-dongyu",
        "Qu Dongyu",
        "CN",
        ["Цюй Дунъюй"],
        [("Director-General of the FAO", ORG, "FAO", "2019-08-01", None)],
    ),
    (
        "toshimitsu-motegi",
        "Toshimitsu Motegi",
        "JP",
        ["Motegi", "Тосимицу Мотэги", "Мотэги", "Мотеги"],
        [
            ("Minister for Foreign Affairs of Japan", FM, "JP", "2019-09-11", "2021-11-04"),
            ("Minister for Foreign Affairs of Japan", FM, "JP", "2025-10-21", None),
        ],
    ),
    (
        "atsushi-kaifu",
        "Atsushi Kaifu",
        "JP",
        ["Kaifu", "Ацуси Кайфу"],
        [
            (
                "Press Secretary of the Ministry of Foreign Affairs of Japan",
                OFF,
                "JP",
                "2019-01-01",
                "2020-12-31",
            )
        ],
    ),
    (
        "shinzo-abe",
        "Shinzo Abe",
        "JP",
        ["Shinzō Abe", "Синдзо Абэ", "Абэ"],
        [
            ("Prime Minister of Japan", HOG, "JP", "2006-09-26", "2007-09-26"),
            ("Prime Minister of Japan", HOG, "JP", "2012-12-26", "2020-09-16"),
        ],
    ),
    (
        "Q122465",
        "Yoshihide Suga",
        "JP",
        ["Ёсихидэ Суга"],
        [("Prime Minister of Japan", HOG, "JP", "2020-09-16", "2021-10-04")],
    ),
    (
        "Q359480",
        "Fumio Kishida",
        "JP",
        ["Kishida", "Фумио Кисида", "Кисида"],
        [
            ("Prime Minister of Japan", HOG, "JP", "2021-10-04", "2024-10-01"),
            ("Minister for Foreign Affairs of Japan", FM, "JP", "2012-12-26", "2017-08-03"),
        ],
    ),
    (
        "shigeru-ishiba",
        "Shigeru Ishiba",
        "JP",
        ["Ishiba", "Сигэру Исиба", "Исиба"],
        [("Prime Minister of Japan", HOG, "JP", "2024-10-01", "2025-10-21")],
    ),
    (
        "Q1705028",
        "Sanae Takaichi",
        "JP",
        ["Takaichi", "Санаэ Такаити", "Такаити"],
        [("Prime Minister of Japan", HOG, "JP", "2025-10-21", None)],
    ),
    (
        "Q21001",
        "Moon Jae-in",
        "KR",
        ["Moon Jae In", "Мун Чжэ Ин"],
        [("President of South Korea", HOS, "KR", "2017-05-10", "2022-05-10")],
    ),
    (
        "yoon-suk-yeol",
        "Yoon Suk Yeol",
        "KR",
        ["Yoon Suk-yeol", "Юн Сок Ёль"],
        [("President of South Korea", HOS, "KR", "2022-05-10", "2025-04-04")],
    ),
    (
        "lee-jae-myung",
        "Lee Jae-myung",
        "KR",
        ["Lee Jae Myung", "Ли Джэ Мён"],
        [("President of South Korea", HOS, "KR", "2025-06-04", None)],
    ),
    # --- United States
    (
        "Q22686",
        "Donald Trump",
        "US",
        [
            "Trump",
            "Donald J. Trump",
            "Donald John Trump",
            "Трамп",
            "Дональд Трамп",
            "@realDonaldTrump",
        ],
        [
            ("President of the United States", HOS, "US", "2017-01-20", "2021-01-20"),
            ("President of the United States", HOS, "US", "2025-01-20", None),
        ],
    ),
    (
        "Q6279",
        "Joe Biden",
        "US",
        ["Biden", "Joseph Biden", "Joseph R. Biden", "Байден", "Джо Байден", "Джозеф Байден"],
        [
            ("President of the United States", HOS, "US", "2021-01-20", "2025-01-20"),
            ("Vice President of the United States", OFF, "US", "2009-01-20", "2017-01-20"),
        ],
    ),
    (
        "Q76",
        "Barack Obama",
        "US",
        ["Obama", "Barack Hussein Obama", "Обама", "Барак Обама"],
        [("President of the United States", HOS, "US", "2009-01-20", "2017-01-20")],
    ),
    (
        "Q207",
        "George W. Bush",
        "US",
        ["George Bush", "Джордж Буш"],
        [("President of the United States", HOS, "US", "2001-01-20", "2009-01-20")],
    ),
    (
        "Q7821917",
        "Antony Blinken",
        "US",
        ["Blinken", "Anthony Blinken", "Tony Blinken", "Блинкен", "Энтони Блинкен"],
        [("United States Secretary of State", FM, "US", "2021-01-26", "2025-01-20")],
    ),
    (
        "marco-rubio",
        "Marco Rubio",
        "US",
        ["Rubio", "Рубио", "Марко Рубио"],
        [("United States Secretary of State", FM, "US", "2025-01-21", None)],
    ),
    (
        "mike-pompeo",
        "Mike Pompeo",
        "US",
        ["Pompeo", "Помпео", "Майк Помпео"],
        [("United States Secretary of State", FM, "US", "2018-04-26", "2021-01-20")],
    ),
    (
        "john-kerry",
        "John Kerry",
        "US",
        ["Kerry", "Керри", "Джон Керри"],
        [("United States Secretary of State", FM, "US", "2013-02-01", "2017-01-20")],
    ),
    (
        "hillary-clinton",
        "Hillary Clinton",
        "US",
        ["Hillary Rodham Clinton", "Хиллари Клинтон"],
        [("United States Secretary of State", FM, "US", "2009-01-21", "2013-02-01")],
    ),
    (
        "colin-powell",
        "Colin Powell",
        "US",
        ["Powell", "Колин Пауэлл"],
        [("United States Secretary of State", FM, "US", "2001-01-20", "2005-01-26")],
    ),
    (
        "steve-witkoff",
        "Steve Witkoff",
        "US",
        [
            "Witkoff",
            "Steven Witkoff",
            "Стив Уиткофф",
            "Стивен Уиткофф",
            "Уиткофф",
            "Виткофф",
            "Стив Виткофф",
        ],
        [("United States Special Envoy", OFF, "US", "2025-01-20", None)],
    ),
    (
        "jared-kushner",
        "Jared Kushner",
        "US",
        ["Kushner", "Джаред Кушнер", "Кушнер"],
        [
            (
                "Senior Advisor to the President of the United States",
                OFF,
                "US",
                "2017-01-20",
                "2021-01-20",
            )
        ],
    ),
    # --- Ukraine
    (
        "Q3874799",
        "Volodymyr Zelensky",
        "UA",
        [
            "Zelensky",
            "Zelenskyy",
            "Zelenskyi",
            "Zelenskiy",
            "Zelenski",
            "Zelenskij",
            "Selenskyj",
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskyi",
            "Volodimir Zelenski",
            "Volodîmîr Zelenski",
            "Volodymyr Zelenski",
            "Volodymyr Zelenskij",
            "Wolodymyr Selenskyj",
            "Volodímir Zelenski",
            "Volodimir Zelensky",
            "Зеленский",
            "Владимир Зеленский",
            "Зеленськый",
        ],
        [("President of Ukraine", HOS, "UA", "2019-05-20", None)],
    ),
    (
        "Q24025631",
        "Dmytro Kuleba",
        "UA",
        ["Kuleba", "Dmitro Kuleba", "Кулеба", "Дмитрий Кулеба"],
        [("Minister of Foreign Affairs of Ukraine", FM, "UA", "2020-03-04", "2024-09-05")],
    ),
    (
        "andrii-sybiha",
        "Andrii Sybiha",
        "UA",
        ["Sybiha", "Andriy Sybiha", "Andrii Sîbiha", "Сибига", "Андрей Сибига"],
        [("Minister of Foreign Affairs of Ukraine", FM, "UA", "2024-09-05", None)],
    ),
    # --- France
    (
        "Q3052772",
        "Emmanuel Macron",
        "FR",
        ["Macron", "Emmanuel Jean-Michel Macron", "Макрон", "Эммануэль Макрон"],
        [("President of France", HOS, "FR", "2017-05-14", None)],
    ),
    (
        "Q157",
        "Francois Hollande",
        "FR",
        ["François Hollande", "Hollande", "Олланд", "Франсуа Олланд"],
        [("President of France", HOS, "FR", "2012-05-15", "2017-05-14")],
    ),
    (
        "Q329",
        "Nicolas Sarkozy",
        "FR",
        ["Sarkozy", "Саркози", "Николя Саркози"],
        [("President of France", HOS, "FR", "2007-05-16", "2012-05-15")],
    ),
    (
        "jean-noel-barrot",
        "Jean-Noel Barrot",
        "FR",
        ["Jean-Noël Barrot", "Жан-Ноэль Барро"],
        [("Minister for Europe and Foreign Affairs of France", FM, "FR", "2024-09-21", None)],
    ),
    # --- Romania, Moldova
    (
        "Q11163124",
        "Nicusor Dan",
        "RO",
        ["Nicușor Dan", "Nicuşor Dan", "Dan", "Никушор Дан"],
        [("President of Romania", HOS, "RO", "2025-05-26", None)],
    ),
    (
        "Q701484",
        "Klaus Iohannis",
        "RO",
        ["Iohannis", "Klaus Johannis", "Johannis", "Клаус Йоханнис", "Йоханнис"],
        [("President of Romania", HOS, "RO", "2014-12-21", "2025-02-12")],
    ),
    (
        "Q18538164",
        "Ilie Bolojan",
        "RO",
        ["Bolojan", "Илие Боложан"],
        [
            ("President of Romania (interim)", HOS, "RO", "2025-02-12", "2025-05-26"),
            ("Prime Minister of Romania", HOG, "RO", "2025-06-23", None),
        ],
    ),
    (
        "marcel-ciolacu",
        "Marcel Ciolacu",
        "RO",
        ["Ciolacu", "Марчел Чолаку"],
        [("Prime Minister of Romania", HOG, "RO", "2023-06-15", "2025-05-06")],
    ),
    (
        "Q15071069",
        "Maia Sandu",
        "MD",
        ["Sandu", "Майя Санду", "Санду"],
        [("President of Moldova", HOS, "MD", "2020-12-24", None)],
    ),
    # --- India, Pakistan
    (
        "natwar-singh",
        "Natwar Singh",
        "IN",
        ["K. Natwar Singh", "Kunwar Natwar Singh", "Singh", "Натвар Сингх"],
        [("Minister of External Affairs of India", FM, "IN", "2004-05-22", "2005-11-06")],
    ),
    (
        "manmohan-singh",
        "Manmohan Singh",
        "IN",
        ["Singh", "Манмохан Сингх"],
        [("Prime Minister of India", HOG, "IN", "2004-05-22", "2014-05-26")],
    ),
    (
        "Q1058",
        "Narendra Modi",
        "IN",
        ["Modi", "Нарендра Моди", "Моди"],
        [("Prime Minister of India", HOG, "IN", "2014-05-26", None)],
    ),
    (
        "Q16186720",
        "Subrahmanyam Jaishankar",
        "IN",
        ["S. Jaishankar", "Jaishankar", "Джайшанкар"],
        [("Minister of External Affairs of India", FM, "IN", "2019-05-30", None)],
    ),
    (
        "khurshid-kasuri",
        "Khurshid Mahmud Kasuri",
        "PK",
        ["Kasuri", "Khurshid Kasuri", "Khurshid Mehmood Kasuri", "Хуршид Касури"],
        [("Minister of Foreign Affairs of Pakistan", FM, "PK", "2002-11-23", "2007-11-15")],
    ),
    (
        "Q2096387",
        "Shehbaz Sharif",
        "PK",
        ["Shahbaz Sharif", "Шахбаз Шариф"],
        [
            ("Prime Minister of Pakistan", HOG, "PK", "2022-04-11", "2023-08-14"),
            ("Prime Minister of Pakistan", HOG, "PK", "2024-03-04", None),
        ],
    ),
    # --- Latin America
    (
        "Q37181",
        "Luiz Inacio Lula da Silva",
        "BR",
        [
            "Luiz Inácio Lula da Silva",
            "Lula da Silva",
            "Lula",
            "Луис Инасиу Лула да Силва",
            "Лула да Силва",
            "Лула",
        ],
        [
            ("President of Brazil", HOS, "BR", "2003-01-01", "2011-01-01"),
            ("President of Brazil", HOS, "BR", "2023-01-01", None),
        ],
    ),
    (
        "Q10304982",
        "Jair Bolsonaro",
        "BR",
        ["Bolsonaro", "Болсонару", "Жаир Болсонару"],
        [("President of Brazil", HOS, "BR", "2019-01-01", "2023-01-01")],
    ),
    (
        "Q2642828",
        "Alberto Fernandez",
        "AR",
        ["Alberto Fernández", "Альберто Фернандес"],
        [("President of Argentina", HOS, "AR", "2019-12-10", "2023-12-10")],
    ),
    (
        "Q52395487",
        "Javier Milei",
        "AR",
        ["Milei", "Хавьер Милей", "Милей"],
        [("President of Argentina", HOS, "AR", "2023-12-10", None)],
    ),
    (
        "Q6827147",
        "Mia Mottley",
        "BB",
        ["Mottley", "Миа Мотли"],
        [("Prime Minister of Barbados", HOG, "BB", "2018-05-25", None)],
    ),
    (
        "Q1932603",
        "Miguel Diaz-Canel",
        "CU",
        ["Miguel Díaz-Canel", "Díaz-Canel", "Diaz-Canel", "Мигель Диас-Канель", "Диас-Канель"],
        [("President of Cuba", HOS, "CU", "2018-04-19", None)],
    ),
    (
        "Q58132",
        "Nicolas Maduro",
        "VE",
        ["Nicolás Maduro", "Maduro", "Николас Мадуро", "Мадуро"],
        [("President of Venezuela", HOS, "VE", "2013-04-19", None)],
    ),
    (
        "Q704022",
        "Gustavo Petro",
        "CO",
        ["Petro", "Густаво Петро"],
        [("President of Colombia", HOS, "CO", "2022-08-07", "2026-08-07")],
    ),
    (
        "Q5771800",
        "Claudia Sheinbaum",
        "MX",
        ["Sheinbaum", "Клаудия Шейнбаум", "Шейнбаум"],
        [("President of Mexico", HOS, "MX", "2024-10-01", None)],
    ),
    # --- European Union and organisations
    (
        "charles-michel",
        "Charles Michel",
        "BE",
        ["Шарль Мишель"],
        [
            ("Prime Minister of Belgium", HOG, "BE", "2014-10-11", "2019-10-27"),
            ("President of the European Council", ORG, "EU", "2019-12-01", "2024-11-30"),
        ],
    ),
    (
        "Q610788",
        "Antonio Costa",
        "PT",
        ["António Costa", "Антониу Кошта"],
        [
            ("Prime Minister of Portugal", HOG, "PT", "2015-11-26", "2024-04-02"),
            ("President of the European Council", ORG, "EU", "2024-12-01", None),
        ],
    ),
    (
        "Q60772",
        "Ursula von der Leyen",
        "DE",
        ["von der Leyen", "Урсула фон дер Ляйен", "фон дер Ляйен"],
        [("President of the European Commission", ORG, "EU", "2019-12-01", None)],
    ),
    (
        "Q311440",
        "Antonio Guterres",
        "PT",
        ["António Guterres", "Guterres", "Антониу Гутерриш", "Гутерриш"],
        [("Secretary-General of the United Nations", ORG, "UN", "2017-01-01", None)],
    ),
    (
        "Q57792",
        "Mark Rutte",
        "NL",
        ["Rutte", "Марк Рютте", "Рютте"],
        [
            ("Prime Minister of the Netherlands", HOG, "NL", "2010-10-14", "2024-07-02"),
            ("Secretary General of NATO", ORG, "NATO", "2024-10-01", None),
        ],
    ),
    (
        "jens-stoltenberg",
        "Jens Stoltenberg",
        "NO",
        ["Stoltenberg", "Йенс Столтенберг"],
        [("Secretary General of NATO", ORG, "NATO", "2014-10-01", "2024-10-01")],
    ),
    # --- Italy, Germany, Spain, United Kingdom
    (
        "Q53844829",
        "Giuseppe Conte",
        "IT",
        ["Conte", "Джузеппе Конте"],
        [("Prime Minister of Italy", HOG, "IT", "2018-06-01", "2021-02-13")],
    ),
    (
        "Q294460",
        "Mario Draghi",
        "IT",
        ["Draghi", "Марио Драги"],
        [("Prime Minister of Italy", HOG, "IT", "2021-02-13", "2022-10-22")],
    ),
    (
        "Q451791",
        "Giorgia Meloni",
        "IT",
        ["Meloni", "Джорджа Мелони", "Мелони"],
        [("Prime Minister of Italy", HOG, "IT", "2022-10-22", None)],
    ),
    (
        "Q3956186",
        "Sergio Mattarella",
        "IT",
        ["Mattarella", "Серджо Маттарелла"],
        [("President of Italy", HOS, "IT", "2015-02-03", None)],
    ),
    (
        "Q567",
        "Angela Merkel",
        "DE",
        ["Merkel", "Ангела Меркель", "Меркель"],
        [("Chancellor of Germany", HOG, "DE", "2005-11-22", "2021-12-08")],
    ),
    (
        "Q61053",
        "Olaf Scholz",
        "DE",
        ["Scholz", "Олаф Шольц", "Шольц"],
        [("Chancellor of Germany", HOG, "DE", "2021-12-08", "2025-05-06")],
    ),
    (
        "Q566257",
        "Friedrich Merz",
        "DE",
        ["Merz", "Фридрих Мерц", "Мерц"],
        [("Chancellor of Germany", HOG, "DE", "2025-05-06", None)],
    ),
    (
        "Q76658",
        "Frank-Walter Steinmeier",
        "DE",
        ["Steinmeier", "Франк-Вальтер Штайнмайер"],
        [("President of Germany", HOS, "DE", "2017-03-19", None)],
    ),
    (
        "Q6070218",
        "Pedro Sanchez",
        "ES",
        ["Pedro Sánchez", "Педро Санчес"],
        [("Prime Minister of Spain", HOG, "ES", "2018-06-02", None)],
    ),
    (
        "keir-starmer",
        "Keir Starmer",
        "GB",
        ["Starmer", "Кир Стармер", "Стармер"],
        [("Prime Minister of the United Kingdom", HOG, "GB", "2024-07-05", None)],
    ),
    (
        "rishi-sunak",
        "Rishi Sunak",
        "GB",
        ["Sunak", "Риши Сунак", "Сунак"],
        [("Prime Minister of the United Kingdom", HOG, "GB", "2022-10-25", "2024-07-05")],
    ),
    (
        "Q180589",
        "Boris Johnson",
        "GB",
        ["Борис Джонсон"],
        [("Prime Minister of the United Kingdom", HOG, "GB", "2019-07-24", "2022-09-06")],
    ),
    # --- Others
    (
        "Q39259",
        "Recep Tayyip Erdogan",
        "TR",
        [
            "Recep Tayyip Erdoğan",
            "Erdogan",
            "Erdoğan",
            "Erdoğan",
            "Реджеп Тайип Эрдоган",
            "Эрдоган",
        ],
        [
            ("President of Turkey", HOS, "TR", "2014-08-28", None),
            ("Prime Minister of Turkey", HOG, "TR", "2003-03-14", "2014-08-28"),
        ],
    ),
    (
        "Q43723",
        "Benjamin Netanyahu",
        "IL",
        ["Netanyahu", "Netanyahou", "Netanjahu", "Netanyahu", "Биньямин Нетаньяху", "Нетаньяху"],
        [
            ("Prime Minister of Israel", HOG, "IL", "2009-03-31", "2021-06-13"),
            ("Prime Minister of Israel", HOG, "IL", "2022-12-29", None),
        ],
    ),
    (
        "Q2866",
        "Alexander Lukashenko",
        "BY",
        [
            "Lukashenko",
            "Aleksandr Lukașenko",
            "Lukașenko",
            "Loukachenko",
            "Lukaschenko",
            "Александр Лукашенко",
            "Лукашенко",
        ],
        [("President of Belarus", HOS, "BY", "1994-07-20", None)],
    ),
    (
        "Q57641",
        "Viktor Orban",
        "HU",
        ["Viktor Orbán", "Orbán", "Orban", "Виктор Орбан", "Орбан"],
        [("Prime Minister of Hungary", HOG, "HU", "2010-05-29", None)],
    ),
    (
        "Q946",
        "Donald Tusk",
        "PL",
        ["Tusk", "Дональд Туск", "Туск"],
        [
            ("Prime Minister of Poland", HOG, "PL", "2007-11-16", "2014-09-22"),
            ("Prime Minister of Poland", HOG, "PL", "2023-12-13", None),
        ],
    ),
    (
        "Q5933752",
        "Masoud Pezeshkian",
        "IR",
        ["Pezeshkian", "Масуд Пезешкиан", "Пезешкиан"],
        [("President of Iran", HOS, "IR", "2024-07-28", None)],
    ),
    (
        "mohammed-bin-salman",
        "Mohammed bin Salman",
        "SA",
        ["Mohammed ben Salmane", "Mohammad bin Salman", "Мухаммед бен Сальман"],
        [("Prime Minister of Saudi Arabia", HOG, "SA", "2022-09-27", None)],
    ),
    (
        "cyril-ramaphosa",
        "Cyril Ramaphosa",
        "ZA",
        ["Ramaphosa", "Сирил Рамафоса", "Рамафоса"],
        [("President of South Africa", HOS, "ZA", "2018-02-15", None)],
    ),
    (
        "Q192533",
        "Mark Carney",
        "CA",
        ["Carney", "Марк Карни"],
        [("Prime Minister of Canada", HOG, "CA", "2025-03-14", None)],
    ),
    (
        "Q3099714",
        "Justin Trudeau",
        "CA",
        ["Trudeau", "Джастин Трюдо", "Трюдо"],
        [("Prime Minister of Canada", HOG, "CA", "2015-11-04", "2025-03-14")],
    ),
    (
        "Q335697",
        "Anthony Albanese",
        "AU",
        ["Albanese", "Энтони Албаниз"],
        [("Prime Minister of Australia", HOG, "AU", "2022-05-23", None)],
    ),
]


def _date_ok(value: str | None) -> bool:
    return value is None or bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


def build() -> list[dict]:
    rows = []
    for key, name, country, aliases, offices in PEOPLE:
        unique = [alias for alias in dict.fromkeys(aliases) if alias != name]
        rows.append(
            {
                "key": key,
                "name": name,
                "country": country,
                "aliases": unique,
                "offices": [
                    {"title": t, "role": r, "country": c, "start": s, "end": e}
                    for t, r, c, s, e in offices
                ],
            }
        )
        assert all(_date_ok(o["start"]) and _date_ok(o["end"]) for o in rows[-1]["offices"])
    return rows


WIKIDATA_ROLES = {
    "head of state": HOS,
    "head of government": HOG,
    "foreign minister": FM,
}
DEFAULT_WIKIDATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "leaders.jsonl"


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def from_wikidata(path: Path, curated: list[dict]) -> list[dict]:
    """People of the Wikidata export who are not curated, with full-name aliases only."""
    known_keys = {row["key"] for row in curated}
    # Where the curated table covers an office, its dated holders are the truth: the
    # export's stale open ends and disputed claimants would override them.
    covered = {(o["country"], o["role"]) for row in curated for o in row["offices"]}
    known_names = {_plain(n) for row in curated for n in (row["name"], *row["aliases"])}
    people: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        key = (rec.get("person_id") or "").removeprefix("wikidata:")
        name = rec["name"]
        if not key or key in known_keys or _plain(name) in known_names or len(name.split()) < 2:
            continue
        person = people.setdefault(
            key, {"key": key, "name": name, "country": rec["country"], "aliases": [], "offices": []}
        )
        for variant in rec.get("name_variants") or []:
            if variant != name and variant not in person["aliases"] and len(variant.split()) > 1:
                person["aliases"].append(variant)
        office = {
            "title": rec.get("title") or rec["office"],
            "role": WIKIDATA_ROLES.get(rec["office"], OFF),
            "country": rec["country"],
            "start": rec.get("start"),
            "end": rec.get("end"),
        }
        if (office["country"], office["role"]) in covered and office["end"] is None:
            continue
        # The database keeps one office per (title, start): the first record wins.
        taken = {(o["title"], o["start"]) for o in person["offices"]}
        if (
            (office["title"], office["start"]) not in taken
            and _date_ok(office["start"])
            and _date_ok(office["end"])
        ):
            person["offices"].append(office)
    return sorted(people.values(), key=lambda p: (p["country"], p["name"]))


# Hand-compiled world-wide tables in the knowledge base's own format, applied in this
# order over the curated table and the Wikidata export: heads of state and government
# of every UN member and observer state since 2015; foreign ministers of the G20 and EU,
# heads of international organisations and the officials who speak for leaders; then
# the spellings news uses for people whose entries came with their full name only; then
# the U.S. Presidents and Secretaries of State since 1861 (the visit and travel records
# start in the 1860s), with their terms as the Office of the Historian lists them.
SUPPLEMENTS = (
    "world_heads.jsonl",
    "world_officials.jsonl",
    "world_aliases.jsonl",
    "us_executive.jsonl",
)


def _same_office(old: dict, new: dict) -> bool:
    """The same spell: same title and start, or the same open spell given more precisely."""
    if (old["title"], old["start"]) == (new["title"], new["start"]):
        return True
    return (
        old["end"] is None
        and (old["role"], old["country"]) == (new["role"], new["country"])
        and (old["start"] or "")[:4] == (new["start"] or "")[:4] != ""
    )


def apply_supplements(rows: list[dict], paths: list[Path]) -> list[dict]:
    """Merge supplement files: a known key gains aliases and offices (a supplement's
    office replaces the same spell, which corrects stale ends); a new key is a new person."""
    by_key = {row["key"]: row for row in rows}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            new = json.loads(line)
            offices = [
                o for o in new.get("offices", []) if _date_ok(o["start"]) and _date_ok(o["end"])
            ]
            row = by_key.get(new["key"])
            if row is None:
                row = {"key": new["key"], "name": new["name"], "country": new["country"],
                       "aliases": [], "offices": []}  # fmt: skip
                by_key[new["key"]] = row
                rows.append(row)
            elif new["name"] != row["name"]:
                row["aliases"].append(row["name"])
                row["name"] = new["name"]
            row["country"] = new.get("country") or row["country"]
            for alias in new.get("aliases", []):
                if alias != row["name"] and alias not in row["aliases"]:
                    row["aliases"].append(alias)
            row["aliases"] = [a for a in row["aliases"] if a != row["name"]]
            for office in offices:
                office = {k: office.get(k) for k in ("title", "role", "country", "start", "end")}
                kept = [o for o in row["offices"] if not _same_office(o, office)]
                row["offices"] = [*kept, office]
    return rows


DEFAULT_HISTORY = DEFAULT_WIKIDATA.with_name("leaders_history.jsonl")


def _day_range(start: str | None, end: str | None) -> tuple[date, date]:
    """A spell's first and last day, a partial date widened to its whole period."""
    low = date.fromisoformat((start or "0001") + "-01-01"[len(start or "0001") - 4 :])
    if not end:
        return low, date.max
    parts = [int(p) for p in end.split("-")]
    month = parts[1] if len(parts) > 1 else 12
    last = parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1]
    return low, date(parts[0], month, last)


def _overlap_days(a: dict, b: dict) -> int:
    a_low, a_high = _day_range(a["start"], a["end"])
    b_low, b_high = _day_range(b["start"], b["end"])
    low, high = max(a_low, b_low), min(a_high, b_high)
    return (high - low).days + 1 if low <= high else 0


def _country_title(title: str, country: str) -> str:
    """'Prime Minister' of GR -> 'Prime Minister of Greece' (as the curated titles read)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from diplomacy.extraction.country_names import COUNTRY_NAMES

    names = COUNTRY_NAMES.get(country) or [country]
    if any(name in title for name in names):
        return title
    return f"{title} of {names[0]}"


def merge_history(rows: list[dict], path: Path) -> list[dict]:
    """Merge dated terms (``shared/data/leaders_history.jsonl``, Wikidata) by Wikidata id.

    A person is found by id, else by name and country among people the tables above
    keyed by slug; else added with full-name aliases only (a lone surname is matched
    only after the full name appeared). A term is added unless the person already has
    that office over the same time, or someone else holds it for more than a month of
    it in the tables above: they were checked by hand, and an office holder at a date
    must stay one person.
    """
    by_key = {row["key"]: row for row in rows}
    by_name: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        for name in dict.fromkeys((row["name"], *row["aliases"])):
            by_name.setdefault((_plain(name), row["country"]), []).append(row)
    # Who holds what in the tables above; terms added here are checked against the
    # person's own terms only (Wikidata lists co-holders: captains regent, co-princes).
    holders: dict[tuple[str, str], list[tuple[dict, dict]]] = {}
    for row in rows:
        for office in row["offices"]:
            holders.setdefault((office["country"], office["role"]), []).append((office, row))
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        key = (rec.get("person_id") or "").removeprefix("wikidata:")
        role = WIKIDATA_ROLES.get(rec["office"])
        if not key or role is None or not _date_ok(rec["start"]) or not _date_ok(rec["end"]):
            continue
        row = by_key.get(key)
        if row is None:
            same = [
                r
                for r in by_name.get((_plain(rec["name"]), rec["country"]), [])
                if not r["key"].startswith("Q")
            ]
            row = same[0] if len(set(id(r) for r in same)) == 1 else None
        if row is None:
            row = {"key": key, "name": rec["name"], "country": rec["country"],
                   "aliases": [], "offices": []}  # fmt: skip
            rows.append(row)
            by_key[key] = row
        for alias in (rec["name"], *rec.get("aliases", [])):
            if alias != row["name"] and alias not in row["aliases"] and len(alias.split()) > 1:
                row["aliases"].append(alias)
        office = {
            "title": _country_title(rec["title"], rec["country"]),
            "role": role,
            "country": rec["country"],
            "start": rec["start"],
            "end": rec["end"],
        }
        own = [o for o in row["offices"] if (o["country"], o["role"]) == (rec["country"], role)]
        others = [o for o, r in holders.get((rec["country"], role), []) if r is not row]
        if any(_overlap_days(o, office) > 0 for o in own) or any(
            _overlap_days(o, office) > 31 for o in others
        ):
            continue
        row["offices"].append(office)
    return rows


if __name__ == "__main__":
    out = Path(__file__).with_name("leaders.jsonl")
    rows = build()
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_WIKIDATA
    if source.exists():
        rows += from_wikidata(source, rows)
    here = Path(__file__).resolve().parent
    rows = apply_supplements(rows, [here / name for name in SUPPLEMENTS if (here / name).exists()])
    history = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_HISTORY
    if history.exists():
        rows = merge_history(rows, history)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} people to {out}")
