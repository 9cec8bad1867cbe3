"""Mutations of real content files: bytes, Unicode, YAML punctuation, indentation, huge numbers, encodings.

Each mutation is a small named edit at a drawn place, so a failing example shrinks to a short,
readable list of edits on one real file.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

UNICODE = [
    "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\x00", "\x1b[2J", "\r", "\x85", "\ud800", "\ufffe",
    "\U0001f600", "e\u0301", "\u0430", "\uff1a", "\uff03",
]  # fmt: skip
YAML_ESCAPES = [
    '"\\U00110000"', '"\\UFFFFFFFF"', '"\\uD800"', '"\\x00"', '"\\e[2J"', '"\\u202E"', '"\\N"', '"\\',
    '"\\r\\nfake.yaml:1:1: note: fine"',
]  # fmt: skip
PUNCTUATION = [
    ": ", ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object/apply:os.system ['true'] ", "!x ",
    "|", ">", "#", '"', "'", "? ", "<<: *a\n", "---\n", "...\n", "%YAML 1.1\n", "\t", "@", "`", "\\",
    "&a [*a, *a]", "[[[[[[[[[[[[[[[[[[[[", "{a: {b: {c: {d:", "'''", '"""',
]  # fmt: skip
NUMBERS = [
    "9" * 5000, "0x" + "F" * 3000, "-" + "1" * 4400, "1e999999", ".inf", "-.nan", "0o777777777777777777777",
    "1_000_000", "012", "1:20", "2026-13-45", "2026-02-30", "0b" + "1" * 70000, "+.5", "1.10", "NO", "off",
]  # fmt: skip


def _at(original: bytes, where: int) -> int:
    return where % (len(original) + 1)


def insert(text: bytes, where: int, piece: bytes) -> bytes:
    at = _at(text, where)
    return text[:at] + piece + text[at:]


def delete(text: bytes, where: int, length: int) -> bytes:
    at = _at(text, where)
    return text[:at] + text[at + length :]


def flip(text: bytes, where: int, mask: int) -> bytes:
    if not text:
        return text
    at = where % len(text)
    return text[:at] + bytes([text[at] ^ mask]) + text[at + 1 :]


def replace_value(text: bytes, where: int, value: bytes) -> bytes:
    """The value after the `key: ` on one line becomes `value`."""
    lines = text.split(b"\n")
    index = where % len(lines)
    key, colon, _ = lines[index].partition(b": ")
    lines[index] = key + colon + value if colon else lines[index] + b" " + value
    return b"\n".join(lines)


def indent(text: bytes, where: int, by: int) -> bytes:
    """One line indented more (by > 0, spaces or a tab) or less (by < 0)."""
    lines = text.split(b"\n")
    index = where % len(lines)
    line = lines[index]
    if by < 0:
        lines[index] = line[min(-by, len(line) - len(line.lstrip())) :]
    else:
        lines[index] = (b"\t" if by == 9 else b" " * by) + line
    return b"\n".join(lines)


def duplicate_line(text: bytes, where: int) -> bytes:
    lines = text.split(b"\n")
    index = where % len(lines)
    return b"\n".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])


def truncate(text: bytes, where: int) -> bytes:
    return text[: _at(text, where)]


def reencode(text: bytes, codec: str) -> bytes:
    decoded = text.decode("utf-8", errors="surrogateescape")
    if codec == "utf-8-sig":
        return b"\xef\xbb\xbf" + text
    return decoded.encode(codec, errors="replace")


Mutation = tuple[str, Callable[[bytes], bytes]]
POSITIONS = st.integers(min_value=0, max_value=1 << 16)


def _encoded(piece: str) -> bytes:
    return piece.encode("utf-8", errors="surrogatepass")


MUTATIONS: st.SearchStrategy[Mutation] = st.one_of(
    st.tuples(POSITIONS, st.binary(min_size=1, max_size=4)).map(
        lambda a: (f"insert bytes {a[1]!r} at {a[0]}", lambda t: insert(t, *a))
    ),
    st.tuples(POSITIONS, st.integers(1, 64)).map(
        lambda a: (f"delete {a[1]} bytes at {a[0]}", lambda t: delete(t, *a))
    ),
    st.tuples(POSITIONS, st.integers(1, 255)).map(
        lambda a: (f"flip byte {a[0]} by {a[1]:#x}", lambda t: flip(t, *a))
    ),
    st.tuples(POSITIONS, st.sampled_from(UNICODE)).map(
        lambda a: (f"insert {a[1]!r} at {a[0]}", lambda t: insert(t, a[0], _encoded(a[1])))
    ),
    st.tuples(POSITIONS, st.sampled_from(PUNCTUATION)).map(
        lambda a: (f"insert {a[1]!r} at {a[0]}", lambda t: insert(t, a[0], _encoded(a[1])))
    ),
    st.tuples(POSITIONS, st.sampled_from(YAML_ESCAPES + NUMBERS)).map(
        lambda a: (f"value of line {a[0]} := {a[1][:30]!r}", lambda t: replace_value(t, a[0], _encoded(a[1])))
    ),
    st.tuples(POSITIONS, st.sampled_from([-8, -2, -1, 1, 2, 3, 9])).map(
        lambda a: (f"indent line {a[0]} by {a[1]}", lambda t: indent(t, *a))
    ),
    POSITIONS.map(lambda a: (f"duplicate line {a}", lambda t: duplicate_line(t, a))),
    POSITIONS.map(lambda a: (f"truncate at {a}", lambda t: truncate(t, a))),
    st.sampled_from(["utf-8-sig", "utf-16", "latin-1", "cp1252"]).map(
        lambda c: (f"encode as {c}", lambda t: reencode(t, c))
    ),
)
