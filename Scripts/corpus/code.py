#!/usr/bin/env python3
"""A small example module, used only as tokenizer test input."""
from __future__ import annotations
import re, sys
from dataclasses import dataclass, field

WORD = re.compile(r"[A-Za-z']+|\d{1,3}|\S")

@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int = field(default=-1)

def tokenize(text: str) -> list[Token]:
    """Split text into crude tokens; returns a list of Token."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]

class Counter(dict):
    def __missing__(self, key):
        return 0

def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    counts = Counter()
    for line in sys.stdin:
        for tok in tokenize(line.rstrip("\n")):
            counts[tok.text.lower()] += 1
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
        print(f"{word!r:>20} {n:6d}")
    lambda_ = lambda x, y=2, *a, **kw: (x ** y, a, kw)   # noqa: E731
    assert lambda_(3) == (9, (), {})
    return 0 if counts else 1

if __name__ == "__main__":
    raise SystemExit(main())
