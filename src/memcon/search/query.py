"""memcon's query syntax: one hand-written parser, one typed tree, whatever the engine.

A query is parsed once into a tree of frozen :data:`Node` records; each engine
(:mod:`memcon.search.tantivy_index`) compiles that tree into its own queries,
so a query means the same thing in the CLI, the web app and the Python API.

Grammar (``NOT`` binds tighter than ``AND``, which binds tighter than ``OR``;
``AND`` and ``OR`` are n-ary, so associativity does not change the meaning)::

    query    := or_expr
    or_expr  := and_expr ( "OR" and_expr )*
    and_expr := unary ( ["AND"] unary )*          # two terms side by side: AND
    unary    := ( "NOT" | "-" ) primary | primary
    primary  := "(" or_expr ")" | PHRASE ["~" N] | "NEAR(" word+ ["," N] ")"
              | FIELD ":" primary | WORD ["*"]

``AND``, ``OR``, ``NOT`` and ``NEAR(`` are keywords only in upper case; ``and``
is an ordinary word.  See :data:`SYNTAX_HELP` and docs/search.md.

DOCS: docs/search.md#query-syntax
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from memcon.errors import QuerySyntaxError

SYNTAX = "memcon.query"
VERSION = "1"

FIELDS = ("heading", "text", "footnotes")
"""Fields a query term can be restricted to with ``field:``."""

DEFAULT_NEAR_DISTANCE = 10
MAX_DISTANCE = 500
"""Largest distance accepted by ``NEAR(…, N)`` and ``"…"~N``."""
MAX_NEAR_WORDS = 4
MIN_PREFIX = 2
MAX_DEPTH = 32
MAX_QUERY_CHARS = 2000

SYNTAX_HELP = """\
Query syntax (the same in the CLI, the web app and the Python API):
  armistice                    a word; case and accents are ignored (Clémenceau = clemenceau)
  Wilson Clemenceau            both words (AND is implied between terms)
  "Council of Ten"             the exact phrase
  Wilson OR Lansing            either word
  Wilson NOT Lansing           Wilson without Lansing; -Lansing is the same as NOT Lansing
  (Wilson OR House) Paris      parentheses group; NOT binds tighter than AND, AND than OR
  NEAR(Wilson Clemenceau, 10)  all words within 10 words of each other, any order (default 10)
  "Wilson Clemenceau"~10       the same as NEAR(Wilson Clemenceau, 10)
  armist*                      words starting with armist (at least 2 letters before *)
  heading:telegram             only in one field: heading, text or footnotes
AND, OR, NOT and NEAR are keywords only in upper case.  Details: docs/search.md"""


@dataclass(frozen=True, slots=True)
class Term:
    """A word as typed (``armistice``); ``prefix`` when it ended with ``*`` (the ``*`` is not in ``text``)."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words in this order, side by side; with ``slop`` > 0 (``"a b"~N``) the same as :class:`Near`."""

    words: tuple[str, ...]
    slop: int = 0


@dataclass(frozen=True, slots=True)
class Near:
    """All ``terms`` within ``distance`` words of each other, in any order."""

    terms: tuple[Term, ...]
    distance: int = DEFAULT_NEAR_DISTANCE


@dataclass(frozen=True, slots=True)
class And:
    """Every child matches."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one child matches."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The child does not match (only meaningful next to something that does)."""

    child: Node


@dataclass(frozen=True, slots=True)
class Field:
    """``node`` searched in one field only (``heading``, ``text`` or ``footnotes``)."""

    name: str
    node: Node


Node: TypeAlias = Term | Phrase | Near | And | Or | Not | Field

TokenKind = Literal["word", "phrase", "near", "field", "and", "or", "not", "minus", "lparen", "rparen"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: TokenKind
    pos: int
    text: str = ""
    node: Node | None = None


_SPECIAL = frozenset('()"')


def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _trailing_alnum(text: str) -> int:
    """How many letters or digits end ``text`` (``armist`` 6, ``U.S.`` 0)."""
    i = len(text)
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return len(text) - i


def _split_words(text: str, base: int, separators: str = "") -> list[tuple[int, str]]:
    """``(position, word)`` for each run of ``text`` between whitespace (and ``separators``)."""
    out: list[tuple[int, str]] = []
    start = -1
    for i, c in enumerate(text + " "):
        if c.isspace() or c in separators:
            if start >= 0:
                out.append((base + start, text[start:i]))
                start = -1
        elif start < 0:
            start = i
    return out


class _Lexer:
    """Turns the query text into tokens; every error names the character where it happens."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens: list[_Token] = []

    def fail(self, message: str, pos: int) -> QuerySyntaxError:
        return QuerySyntaxError(message, query=self.query, position=max(0, min(pos, len(self.query))))

    def run(self) -> list[_Token]:
        q, i = self.query, 0
        while i < len(q):
            c = q[i]
            if c.isspace():
                i += 1
            elif c == "(":
                self.tokens.append(_Token("lparen", i))
                i += 1
            elif c == ")":
                self.tokens.append(_Token("rparen", i))
                i += 1
            elif c == '"':
                i = self._phrase(i)
            else:
                i = self._word(i)
        return self.tokens

    def _run_end(self, i: int) -> int:
        q = self.query
        while i < len(q) and not q[i].isspace() and q[i] not in _SPECIAL:
            i += 1
        return i

    def _word(self, start: int) -> int:
        """A run of non-space characters: keyword, ``NEAR(``, ``-``, ``field:`` or a word (a loop, not
        recursion, so that ``------x`` or ``heading:-heading:…`` cannot exhaust the stack)."""
        q = self.query
        field: tuple[str, int] | None = None  # a field: just read, still waiting for its word
        while True:
            end = self._run_end(start)
            run = q[start:end]
            if run in ("AND", "OR", "NOT"):
                self.tokens.append(_Token(run.lower(), start))  # type: ignore[arg-type]
                return end
            if run == "NEAR" and end < len(q) and q[end] == "(":
                return self._near(start, end + 1)
            if run.startswith("-"):
                if len(run) == 1 and not (end < len(q) and q[end] in '("'):
                    raise self.fail("'-' must stand right before what it excludes (-word)", start)
                if run.startswith("--"):
                    raise self.fail("NOT cannot follow NOT", start + 1)
                self.tokens.append(_Token("minus", start))
                start += 1
                if len(run) == 1:
                    return start
                continue
            name, colon, rest = run.partition(":")
            if colon and name.lower() in FIELDS:
                if field is not None:
                    raise self.fail(f"{name.lower()}: cannot stand inside {field[0]}:", start)
                self.tokens.append(_Token("field", start, name.lower()))
                field = (name.lower(), start)
                start += len(name) + 1
                if rest:
                    continue
                if start < len(q) and q[start] in '("':
                    return start
                raise self.fail(f"{name}: must be followed directly by a word, a phrase or a group", field[1])
            term = self._term(run, start)
            if term is not None:
                self.tokens.append(_Token("word", start, run, term))
            elif field is not None:
                raise self.fail(
                    f"{field[0]}: must be followed directly by a word, a phrase or a group", field[1]
                )
            return end

    def _term(self, word: str, pos: int) -> Term | None:
        """A word as a Term, ``None`` if it holds no letter or digit (it is skipped, as the index skips it)."""
        star = word.find("*")
        if star == -1:
            return Term(word) if _has_alnum(word) else None
        if star != len(word) - 1:
            raise self.fail("'*' can only end a word (armist* finds words starting with armist)", pos + star)
        stem = word[:-1]
        if _trailing_alnum(stem) < MIN_PREFIX:
            raise self.fail(
                f"a prefix needs at least {MIN_PREFIX} letters or digits right before '*'", pos + star
            )
        return Term(stem, prefix=True)

    def _distance(self, text: str, pos: int, what: str, *, low: int = 0) -> int:
        value = text.strip()
        pos += len(text) - len(text.lstrip())
        if not value.isascii() or not value.isdigit() or not low <= int(value) <= MAX_DISTANCE:
            raise self.fail(f"{what} must be a whole number of words from {low} to {MAX_DISTANCE}", pos)
        return int(value)

    def _phrase(self, start: int) -> int:
        q = self.query
        close = q.find('"', start + 1)
        if close == -1:
            raise self.fail("this quote is never closed", start)
        words = tuple(w for _, w in _split_words(q[start + 1 : close], 0) if _has_alnum(w))
        if not words:
            raise self.fail("empty phrase: put words between the quotes", start)
        end, slop = close + 1, 0
        if end < len(q) and q[end] == "~":
            stop = self._run_end(end + 1)
            slop = self._distance(q[end + 1 : stop], end + 1, "the number after ~", low=1)
            if not 2 <= len(words) <= MAX_NEAR_WORDS:
                raise self.fail(f'"…"~N takes 2 to {MAX_NEAR_WORDS} words', start)
            end = stop
        self.tokens.append(_Token("phrase", start, q[start:end], Phrase(words, slop)))
        return end

    def _near(self, start: int, body: int) -> int:
        q = self.query
        close = q.find(")", body)
        if close == -1:
            raise self.fail("NEAR( is never closed", body - 1)
        content = q[body:close]
        for bad in '("':
            at = content.find(bad)
            if at != -1:
                raise self.fail("NEAR(…) takes plain words only", body + at)
        distance = DEFAULT_NEAR_DISTANCE
        words_part = content
        comma = content.rfind(",")
        if comma != -1:  # the text after the last comma is the distance
            distance = self._distance(content[comma + 1 :], body + comma + 1, "the NEAR distance")
            words_part = content[:comma]
        terms: list[Term] = []
        for at, word in _split_words(words_part, body, ","):
            if word in ("AND", "OR", "NOT") or (word.startswith("-") and len(word) > 1):
                raise self.fail("operators are not allowed inside NEAR(…)", at)
            term = self._term(word, at)
            if term is not None:
                terms.append(term)
        if not 2 <= len(terms) <= MAX_NEAR_WORDS:
            raise self.fail(f"NEAR(…) takes 2 to {MAX_NEAR_WORDS} words", start)
        self.tokens.append(_Token("near", start, q[start : close + 1], Near(tuple(terms), distance)))
        return close + 1


def _positive(node: Node) -> bool:
    """Whether ``node`` can match on its own (is not only exclusions)."""
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_positive(c) for c in node.children)
    if isinstance(node, Or):
        return all(_positive(c) for c in node.children)
    if isinstance(node, Field):
        return _positive(node.node)
    return True


_STARTS_UNARY = frozenset({"word", "phrase", "near", "field", "not", "minus", "lparen"})


class _Parser:
    """Recursive descent over the tokens; see the grammar in the module docstring."""

    def __init__(self, query: str, tokens: list[_Token]) -> None:
        self.query = query
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        self.field: str | None = None

    def fail(self, message: str, pos: int) -> QuerySyntaxError:
        return QuerySyntaxError(message, query=self.query, position=max(0, min(pos, len(self.query))))

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node:
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            raise self.fail("')' has no matching '('", tok.pos)
        if not _positive(node):
            raise self.fail(
                "a query cannot be only NOT: say what to find, then what to exclude (Wilson -Lansing)",
                self.tokens[0].pos,
            )
        return node

    def or_expr(self) -> Node:
        starts = [self.peek()]
        children = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.i += 1
            following = self.peek()
            if following is None or following.kind not in _STARTS_UNARY:
                raise self.fail("OR needs a term after it", tok.pos)
            starts.append(following)
            children.append(self.and_expr())
        if len(children) == 1:
            return children[0]
        for first, child in zip(starts, children, strict=True):
            if not _positive(child):
                assert first is not None
                raise self.fail(
                    "an OR alternative cannot be only NOT (write Wilson -Lansing to exclude)", first.pos
                )
        return Or(tuple(children))

    def and_expr(self) -> Node:
        tok = self.peek()
        if tok is None or tok.kind not in _STARTS_UNARY:
            if tok is not None and tok.kind in ("and", "or"):
                raise self.fail(f"{tok.kind.upper()} needs a term before it", tok.pos)
            if tok is not None and tok.kind == "rparen":
                raise self.fail("')' has no matching '('", tok.pos)
            raise self.fail("empty query: type a word, a phrase in quotes, or see --help", 0)
        children = [self.unary()]
        while (tok := self.peek()) is not None and tok.kind in _STARTS_UNARY | {"and"}:
            if tok.kind == "and":
                self.i += 1
                following = self.peek()
                if following is None or following.kind not in _STARTS_UNARY:
                    raise self.fail("AND needs a term after it", tok.pos)
            children.append(self.unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        tok = self.peek()
        assert tok is not None
        if tok.kind in ("not", "minus"):
            self.i += 1
            following = self.peek()
            name = "NOT" if tok.kind == "not" else "'-'"
            if following is None or following.kind not in _STARTS_UNARY:
                raise self.fail(f"{name} needs a term after it", tok.pos)
            if following.kind in ("not", "minus"):
                raise self.fail("NOT cannot follow NOT", following.pos)
            return Not(self.primary())
        return self.primary()

    def primary(self) -> Node:
        tok = self.peek()
        assert tok is not None
        self.i += 1
        if tok.kind in ("word", "phrase", "near"):
            assert tok.node is not None
            return tok.node
        if tok.kind == "field":
            if self.field is not None:
                raise self.fail(f"{tok.text}: cannot stand inside {self.field}:", tok.pos)
            following = self.peek()
            if following is None or following.kind not in ("word", "phrase", "near", "lparen"):
                raise self.fail(
                    f"{tok.text}: must be followed directly by a word, a phrase or a group", tok.pos
                )
            self.field = tok.text
            try:
                return Field(tok.text, self.primary())
            finally:
                self.field = None
        if tok.kind == "lparen":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.fail(f"parentheses nested more than {MAX_DEPTH} deep", tok.pos)
            following = self.peek()
            if following is not None and following.kind == "rparen":
                raise self.fail("empty parentheses", tok.pos)
            if following is None:
                raise self.fail("'(' is never closed", tok.pos)
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise self.fail("'(' is never closed", tok.pos)
            self.i += 1
            self.depth -= 1
            return node
        raise self.fail(f"unexpected {tok.kind.upper()}", tok.pos)  # pragma: no cover - guarded by callers


def parse_query(text: str) -> Node:
    """Parse ``text`` in memcon's query syntax into a :data:`Node` tree.

    Raises :class:`memcon.errors.QuerySyntaxError` (and nothing else) with the
    0-based ``position`` of the problem: unbalanced quote or parenthesis,
    dangling operator, empty query, a query that is only NOT, a bad NEAR
    distance, a prefix shorter than two letters.

    >>> parse_query('"Council of Ten" Wilson')
    And(children=(Phrase(words=('Council', 'of', 'Ten'), slop=0), Term(text='Wilson', prefix=False)))

    DOCS: docs/search.md#query-syntax
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_query expects a str, not {type(text).__name__}")
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"query longer than {MAX_QUERY_CHARS} characters", query=text[:60] + "…", position=60
        )
    tokens = _Lexer(text).run()
    if not tokens:
        raise QuerySyntaxError(
            "empty query: type a word, a phrase in quotes, or see --help", query=text, position=0
        )
    return _Parser(text, tokens).parse()


def _format_term(term: Term) -> str:
    return term.text + ("*" if term.prefix else "")


def format_query(node: Node) -> str:
    """Write ``node`` back in the query syntax; ``parse_query(format_query(n)) == n`` for parsed trees."""
    if isinstance(node, Term):
        return _format_term(node)
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"' + (f"~{node.slop}" if node.slop else "")
    if isinstance(node, Near):
        return "NEAR(" + " ".join(_format_term(t) for t in node.terms) + f", {node.distance})"
    if isinstance(node, Field):
        inner = format_query(node.node)
        return f"{node.name}:" + (inner if isinstance(node.node, Term | Phrase | Near) else f"({inner})")
    if isinstance(node, Not):
        inner = format_query(node.child)
        return "NOT " + (inner if isinstance(node.child, Term | Phrase | Near | Field) else f"({inner})")
    if isinstance(node, And):
        return " ".join(
            f"({format_query(c)})" if isinstance(c, And | Or) else format_query(c) for c in node.children
        )
    return " OR ".join(
        f"({format_query(c)})" if isinstance(c, Or) else format_query(c) for c in node.children
    )
