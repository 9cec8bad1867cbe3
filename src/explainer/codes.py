"""The one catalogue of diagnostic codes: what each means, how bad it is, why it matters and how to fix it.

Every diagnostic the pipeline reports names a code from this table (a
`Place.report` with any other code raises), lint rules take their summary
from it, and the field reference renders it. Ranges: E0xx site configuration,
E1xx reading YAML, E2xx schema, E3xx references, E4xx text safety, E5xx
consistency, E6xx the site's content policy (set in mkdocs.yml), W… warnings,
X0xx bugs in explainer itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    summary: str
    fix: str
    why: str = ""
    example: str = ""

    @property
    def severity(self) -> str:
        """'warning' for W-codes, 'error' for every other."""
        return "warning" if self.code.startswith("W") else "error"


CODES: tuple[Code, ...] = (
    # -- site configuration -------------------------------------------------------------
    Code("E001", "the explainer options in mkdocs.yml are not valid, or a key is set twice in one block",
         "correct the option the message names (the field reference lists every option), or merge the blocks",
         "a wrong option, or a block YAML silently drops, would change what is checked or built"),
    # -- reading -------------------------------------------------------------------------
    Code("E101", "the file is not valid UTF-8 or cannot be read",
         "save the file as UTF-8 (no UTF-16, no Latin-1)",
         "other encodings are read differently by different tools"),
    Code("E102", "the file is larger than the size limit",
         "split the entry into smaller ones", "huge files slow every check and build"),
    Code("E103", "YAML syntax error",
         "fix the YAML at the position given; put text holding ': ' or ' #' in quotes",
         "the file cannot be read as written", 'question: "What is a schema: a plan or a rule?"'),
    Code("E104", "a key appears twice in one mapping",
         "keep one of the two", "YAML tools silently keep only the last one"),
    Code("E105", "anchors, aliases and merge keys are not allowed",
         "write each value out in full", "aliases can expand a small file into gigabytes"),
    Code("E106", "tags (!something) are not allowed",
         "remove the tag; quote the value if it is text", "tags can make YAML build arbitrary objects"),
    Code("E107", "the file must hold exactly one YAML mapping",
         "write one `field: value` mapping per file, with no second `---` document"),
    Code("E108", "nesting is too deep", "flatten the structure", "deep nesting can crash YAML readers"),
    Code("E109", "a key must be a plain name", "use a plain word as the key"),
    Code("E110", "a value is outside what can be read (a number too long, an escape out of range)",
         "write the value as text in quotes, or correct the escape",
         "such values crash other tools that read the file"),
    Code("W104", "a file in a content folder is not YAML, so it is ignored",
         "rename it to `<id>.yaml` if it is content, or move it out of `content/`"),
    # -- schema --------------------------------------------------------------------------
    Code("E201", "unknown field", "check the spelling; the hint names the nearest known field"),
    Code("E202", "missing required field", "add the field the message names"),
    Code("E203", "a field has the wrong type (text, number, list, mapping, date)",
         "write the value in the expected form; quote numbers and yes/no meant as text",
         example='year: 2017   # a number\ntitle: "1984"   # text'),
    Code("E204", "a value is not one the field allows", "use one of the values the hint lists"),
    Code("E205", "a value is too long, too short, or out of range", "shorten it or bring it into range"),
    Code("E210", "the file name is not a valid id, or 'id' differs from it",
         "name the file `<id>.yaml` in lowercase letters, digits and hyphens; drop the `id` line"),
    Code("E211", "the file is not in a content folder",
         "move it into the folder for its kind, such as `content/faq/`"),
    # -- references ----------------------------------------------------------------------
    Code("E301", "ids in reference fields name entities that exist",
         "correct the id, or create the entry with `explainer new KIND ID`"),
    Code("E302", "cross-reference links in text name entities that exist",
         "correct the id after the scheme, or create the entry with `explainer new KIND ID`",
         example="[self-attention](term:self-attention)"),
    Code("E303", "links in text use a known cross-reference scheme",
         "use one of the schemes the hint lists, or an https:// address"),
    Code("E304", "an entity does not list the same reference twice or refer to itself",
         "remove the repeated or self reference"),
    Code("E305", "links go only to kinds of entries the site shows",
         "turn the page family back on in mkdocs.yml, or remove the link",
         "a link to a page that is not built is broken for every reader"),
    Code("E306", "markers in hand-written pages name a snippet, and the technologies it shows by their ids",
         "use a marker the contributors' guide lists; a headline comparison takes two technology ids or none",
         "the build cannot fill such a marker and stops; a misspelt id once showed another pair instead"),
    # -- text safety ---------------------------------------------------------------------
    Code("E401", "text holds no control, zero-width or bidirectional characters",
         "delete the character; retype the text around it if unsure",
         "invisible characters can hide or reorder what reviewers read"),
    Code("E402", "Markdown text holds no raw HTML",
         "write Markdown instead; put a literal `<` before a letter in `code`",
         "content comes from strangers; HTML in it could run script in readers' browsers"),
    Code("E403", "links and URLs are https:// addresses or cross-references",
         "link to an https:// address with no user name or password, or to an entry with scheme:id",
         "other schemes (javascript:, data:, http:) can run script or leak readers' traffic"),
    Code("E404", "Markdown text uses only the restricted grammar",
         "remove the construct; the message says what to write instead",
         "attribute lists, images, definitions and footnotes change the page around the entry"),
    Code("E405", "Markdown text is not a markup bomb",
         "use less nested markup", "some inputs make the Markdown renderer take minutes or crash"),
    Code("E406", "link titles hold no markup characters",
         "remove <, > and & from the title (after character references are decoded)",
         "themes show titles as tooltips and may read them as HTML"),
    Code("W401", "a link's host name is internationalized (IDN or punycode)",
         "check that the address is the one you mean, and prefer its ASCII form",
         "look-alike letters can make one host pass for another"),
    Code("W402", "Markdown that looks like a list or a heading renders as plain text",
         "leave a blank line before a list, and number items as `1.` rather than `1)`"),
    # -- consistency ---------------------------------------------------------------------
    Code("E501", "every technology rates every dimension",
         f"add a rating under `ratings`; write `value: {'not-assessed'}` when nobody has assessed it"),
    Code("E502", "each rating's value is one its dimension allows",
         "use one of the levels the hint lists"),
    Code("E503", "each id is used by one file only", "keep one file; `x.yaml` and `x.yml` are the same id"),
    Code("E504", "dimension levels fit the dimension's kind",
         "give a scale two or more levels; give yes-no and text dimensions none"),
    Code("E505", "no two FAQ entries ask the same question",
         "merge the entries, or make the phrasing specific to one of them",
         "readers and search need one answer per question"),
    Code("E506", "reviewed dates are not in the future", "use the date you checked the entry"),
    Code("E507", "glossary terms, abbreviations and aliases name one term each",
         "remove or reword the clashing name", "tooltips and search synonyms need one meaning per name"),
    Code("E508", "no placeholder (TODO) is left in an entry",
         "write the real value (`explainer new` leaves a placeholder in every field to fill)"),
    Code("E509", "relations between two technologies do not contradict each other",
         "keep one relation: 'is-a' one way excludes 'is-a', 'overlaps' or 'contrasts-with' the other way",
         "the diagram, the pages and the matrix would tell readers different stories"),
    Code("E510", "umbrella technologies have members and are not rated by hand",
         "remove `ratings` from an umbrella (its cells are the range across its members), and "
         "give it at least one member with an 'is-a' relation"),
    Code("E511", "claims marked measured or documented cite a source",
         "add the source to `sources`, or mark the claim `evidence: editorial`"),
    Code("E512", "guide answers accept only values their dimension allows",
         "use level ids (scale), yes/partly/no (yes-no) or items (list) of that dimension"),
    Code("E513", "industry and use-case aliases name one thing each",
         "remove or reword the alias",
         "search leads an alias to one page, and an industry's aliases stand for its name in any query"),
    Code("E514", "no entry is named what a page family's alias names",
         "reword the entry's name, or the alias under `families` in mkdocs.yml",
         "search leads a name to one page: typed, a name two pages share finds neither first"),
    Code("E515", "an FAQ question and its other phrasings are not another entry's name",
         "ask about what this entry answers, or leave the name to the entry it names",
         "search puts a question first for each of its phrasings, and a term, technology, industry or "
         "use case first for its name: typed, a name both claim finds one of them first by chance"),
    Code("W501", "every source is cited at least once",
         "cite it in a `sources` list or a (source:…) link, or delete the file"),
    Code("W502", "entries are reviewed within the site's staleness window",
         "check the entry is still accurate, then update `reviewed`"),
    # -- the site's content policy (mkdocs.yml: plugins.explainer.policy) -----------------
    Code("E601", "technologies have the strengths and weaknesses the site asks for",
         "add strengths or weaknesses until the site's minimum is met"),
    Code("E602", "technologies have the examples the site asks for", "add well-known, real examples"),
    Code("E603", "entries have the prose fields the site requires", "write the field the message names"),
    Code("E604", "technologies and industries have the use cases the site asks for",
         "add use cases (content/use-cases/) that name the technology or the industry"),
    Code("E605", "FAQ answers have the length the site asks for",
         "answer in a first sentence within the limit, then explain; trim or expand to the range"),
    Code("E606", "entries cite a source or say they are the authors' judgement",
         "add `sources`, or mark the entry `evidence: editorial`"),
    Code("E607", "ratings explain their value when the site asks for notes", "add a `note` under the rating"),
    Code("E608", "FAQ entries list the other phrasings the site asks for",
         "add ways readers put the same question to `also_asked`"),
    Code("E609", "entries carry a review date when the site asks for one",
         "add `reviewed: YYYY-MM-DD`, the date you checked the entry"),
    Code("E610", "ratings, strengths and weaknesses carry an evidence level when the site asks for one",
         "add `evidence: measured`, `documented` or `editorial`"),
    # -- bugs ------------------------------------------------------------------------------
    Code("X001", "a lint rule crashed (a bug in explainer)",
         "report it with the content that triggers it; the other rules still ran"),
)  # fmt: skip
CATALOGUE: dict[str, Code] = {code.code: code for code in CODES}


class UnknownCode(KeyError):
    """A diagnostic named a code that is not in the catalogue: a bug in explainer."""
