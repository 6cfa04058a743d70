#!/usr/bin/env python3
"""Preflight against the reference tokenizers, on the same text and the same vocabulary files, in
one run (after tiktoken's scripts/benchmark.py).

    cd Benchmarks && python3 SideBySide/side_by_side.py [--quick] [--markdown OUT.md] [--json OUT.json]

What it does:
  1. installs the pinned references from PyPI if they are missing (tiktoken==0.14.0,
     tokenizers==0.23.3, sentencepiece==0.2.3, jsonschema);
  2. builds the release SideBySide executable if needed (`swift build -c release --product SideBySide`)
     and the release `preflight` CLI for the whole-process test;
  3. loads every reference from Resources/vocab (the files Preflight ships), using the manifest
     Resources/vocab/tokenizers.json for patterns and special tokens:
       - tiktoken: load_tiktoken_bpe on the .tiktoken rank file (o200k_base, cl100k_base, llama3);
       - HF tokenizers (llama3, qwen2): a BPE built from the same rank file the way Hugging Face's
         own tokenizer.json files for these models are built (merges recovered from the ranks as
         transformers' TikTokenConverter does; Split(regex, isolated) + ByteLevel(use_regex=False);
         NFC normaliser for Qwen; ignore_merges=True for Llama 3 as in Meta-Llama-3's file);
         cached under $TMPDIR/preflight-side-by-side/;
       - HF tokenizers BertWordPieceTokenizer on the shipped vocab.txt (bert-base-uncased);
       - sentencepiece on the shipped .model files (llama2, gemma3);
  4. checks that the ids agree with Preflight's on every benchmark text before timing;
  5. times, single-threaded and alternating Preflight and reference rounds, encode and count, and
     prints a table of ratios (reference time / Preflight time, higher is better for Preflight) and MB/s;
  6. measures worst cases against prose, whole-process one-byte counting, memory per vocabulary,
     the batch API's speed-up, count(of:upTo:) early exit and schema validation against jsonschema.
"""
import argparse, base64, datetime, gc, json, os, platform, statistics, subprocess, sys, tempfile, time
from pathlib import Path

os.environ["RAYON_NUM_THREADS"] = "1"          # HF tokenizers: single-threaded
os.environ["TOKENIZERS_PARALLELISM"] = "false"

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
ROOT = BENCH.parent
VOCAB = ROOT / "Resources" / "vocab"
PINS = {"tiktoken": "0.14.0", "tokenizers": "0.23.3", "sentencepiece": "0.2.3", "jsonschema": None}
CACHE = Path(tempfile.gettempdir()) / "preflight-side-by-side"


def ensure_references():
    import importlib.metadata as md
    missing = []
    for name, version in PINS.items():
        try:
            have = md.version(name)
            if version and have != version:
                missing.append(f"{name}=={version}")
        except md.PackageNotFoundError:
            missing.append(f"{name}=={version}" if version else name)
    if missing:
        print("installing", " ".join(missing), file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], check=True)


def manifest():
    return {t["name"]: t for t in json.load(open(VOCAB / "tokenizers.json"))["tokenizers"]}


# ---------------------------------------------------------------- references

def tiktoken_reference(entry):
    import tiktoken
    from tiktoken.load import load_tiktoken_bpe
    ranks = load_tiktoken_bpe(str(VOCAB / entry["file"]))
    specials = {s["content"]: s["id"] for s in entry.get("special_tokens") or []}
    enc = tiktoken.Encoding(name=entry["name"] + "_local", pat_str=entry["pattern"], mergeable_ranks=ranks,
                            special_tokens=specials)
    return enc.encode_ordinary


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def merges_from_ranks(ranks):
    """transformers' TikTokenConverter: replay BPE on each token to find the pair that forms it."""
    def bpe(token, max_rank):
        parts = [bytes([b]) for b in token]
        while True:
            best, best_rank = None, None
            for i in range(len(parts) - 1):
                r = ranks.get(parts[i] + parts[i + 1])
                if r is not None and (best_rank is None or r < best_rank):
                    best, best_rank = i, r
            if best is None or best_rank >= max_rank:
                return parts
            parts = parts[:best] + [parts[best] + parts[best + 1]] + parts[best + 2:]
    merges = []
    for token, rank in sorted(ranks.items(), key=lambda kv: kv[1]):
        if len(token) > 1:
            pair = bpe(token, rank)
            if len(pair) == 2:
                merges.append(tuple(pair))
    return merges


def hf_bpe_reference(entry):
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{entry['name']}-tokenizer.json"
    if not path.exists():
        from tiktoken.load import load_tiktoken_bpe
        ranks = load_tiktoken_bpe(str(VOCAB / entry["file"]))
        table = bytes_to_unicode()
        text = lambda b: "".join(table[x] for x in b)
        vocab = {text(t): r for t, r in ranks.items()}
        merges = [(text(a), text(b)) for a, b in merges_from_ranks(ranks)]
        tok = Tokenizer(models.BPE(vocab=vocab, merges=merges, ignore_merges=entry["name"] == "llama3"))
        if entry.get("normalization") == "NFC":
            tok.normalizer = normalizers.NFC()
        tok.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Split(Regex(entry["pattern"]), behavior="isolated", invert=False),
            pre_tokenizers.ByteLevel(add_prefix_space=False, trim_offsets=False, use_regex=False)])
        tok.decoder = decoders.ByteLevel()
        specials = sorted(entry.get("special_tokens") or [], key=lambda s: s["id"])
        tok.add_special_tokens([AddedToken(s["content"], special=True, normalized=False) for s in specials])
        tok.save(str(path))
    tok = Tokenizer.from_file(str(path))
    return lambda s: tok.encode(s, add_special_tokens=False).ids


def bert_reference(entry):
    from tokenizers import BertWordPieceTokenizer
    tok = BertWordPieceTokenizer(str(VOCAB / entry["file"]), lowercase=True, strip_accents=None,
                                 clean_text=True, handle_chinese_chars=True)
    return lambda s: tok.encode(s, add_special_tokens=False).ids


def spm_reference(entry):
    import sentencepiece as spm
    sp = spm.SentencePieceProcessor(model_file=str(VOCAB / entry["file"]))
    return lambda s: sp.encode(s)


REFERENCES = [  # (tokenizer, library, loader)
    ("o200k_base", "tiktoken", tiktoken_reference),
    ("cl100k_base", "tiktoken", tiktoken_reference),
    ("llama3", "tiktoken", tiktoken_reference),
    ("llama3", "HF tokenizers", hf_bpe_reference),
    ("qwen2", "HF tokenizers", hf_bpe_reference),
    ("bert-base-uncased", "HF tokenizers", bert_reference),
    ("llama2", "sentencepiece", spm_reference),
    ("gemma3", "sentencepiece", spm_reference),
]

# ---------------------------------------------------------------- Swift side

def swift_build(product):
    exe = BENCH / ".build" / "release" / product
    if not exe.exists():
        print(f"building {product} (release)…", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=BENCH, check=True)
    return exe


def run_json(args, timeout=180):
    try:
        out = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timed out after {timeout} s")
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def timed(fn, text, reps):
    times, result = [], None
    gc.disable()
    try:
        for _ in range(reps):
            start = time.perf_counter()
            result = fn(text)
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return times, result


# ---------------------------------------------------------------- measurements

def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "load": os.getloadavg(),
            "python": platform.python_version(), "system": platform.platform()}


def compare(exe, inputs, kinds, rounds, reps, only):
    rows, agreement = [], []
    for name, library, loader in REFERENCES:
        if only and name not in only:
            continue
        entry = manifest()[name]
        try:
            reference = loader(entry)
        except Exception as error:  # a reference that cannot load is reported, not fatal
            rows.append({"tokenizer": name, "library": library, "error": f"reference: {error}"})
            continue
        for kind in kinds:
            path = inputs / f"{kind}-1MB.txt"
            text = path.read_text(encoding="utf-8")
            try:
                ours = run_json([exe, "ids", name, path])["ids"]
            except RuntimeError as error:
                rows.append({"tokenizer": name, "library": library, "kind": kind, "error": f"Preflight: {error}"})
                continue
            theirs = list(reference(text))
            same = ours == theirs
            first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
            agreement.append({"tokenizer": name, "library": library, "kind": kind, "agree": same,
                              "ours": len(ours), "theirs": len(theirs), "first_difference": None if same else first})
            pf_encode, pf_count, ref = [], [], []
            for _ in range(rounds):  # alternate: Preflight round, reference round
                result = run_json([exe, name, path, reps])
                pf_encode += result["encode_seconds"]
                pf_count += result["count_seconds"]
                ref += timed(reference, text, reps)[0]
            size = len(text.encode("utf-8"))
            best = lambda xs: min(xs)
            rows.append({"tokenizer": name, "library": library, "kind": kind, "bytes": size, "agree": same,
                         "preflight_encode_s": best(pf_encode), "preflight_count_s": best(pf_count),
                         "reference_s": best(ref),
                         "encode_ratio": best(ref) / best(pf_encode), "count_ratio": best(ref) / best(pf_count),
                         "preflight_encode_MBps": size / best(pf_encode) / 1e6,
                         "preflight_count_MBps": size / best(pf_count) / 1e6,
                         "reference_MBps": size / best(ref) / 1e6})
            print(f"  {name:18} {library:14} {kind:7} agree={same} encode×{rows[-1]['encode_ratio']:.2f} "
                  f"count×{rows[-1]['count_ratio']:.2f}", file=sys.stderr)
    return rows, agreement


def worst_cases(exe, inputs, names, reps):
    rows = []
    for name in names:
        speeds = {}
        for kind in ("prose", "one-letter", "random-letters", "digits", "spaces"):
            path = inputs / f"{kind}-1MB.txt"
            try:
                result = run_json([exe, name, path, reps])
            except RuntimeError as error:
                speeds = {"error": str(error)}
                break
            speeds[kind] = {"encode_MBps": result["bytes"] / min(result["encode_seconds"]) / 1e6,
                            "count_MBps": result["bytes"] / min(result["count_seconds"]) / 1e6}
        rows.append({"tokenizer": name, **speeds})
    return rows


def whole_process(inputs, runs):
    """`preflight count` of a one-byte file vs Python importing tiktoken and loading the same vocab."""
    try:
        cli = swift_build("preflight")
    except subprocess.CalledProcessError as error:
        return {"error": f"could not build preflight: {error}"}
    one = inputs / "one-byte.txt"
    one.write_text("a")
    entry = manifest()["o200k_base"]
    script = ("import tiktoken\nfrom tiktoken.load import load_tiktoken_bpe\n"
              f"e = tiktoken.Encoding(name='o200k_local', pat_str={entry['pattern']!r}, "
              f"mergeable_ranks=load_tiktoken_bpe({str(VOCAB / entry['file'])!r}), special_tokens={{}})\n"
              f"print(len(e.encode_ordinary(open({str(one)!r}).read())))\n")
    commands = {"preflight count": [str(cli), "count", "--tokenizer", "o200k_base", str(one)],
                "python tiktoken": [sys.executable, "-c", script]}
    times = {k: [] for k in commands}
    outputs = {}
    for _ in range(runs):
        for key, command in commands.items():
            start = time.perf_counter()
            out = subprocess.run(command, capture_output=True, text=True)
            times[key].append(time.perf_counter() - start)
            outputs[key] = (out.returncode, out.stdout.strip()[:80], out.stderr.strip()[:200])
    return {k: {"median_s": statistics.median(v), "min_s": min(v), "output": outputs[k]} for k, v in times.items()}


def memory(exe, names):
    rows = []
    for name in names:
        entry = manifest()[name]
        size = (VOCAB / entry["file"]).stat().st_size
        try:
            r = run_json([exe, "load", name])
        except RuntimeError as error:
            rows.append({"tokenizer": name, "file_bytes": size, "error": str(error)})
            continue
        retained = r["rss_after_bytes"] - r["rss_before_bytes"]
        peak = r["peak_after_bytes"] - r["rss_before_bytes"]
        rows.append({"tokenizer": name, "file_bytes": size, "load_s": r["load_seconds"], "retained_bytes": retained,
                     "peak_bytes": peak, "retained_ratio": retained / size, "peak_ratio": peak / size})
    return rows


def schema_side_by_side(count):
    """Reuses Scripts/schema_side_by_side.py (the schema helper's): `preflight validate --jsonl`
    (release build, process start included) against jsonschema on the same documents."""
    cli = swift_build("preflight")
    run = subprocess.run([sys.executable, str(ROOT / "Scripts" / "schema_side_by_side.py"), "--count", str(count),
                          "--preflight", str(cli)], capture_output=True, text=True)
    return {"returncode": run.returncode, "output": run.stdout.strip(), "stderr": run.stderr.strip()[-500:]}


# ---------------------------------------------------------------- report

def markdown(result):
    m = result["machine"]
    out = [f"Measured {m['date']} on {m['nproc']} cores ({m['cpu']}), load average "
           f"{m['load'][0]:.2f} at the start; Python {m['python']}; "
           f"tiktoken {PINS['tiktoken']}, tokenizers {PINS['tokenizers']}, sentencepiece {PINS['sentencepiece']}. "
           "Single-threaded, best of the alternating rounds, 1 MB inputs.", "",
           "| tokenizer | reference | text | ids agree | Preflight encode MB/s | Preflight count MB/s | reference MB/s | encode ratio | count ratio |",
           "|---|---|---|---|---:|---:|---:|---:|---:|"]
    for r in result["compare"]:
        if "error" in r:
            out.append(f"| {r['tokenizer']} | {r['library']} | {r.get('kind', '')} | – | {r['error'][:120]} | | | | |")
            continue
        out.append(f"| {r['tokenizer']} | {r['library']} | {r['kind']} | {'yes' if r['agree'] else '**no**'} | "
                   f"{r['preflight_encode_MBps']:.2f} | {r['preflight_count_MBps']:.2f} | {r['reference_MBps']:.2f} | "
                   f"{r['encode_ratio']:.2f}× | {r['count_ratio']:.2f}× |")
    out += ["", "Worst cases (Preflight alone, 1 MB each; MB/s encode / count, and the share of prose speed):", "",
            "| tokenizer | prose | one letter | random letters | digits | spaces |", "|---|---:|---:|---:|---:|---:|"]
    for r in result["worst"]:
        if "error" in r:
            out.append(f"| {r['tokenizer']} | {r['error'][:100]} | | | | |")
            continue
        prose = r["prose"]["encode_MBps"]
        cells = [f"{r[k]['encode_MBps']:.2f} / {r[k]['count_MBps']:.2f} ({r[k]['encode_MBps'] / prose:.2f})"
                 for k in ("one-letter", "random-letters", "digits", "spaces")]
        out.append(f"| {r['tokenizer']} | {prose:.2f} / {r['prose']['count_MBps']:.2f} | " + " | ".join(cells) + " |")
    out += ["", "Memory per loaded vocabulary (resident set growth of a process that loads one tokenizer):", "",
            "| tokenizer | file | load | retained RSS | × file | peak RSS during load | × file |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for r in result["memory"]:
        if "error" in r:
            out.append(f"| {r['tokenizer']} | {r['file_bytes'] / 1e6:.2f} MB | {r['error'][:100]} | | | | |")
            continue
        out.append(f"| {r['tokenizer']} | {r['file_bytes'] / 1e6:.2f} MB | {r['load_s'] * 1e3:.0f} ms | "
                   f"{r['retained_bytes'] / 1e6:.1f} MB | {r['retained_ratio']:.2f} | {r['peak_bytes'] / 1e6:.1f} MB | "
                   f"{r['peak_ratio']:.2f} |")
    w = result.get("whole_process", {})
    if "error" not in w and w:
        p, t = w["preflight count"], w["python tiktoken"]
        out += ["", f"Whole process, one-byte input, o200k_base (median of runs): `preflight count` "
                f"{p['median_s'] * 1e3:.0f} ms, Python importing tiktoken and loading the same vocabulary "
                f"{t['median_s'] * 1e3:.0f} ms ({t['median_s'] / p['median_s']:.2f}×)."]
    elif w:
        out += ["", f"Whole process: {w['error']}"]
    b = result.get("batch")
    if b and "error" not in b:
        out += ["", f"Batch API (`counts(of:)`, {b['texts']} texts, {b['bytes'] / 1e6:.1f} MB, {b['cores']} cores): "
                f"{min(b['sequential_seconds']) / min(b['batch_seconds']):.2f}× the sequential `count(of:)` loop."]
    u = result.get("upto")
    if u and "error" not in u:
        out += ["", f"Early exit: `count(of:upTo: {u['limit']})` on {u['bytes'] / 1e6:.0f} MB of prose → {u['result']} in "
                f"{min(u['upto_seconds']) * 1e3:.2f} ms; the full count ({u['full_count']} tokens) takes "
                f"{u['full_count_seconds'] * 1e3:.0f} ms."]
    s = result.get("schema")
    if s and "error" not in s:
        out += ["", "Schema validation (Scripts/schema_side_by_side.py):", "", "```", s["output"], "```"]
    elif s:
        out += ["", f"Schema validation: {s['error']}"]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round, prose only")
    parser.add_argument("--only", nargs="*", help="tokenizer names")
    parser.add_argument("--kinds", nargs="*", help="texts to compare: prose code cjk emoji")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--skip", nargs="*", default=[], help="any of: compare worst memory whole_process batch upto schema")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    ensure_references()
    exe = swift_build("SideBySide")
    inputs = CACHE / "inputs"
    run_json([exe, "inputs", inputs])
    kinds = args.kinds or (["prose"] if args.quick else ["prose", "code", "cjk", "emoji"])
    rounds = 1 if args.quick else args.rounds
    names = args.only or ["o200k_base", "cl100k_base", "llama3", "qwen2", "llama2", "gemma3", "bert-base-uncased"]
    result = {"machine": machine()}
    print(f"machine: {result['machine']}", file=sys.stderr)

    def step(key, fn):
        if key in args.skip:
            return
        try:
            result[key] = fn()
        except Exception as error:
            result[key] = {"error": str(error)}

    if "compare" not in args.skip:
        result["compare"], result["agreement"] = compare(exe, inputs, kinds, rounds, args.reps, args.only)
    else:
        result["compare"], result["agreement"] = [], []
    result["worst"] = [] if "worst" in args.skip else worst_cases(exe, inputs, names, 1)  # one call each: the slow cases take seconds
    result["memory"] = [] if "memory" in args.skip else memory(exe, names)
    step("whole_process", lambda: whole_process(inputs, 3 if args.quick else 7))
    step("batch", lambda: run_json([exe, "batch", "o200k_base", inputs / "prose-5MB.txt", 3]))
    step("upto", lambda: run_json([exe, "upto", "o200k_base", inputs / "prose-5MB.txt", 8192, 5]))
    step("schema", lambda: schema_side_by_side(5000))
    result["machine"]["load_end"] = os.getloadavg()
    text = markdown(result)
    print(text)
    if args.markdown:
        args.markdown.write_text(text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    main()
