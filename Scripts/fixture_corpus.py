"""The deterministic text corpus for Scripts/generate_fixtures.py: the files in Scripts/corpus/, llama.cpp's
vector texts, and generated edge cases (whitespace, digits, contractions, special-token literals, emoji, combining
marks, NFC/NFD pairs, long words, seeded random Unicode, and a few 5-20 KB documents).
Each case is (text, tag). Same seed -> same corpus."""
import os, random, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_DIR = os.path.join(HERE, "corpus")

SPECIAL_LITERALS = [
    "<|endoftext|>", "<|endoftext|>hello", "hello<|endoftext|>", "<s>", "</s>", "<s>[INST] Hi [/INST]", "[INST]", "[/INST]",
    "<|eot_id|>", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>", "<|im_start|>user\nhi<|im_end|>\n",
    "<start_of_turn>user\nHello<end_of_turn>\n<start_of_turn>model\n", "<bos>", "<eos>", "<pad>", "<unk>", "[CLS] a [SEP]",
    "[MASK]", "[PAD][UNK]", "<think>\nreasoning\n</think>\n\nanswer", "<tool_call>{}</tool_call>",
    "<|start|>user<|message|>hi<|end|><|start|>assistant", "<|endoftext", "<|", "|>", "<|reserved_special_token_5|>",
    "<|header_start|>user<|header_end|>", "[SYSTEM_PROMPT]Be brief.[/SYSTEM_PROMPT]", "<|endofprompt|>", "<|fim_prefix|>def<|fim_suffix|>",
]

WHITESPACE = [
    " ", "  ", "   ", "    ", "\t", "\t\t", "\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", "\r", " \n", "\n ", " \t \n ",
    "a", " a", "  a", "a ", "a  ", " a ", "a b", "a  b", "a   b", "a\tb", "a\nb", "a\n\nb", "a\r\nb", "a \n b", "a\t\n\tb",
    "   leading spaces", "trailing spaces   ", "\tleading tab", "trailing tab\t", "line one\nline two\n", "crlf line\r\nnext\r\n",
    "x" + " " * 17 + "y", "\n" * 9 + "text", " " * 64, "\t" * 12, "\u00a0non-breaking\u00a0space", "ideographic\u3000space",
    "em\u2003space", "zero\u200bwidth", "line\u2028separator", "para\u2029separator", "form\x0cfeed", "vertical\x0btab",
    "mixed \t\r\n \t\r\n end", "  \n\n\t  multiple   spaces\r\n",
]

CONTRACTIONS = []
for base in ["he's", "it's", "don't", "they're", "we've", "I'm", "you'll", "she'd", "that'll", "let's"]:
    CONTRACTIONS += [base, base.upper(), base.title(), base[:-1] + base[-1].upper() if "'" in base else base]
CONTRACTIONS += ["We'LL go", "they'RE here", "IT'S", "'S", "'ll", "'re", "'ve", "'m", "'d", "'t", "dogs' bones", "''", "'''",
                 "rock 'n' roll", "it\u2019s curly", "I\u2019LL", "o'clock", "'quoted'", "'s'", "ain't y'all'd've"]

EMOJI = [
    "😀", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🏴‍☠️", "🇫🇷🇯🇵🇺🇸", "🇫", "❤️", "❤", "1️⃣", "#️⃣", "🧑🏿‍🦱", "🫠🫶🪿",
    "🚀🔥💯✨", "Hello 👋 world 🌍!", "emoji🙂inside🙂words", "😀" * 30, "👨‍👩‍👧‍👦" * 5, "🏴󠁧󠁢󠁳󠁣󠁴󠁿 (Scotland tag sequence)",
]

NFC_WORDS = ["café", "naïve", "Ångström", "Dvořák", "Việt Nam", "한국어", "가나다", "ḍ̇", "résumé", "Zürich", "ﬁancé", "Å", "Ω", "ệ", "ǖ"]

COMBINING = ["e\u0301", "a\u0308\u0304", "Z\u0334\u0321\u0322a\u0338l\u0337g\u0336o\u0335", "\u0301", "\u0301\u0301\u0301 start",
             "q\u0307\u0323", "\u1100\u1161\u11a8", "\u0915\u094d\u0937", "\u0e01\u0e34\u0e4a", "o\u0328\u0304", "n\u0303o"]

LONG = ["a" * 50, "a" * 100, "a" * 101, "a" * 500, "a" * 3000, "ab" * 500, "Supercalifragilisticexpialidocious" * 20,
        "🚀" * 200, "你" * 500, "1" * 200, " " * 1000, "\n" * 300, "x" * 1000 + " " + "y" * 1000,
        "https://example.com/" + "/".join(["segment%d" % i for i in range(80)]), "-" * 400, "=" * 120 + "\n" + "#" * 120,
        "aaaa" * 30 + "ZZZZ" * 30 + "éééé" * 30]

RANGES = [(0x20, 0x7E, 6), (0xA0, 0x24F, 3), (0x370, 0x3FF, 2), (0x400, 0x4FF, 2), (0x590, 0x5FF, 1), (0x600, 0x6FF, 2),
          (0x900, 0x97F, 2), (0xE00, 0xE7F, 1), (0x1100, 0x11FF, 1), (0x1E00, 0x1EFF, 1), (0x2000, 0x206F, 1), (0x2190, 0x23FF, 1),
          (0x3040, 0x30FF, 2), (0x4E00, 0x9FFF, 3), (0xAC00, 0xD7A3, 2), (0xFF00, 0xFFEF, 1), (0x1F300, 0x1F64F, 2),
          (0x1F900, 0x1F9FF, 1), (0x300, 0x36F, 2), (0x9, 0xD, 1), (0x1D400, 0x1D7FF, 1), (0x10000, 0x1007F, 1), (0xE000, 0xE0FF, 1)]

WORDS = ("the of and to in is you that it he was for on are as with his they I at be this have from or one had by word but not "
         "what all were we when your can said there use an each which she do how their if will up other about out many then them "
         "tokenizer context window prompt model neuron price count check JSON schema Swift Linux Cloudflare Workers AI "
         "日本 東京 中文 模型 한국 서울 Москва данные Ελλάδα λόγος مرحبا שלום नमस्ते ภาษา café naïve Zürich").split()
PUNCT = [".", ",", "!", "?", ";", ":", " -", " —", "...", "'s", "'ll", " (", ")", " \"", "\"", "\n", "\n\n", "\t", "  "]

def random_unicode(rng, n):
    out = []
    weights = [w for _, _, w in RANGES]
    while len(out) < n:
        lo, hi, _ = rng.choices(RANGES, weights)[0]
        c = chr(rng.randint(lo, hi))
        if unicodedata.category(c) in ("Cn", "Cs"): continue   # assigned code points only (stable across Unicode versions)
        out.append(c)
    return "".join(out)

def random_sentence(rng, n_words):
    parts = []
    for _ in range(n_words):
        w = rng.choice(WORDS)
        r = rng.random()
        if r < 0.1: w = w.upper()
        elif r < 0.2: w = w.title()
        parts.append(w)
        if rng.random() < 0.25: parts.append(rng.choice(PUNCT))
        elif rng.random() < 0.08: parts.append(str(rng.randint(0, 10 ** rng.randint(1, 12))))
    text = ""
    for p in parts:
        text += p if (p in PUNCT or not text) else " " + p
    return text

def read(name): return open(os.path.join(CORPUS_DIR, name), encoding="utf-8", newline="").read()

def corpus_cases(vector_texts, seed=20261125):
    rng = random.Random(seed)
    cases = []
    def add(text, tag): cases.append((text, tag))
    add("", "empty")
    files = sorted(os.listdir(CORPUS_DIR))
    for f in files:
        body = read(f)
        add(body, f"file:{f}")
        for line in body.split("\n"):
            if line.strip(): add(line, f"line:{f}")
    for t in vector_texts: add(t, "llama.cpp-text")
    for t in WHITESPACE: add(t, "whitespace")
    for n in range(1, 13):
        d = "".join(rng.choice("0123456789") for _ in range(n))
        for t in (d, " " + d, f"abc{d}xyz", f"{d}.{d}", f"-{d}", f"{d}\n", f"{d} {d}", f"v{d[:3]}.{d[3:] or '0'}"):
            add(t, "digits")
    for t in ("١٢٣٤٥", "１２３４５", "²³¹⁴", "ⅫⅩ", "0.5e-10", "1,000,000", "3.14159265358979", "12:34:56", "2026-11-25", "+44 20 7946 0958",
              "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "๐๑๒๓", "123abc456def789", "0x1F600", "1e100"):
        add(t, "digits")
    for t in CONTRACTIONS: add(t, "contractions")
    for t in SPECIAL_LITERALS: add(t, "special-literal")
    for t in EMOJI: add(t, "emoji")
    for w in NFC_WORDS:
        add(unicodedata.normalize("NFC", w), "nfc"); add(unicodedata.normalize("NFD", w), "nfd")
        add(unicodedata.normalize("NFKC", w), "nfkc"); add(f"The word {unicodedata.normalize('NFD', w)} decomposed.", "nfd")
    for t in COMBINING: add(t, "combining")
    for t in LONG: add(t, "long")
    for i in range(140): add(random_unicode(rng, rng.randint(1, 40)), "random-unicode")
    for i in range(80): add(random_sentence(rng, rng.randint(3, 40)), "random-words")
    # documents of 5-20 KB
    prose, mult = read("prose.txt"), read("multilingual.txt")
    code = read("code.swift") + "\n" + read("code.py") + "\n" + read("data.json")
    doc1 = "\n\n".join(random_sentence(rng, rng.randint(40, 120)) for _ in range(12)) + "\n\n" + prose
    docs = [("doc:prose", (prose + "\n") * 2 + doc1), ("doc:code", (code + "\n\n") * 2), ("doc:multilingual", (mult + "\n") * 3),
            ("doc:mixed", "\n".join(random_sentence(rng, 60) + " " + random_unicode(rng, 30) for _ in range(40)) + "\n" + code + prose)]
    for tag, d in docs:
        d = d[:20000]
        assert 5000 <= len(d.encode()) <= 40000, (tag, len(d.encode()))
        add(d, tag)
    seen, out = set(), []
    for t, tag in cases:
        if t not in seen: seen.add(t); out.append((t, tag))
    return out
