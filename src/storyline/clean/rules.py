"""The line rules of the cleaner: what each kind of non-article paragraph looks like.

A rule names the kind it assigns, a pattern, the most words a matching
paragraph may have (a body paragraph that merely mentions a newsletter is
long; the plug itself is short) and where in the article it may stand:
"any", "head" (before the body starts) or "tail" (after the body ends).
Patterns were written from the noise in the scrapinghub benchmark pages
(trafilatura output), timeline17 and the fundus pages, and from wire-service
conventions (AP, Reuters, AFP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.calendar import WEEKDAY_NAMES

__all__ = ["Rule", "RULES", "DATELINE", "HEADLINE_MAX_WORDS", "TEASER_HEADERS", "COMMENT_HEADERS",
           "words"]


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    max_words: int = 40
    where: str = "any"   # any | head | tail | edge (head or tail)


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I | re.U)


def words(text: str) -> int:
    return len(text.split())


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAYNAME = rf"(?:{'|'.join(d[:3] for d in WEEKDAY_NAMES)})[a-z]*\.?,?"
_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT|UTC|ET|PT))?"
_DATE = (rf"(?:{_DAYNAME}\s*)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
         rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}[-/.]\d\d?[-/.]\d\d?|"
         rf"\d\d?[-/.]\d\d?[-/.]\d{{2,4}})")

# "Read also" in the languages of European and other news sites: the label of a link to
# another story ("Les også: ...", "Lesen Sie auch", "À lire aussi"), from the sites'
# own wording (issue 17 names the Norwegian, German and English ones).
READ_ALSO = (r"see also|leggi anche( su)?|leggi di più|lesen sie (auch|mehr|hier)|mehr zum thema|"
             r"auch interessant|das könnte sie auch interessieren|lire aussi|à lire aussi|a lire aussi|"
             r"à lire également|voir aussi|leia também|leia mais|veja também|saiba mais|"
             r"lea también|lee también|leer más|lea más|ver también|les også|les mer|se også|"
             r"læs også|læs mere|läs också|läs mer|lees ook|lees meer|lue myös|lue lisää|"
             r"czytaj (też|także|również|więcej)|zobacz (też|także)|přečtěte si (také|též)|"
             r"čítajte (aj|tiež)|citește și|olvassa el|читайте также|читайте еще|"
             r"διαβάστε (επίσης|ακόμη)|ayrıca okuyun|baca juga")

# A credit inside parentheses at the end of a caption: "(Reuters/Jane Doe)",
# "(AP Photo/John Roe)", "(Photo: Getty Images)", "(Associated Wire/Pat Lee)".
_CREDIT = (r"\((?:[^()]{0,60}\b(?:photo|photograph|image|picture|credit|file|"
           r"(?-i:Getty|Reuters|REUTERS|AFP|AP|EPA|Shutterstock))\b[^()]{0,60}|[A-Z][\w.&' -]{1,40}/[A-Z][\w.' -]{1,40})\)\s*$")

RULES: tuple[Rule, ...] = (
    # -- adverts and placeholders
    Rule("advert", "advert", _r(r"^\W*(advertisement|advertising|ad|sponsored( content)?|"
                                r"story continues (below|after)( the)? (advertisement|ad)|"
                                r"(article|story) continues below|scroll to continue( with content)?|"
                                r"continue reading( (below|the main story))?|paid (post|content)|"
                                r"partner content|promoted( stories| content)?)\W*$"), 6),
    # -- captions and credits
    Rule("caption-file-photo", "caption",
         _r(r"^(FILE|FILE PHOTO|IN THIS FILE PHOTO)\s*[-–—:]\s"), 90),
    Rule("caption-label", "caption",
         _r(r"^(photo|photograph|image|picture|pictured|caption|credit|image copyright|"
            r"image caption|media caption|photo credit|video|graphic|illustration)s?\s*[:|/]"), 60),
    Rule("caption-credit", "caption", re.compile(_CREDIT, re.I), 70),
    Rule("caption-trailing-credit", "caption",
         _r(r"(\b(photo|photograph|image|picture)s?\s*(by|:|/|credit)\s*[^.]{2,60}|"
            r"\|\s*(getty images?|reuters|afp|ap|shutterstock)|/\s*(getty images|afp|reuters|ap)"
            r"(\s+via\s+getty images)?)\s*\W?$"), 45),
    Rule("caption-media", "caption",
         _r(r"^(media playback is (unsupported|not supported)|image \d+ of \d+|photo \d+\s*(/|of)\s*\d+|"
            r"click to (enlarge|expand)|play video|watch the video|\d+ photos?|view (the )?gallery|"
            r"(open|view) (image|photo) gallery|hide caption|toggle caption|enlarge this image)\b"), 12),
    Rule("caption-dated-scene", "caption",
         _r(rf"^[A-Z].{{10,250}}\b(in|at|near|outside|during|on)\b.{{2,80}}\s*,?\s*(on\s+)?{_MONTH}\s+"
            rf"\d{{1,2}}\s*,?\s*\d{{4}}\s*\.?$"), 45, "head"),
    # -- links to other stories inside the body
    Rule("related", "related",
         _r(r"^\W{0,2}(" + READ_ALSO + r"|related|related (coverage|stories|story|articles?|content|reading|"
            r"links?|news|video|posts?)|read more|read also|also read|also on [\w.]+|more( on this)?|"
            r"more from [\w .]+|recommended|don't miss|do not miss|must read|trending|read next|"
            r"read the full (story|article)|further reading|in other news|see more|"
            r"watch|listen|also see|also|more coverage|latest|background)\s*(:|\||»|›|>|–|—|-)\s*\S"), 30),
    Rule("related-header", "related",
         _r(r"^\W*(related( (coverage|stories|articles?|content|links|posts|topics))?|"
            r"more( stories)?( on this( story| topic)?)?|" + READ_ALSO + r"|read more|don't miss|"
            r"recommended( for you)?|you (may|might) also (like|be interested in)|"
            r"more (from|in) [\w .'&-]{2,30}|also on [\w.]+|also in the news|explore further|"
            r"further reading)\W*$"), 8),
    Rule("related-url", "related",
         _r(r"^\S+\s*:\s*(https?://|www\.)\S+$|^(more|read|see|watch|follow|also)\b.{0,80}https?://\S+"),
         15),
    Rule("related-bracket", "related", _r(r"^\[\s*(related|read|see|more|also)\b[^\]]*\]$"), 30),
    # -- plugs for the site itself
    # A plug speaks to the reader ("Sign up", "Get our newsletter"); a news
    # paragraph that mentions a newsletter does not.
    Rule("promo-newsletter", "promo",
         _r(r"(^\W*(sign up|signup|subscribe|register|join|get|receive|never miss|don't miss|stay "
            r"(informed|up to date|in the know)|want|love|like|enjoy(ed)?)\b.{0,120}\b(newsletters?|"
            r"inbox|email alerts?|news alerts|updates)\b|\b(sign up|subscribe) (now|today|here|for "
            r"(free|our))\b|delivered (to|straight to|right to) your inbox|in your inbox)"),
         30),
    Rule("promo-social", "promo",
         _r(r"^(follow|like|join|find|connect with|friend|subscribe to) (us|@?\w+( \w+){0,3}) (on|at|via) "
            r"(twitter|facebook|instagram|x|youtube|tiktok|linkedin|threads|bluesky|whatsapp|telegram|"
            r"snapchat|flipboard)\b"), 30),
    Rule("promo-social-handle", "promo",
         _r(r"^(follow|contact|reach|email|e-mail|tweet|write to)\b.{0,80}(@\w+|twitter|on x\b)"), 30),
    Rule("promo-watch", "promo",
         _r(r"^(watch|listen|stream|catch|see|get) (more|the latest|it|us|live|full episodes?|"
            r"all|now)?\s*(on|at|with|from) [A-Z\w .'&+-]{2,40}(\s(tv|news|radio|app|plus|\+|now|live))?\W*$"),
         14),
    Rule("promo-coverage", "promo",
         _r(r"^(follow|read|see|get) .{0,60}\b(coverage|updates|live blog|latest)\b.{0,40}\b(at|on)\s+"
            r"\S+\.\w{2,}"), 30),
    Rule("promo-subscribe", "promo",
         _r(r"^(subscribe to|listen to)\b.{0,60}\b(youtube|channel|podcast|newsletter|feed|live|radio)\b|"
            r"^[\w'’ ]{2,40} newsletter\W*$|"
            r"^if you (enjoyed|liked|value) this (article|story)"), 60),
    Rule("promo-widget", "promo",
         _r(r"^(thanks? (you )?for (signing up|subscribing)|keep an eye on your inbox|there was an error "
            r"processing your subscription|an error has occurred|this article has been sent to|"
            r"(download|itunes|spotify|rss|android|ios|listen)\s*:\s*https?://|"
            r"join \w+ (plus|premium|now|today)|"
            r"listen (live|back|again|to the (full )?episode))"), 30),
    Rule("promo-republish", "promo",
         _r(r"\b(republish this (story|article)|creative commons licen[cs]e)\b"), 30),
    Rule("promo-app", "promo",
         _r(r"\b(download (the|our) [\w ]{0,20}app|get (the|our) [\w ]{0,20}app|click here|tap here|"
            r"on the go by clicking|become a (member|subscriber|patron)|support (our|independent) "
            r"journalism|donate (now|today)|try \w+ (free|for free)|free trial|start your (free )?trial|"
            r"^(listen|subscribe) to .{0,40}podcast|listen (live|now|to the (full )?episode)|"
            r"available on (apple|spotify|google))\b"),
         35),
    # -- notices and the newsroom's own lines (issue 17)
    # A machine-translation notice: "This article was translated automatically",
    # "Dieser Artikel wurde maschinell übersetzt", "Denne artikkelen er maskinoversatt".
    Rule("notice-machine-translation", "meta",
         _r(r"\b(this|the) (article|story|text|content|page|report|post)( has been| was| is| were)"
            r"( automatically| machine| auto)?[- ]translated\b.{0,100}\b(automatic|machine|software|"
            r"google translate|deepl|artificial intelligence|\bai\b|tool|errors?|inaccurac)|"
            r"\b(machine|automatic|auto)[- ]translat(ed|ion)\b.{0,80}\b(original|errors?|inaccura|"
            r"may (not|contain|differ)|disclaimer|powered by|provided by)|"
            r"^\W*(machine|automatic|auto|ai)[- ]translat(ed|ion)\W*$|"
            r"\btranslated (automatically|by (a )?machine|using (ai|artificial intelligence|machine "
            r"translation|google translate|deepl))\b|"
            r"(automatisch|maschinell|mit (hilfe )?(von )?ki)( \w+){0,4} übersetzt|maschinelle übersetzung|"
            r"traduit automatiquement|(a été|est) traduit (automatiquement|par (une )?(ia|intelligence "
            r"artificielle))|traduction automatique|traducido automáticamente|traducción automática|"
            r"tradotto automaticamente|traduzione automatica|traduzido automaticamente|"
            r"tradução automática|maskinoversatt|maskinoversat|maskinöversatt|automatisch vertaald|"
            r"machinaal vertaald|tłumaczenie maszynowe|przetłumaczon\w* automatycznie|"
            r"機械翻訳|自動翻訳|机器翻译|自动翻译|기계 번역|자동 번역"), 60),
    # "Got a story? Get in touch", "Send tips to ...", "Har du et tips?": the newsroom
    # asking for news, not news.
    Rule("footer-tips", "footer",
         _r(r"^\W*(got|have|do you have|know) (a|an) (news )?(story|tip|news tip|story idea|"
            r"exclusive)\b.{0,20}\?|\bsend (us )?(your )?(news )?(tips|stories|story ideas)\b|"
            r"\btips? (to|at) [\w.+-]+@[\w-]+\.|^\W*(get in touch|contact us|contact the newsroom)\W*$|"
            r"^\W*(har du (et )?tips|tips oss|tipsa oss|tips redaktionen|haben sie (einen )?(tipp|"
            r"hinweis)|hinweise (bitte )?an|vous avez une info|¿tienes (una historia|información)|"
            r"hai una (notizia|segnalazione))\b"), 40),
    # "Follow ... on Twitter", "and follow him on X @handle", "Folgen Sie uns auf
    # Facebook": at the start of a sentence, or the writer's after "and".
    Rule("promo-follow", "promo",
         _r(r"(^|[.!?]\s+|\band\s+|\byou can\s+)(follow|folgen sie|følg|följ|suivez|síguenos en|siga|"
            r"seguici su|segui|volg)\b[^.!?]{0,60}\b(on|at|via|auf|på|sur|en|su|op|no|na)\s+"
            r"(twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin|tiktok|youtube|"
            r"telegram|whatsapp|snapchat)\b|\bon (twitter|x) (at )?@\w+"), 60),
    # WordPress shortcodes left in the text: "[button link=...]Send us YOUR kit review[/button]"
    Rule("meta-shortcode", "meta", _r(r"^\s*\[(\w+)\b[^\]]*\].*\[/\1\]\s*$"), 40),
    Rule("promo-membership", "promo",
         _r(r"^\W*(subscribe to|join|start your|become an?|upgrade to|try)\b.{0,60}\b(premium|"
            r"subscription|membership|member|subscriber)\b|\bjoin (our|the) (commenting )?"
            r"(forum|community)\b|\bstart your .{0,40}\bsubscription today\b|"
            r"^join [\w-]+ conversations\b"), 30),
    # -- prompts to the reader
    Rule("engagement", "engagement",
         _r(r"\b(tell us (in the comments|what you think|your thoughts)|let us know (in the comments|"
            r"what you think|your thoughts)|leave a (comment|reply)|share your (thoughts|views|story|"
            r"opinion)|join the (conversation|discussion|debate)|vote in our poll|take our (poll|survey)|"
            r"comment below|what do you think\?|have your say|share this (article|story|post)|"
            r"share (it )?with a friend|like this (story|article)|was this (article|story) helpful|"
            r"do you have a (story|news tip|tip)|have a (news )?tip|got a (news )?tip|send us (your|a) "
            r"(tip|story|photo)|want to join the discussion|feel free to contribute|comments? are (closed|"
            r"moderated)|comments to this (entry|article|story) are closed|coment[aá]rios com|we welcome comments|views expressed in the comments|post a comment)\b"), 40),
    Rule("engagement-share", "engagement",
         _r(r"^\W?\s*(share( this)?( on)?|tweet|email|print|print (this )?article|order reprints|copy link|facebook|twitter|whatsapp|linkedin|"
            r"reddit|pinterest|messenger|comments?|\d+ comments?|\d+ shares?|no comments|"
            r"show comments|view comments|loading comments\W*|all comments|read all comments)"
            r"((\s|[|,/•·])+(share|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin|"
            r"reddit|pinterest|messenger|comments?))*\W*$"), 10),
    # -- timestamps (kept as dating evidence)
    Rule("timestamp-iso", "timestamp", _r(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:?\d\d)?$"), 1),
    Rule("footer-contact-bare", "footer",
         _r(r"^([\w.+-]+@[\w-]+\.[\w.]+|(https?://)?(www\.)?(twitter|x|facebook|instagram)\.com/\w+)$"), 1),
    # Only above or below the article: in the body, a bare time or date range
    # is text ("4:14 p.m." in a live blog, opening hours, exhibition dates).
    Rule("timestamp", "timestamp",
         _r(rf"^\W*((last |first )?(updated|published|posted|modified|created|edited)( on| at)?:?\s*)?"
            rf"({_DATE}|{_CLOCK}|{_DAYNAME})([\s,|/-]*(at\s+)?({_DATE}|{_CLOCK}|{_DAYNAME}|"
            rf"(updated|published)\s*:?))*\W*$"), 16, "edge"),
    Rule("timestamp-labelled", "timestamp",
         _r(rf"^\W*(last |first )?(updated|published|posted|modified|created)\b.{{0,30}}"
            rf"({_DATE}|{_CLOCK}|\d+ (minutes?|hours?|days?) ago)"), 16),
    # -- footers
    Rule("footer-copyright", "footer",
         _r(r"(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|may not be (published|reproduced|"
            r"redistributed)|무단전재)"), 40),
    Rule("footer-credits", "footer",
         _r(r"^(?:\W|-LRB-)?\s*((additional |editing |writing |compiled |reporting |research )?(reporting|writing|"
            r"editing|edited|compiled|research|translation) by\b|[\w .,'’-]{2,80}\bcontributed "
            r"(reporting|to this (report|story|article))|(associated press|ap|staff) writers? .{0,200}"
            r"contributed)"), 60),
    Rule("footer-correction", "footer",
         _r(r"^(correction|clarification|editor'?s note|update)\s*[:—–-]|^this (story|article|report) "
            r"(has been|was) (updated|corrected|amended)"), 60, "tail"),
    Rule("footer-misstated", "footer",
         _r(r"^(an? |the )(earlier |previous )?(version of )?(this |the )?(article|story|report|"
            r"column|graphic) (misspelled|misstated|misidentified|incorrectly|wrongly|gave the wrong)\b"),
         60),
    Rule("footer-external", "footer",
         _r(r"\bis not responsible for the content of external (internet )?(sites|websites|links)\b"), 20),
    Rule("promo-javascript", "promo",
         _r(r"\b(javascript|flash player|cookies) (must|needs to|has to) be (turned on|enabled|installed)\b|"
            r"^to (play|view|watch) this (content|video|media)\b"), 30),
    Rule("promo-clip", "promo",
         _r(r"^this (bbc news |news )?(clip|video|programme|program) (is|was) (published|first broadcast|"
            r"taken from)\b|\bwas first broadcast on\b"), 40),
    Rule("footer-sources", "footer", re.compile(r"^SOURCES?\s*:\s"), 60),
    Rule("footer-standards", "footer", _r(r"^our standards\s*:"), 12),
    Rule("footer-usage", "footer",
         _r(r"^this (copy|article|material) is for your personal,? non-commercial use"), 60),
    Rule("footer-tags", "footer", _r(r"^(tags|topics|categories|filed under|related topics)\W*$"), 3),
    Rule("meta-reading-time", "meta",
         _r(r"^(\d+\s*(min|minute)s?\.?\s*(read|de leitura)|(reading time|tempo de leitura|lesezeit|"
            r"temps de lecture)\s*:?\s*\d+\s*\w*)\W*$"), 8),
    Rule("footer-consent", "footer",
         _r(r"\b(by submitting this form|you may revoke (this|your) consent|further information on data "
            r"privacy|we use cookies|this site uses cookies|protected by recaptcha)\b"), 60),
    Rule("meta-tags", "meta", _r(r"\b(tags|categoria|category|categories|schlagworte)\s*:"), 25),
    Rule("meta-no-words", "meta", re.compile(r"^[^\w]+$"), 3),
    # Anchored: unanchored, the lookaheads rescan the rest of the line from every position,
    # quadratic on a long line of few words (142 KB of "x": 58 s).
    Rule("timestamp-short", "timestamp",
         _r(r"^(?=.*\b(19|20)\d\d\b)(?=.*\b\d{1,2}:\d\d\b)"), 8),
    Rule("footer-source", "footer",
         _r(r"^(source|sources|filed under|tags?|topics?|categories|category|posted in|with agencies|"
            r"agencies contributed)\s*[:|]"), 25, "tail"),
    Rule("footer-contact", "footer",
         _r(r"^(contact|email|e-mail|reach|write to) (the )?(author|reporter|writer|us|\w+ \w+)\b.{0,80}"
            r"(@|at \S+\.\w+)"), 30),
    Rule("footer-affiliate", "footer",
         _r(r"(if you (buy|purchase|click) (something|anything|through)|we may (earn|receive) (a )?"
            r"(commission|share)|affiliate (links?|commission))"), 40),
)

# Lines that open a block of reader comments: everything after them goes too.
COMMENT_HEADERS = re.compile(
    r"^\W*(\d+\s+(thoughts|responses|replies|comments) (on|to)\b.*|user comments|link permanente)$|"
    r"^\W*(\d+\s+)?(comments?|reader comments|all comments|top rated comments|leave a (reply|comment)|"
    r"join (the )?discussion|comments are closed|post a comment|show comments|loading comments|"
    r"we welcome comments.*|comentários|kommentare|commentaires|комментарии|tinggalkan balasan)\W*$",
    re.I)

# Lines that open a list of other stories after the article.
TEASER_HEADERS = re.compile(
    r"^\W*(more (from|in|on) .{2,40}|most (read|popular|viewed|shared|emailed)( .{0,30})?|"
    r"trending( now| stories| on .{2,30})?|popular( now| on .{2,30})?|latest( news| stories| headlines)?|"
    r"top (stories|news|headlines)|you (may|might) also (like|enjoy)|recommended( for you| stories)?|"
    r"more stories|more news|other stories|what to read next|read next|editor'?s picks|"
    r"around the web|from our partners|(promoted|sponsored) (stories|links|content)|"
    r"more (top )?stories|elsewhere on .{2,30}|don'?t miss|related (stories|articles|coverage))\W*$",
    re.I)

# A dateline at the start of the first body paragraph: "BOSTON (AP) —",
# "RIVERTON, Ore. (AW) -", "LONDON, March 3 (Reuters) -", "WASHINGTON —".
DATELINE = re.compile(
    r"^(?P<dateline>(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:\s*,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,3})?"
    r"(?:\s*,\s*(?i:" + _MONTH + r")\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:[(\[](?:[A-Z][\w.&' ]{0,30}|-LRB-\s*\w+\s*-RRB-)[)\]])?"
    r"\s*(?:-LRB-\s*[\w ]+\s*-RRB-\s*)?"
    r"\s*(?:—|–|--|-|:)\s+)",
    re.U)

HEADLINE_MAX_WORDS = 25
