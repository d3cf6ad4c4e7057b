"""A glossary's terms packed into one buffer: a few bytes a term beyond its text, not a tree of objects.

A :class:`Term` object with its dictionaries, tuples and strings takes about 700 bytes; a million
of them (a 27 MB CSV) took gigabytes. :class:`TermStore` keeps each term as one ``marshal`` record
in a ``bytearray`` with an array of where each ends (about the term's text plus 20 bytes), and
makes a :class:`Term` only when one is asked for.
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from transpub.glossary.terms import Fields, Term

#: How many terms asked for by index are kept made (then forgotten all at once).
_RECENT = 4096


class TermStore(Sequence[Term]):
    """Terms in order, packed; indexing and iterating make :class:`Term` objects on demand.

    >>> store = TermStore([Term("Jingyue", {"zh_CN": "净月"}), Term("RMB", case_sensitive=True)])
    >>> len(store), store[1], store[0].required("zh_CN"), store.locales
    (2, Term('RMB'), '净月', ['zh_CN'])
    """

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        #: every locale a term mentions, in first-mention order (``*`` excluded)
        self.locales: list[str] = []
        self._known: set[str] = set()
        self._recent: dict[int, Term] = {}  # terms asked for lately (a text's hits repeat them)
        for term in terms:
            self.append(term)

    def append(self, term: Term) -> None:
        """Add ``term`` at the end."""
        self.append_fields(term.fields())

    def append_fields(self, fields: Fields) -> None:
        """Add the term whose :meth:`Term.fields` are ``fields`` (without making the Term)."""
        self._data += marshal.dumps(fields)
        self._ends.append(len(self._data))
        _, translations, variants, forbidden, dnt, _, _ = fields
        for mapping in (translations, variants, forbidden, dnt):
            if mapping:
                for locale in mapping:
                    if locale not in self._known and locale != "*":
                        self._known.add(locale)
                        self.locales.append(locale)

    def fields(self, index: int) -> Fields:
        """The packed fields of the ``index``-th term (see :meth:`Term.fields`)."""
        start = self._ends[index - 1] if index > 0 else 0
        return marshal.loads(self._data[start : self._ends[index]])

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Term: ...

    @overload
    def __getitem__(self, index: slice) -> list[Term]: ...

    def __getitem__(self, index: int | slice) -> Term | list[Term]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("term index out of range")
        term = self._recent.get(index)
        if term is None:
            if len(self._recent) >= _RECENT:
                self._recent.clear()
            term = self._recent[index] = Term.from_fields(self.fields(index))
        return term

    def __iter__(self) -> Iterator[Term]:
        data, start = memoryview(self._data), 0
        for end in self._ends:
            yield Term.from_fields(marshal.loads(data[start:end]))
            start = end

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TermStore):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TermStore({len(self)} terms)"

    def nbytes(self) -> int:
        """The bytes the packed terms take."""
        return len(self._data) + self._ends.itemsize * len(self._ends)


__all__ = ["TermStore"]
