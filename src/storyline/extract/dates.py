"""The dates a web page states about itself, read from its markup.

`page_dates` collects every publication and modification date the page's
markup gives, with where it was found: schema.org JSON-LD (`datePublished`,
`dateCreated`, `dateModified`), `<meta>` tags (Open Graph
`article:published_time`, Dublin Core, `itemprop`...), `<time datetime>`
elements and `itemprop="datePublished"` elements, and the URL's
/YYYY/MM/DD/ path. Timestamps keep the date as the page states it in its
own offset ("2020-12-25T01:59:50+02:00" is the 25th, although it is still
the 24th in UTC); a timestamp in UTC ("Z", "+00:00") remembers that it is
UTC, so that a local statement of the same instant can win over it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..text.calendar import MONTHS

__all__ = ["Stamp", "Candidate", "Shown", "Decision", "parse_stamp", "page_dates", "url_date",
           "shown_dates", "decide"]

# -- timestamps ---------------------------------------------------------------

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"                       # date
    r"(?:[T\s|]+(\d{1,2})[:h](\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?"  # time
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?", re.I)                  # offset
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
_SLASH_YMD = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# "Tue, Sep 15 2020 10:01:41 EDT", "Mon Jan 20 09:49:32 UTC 2020", "Sep 15, 2020"
_WORDY = re.compile(
    r"\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(?:(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:[a-z]{2,4}\s+)?)?(\d{4})"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?", re.I)
_NAMED_ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
                "PDT": -7, "CET": 1, "CEST": 2, "BST": 1}
_EARLIEST, _LATEST = date(1995, 1, 1), date(2100, 1, 1)


@dataclass(frozen=True)
class Stamp:
    """A date as a page states it; `utc` when stated in UTC (so possibly not local)."""

    day: date
    time: tuple[int, int] | None = None   # hour, minute, when stated
    offset: int | None = None             # minutes east of UTC, when stated
    utc: bool = False                     # offset stated and zero

    @property
    def instant(self) -> datetime | None:
        if self.time is None or self.offset is None:
            return None
        local = datetime(self.day.year, self.day.month, self.day.day, *self.time)
        return (local - timedelta(minutes=self.offset)).replace(tzinfo=timezone.utc)

    def local_day(self, offset: int) -> date:
        """The day of this instant at another offset (minutes east of UTC)."""
        instant = self.instant
        return (instant + timedelta(minutes=offset)).date() if instant else self.day


def _offset(text: str | None) -> int | None:
    if not text:
        return None
    text = text.upper()
    if text in ("Z", "UTC", "GMT"):
        return 0
    if text in _NAMED_ZONES:
        return _NAMED_ZONES[text] * 60
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if not m:
        return None
    minutes = int(m[2]) * 60 + int(m[3])
    return minutes if m[1] == "+" else -minutes


def _day(y: int, m: int, d: int) -> date | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day if _EARLIEST <= day < _LATEST else None


def _stamp(day: date | None, hour=None, minute=None, zone=None) -> Stamp | None:
    if day is None:
        return None
    time = None
    if hour is not None and minute is not None and int(hour) < 24 and int(minute) < 60:
        time = (int(hour), int(minute))
    offset = _offset(zone) if time else None
    return Stamp(day, time, offset, offset == 0)


def parse_stamp(value: str | None) -> Stamp | None:
    """The date (and time and offset, when given) of a machine-readable date value.

    ISO 8601 and its common variants ("2020-12-05T23:15:0Z", "2019-12-09 20:00:49",
    "+0000" offsets), compact "20200113", RFC 822 and JavaScript's Date strings
    ("Tue, Sep 15 2020 10:01:41 EDT", "Mon Jan 20 09:49:32 UTC 2020"), day-first
    "26.01.2022" and "2020/01/13". Epoch numbers and US "06/13/2019" are not read
    here: neither says which day it is without a time zone or a convention.
    """
    if not value:
        return None
    value = value.strip()[:80]
    m = _ISO.search(value)
    if m:
        return _stamp(_day(int(m[1]), int(m[2]), int(m[3])), m[4], m[5], m[7])
    m = _COMPACT.match(value)
    if m:
        return _stamp(_day(int(m[1]), int(m[2]), int(m[3])), m[4], m[5])
    m = _WORDY.search(value)
    if m and m[1].lower() in MONTHS:
        hour, minute = (m[3], m[4]) if m[3] else (m[7], m[8])
        zone = m[10] or _zone_word(value)
        return _stamp(_day(int(m[6]), MONTHS[m[1].lower()], int(m[2])), hour, minute, zone)
    m = re.search(r"\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?", value, re.I)
    if m and m[2].lower() in MONTHS:   # RFC 822: "Sun, 28 Jun 2020 21:16:15 GMT"
        return _stamp(_day(int(m[3]), MONTHS[m[2].lower()], int(m[1])), m[4], m[5],
                      _zone_word(value))
    m = _DMY.search(value)
    if m:
        return _stamp(_day(int(m[3]), int(m[2]), int(m[1])))
    m = _SLASH_YMD.search(value)
    if m:
        return _stamp(_day(int(m[1]), int(m[2]), int(m[3])))
    return None


def _zone_word(value: str) -> str | None:
    m = re.search(r"(?:\d|\s)(Z|UTC|GMT|[ECMP][SD]T|CES?T|BST|[+-]\d{2}:?\d{2})\b", value)
    return m[1] if m else None


# -- candidates ---------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    stamp: Stamp
    kind: str      # published | modified
    source: str    # json-ld | meta | itemprop | time | url
    key: str       # the property or attribute name
    # False for the date of something else on the page: a teaser's or a related
    # item's microdata, a live blog's update, another article's JSON-LD
    main: bool = True


# <meta> names and properties that state the publication date (htmldate's list
# without "meta" and "timestamp"; the Dublin Core "date"s are kept but count as
# generic dates, GENERIC_META).
PUBLISHED_META = {
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "og:pubdate", "og:publish_date", "article.published",
    "article:publicationdate", "article:post_date", "article_date_original",
    "datepublished", "date_published", "published_time", "publish_date", "publish-date",
    "publishdate", "published-date", "published_date", "publisheddate", "publication_date",
    "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.created", "dc:created", "datecreated",
    "date_created", "article.created", "citation_publication_date", "citation_date",
    "originalpublicationdate", "cxenseparse:recs:publishtime", "rnews:datepublished",
    "bt:pubdate", "vr:published_time", "analyticsattributes.articledate",
    "dcsext.articlefirstpublished", "mediator_published_time", "shareaholic:article_published_time",
    "dc.date", "dcterms.date", "dc:date", "date", "displaydate", "pdate", "dateposted",
}
MODIFIED_META = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "og:modified_time", "datemodified", "dcterms.modified", "dc.date.modified", "dc.modified",
    "last-modified", "lastmod", "lastmodified", "modified_time", "updated_time",
    "revision_date", "article:post_modified", "bt:moddate", "utime",
}
_JSONLD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Blog|Review|Recipe|VideoObject|Episode|"
                            r"Creative|WebPage|Page|Event|Product|Book|Thesis|Movie", re.I)
# /2020/07/08/ or /2020/7/8/, or 2020-07-08 with two-digit month and day; not
# "/2023/10/3-fragen-an" (October's post "3 Fragen an...").
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-])(\d{1,2})\2(\d{1,2})(?=/|$)"
                       r"|(?<!\d)((?:19|20)\d\d)([/_-])(\d\d)\6(\d\d)(?![\d])")


def url_date(url: str | None) -> Stamp | None:
    """The /YYYY/MM/DD/ date in a URL's path (not its query string)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0].split("#")[0])
    m = _URL_DATE.search(path)
    if not m:
        return None
    y, mo, d = (m[1], m[3], m[4]) if m[1] else (m[5], m[7], m[8])
    return _stamp(_day(int(y), int(mo), int(d)))


def _jsonld_objects(tree) -> list[tuple[dict, bool]]:
    """schema.org objects of the page's JSON-LD, each with whether it is one of the
    page's own (top level, an @graph member, a page's mainEntity) rather than an object
    nested in one (a live blog's update, a list's teaser, a part, a review)."""
    objects: list[tuple[dict, bool]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        text = (script.text or "").strip()
        if "date" not in text and "Date" not in text:
            continue
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            data = _jsonld_by_regex(text)
        stack = [(item, True) for item in reversed(data if isinstance(data, list) else [data])]
        while stack:
            item, own = stack.pop()
            if isinstance(item, list):
                stack.extend((i, own) for i in reversed(item))
                continue
            if not isinstance(item, dict):
                continue
            objects.append((item, own))
            for key, value in reversed(item.items()):
                if isinstance(value, (dict, list)) and key != "@context":
                    stack.append((value, own and key in ("@graph", "mainEntity")))
    return objects


def _jsonld_by_regex(text: str) -> dict:
    """Broken JSON-LD (a trailing comma, an unescaped quote): its date properties."""
    found: dict = {}
    for m in re.finditer(r'"(datePublished|dateCreated|dateModified|uploadDate)"\s*:\s*"([^"]{6,40})"',
                         text):
        found.setdefault(m[1], m[2])
    return found


def _types(obj: dict) -> str:
    t = obj.get("@type", "")
    return " ".join(str(x) for x in t) if isinstance(t, list) else str(t)


# Types of an article itself (not of the page around it, a WebPage, whose dates are
# usually the article's): two of them on one page with different dates are two articles.
_ARTICLE_ITSELF = re.compile(r"Article|Posting|Report|Review", re.I)
# Where a page puts what is not its article: asides, menus, footers, lists of teasers
# and related stories (class or id names, matched inside longer ones: "related-posts").
_ELSEWHERE_TAGS = {"aside", "nav", "footer"}
_ELSEWHERE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:related|teasers?|recommend\w*|sidebars?|popular|trending|most-?read|"
    r"more-?(?:news|stories|articles)|read-?more|further-?reading|comments?)(?:$|[\s_-])", re.I)


def _url_key(url) -> str | None:
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    if not isinstance(url, str) or not url.strip():
        return None
    url = re.sub(r"^[a-z]+://(www\.)?", "", url.strip().split("#")[0].split("?")[0], flags=re.I)
    return url.rstrip("/").lower() or None


def _page_urls(tree, url: str | None) -> set[str]:
    found = {url}
    canonical = tree.find('.//link[@rel="canonical"]')
    if canonical is not None:
        found.add(canonical.get("href"))
    for key in ("og:url", "twitter:url"):
        found.update(m.get("content") for m in tree.xpath("//meta[@property=$k or @name=$k]", k=key))
    return {k for k in map(_url_key, found) if k}


def _same_words(a, b) -> bool:
    mine, theirs = _words(a) if isinstance(a, str) else set(), _words(b or "")
    return bool(mine) and len(mine & theirs) >= 0.8 * len(mine)


def _main_jsonld(objects: list[tuple[dict, bool]], urls: set[str], headline: str) -> list[bool]:
    """Which of the page's own JSON-LD objects are its article: all of them, unless two
    articles state different publication dates; then the one whose address is the page's
    (url, @id, mainEntityOfPage), else the one whose headline is the page's."""
    articles = [i for i, (obj, own) in enumerate(objects)
                if own and _ARTICLE_ITSELF.search(_types(obj))]
    days = {str(objects[i][0].get("datePublished"))[:10] for i in articles}
    main = [own for _, own in objects]
    if len(days) < 2:
        return main
    for test in (lambda o: any(_url_key(o.get(k)) in urls for k in ("url", "@id", "mainEntityOfPage")),
                 lambda o: _same_words(o.get("headline"), headline)):
        chosen = [i for i in articles if test(objects[i][0])]
        if chosen:
            for i in articles:
                main[i] = i in chosen
            break
    return main


def _elsewhere(el, stop=None) -> bool:
    """Inside an aside, a menu, a footer or a box of teasers, related stories or comments
    (looking up to `stop`, the article's own element, when known)."""
    for node in (el, *el.iterancestors()):
        if node is stop or node.tag in ("body", "html"):   # a body's classes describe the page
            return False
        if not isinstance(node.tag, str):
            continue
        if node.tag in _ELSEWHERE_TAGS or _ELSEWHERE_CLASS.search(
                f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _scope(el):
    return el if el.get("itemscope") is not None else next(
        (a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def _main_scope(tree, headline: str):
    """The microdata item of the page's article: the article item holding the headline
    (an <h1>, itemprop="headline") or the articleBody, else the only article item that
    is not in an aside or a teaser box; None when there is no telling."""
    scopes = [el for el in tree.iter() if isinstance(el.tag, str) and el.get("itemscope") is not None
              and _ARTICLE_ITSELF.search(el.get("itemtype") or "")]
    if not scopes:
        return None
    for scope in scopes:
        marks = scope.xpath('.//h1|.//*[@itemprop="headline" or @itemprop="articleBody"]')
        if any(m.get("itemprop") == "articleBody" or _same_words(m.text_content(), headline)
               for m in marks if _scope(m) is scope):
            return scope
    outer = [s for s in scopes if not any(a in scopes for a in s.iterancestors())
             and not _elsewhere(s)]
    return outer[0] if len(outer) == 1 else None


def _other_thing(el) -> bool:
    """Microdata of a comment, a person, an offer: an item whose type is no article's."""
    scope = _scope(el)
    itemtype = scope.get("itemtype") if scope is not None else None
    return bool(itemtype) and not _ARTICLE_TYPES.search(itemtype)


def _about_the_page(el, main_scope=None) -> bool:
    """Microdata of the page's article, not of a comment, a person or an offer on it,
    nor of a teaser or another article (another article item than `main_scope`, or, with
    no telling which item is the article's, one in an aside or a teaser box)."""
    if _other_thing(el):
        return False
    scope = _scope(el)
    itemtype = scope.get("itemtype") if scope is not None else None
    if main_scope is not None and scope is main_scope:
        return True
    if main_scope is not None and itemtype and _ARTICLE_ITSELF.search(itemtype):
        return False
    return not _elsewhere(el, main_scope)


def page_dates(tree, url: str | None = None) -> list[Candidate]:
    """Every date the page's markup states about the page, in document order per source;
    the dates of other things on it (a live blog's updates, teasers, related stories,
    another article's JSON-LD) come with `main=False`."""
    found: list[Candidate] = []
    headline = _page_title(tree)

    def add(value, kind: str, source: str, key: str, main: bool = True) -> None:
        stamp = parse_stamp(value) if isinstance(value, str) else None
        if stamp:
            found.append(Candidate(stamp, kind, source, key, main))

    objects = _jsonld_objects(tree)
    for (obj, _), main in zip(objects, _main_jsonld(objects, _page_urls(tree, url), headline)):
        types = _types(obj)
        if types and not _ARTICLE_TYPES.search(types):
            continue   # an Organization's foundingDate, a Person's birthDate...
        for key in _JSONLD_PUBLISHED:
            add(obj.get(key), "published", "json-ld", f"{types or '?'}.{key}", main)
        add(obj.get("dateModified"), "modified", "json-ld", f"{types or '?'}.dateModified", main)

    main_scope = _main_scope(tree, headline)
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content")
        if not content:
            continue
        if meta.get("itemprop") and _other_thing(meta):
            continue   # a comment's, a person's, an offer's date
        main = not meta.get("itemprop") or _about_the_page(meta, main_scope)
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if not key:
                continue
            if key in PUBLISHED_META or (attr == "http-equiv" and key == "date"):
                add(content, "published", "meta", key, main)
            elif key in MODIFIED_META:
                add(content, "modified", "meta", key, main)
            elif key in ("og:url", "twitter:url"):
                stamp = url_date(content)
                if stamp:
                    found.append(Candidate(stamp, "published", "url", key))
            break

    for el in tree.xpath('.//*[@itemprop="datePublished" or @itemprop="dateCreated" '
                         'or @itemprop="dateModified"][not(self::meta)]'):
        if _other_thing(el):
            continue
        main = _about_the_page(el, main_scope)
        value = el.get("datetime") or el.get("content")
        kind = "modified" if el.get("itemprop") == "dateModified" else "published"
        if value:
            add(value, kind, "itemprop", el.get("itemprop"), main)
        else:   # the date as printed: "06 Dicembre 2020"
            m = _SHOWN_DATE.search(el.text_content()[:200])
            day = _shown_day(m) if m else None
            if day:
                found.append(Candidate(Stamp(day), kind, "itemprop", el.get("itemprop"), main))

    for el in tree.iterfind(".//time[@datetime]"):
        if el.get("itemprop"):
            continue  # read above
        cls = (el.get("class") or "").lower()
        kind = "modified" if re.search(r"modif|updat|aktualisiert", cls) else "published"
        add(el.get("datetime"), kind, "time", "pubdate" if el.get("pubdate") is not None else cls,
            not _elsewhere(el))

    canonical = tree.find('.//link[@rel="canonical"]')
    for key, value in (("url", url), ("canonical", canonical.get("href") if canonical is not None else None)):
        stamp = url_date(value)
        if stamp:
            found.append(Candidate(stamp, "published", "url", key))
    return found


# -- the date shown under the headline ------------------------------------------

# English names from the shared calendar, then other languages.
_MONTH_NAMES = dict(MONTHS)
for _i, _names in enumerate((
        "januar jänner jän janvier gennaio enero janeiro januari",
        "februar feber février fevrier febbraio febrero fevereiro februari",
        "märz mär maerz mars marzo março maart",
        "avril aprile abril",
        "mai maggio mayo maio mei",
        "juni juin giugno junio junho",
        "juli juillet luglio julio julho",
        "août aout agosto augustus",
        "septembre settembre septiembre setembro",
        "oktober okt octobre ottobre octubre outubro",
        "novembre noviembre novembro",
        "dezember dez décembre decembre dicembre diciembre dezembro"), 1):
    for _n in _names.split():
        _MONTH_NAMES[_n] = _i
_MN = "|".join(sorted(map(re.escape, _MONTH_NAMES), key=len, reverse=True))
_SHOWN_DATE = re.compile(
    r"(?<![\d.])(?P<d1>[0-3]?\d)\.\s?(?P<m1>[01]?\d)\.\s?(?P<y1>(?:19|20)\d\d)(?![\d.]\d)"
    r"|(?<![\d-])(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?!\d)"
    rf"|(?<!\w)(?P<d3>[0-3]?\d)(?:\.|er|º)?\s+(?:de\s+)?(?P<mn3>{_MN})\.?,?\s+(?:de\s+)?"
    r"(?P<y3>(?:19|20)\d\d)(?!\d)"
    rf"|(?<!\w)(?P<mn4>{_MN})\.?\s+(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d\d)(?!\d)"
    r"|(?<![\d/])(?P<a5>[0-3]?\d)/(?P<b5>[0-3]?\d)/(?P<y5>(?:19|20)\d\d)(?![\d/])",
    re.I)
# What the words just before a printed date say it is.
_PUBLISHED_LABEL = re.compile(
    r"(?:published|posted|veröffentlicht|erschienen|erstellt|publiziert|publié|publiée|"
    r"pubblicato|publicado|gepubliceerd)(?:\s+(?:on|am|le|il|el|em|op))?\s*:?\s*"
    r"(?:\w{2,3}\.?,?\s*)?$", re.I)
_UPDATED_LABEL = re.compile(
    r"(?:updated|update|modified|aktualisiert|geändert|änderung|stand|mis à jour|modifié|"
    r"aggiornato|actualizado|atualizado|bijgewerkt)(?:\s+(?:on|am|le|il|el|em|op))?\s*:?\s*"
    r"(?:\w{2,3}\.?,?\s*)?$", re.I)
# ... or that it is some other date: a forum member's "Joined May 11, 2017",
# "Mitglied seit", an offer "valid until".
_OTHER_LABEL = re.compile(
    r"(?:joined|member since|registered|registriert|mitglied seit|dabei seit|beigetreten|"
    r"since|seit|born|geboren|until|bis|valid|gültig|deadline|frist)\s*(?:on|am)?\s*:?\s*$", re.I)
_NOT_SHOWN = {"script", "style", "noscript", "template", "svg", "head", "figcaption", "select",
              "option", "button", "form", "nav"}
_BLOCK_ENDS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
               "dd", "dt", "section", "article", "header", "footer", "ul", "ol", "table",
               "blockquote", "figure", "main", "aside"}
# Class names of site menus (WordPress "menu-item", "sub-menu"; Bootstrap "navbar"),
# matched as whole class names: "nav" alone is also Bootstrap's inline list.
_MENU_CLASSES = {"menu", "sub-menu", "main-menu", "menu-item", "navbar", "navigation", "dropdown-menu"}
# How far from the start of the headline a date still reads as the article's own
# (a byline, "Datum:", a kicker line above the title), in characters of page
# text; a date labelled as the publication date ("Veröffentlicht am") is read
# further down, at the end of the article.
SHOWN_BEFORE, SHOWN_WINDOW, LABELLED_WINDOW = 100, 1000, 3000
_STANDALONE_CHARS = 80
_DATELINE_CHARS = 30


@dataclass(frozen=True)
class Shown:
    """A date written on the page near its headline."""

    day: date
    offset: int        # characters of text after the start of the headline (negative: above it)
    standalone: bool   # alone in its text segment (a byline, a "Datum:" field) or a dateline
    label: str | None  # "published" or "updated", when the words before it say so
    text: str


def _shown_day(m: re.Match, month_first: bool = False) -> date | None:
    g = m.groupdict()
    if g["y1"]:
        return _day(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g["y2"]:
        return _day(int(g["y2"]), int(g["m2"]), int(g["d2"]))
    if g["y3"]:
        return _day(int(g["y3"]), _MONTH_NAMES[g["mn3"].lower()], int(g["d3"]))
    if g["y4"]:
        return _day(int(g["y4"]), _MONTH_NAMES[g["mn4"].lower()], int(g["d4"]))
    a, b = int(g["a5"]), int(g["b5"])   # 17/02/2022, 02/17/2022; 02/03/2022 by the page's language
    if a > 12 or (b <= 12 and not month_first):
        return _day(int(g["y5"]), b, a)
    return _day(int(g["y5"]), a, b)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def _page_title(tree) -> str:
    og = tree.find('.//meta[@property="og:title"]')
    return (og.get("content") if og is not None else None) or tree.findtext(".//title") or ""


def shown_dates(tree, title: str | None = None) -> list[Shown]:
    """Dates written in the page's text around its headline, in reading order.

    The headline is the <h1> that repeats most of the page's title (og:title,
    <title>), else the first <h1>; a page without <h1> shows no headline date.
    Dates are read from SHOWN_BEFORE characters above it to LABELLED_WINDOW
    below; photo captions, menus, scripts and forms are not read.
    """
    pieces: list[str] = []
    segments: list[tuple[int, int]] = []      # text between block boundaries
    headlines: list[tuple[int, str]] = []
    state = {"pos": 0, "seg": 0}

    def emit(text: str | None) -> None:
        if text:
            text = re.sub(r"\s+", " ", text)
            if text == " " and pieces and pieces[-1].endswith(" "):
                return
            pieces.append(text)
            state["pos"] += len(text)

    def close() -> None:
        if state["pos"] > state["seg"]:
            segments.append((state["seg"], state["pos"]))
        state["seg"] = state["pos"]

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _NOT_SHOWN or el.get("role") == "navigation":
            return
        cls = (el.get("class") or "").lower()
        if "caption" in cls or _MENU_CLASSES.intersection(cls.split()):
            return
        block = tag in _BLOCK_ENDS
        if block:
            close()
        if tag == "h1":
            headlines.append((state["pos"], el.text_content()))
        emit(el.text)
        for child in el:
            walk(child)
            emit(" ")   # "Dambrot</a><time>November 6" is two words
            emit(child.tail)
        if block:
            close()

    body = tree.find(".//body")
    walk(body if body is not None else tree)
    close()
    if not headlines:
        return []
    title_words = _words(title if title is not None else _page_title(tree))
    start, best = headlines[0][0], 0
    for offset, text in headlines:
        words = _words(text)
        common = len(words & title_words)
        if words and common >= len(words) / 2 and common > best:
            start, best = offset, common
    lang = (tree.get("lang") or "").lower()
    month_first = lang in ("en-us", "en_us")
    full = "".join(pieces)
    shown: list[Shown] = []
    for seg_start, seg_end in segments:
        if seg_end < start - SHOWN_BEFORE or seg_start > start + LABELLED_WINDOW:
            continue
        text = full[seg_start:seg_end]
        length = len(text.strip())
        for m in _SHOWN_DATE.finditer(text):
            day = _shown_day(m, month_first)
            offset = seg_start + m.start() - start
            if day is None or not (-SHOWN_BEFORE <= offset <= LABELLED_WINDOW):
                continue
            before = full[max(0, seg_start + m.start() - 40):seg_start + m.start()]
            if _OTHER_LABEL.search(before):
                continue
            label = ("published" if _PUBLISHED_LABEL.search(before)
                     else "updated" if _UPDATED_LABEL.search(before) else None)
            standalone = length <= _STANDALONE_CHARS or len(text[:m.start()].strip()) <= _DATELINE_CHARS
            shown.append(Shown(day, offset, standalone, label, m.group(0)))
    return shown


def headline_date(shown: list[Shown]) -> Shown | None:
    """The date the page prints as its own: one labelled as the publication date,
    else the first standalone date under the headline, else one just above it."""
    labelled = next((s for s in shown if s.label == "published"), None)
    if labelled:
        return labelled
    under = next((s for s in shown if 0 <= s.offset <= SHOWN_WINDOW and s.standalone), None)
    if under:
        return under
    return next((s for s in reversed(shown) if s.offset < 0 and s.standalone), None)


# -- the decision ---------------------------------------------------------------

# Dublin Core's "date" is any date in the resource's life ("A point or period of
# time associated with an event in the lifecycle of the resource"), and CMSs fill
# the bare <meta name="date"> with the day the page was generated or last edited.
GENERIC_META = {"date", "dc.date", "dc:date", "dcterms.date"}


def _strong(c: Candidate) -> bool:
    """A statement of the publication date itself (not a modification, not a generic date)."""
    return c.kind == "published" and not (c.source == "meta" and c.key in GENERIC_META) \
        and c.source != "time"


@dataclass
class Decision:
    day: str | None
    method: str          # html-meta | html-shown | html-text
    reason: str


def _described(c: Candidate) -> str:
    return f"{c.source} {c.key}"


def decide(tree, htmldate_day: str | None, htmldate_method: str = "html-meta",
           url: str | None = None, candidates: list[Candidate] | None = None,
           shown: list[Shown] | None = None, crawl: str | None = None) -> Decision:
    """The page's publication day: htmldate's answer from its metadata, corrected by
    what the page states and shows about its own article (`Candidate.main`: not the
    dates of teasers, related stories, comments or a live blog's updates).

    In order:
    0. htmldate's day is the date of something else on the page (a live blog's
       update, a teaser's microdata, another article's JSON-LD), which the article
       does not state as its publication (at most as its modification), and the
       article states its own publication date: that one;
    1. a UTC timestamp gives way to the same instant stated in the page's own
       offset ("2020-12-24T23:59:50+00:00" in Open Graph and
       "2020-12-25T01:59:50+02:00" in JSON-LD: the 25th);
    2. microdata of the article in the page's body (`<time itemprop="datePublished">`
       in the byline) wins over head metadata, unless the URL's path carries
       htmldate's day;
    3. the date the page prints as its own (`headline_date`: labelled
       "Veröffentlicht am", else the first standalone date under the headline,
       else one just above it), when the markup states that day too (as
       published, modified, or in a <time> element): readers and archivists
       date the page by it. A stated publication date is kept, though, before a
       modification date the page prints as "Updated ..." or prints next to it,
       and before a printed republication stamp (the article says it was created
       earlier, and every statement that it was published on the printed day
       comes with one that it was modified that day). Not before any printed
       modification date: on htmldate-eval the page's printed date is the
       reference on ten pages where it is only the markup's dateModified (rtl.de,
       kas.de, channelpartner.de...), and taking datePublished there cost eight
       of them;
    4. the printed date also wins when the markup states no such day and
       htmldate's day rests on no statement of publication (a generic
       `<meta name="date">`, a modification date, a date found in the text):
       method "html-shown";
    5. with a `crawl` date (when the page was fetched: an ISO date or timestamp), a
       day stated later than it is wrong: instants are compared where both have a
       time and offset, days otherwise, with a day's grace (a page's own day can run
       a day ahead of a UTC crawl date); the article's other publication statements
       that fit are tried, else the day is None and the reason says that the crawl
       date stays as the bound.
    """
    if candidates is None:
        candidates = page_dates(tree, url)
    if shown is None:
        shown = shown_dates(tree)
    others = [c for c in candidates if not c.main]
    candidates = [c for c in candidates if c.main]
    day, method = htmldate_day, htmldate_method
    reason = "htmldate: " + ("page metadata" if method == "html-meta" else "page text")

    # 0. another thing's date (which the article may state as its modification: a live
    # blog is modified when its last update is published)
    if day and not any(_strong(c) and c.stamp.day.isoformat() == day for c in candidates):
        other = next((c for c in others if c.stamp.day.isoformat() == day), None)
        own = next((c for c in candidates if _strong(c) and c.source in ("json-ld", "itemprop",
                                                                          "meta")), None)
        if other and own:
            day, method = own.stamp.day.isoformat(), "html-meta"
            reason = (f"htmldate's {htmldate_day} is the date of another item on the page "
                      f"({_described(other)}); the article's {_described(own)} states {day}")

    # 1. local statement of a UTC instant
    if day:
        for utc in (c for c in candidates if c.stamp.utc and c.stamp.instant
                    and c.stamp.day.isoformat() == day):
            local = next((c for c in candidates if c.stamp.offset and c.stamp.instant
                          and abs((c.stamp.instant - utc.stamp.instant).total_seconds()) <= 120
                          and c.stamp.day.isoformat() != day), None)
            if local:
                day, method = local.stamp.day.isoformat(), "html-meta"
                reason = (f"{local.source} {local.key} states {utc.source} {utc.key}'s "
                          "UTC time in its own offset")
                break

    # 2. visible microdata
    microdata = next((c for c in candidates if c.source == "itemprop" and c.kind == "published"), None)
    if microdata and microdata.stamp.day.isoformat() != day and not any(
            c.source == "url" and c.stamp.day.isoformat() == day for c in candidates):
        day, method = microdata.stamp.day.isoformat(), "html-meta"
        reason = f"microdata {microdata.key} on the page's visible date"

    # 3./4. the date the page prints as its own
    printed = headline_date(shown)
    if printed and printed.day.isoformat() != day:
        where = ("labelled as the publication date" if printed.label == "published"
                 else "printed under the headline" if printed.offset >= 0
                 else "printed above the headline")
        shown_day = printed.day.isoformat()
        agrees = [c for c in candidates if c.stamp.day.isoformat() == shown_day]
        stated = day is not None and any(_strong(c) and c.stamp.day.isoformat() == day
                                         for c in candidates)
        also_printed = day is not None and any(s.day.isoformat() == day for s in shown)
        only_modified = not any(_strong(c) for c in agrees)   # or <time>, or generic
        # A publication date the markup states keeps its place before a modification
        # date the page prints too or prints as "Updated", and before a republication
        # stamp (`_restamped`) unless the page labels it as the publication date.
        keep = stated and (only_modified and (also_printed or printed.label == "updated")
                           or day < shown_day and printed.label != "published"
                           and _restamped(agrees, candidates, day))
        if agrees and not keep:
            day, method = shown_day, "html-meta"
            reason = f"{where} ({printed.text!r}) as {agrees[0].source} {agrees[0].key} states"
        elif not agrees and not stated:
            day, method = shown_day, "html-shown"
            reason = f"{where} ({printed.text!r})" + (
                f"; htmldate's {htmldate_day} is no publication date" if htmldate_day else "")

    # 5. not after the page was fetched
    bound = parse_stamp(crawl) if crawl else None
    if day and bound and _after(day, candidates, bound):
        late = f"{day} ({reason})"
        fits = next((c for c in candidates if _strong(c)
                     and not _after(c.stamp.day.isoformat(), [c], bound)), None)
        if fits:
            day, method = fits.stamp.day.isoformat(), "html-meta"
            reason = (f"{_described(fits)}; {late} is after the page was fetched "
                      f"({crawl})")
        else:
            day = None
            reason = (f"{late} is after the page was fetched ({crawl}): the crawl date is "
                      "kept as the latest possible day")
    elif not day:
        reason = "no date in the page's markup, nor printed near its headline"
    return Decision(day, method, reason)


def _restamped(agrees: list[Candidate], candidates: list[Candidate], first: str) -> bool:
    """Whether the day the page prints is a republication stamp: every statement that
    the article was published that day comes with a statement that it was modified that
    day in the same source, and the article says it was created on or before `first`."""
    published = [c for c in agrees if _strong(c)]
    modified = {c.source for c in agrees if c.kind == "modified"}
    created = [c for c in candidates if "created" in c.key.lower()
               and c.stamp.day.isoformat() <= first]
    return bool(published) and all(c.source in modified for c in published) and bool(created)


def _after(day: str, candidates: list[Candidate], crawl: Stamp) -> bool:
    """Whether `day`, as the candidates state it, is after the crawl: by instant where a
    statement of that day and the crawl both have a time and offset (any one before
    the crawl will do), else by day, allowing the page's day to run one ahead."""
    if crawl.instant is not None:
        instants = [c.stamp.instant for c in candidates
                    if c.stamp.day.isoformat() == day and c.stamp.instant is not None]
        if instants:
            return min(instants) > crawl.instant
    return date.fromisoformat(day) > crawl.day + timedelta(days=1)
