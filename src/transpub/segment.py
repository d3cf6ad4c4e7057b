"""Language-aware sentence segmentation: one regex finds candidate boundaries, set lookups decide.

A candidate is a terminator (``.``, ``!``, ``?``, ``…``, spaced ellipses) with its closing quotes and
brackets, followed by whitespace, or a full-width terminator (``。！？``) that needs no space after it.
Each candidate is kept or dropped by looking at the word before it (abbreviation, initial, ordinal,
number) and the word after it (lower case, digit, a common sentence starter). Numbered lists
("1) ... 2) ...") get an extra boundary before each item.

U+FFFC (an inline object) is an ordinary word character; newlines and U+00A0 count as spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

__all__ = ["segment", "split_sentences"]

_OPENERS = "\"'“‘„‚«‹([{¿¡「『（【《〈"
_CLOSERS = "\"'“‘”’»›)]}」』）】》〉〕｣"

# The body of a candidate: the word before the terminator (which may hold inner dots, "U.S"), the
# terminator, closing quotes and brackets, then (looked at, not consumed) the space and the next word.
# (The word is written with possessive repeats of whole runs: a nested repeat would keep one
# backtracking entry per inner dot, and "a.a.a.…" a megabyte long would slow down more than linearly.)
_CANDIDATE_BODY = r"""
    (?P<word>(?:W++|[.!?…]++(?=[^\s.!?…。！？｡“‘”’"'»›)\]}」』）】》〉〕｣]))*+)
    (?P<term>(?:\.\s){3}\.|(?:\.\s){2}\.|\.{2,}|…+|[.!?][.!?…]*)
    (?P<close>(?:[“‘”’"'»›)\]}」』）】》〉〕｣]|[ \u00a0\u202f][»›])*)
    (?=(?P<space>\s+)(?P<next>\S+)|\s*\Z)
""".replace("W", r"[^\s.!?…。！？｡]")
# Text without full-width terminators: every candidate word follows a space (fast to scan for).
# (The never-matching tail gives these the same groups as _cjk_candidate().)
_NO_CJK = r"(?:(?!)(?P<cjk>)(?P<cjk_space>))?"
_FIRST_CANDIDATE = re.compile(_CANDIDATE_BODY + _NO_CJK, re.VERBOSE)
_NEXT_CANDIDATE = re.compile(r"\s" + _CANDIDATE_BODY + _NO_CJK, re.VERBOSE)
# Text with full-width terminators: they end a sentence without a space, and a word may follow them.
# A word may start after any closing quote or bracket here, and a word runs on through closers to the
# next terminator: so a word that ends in no candidate is matched whole, without groups (the last
# branch), and skipped, instead of being scanned again from each closer inside it.
_WORD_START = r"(?<![^\s。！？｡」』”’）】》〉〕｣\"')\]»])"
_CJK_CANDIDATE_PATTERN = (
    _WORD_START
    + _CANDIDATE_BODY
    + r"""| (?P<cjk>[。！？｡]+[!?！？…]*[”’"'」』）】》〉〕｣)]*)(?=(?P<cjk_space>\s*))"""
    + "|"
    + _WORD_START
    + r"(?=W|[.!?…]+X)(?:W++|[.!?…]++(?=X))*+".replace(
        "X", r"[^\s.!?…。！？｡“‘”’\"'»›)\]}」』）】》〉〕｣]"
    ).replace("W", r"[^\s.!?…。！？｡]")
)


@cache
def _cjk_candidate() -> re.Pattern[str]:
    """The pattern for text with full-width terminators, compiled when such a text is first cut
    (about 23M instructions: a run on articles without them never pays it)."""
    return re.compile(_CJK_CANDIDATE_PATTERN, re.VERBOSE)


_MARKER = r"(?P<marker>(?P<bullet>[•⁃▪◦‣∙·*-]\s?)?(?P<num>\d{1,3}|[a-z])(?P<punct>\.\)|\)|\.)(?=\s))"
_FIRST_LIST_MARKER = re.compile(r"(?P<gap>)??" + _MARKER)
#: The punctuation of a list marker, before a space.
_MARKER_END = re.compile(r"(?:\.\)?|\))(?=\s)")
_BULLETS = "•⁃▪◦‣∙·*-"


def _may_hold_markers(text: str) -> bool:
    """False when ``text`` holds no list marker: none of its ``.``, ``)`` or ``.)`` before a space
    follows a digit, or a letter after a space or a bullet (a quick test before looking for them).

    >>> _may_hold_markers("It rained. Then 1) one"), _may_hold_markers("It rained. Then it stopped.")
    (True, False)
    """
    # Each "." and ")" is found with str.find (a pattern's scan costs far more per character), and
    # the ends _MARKER_END matches are told apart by the characters after them.
    for mark in ".)":
        end = text.find(mark, 1)
        while end >= 0:
            after = text[end + 1 : end + 3]
            if after[:1].isspace() or (mark == "." and after[:1] == ")" and after[1:].isspace()):
                at = end - 1
                char = text[at]
                if char.isdigit():
                    return True
                if "a" <= char <= "z" and (at == 0 or text[at - 1].isspace() or text[at - 1] in _BULLETS):
                    return True
            end = text.find(mark, end + 1)
    return False


_NEXT_LIST_MARKER = re.compile(r"(?P<gap>\s+)" + _MARKER)

_SHORT_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}\Z")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations are lower case, without their final period. Titles never end a sentence.
_COMMON_ABBREVIATIONS = _words(
    "e.g i.e etc vs viz ca cf al approx no nos nr vol vols pp p ed eds fig figs dept est inc ltd co corp"
    " jan feb mar apr jun jul aug sep sept oct nov dec mt st ave blvd rd"
)
_COMMON_TITLES = _words("mr mrs ms messrs dr prof")

_ENGLISH = _words(
    "a.m p.m adj adm adv al ala alta apr approx ariz ark assn asst atty aug ave bart bld bldg blvd brig bros"
    " btw cal calif capt cf cl cmdr co col colo comdr con conn corp cpl cres ct d.c dak del dept det dist"
    " dr e.g ed esp esq est etc exec f fed feb fig figs fla fn fri ft ga gen gov hon hosp hr hwy i.e ia"
    " id ida ill inc ind ing insp is jan jr jul jun kan kans ken ky la lt ltd maj man mar mass md me"
    " med messrs mex mfg mich min minn miss mo mon mont mr mrs ms msgr mt mx neb nebr nev no nos nov"
    " nr oct ok okla ont op ord ore p pa pd pde penn penna pfc ph ph.d pl plz pp prof pvt que rd ref"
    " rep reps res rev rt sask sec sen sens sep sept sfc sgt sr st supt surg tce tenn tex univ usafa u.s"
    " ut va v vs vt wash wis wisc wy wyo yuk fwd mgr n°"
)
_ENGLISH_TITLES = _words(
    "mr mrs ms messrs mmes dr prof rev hon gen col capt lt sgt cpl pvt maj adm cmdr gov sen rep pres"
    " supt insp msgr sr jr fr st mt ft"
)
_ENGLISH_STARTERS = _words(
    "A An The This That These Those There Then Thus Hence He She It We They I You His Her Its Our Their"
    " My What When Where Which Who Whom Whose Why How However In On At For But And Or So Yet If As After"
    " Before Although Though While Being Did Does Do Is Are Was Were Has Have Had Can Could Will Would"
    " Should Millions More Most Some Many Also Still Meanwhile Today Yesterday Tomorrow Now Please"
    " Nevertheless Moreover Furthermore Since Because During Despite Let Here Each Every No Not One"
)

_GERMAN = _words(
    "abb abs abt adr allg anm art aufl bd bde betr bsp bspw bzgl bzw ca chr co dgl di dipl dr ev evtl"
    " exkl fa fam ff fr frl geb gebr gegr ggf hbf hl hr hrn inkl jh jhd jr kap kath kfm kl lt mio mrd"
    " mrd max min mind mod mwst nachf nr nrn o.ä od orig pfd pkt pl prof prot rd rel s sen sog spez st"
    " std str stud tel tsd u.a u.ä u.u usf usw v.a v.chr vgl vlg vs weil z.b z.t zb zt zz zzgl d.h"
    " z.zt i.d.r i.a m.e o.g s.o s.u u.v.m s.a v.l.n.r a.d n.chr"
    " jan feb mär apr jun jul aug sep sept okt nov dez"
)
_GERMAN_TITLES = _words("dr prof hr hrn fr frl dipl st bzw z.b d.h v.a u.u i.d.r z.t u.a s.o")
_GERMAN_STARTERS = _words(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ihr Ich Man Dies Diese Dieser"
    " Dieses Dann Doch Aber Und Auch Als Am Im In Auf Bei Mit Nach Seit Wenn Wie Was Wer Wo Warum So Nun"
    " Heute Damit Dabei Deshalb Daher Zudem Außerdem Jedoch Hier Dort Danach Davor Trotzdem Allerdings"
    " Denn Oder Ob Um Zum Zur Vor Für Gegen Ohne Unter Über Nicht Kein Keine Alle Viele Jetzt Bitte"
)

_FRENCH = _words(
    "av apr art bd boul c.-à-d cf ch chap coll dir dr éd env etc ex fig hab j.-c ls m mm mme mlle mlles"
    " mgr mm n° no p pp par paragr pr pl prof r s sq st ste suiv t tél trad v vol vs"
    " janv févr fév avr juil sept oct nov déc"
)
_FRENCH_TITLES = _words("m mm mme mmes mlle mlles mgr dr pr prof me st ste")
_FRENCH_STARTERS = _words(
    "Le La Les L'Un Un Une Des Ce Cette Ces Il Elle Ils Elles On Nous Vous Je Mais Et Ou Donc Or Ni Car"
    " Puis Alors Ensuite Enfin Cependant Pourtant Quand Comme Si Dans En Au Aux Pour Par Sur Avec Sans"
    " Selon Depuis Après Avant Voici Voilà Oui Non Aujourd'hui C'est Il"
)

_SPANISH = _words(
    "a.c a.m apdo art arts atte av avda bco cap cía cía cf col cp cta dcha d.c dir dña dr dra dto ee.uu"
    " ej etc fig gral hnos ibid izq lic lda ltda mín máx ntra ntro núm núms p.ej pág págs p.m pl pta"
    " pts rte s.a sr sra sres srta sta sto tel tlf ud uds vda vol vs"
    " ene feb mar abr jun jul ago sep sept oct nov dic"
)
_SPANISH_TITLES = _words("sr sra sres sras srta dr dra d dña don lic ud uds sto sta ntra ntro p.ej")
_SPANISH_STARTERS = _words(
    "El La Los Las Lo Un Una Unos Unas Este Esta Estos Estas Ese Esa Eso Él Ella Ellos Ellas Yo Tú"
    " Nosotros Pero Y O Sin Con En Por Para Cuando Como Si Después Antes Entonces Luego Sin Además"
    " También Hoy Ayer Mañana No Sí Así Aunque"
)

_RUSSIAN = _words(
    "г гг ул д кв пер просп пр им т тт тыс млн млрд руб коп др пр проф акад доц см ср рис стр табл"
    " гл п пп ч в вв н.э до.н.э т.е т.д т.п т.к т.н т.о т.ч и.о мин макс max min"
    " янв фев февр мар апр авг сен сент окт ноя нояб дек"
)
_RUSSIAN_TITLES = _words("ул пр просп проф акад доц им см ср рис т.е т.к т.н т.ч и.о")
_RUSSIAN_STARTERS = _words(
    "В Во На Но И А Он Она Оно Они Мы Вы Я Это Этот Эта Эти Так Там Тогда Потом Затем Однако Когда Если"
    " Как Что Кто Где Почему После До При По Для С У Из От Также Сегодня Вчера Теперь Не Да Нет"
)

_SWEDISH = _words(
    "t.ex bl.a d.v.s dvs s.k m.m o.s.v osv ca nr kl fr.o.m t.o.m p.g.a pga resp jfr m.fl o.d ung"
    " st tel obs dr prof f.d f.n e.kr f.kr vs vol sid s etc"
    " jan febr feb mars apr jun jul aug sept sep okt nov dec"
)
_SWEDISH_TITLES = _words("dr prof t.ex bl.a d.v.s dvs s.k p.g.a pga jfr kl")
_SWEDISH_STARTERS = _words(
    "Det Den De Han Hon Vi Jag Du Ni Men Och Eller Så Då När Om Som Efter Innan Sedan Enligt Under I På"
    " För Med Till Av Från Dessutom Även Idag Igår Nu Ja Nej Detta Denna Dessa En Ett"
)


@dataclass(frozen=True)
class _Rules:
    """What one language knows about where its sentences may end."""

    abbreviations: frozenset[str]
    titles: frozenset[str]
    starters: frozenset[str]
    ordinal_dot: bool = False
    enders: frozenset[str] = frozenset({"etc"})
    quote_continuations: str = ""
    abbreviation_endings: tuple[str, ...] = ()  # compounds abbreviated at their end ("Hauptstr.")


_DEFAULT_RULES = _Rules(_COMMON_ABBREVIATIONS, _COMMON_TITLES, _ENGLISH_STARTERS)
_RULES: dict[str, _Rules] = {
    "en": _Rules(_ENGLISH | _COMMON_ABBREVIATIONS, _ENGLISH_TITLES, _ENGLISH_STARTERS),
    "de": _Rules(
        _GERMAN | _COMMON_ABBREVIATIONS,
        _GERMAN_TITLES,
        _GERMAN_STARTERS,
        ordinal_dot=True,
        enders=_words("etc usw usf u.a u.ä u.v.m"),
        abbreviation_endings=("str",),
    ),
    "fr": _Rules(_FRENCH | _COMMON_ABBREVIATIONS, _FRENCH_TITLES, _FRENCH_STARTERS),
    "es": _Rules(_SPANISH | _COMMON_ABBREVIATIONS, _SPANISH_TITLES, _SPANISH_STARTERS),
    "ru": _Rules(
        _RUSSIAN | _COMMON_ABBREVIATIONS, _RUSSIAN_TITLES, _RUSSIAN_STARTERS, enders=_words("etc т.д т.п др")
    ),
    "sv": _Rules(
        _SWEDISH | _COMMON_ABBREVIATIONS,
        _SWEDISH_TITLES,
        _SWEDISH_STARTERS,
        enders=_words("etc osv o.s.v m.m m.fl"),
    ),
    "ja": _Rules(_COMMON_ABBREVIATIONS, _COMMON_TITLES, _ENGLISH_STARTERS, quote_continuations="とっ"),
}
# Ordinals written "3." (German style) are common in these languages too.
for _code in ("da", "nb", "no", "nn", "fi", "cs", "sk", "pl", "hu", "et", "lv", "lt", "hr", "sl", "sr", "is"):
    _RULES[_code] = _Rules(_COMMON_ABBREVIATIONS, _COMMON_TITLES, _ENGLISH_STARTERS, ordinal_dot=True)


def _base_language(lang: str) -> str:
    """The primary language subtag of a gettext or BCP 47 name.

    >>> _base_language("zh_CN"), _base_language("zh-Hans"), _base_language("sr@latin"), _base_language("DE")
    ('zh', 'zh', 'sr', 'de')
    """
    return re.split(r"[-_@.]", lang.strip(), maxsplit=1)[0].lower()


@lru_cache(maxsize=64)
def _is_greek(lang: str) -> bool:
    """Whether ``lang`` names Greek, whose question mark is ``;``."""
    return _base_language(lang) == "el"


@lru_cache(maxsize=64)
def _rules_for(lang: str) -> _Rules:
    return _RULES.get(_base_language(lang), _DEFAULT_RULES)


def _first_letter(token: str) -> str:
    """The first character of `token` after any opening quotes or brackets ('' if none)."""
    stripped = token.lstrip(_OPENERS)
    return stripped[:1]


#: What no sentence starts with: the rest of one ("Why not ? : see …", a question spaced as French writes it).
_NO_SENTENCE_START = frozenset(",;:،؛·\u0387")
#: An emoji short code (``:warning:``, ``:+1:``): it may open a sentence, as a sign before it does.
_EMOJI_CODE = re.compile(r":[a-z0-9_+-]+:")


def _is_boundary(
    word: str, term: str, close: str, nxt: str, at_sentence_start: bool, preceding: str, rules: _Rules
) -> bool:
    """Decide whether the candidate `word` + `term` + `close`, followed by `nxt`, ends a sentence."""
    first = nxt[0]
    if first in _OPENERS:
        first = _first_letter(nxt) or first
    if first.islower() or (first in _NO_SENTENCE_START and not _EMOJI_CODE.match(nxt)):
        return False
    if term != ".":
        if term[0] == "." and " " in term:  # spaced ellipsis ". . ." or ". . . ."
            return len(term) == 7
        if word.endswith(("[", "(")) and close[:1] in ("]", ")"):
            return False  # an omission mark "[...]"
        return True
    if close:
        return True
    key = word.lstrip(_OPENERS + "•⁃-").lower()
    if not key:
        return True
    if key.isdigit():
        if at_sentence_start:
            return False  # a list number or an ordinal opening the sentence
        if rules.ordinal_dot and len(key) <= 3:
            if nxt[:1].isdigit():
                return False  # a date written with dots: "am 4. 1. 2018"
            return nxt.rstrip(".,;:!?") in rules.starters or not nxt[:1].isalpha()
        return True
    if len(key) == 1 and preceding:
        key = preceding + "." + key  # a spaced abbreviation such as "z. B." or "d. h."
    if key in rules.titles:
        return False
    if key in rules.enders:
        return not first.isdigit()
    if rules.abbreviation_endings and key.endswith(rules.abbreviation_endings) and first.isdigit():
        return False  # "Hauptstr. 5"
    if key not in rules.abbreviations:
        if len(key) == 1:
            if not key.isalpha():
                return True
        elif "." not in key or len(key) > 32 or not _SHORT_ABBREVIATION.match(key):
            # (no dot: a word, most words; no dotted acronym is that long: "a.a.a.…" is a word)
            return True
    # An abbreviation, an initial or a dotted acronym such as "U.S."
    if at_sentence_start and len(key) == 1:
        return False  # a list letter "a."
    if first.isdigit():
        return False
    if len(nxt) >= 2 and nxt[1] == "." and nxt[0].isupper():
        return False  # another initial follows: "J. R. R. Tolkien"
    return nxt.rstrip(".,;:!?") in rules.starters


def _opens_list(text: str, marker: re.Match[str]) -> bool:
    """Whether `marker` can be the first item of a list: bulleted, or opening the text or a sentence."""
    if marker["bullet"] or marker["gap"] is None:
        return True
    before = marker.start("gap") - 1
    return before < 0 or text[before] in ".:;!?"


def _list_item_starts(text: str) -> tuple[dict[int, int], set[int]]:
    """Boundaries before the items of numbered or lettered lists, and the dots of their markers.

    Returns ``({item_start: previous_sentence_end}, {marker_dot_positions})`` for runs of at least two
    consecutive markers of one style ("1) ... 2) ..." or "a. ... b. ..."), the first one bulleted or
    opening the text or a sentence (so that "am 3. Mai ... am 4. Juni" is no list).
    """
    if not _may_hold_markers(text):
        return {}, set()  # most paragraphs
    runs: list[list[re.Match[str]]] = []
    first = _FIRST_LIST_MARKER.match(text)
    markers = _NEXT_LIST_MARKER.finditer(text, first.end() if first else 0)
    for match in chain((first,), markers) if first else markers:
        number = match["num"]
        value = int(number) if number.isdigit() else ord(number) - 96
        if runs:
            last = runs[-1][-1]
            last_number = last["num"]
            same_style = last["punct"] == match["punct"] and last_number.isdigit() == number.isdigit()
            last_value = int(last_number) if last_number.isdigit() else ord(last_number) - 96
            if same_style and value == last_value + 1:
                runs[-1].append(match)
                continue
        runs.append([match])
    starts: dict[int, int] = {}
    dots: set[int] = set()
    for run in runs:
        if len(run) < 2 or not _opens_list(text, run[0]):
            continue
        for position, match in enumerate(run):
            if position and match["gap"] is not None:
                starts[match.start("marker")] = match.start("gap")
            if match["punct"].startswith("."):
                dots.add(match.start("punct"))
    return starts, dots


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, in order.

    Spans exclude the whitespace between sentences; text without a sentence break gives one stripped
    span; empty or whitespace-only text gives []. `lang` is a gettext or BCP 47 name ('en', 'zh_CN',
    'de', 'zh-Hans').

    >>> split_sentences("Mr. Smith left. He was late.", "en")
    [(0, 15), (16, 28)]
    >>> split_sentences("你好。今天很好！", "zh_CN")
    [(0, 3), (3, 8)]
    >>> split_sentences("هل هذا كتاب؟ نعم.", "ar"), split_sentences("Τι είναι; Ένα βιβλίο.", "el")
    ([(0, 12), (13, 17)], [(0, 9), (10, 21)])
    >>> split_sentences("बंदरगाह खुल गया। नौकाएँ चलती हैं।", "hi")
    [(0, 16), (17, 33)]
    """
    rules = _rules_for(lang)
    start = len(text) - len(text.lstrip())
    if start == len(text):
        return []
    if not text.isascii() and any(map(text.__contains__, _OTHER_MARKS_FOUND)):
        text = text.translate(_OTHER_MARKS)  # (one character for one: the spans are the text's)
    if ";" in text and _is_greek(lang):
        text = text.replace(";", "?")  # (Greek's question mark)
    stop = len(text.rstrip())
    if text.isascii() or not (_has_cjk_terminator(text) or "…" in text):
        spans = _plain_spans(text, start, stop, rules)
        if spans is not None:
            return spans
    return _spans(text, start, stop, rules)


#: The terminators of other scripts, cut as ``?`` and ``.``: Arabic's ``؟``, the Greek question mark
#: (U+037E, which NFC writes ``;``: in Greek text :func:`split_sentences` reads every ``;`` so), the
#: danda of Hindi and other Indic scripts (``।``, ``॥``), Urdu's full stop ``۔``, Armenian ``։``,
#: Ethiopic ``።``, Burmese ``။`` and Khmer ``។``.
_OTHER_MARKS = str.maketrans(
    {"؟": "?", "\u037e": "?", "।": ".", "॥": ".", "۔": ".", "։": ".", "።": ".", "။": ".", "។": "."}
)
_OTHER_MARKS_FOUND = tuple(chr(code) for code in _OTHER_MARKS)


def _spans(text: str, start: int, stop: int, rules: _Rules) -> list[tuple[int, int]]:
    """:func:`split_sentences` of ``text`` whose sentences run from ``start`` to ``stop`` (its
    whitespace at both ends aside), whatever the text."""
    list_starts: dict[int, int] = {}
    list_dots: set[int] = set()
    if (") " in text or ". " in text) and _may_hold_markers(text):
        list_starts, list_dots = _list_item_starts(text)
    spans: list[tuple[int, int]] = []
    sentence_start = start
    continuations = rules.quote_continuations
    for match in _find_candidates(text, start, stop):
        word, term, close, space, nxt, cjk, cjk_space = match.groups()
        if term is None and cjk is None:
            continue  # a word followed by no candidate (Chinese and Japanese text only)
        end = match.end()
        if cjk is not None:
            following = end + len(cjk_space)
            if following >= stop:
                break
            if continuations and cjk[-1] in _CLOSERS and text[following] in continuations:
                continue
        else:
            if nxt is None:
                break
            term_start = end - len(close) - len(term)
            if term_start in list_dots:
                continue
            word_start = term_start - len(word)
            preceding = ""
            if (
                len(word) == 1
                and word_start >= 3
                and text[word_start - 2] == "."
                and text[word_start - 1] == " "
            ):
                preceding = text[word_start - 3].lower()
            if not _is_boundary(word, term, close, nxt, word_start == sentence_start, preceding, rules):
                continue
            if len(term) == 7 and word:
                # "compounds. . . . The" ends after the first dot; the ellipsis opens the next sentence.
                end = term_start + 1
                following = term_start + 2
            else:
                following = end + len(space)
        spans.append((sentence_start, end))
        sentence_start = following
    spans.append((sentence_start, stop))
    if list_starts:
        spans = _cut_before_list_items(spans, list_starts)
    return spans


def _plain_spans(text: str, start: int, stop: int, rules: _Rules) -> list[tuple[int, int]] | None:
    """:func:`_spans` of ``text`` (with no other terminator than ``.!?``) in which every terminator
    is alone and either ends the text, or stands inside a word (``3.5``, ``example.org``), or is
    followed by one space and an ASCII letter: a small one (no break), or a capital after a word of
    letters that is no abbreviation, title or ender of ``rules`` (a break). None for any other
    text: a single pass with ``str.find``, no pattern (most paragraphs are this plain)."""
    if ")" in text:
        return None  # (may hold a list marker)
    spans: list[tuple[int, int]] = []
    sentence_start = start
    others = [mark for mark in "!?" if mark in text]
    places = [-1] * (len(others) + 1)
    pos = start
    while True:
        at = _next_terminator(text, pos, stop, others, places)
        if at >= stop - 1:  # none left, or the last character
            break
        after = text[at + 1]
        pos = at + 1
        if after != " ":
            if after.isalnum():
                continue  # inside a word
            return None
        first = text[at + 2]  # (text[stop - 1] is no space: at + 2 < stop)
        if "a" <= first <= "z":
            continue  # a small letter follows: no break
        if not "A" <= first <= "Z":
            return None
        word = text[(text.rfind(" ", start, at) + 1) or start : at]
        if len(word) < 2 or not word.isalpha():
            return None
        key = word.lower()
        if text[at] == "." and (key in rules.abbreviations or key in rules.titles or key in rules.enders):
            return None
        spans.append((sentence_start, at + 1))
        sentence_start = at + 2
    spans.append((sentence_start, stop))
    return spans


def _next_terminator(text: str, pos: int, stop: int, others: Sequence[str], places: list[int]) -> int:
    """Where the first ``.`` or one of ``others`` (terminators ``text`` holds) stands in
    ``text[pos:stop]``; ``stop`` when none does. Found with str.find: a pattern's scan costs far
    more per character. ``places``: where each (``.`` first) was found from a position asked about
    before (-1 at first; positions only grow), looked for again only once passed: a search to
    ``stop`` for each of thousands of ``!`` of a text with no ``.`` (``![![![…``) cost n² time.

    >>> places = [-1, -1]
    >>> [_next_terminator("a! b. c!", pos, 8, "!", places) for pos in (0, 2, 5, 8)]
    [1, 4, 7, 8]
    """
    at = places[0]
    if at < pos:
        at = text.find(".", pos, stop)
        places[0] = at = stop if at < 0 else at
    if not others:
        return at
    for index, other in enumerate(others, 1):
        place = places[index]
        if place < pos:
            place = text.find(other, pos, stop)
            places[index] = place = stop if place < 0 else place
        if place < at:
            at = place
    return at


def _find_candidates(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The candidate boundaries of `text[start:stop]`, in order; all patterns share group names."""
    if _has_cjk_terminator(text):  # (outside ``start:stop`` there is only whitespace)
        return _cjk_candidate().finditer(text, start, stop)
    first = _FIRST_CANDIDATE.match(text, start, stop)
    return _next_candidates(text, first.end() if first else start, stop, first)


def _has_cjk_terminator(text: str) -> bool:
    """Whether ``text`` holds a full-width terminator (``。！？｡``), found with str's own search (a
    pattern's scan tests each character against a set: far slower).

    >>> _has_cjk_terminator("你好。今天"), _has_cjk_terminator("One. Two")
    (True, False)
    """
    return "。" in text or "！" in text or "？" in text or "｡" in text


def _next_candidates(text: str, pos: int, stop: int, first: re.Match[str] | None) -> Iterator[re.Match[str]]:
    """``first`` (when a match), then what ``_NEXT_CANDIDATE.finditer(text, pos, stop)`` finds.

    A candidate starts at the space before the word that holds its first terminator, so the full
    pattern is tried only there, not at every space of the text.
    """
    if first is not None:
        yield first
    match = _NEXT_CANDIDATE.match
    # the terminators the text holds besides "." (see _next_terminator)
    others = tuple(filter(text.__contains__, "!?…"))
    places = [-1] * (len(others) + 1)
    while True:
        at = _next_terminator(text, pos, stop, others, places)
        if at >= stop:
            return
        space = text.rfind(" ", pos, at)
        if space < 0 or not text[space + 1 : at].isalnum():  # (most words: letters after a space)
            space = at - 1
            while space >= pos and not text[space].isspace():
                space -= 1
        found = match(text, space, stop) if space >= pos else None
        if found is None:
            pos = at + 1  # no candidate starts before the next space after this terminator
        else:
            yield found
            pos = found.end()


def _cut_before_list_items(
    spans: list[tuple[int, int]], list_starts: dict[int, int]
) -> list[tuple[int, int]]:
    """Split `spans` before each list item start that falls inside one."""
    cuts = sorted(list_starts)
    result: list[tuple[int, int]] = []
    index = 0
    for span_start, span_end in spans:
        while index < len(cuts) and cuts[index] <= span_start:
            index += 1
        while index < len(cuts) and cuts[index] < span_end:
            result.append((span_start, list_starts[cuts[index]]))
            span_start = cuts[index]
            index += 1
        result.append((span_start, span_end))
    return result


def segment(text: str, lang: str) -> list[str]:
    """The sentences of `text` as strings: ``[text[a:b] for a, b in split_sentences(text, lang)]``.

    >>> segment("Er wurde am 4. 1. 2018 in der Hauptstr. 5 geboren. Dann zog er um.", "de")
    ['Er wurde am 4. 1. 2018 in der Hauptstr. 5 geboren.', 'Dann zog er um.']
    >>> segment("Es ist z. B. am 3. Oktober so. Dann nicht mehr.", "de")
    ['Es ist z. B. am 3. Oktober so.', 'Dann nicht mehr.']
    """
    return [text[a:b] for a, b in split_sentences(text, lang)]
