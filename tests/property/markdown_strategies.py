"""Generated Markdown for content fields: ordinary prose mixed with every construct an attacker would try.

The mix leans towards what the check accepts (prose, https links, cross-references to entities of the
fixture corpus, emphasis, lists, code), so that most examples reach the renderer, and sprinkles in what
it must refuse or neutralise: raw HTML, other schemes, entities, attribute lists, abbreviations,
reference definitions, control and bidi characters.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Entities of tests/fixtures/corpus, by cross-reference scheme.
CORPUS_IDS = {
    "term": ["acid", "schema", "sharding"],
    "tech": ["relational-databases", "document-databases"],
    "faq": ["what-is-the-difference", "which-should-i-choose"],
    "source": ["codd-1970", "postgresql-docs"],
}

WORDS = st.sampled_from(
    "data table query index join row column schema record the a of and to in is it for with as "
    "relational document SQL NoSQL JSON ACID key value store shard replica consistent fast".split()
)
ENTITIES = st.sampled_from(
    ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;", "&#60;", "&#x3C;", "&#x3c;", "&nbsp;", "&copy;", "&#0;",
     "&#x6A;avascript:", "&#106;&#97;vascript:", "&lt;img src=x onerror=alert(1)&gt;", "&#x202e;", "&"]
)  # fmt: skip
ODD_CHARACTERS = st.sampled_from(
    ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\x00", "\x1b", "\x07", "\x7f", "\t", "\r", "\u00a0",
     "\u2028", "\ufffe", "\U0001f600", "e\u0301", "\u0430", "\uff1c", "\ufe64"]
)  # fmt: skip
PUNCTUATION = st.sampled_from(
    ["<", ">", '"', "'", "`", "*", "_", "\\", "|", "[", "]", "(", ")", "{", "}", ":", "#", "!", "~", "^",
     "=", "+", "-", ".", ",", "?", "/", "&", ";", "%", "@", "$"]
)  # fmt: skip
HTML_FRAGMENTS = st.sampled_from(
    ["<b>bold</b>", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "</p>", "<br>", "<!-- c -->",
     '<a href="javascript:alert(1)">x</a>', "<svg onload=alert(1)>", "<details open ontoggle=alert(1)>",
     "<iframe srcdoc='<script>alert(1)</script>'>", "<base href=//evil.example/>", "<style>*{}</style>",
     "<meta http-equiv=refresh content=0>", "<div markdown>x</div>", "<span>x</span>", "<x-y>", "<",
     "<https://example.org/auto>", "<mailto:a@example.org>", "<javascript:alert(1)>"]
)  # fmt: skip
ATTRIBUTE_LISTS = st.sampled_from(
    ["{: .note }", "{: #anchor }", "{: onclick=alert(1) }", "{: style='x' }", "{ .a #b }", "{:", "{}",
     '{: title="<b>" }', "{: href=javascript:alert(1) }"]
)  # fmt: skip
SAFE_URLS = st.sampled_from(
    ["https://example.org/", "https://example.org/a/b?c=d#e", "https://doi.org/10.1145/362384.362685",
     "https://example.org/a_(b)", "https://example.org/%20x", "https://xn--e1afmkfd.example/"]
)  # fmt: skip
HOSTILE_URLS = st.sampled_from(
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>",
     "vbscript:x", "//evil.example/", "/\\evil.example/", "http://example.org/", "mailto:a@example.org",
     "https://user:pass@example.org/", "https://example.org@evil.example/", "j a v a s c r i p t:x",
     "https://example.org/\"onmouseover=\"alert(1)", "#top", "../x", "term:no-such-term", "term:", "tech:acid"]
)  # fmt: skip
TITLES = st.sampled_from(
    ["A title", "a &lt; b", "&lt;img src=x onerror=alert(1)&gt;", "it's", 'say "hi"', "x > y", ""]
)


@st.composite
def words(draw: st.DrawFn, most: int = 6) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=1, max_size=most)))


@st.composite
def cross_reference(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(sorted(CORPUS_IDS)))
    return f"{scheme}:{draw(st.sampled_from(CORPUS_IDS[scheme]))}"


@st.composite
def link(draw: st.DrawFn) -> str:
    text = draw(words(3))
    target = draw(st.one_of(SAFE_URLS, cross_reference(), cross_reference(), HOSTILE_URLS))
    form = draw(st.sampled_from(["inline", "inline", "titled", "image", "reference", "angle"]))
    if form == "titled":
        title = draw(TITLES).replace('"', "'")
        return f'[{text}]({target} "{title}")'
    if form == "image":
        return f"![{text}]({target})"
    if form == "reference":
        return f"[{text}][r1]\n\n[r1]: {target}\n"
    if form == "angle":
        return f"[{text}](<{target}>)"
    return f"[{text}]({target})"


# Constructs that look dangerous and that a check may rightly accept: the renderer must keep them inert.
TRICKY = st.sampled_from(
    ["`<img src=x onerror=alert(1)>`", "\\<b>not bold</b>", "&lt;b&gt;", "<https://example.org/a?b=c&d=e>",
     "[x](https://example.org/?q=%3Cb%3E)", "[x](https://example.org/ 'single')", "[x](https://example.org/ (paren))",
     "**[x](term:acid)**", "[`code`](https://example.org/)", "[![i](https://example.org/i.png)](https://example.org/)",
     "https://example.org/bare", "a | b", "\\*not emphasis\\*", "***strong em***", "~~x~~", "x^2^",
     "[x]", "[x][]", "[x](term:acid \"t\")", "&amp;lt;script&amp;gt;", "`` ` ``", "{: .note }"]
)  # fmt: skip

INLINE = st.one_of(
    words(),
    words(),
    words(),
    words(),
    link(),
    link(),
    TRICKY,
    TRICKY,
    words(2).map(lambda w: f"*{w}*"),
    words(2).map(lambda w: f"**{w}**"),
    words(2).map(lambda w: f"`{w}`"),
    ENTITIES,
    ODD_CHARACTERS,
    PUNCTUATION,
    HTML_FRAGMENTS,
    ATTRIBUTE_LISTS,
    st.sampled_from(
        [":smile:", ":material-alert:", "*[SQL]: Structured <b>query</b> language", "\\", "  \n"]
    ),
)


@st.composite
def inline_run(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(INLINE, min_size=1, max_size=6)))


BLOCK_FORMS = ["paragraph", "paragraph", "paragraph", "heading", "list", "ordered", "quote", "code", "fence",
               "table", "admonition", "attributes", "html"]  # fmt: skip


@st.composite
def block(draw: st.DrawFn) -> str:
    text = draw(inline_run())
    form = draw(st.sampled_from(BLOCK_FORMS))
    if form == "heading":
        return f"{'#' * draw(st.integers(1, 6))} {text}"
    if form == "list":
        return "\n".join(f"- {item}" for item in draw(st.lists(inline_run(), min_size=1, max_size=3)))
    if form == "ordered":
        return "\n".join(
            f"{n}. {item}" for n, item in enumerate(draw(st.lists(inline_run(), min_size=1, max_size=3)), 1)
        )
    if form == "quote":
        return f"> {text}"
    if form == "code":
        return f"    {text}"
    if form == "fence":
        language = draw(st.sampled_from(["", "python", "sql", "html", "js { .x onclick=alert(1) }"]))
        return f"```{language}\n{text}\n```"
    if form == "table":
        return f"a | b\n:-- | --:\n{text} | {draw(words(2))}"
    if form == "admonition":
        return f'!!! note "{draw(words(2))}"\n    {text}'
    if form == "attributes":
        return f"{text}\n{draw(ATTRIBUTE_LISTS)}"
    if form == "html":
        return f"{draw(HTML_FRAGMENTS)}\n{text}"
    return text


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    """A Markdown field: a first sentence of prose (as answers have), then a few blocks of anything."""
    blocks = [draw(words(8)).capitalize() + "."]
    blocks += draw(st.lists(block(), min_size=1, max_size=4))
    return "\n\n".join(blocks)
