#!/usr/bin/env python3
"""Development check: random tricky texts through the reference tokenizers and through
`preflight tokenize --jsonl`, reporting the first mismatches per tokenizer.

Not used by the tests (they read committed fixtures). Needs tiktoken and the vocab files of
Resources/vocab. Usage: Scripts/fuzz_parity.py [--preflight PATH] [--count N] [--seed S] [names...]
"""
import argparse, json, os, random, subprocess, sys, unicodedata

import tiktoken
from tiktoken.load import load_tiktoken_bpe

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VOCAB = os.path.join(ROOT, "Resources", "vocab")

ALPHABET = (
    list("aAbBzZ sStTlLdDmMvVeErR'’\"\t\n\r\n  0123456789.,;:!?/\\-_()[]{}<>|@#$%^&*+=~`")
    + ["ſ", "é", "É", "\u0301", "\u0308", "ß", "ǅ", "ʰ", "中", "文", "日本", "한국어", "ก", "\u0e31", "Ω", "Ω",
       "\u00a0", "\u2028", "\u3000", "\u0085", "\u200b", "😀", "👍🏽", "🇫🇷", "١٢٣", "Ⅻ", "²", "½", "\u05d0", "\u0627",
       "𝔘", "𐍈", "\u1f7d", "K", "ﬁ", "\ufeff", "\x00", "\x7f", "<|endoftext|>", "<|eot_id|>", "<s>", "’s", "'S",
       "'LL", "'Re", "'ve", "n't", "I'm"]
)


def random_scalar(rng):
    while True:
        v = rng.choice([rng.randrange(0x80, 0x800), rng.randrange(0x800, 0x10000), rng.randrange(0x10000, 0x30000),
                        rng.randrange(0xE0000, 0xE0200)])
        if not 0xD800 <= v < 0xE000:
            return chr(v)


def random_text(rng):
    n = rng.choice([1, 2, 3, 5, 8, 13, 40, 120])
    if rng.random() < 0.2:
        return "".join(random_scalar(rng) if rng.random() < 0.5 else rng.choice(ALPHABET) for _ in range(n))
    parts = []
    for _ in range(n):
        if rng.random() < 0.3:
            parts.append(rng.choice(["hello", "World", "THE", "don't", "it's", "Hello's", "naïve", "CamelCase",
                                     "x86_64", "1234567", "   ", "\n\n", " \n ", "\t\t", "Straße", "ÉCOLE"]))
        else:
            parts.append(rng.choice(ALPHABET))
    return "".join(parts)


def manifest():
    with open(os.path.join(VOCAB, "tokenizers.json")) as f:
        return {t["name"]: t for t in json.load(f)["tokenizers"]}


def oracle(entry):
    ranks = load_tiktoken_bpe(os.path.join(VOCAB, entry["file"]))
    enc = tiktoken.Encoding(name=entry["name"] + "_local", pat_str=entry["pattern"], mergeable_ranks=ranks,
                            special_tokens={})
    offset = entry.get("id_offset") or 0
    nfc = entry.get("normalization") == "NFC"

    def run(text):
        if nfc:
            text = unicodedata.normalize("NFC", text)
        return [i + offset for i in enc.encode(text, disallowed_special=())]
    return run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preflight", default=os.path.join(ROOT, ".build", "debug", "preflight"))
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    entries = manifest()
    names = args.names or [n for n, e in entries.items() if e["kind"] == "tiktoken"]
    rng = random.Random(args.seed)
    texts = [random_text(rng) for _ in range(args.count)]
    ok = True
    for name in names:
        run = oracle(entries[name])
        want = [run(t) for t in texts]
        payload = "".join(json.dumps(t) + "\n" for t in texts).encode()
        out = subprocess.run([args.preflight, "tokenize", "--tokenizer", name, "--jsonl"], input=payload,
                             capture_output=True)
        if out.returncode != 0:
            print(name, "FAILED", out.stderr.decode()); ok = False; continue
        got = [json.loads(l) for l in out.stdout.decode().splitlines()]
        bad = [(t, w, g) for t, w, g in zip(texts, want, got) if w != g]
        print(f"{name}: {len(texts) - len(bad)}/{len(texts)}")
        for t, w, g in bad[:3]:
            print("   text", repr(t)); print("   want", w); print("   got ", g)
        ok = ok and not bad
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
