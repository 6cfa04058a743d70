#!/usr/bin/env python3
"""Quick side-by-side throughput: tiktoken (single thread, encode_ordinary) vs `preflight count`
(release build, one text, one thread) on the same text and vocabulary, printed as ratios.

The text is Scripts/corpus/* (prose, code, JSON, multilingual) repeated to about --megabytes MB.
preflight's time is that of `count FILE` minus that of `count` on an empty file (process start
and vocabulary load), best of --runs. Times are CPU times (user + system), which a busy machine
disturbs less than wall-clock times. Not a test: performance is measured, never asserted.

Usage: Scripts/quick_side_by_side.py [--preflight .build/release/preflight] [--megabytes 4] [names...]
"""
import argparse, glob, json, os, resource, subprocess, tempfile, time

import tiktoken
from tiktoken.load import load_tiktoken_bpe

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VOCAB = os.path.join(ROOT, "Resources", "vocab")


def corpus(megabytes):
    parts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "Scripts", "corpus", "*")))]
    base = "\n\n".join(parts)
    return base * max(1, int(megabytes * 1_000_000 / len(base.encode())))


def encoding(name):
    entry = {t["name"]: t for t in json.load(open(os.path.join(VOCAB, "tokenizers.json")))["tokenizers"]}[name]
    ranks = load_tiktoken_bpe(os.path.join(VOCAB, entry["file"]))
    return tiktoken.Encoding(name=name + "_side", pat_str=entry["pattern"], mergeable_ranks=ranks, special_tokens={})


def cpu_time():
    """CPU seconds of this process plus its finished children: steadier than wall time on a busy machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def best(runs, fn):
    times = []
    for _ in range(runs):
        start = cpu_time(); result = fn(); times.append(cpu_time() - start)
    return min(times), result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preflight", default=os.path.join(ROOT, ".build", "release", "preflight"))
    ap.add_argument("--megabytes", type=float, default=4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("names", nargs="*", default=["o200k_base", "cl100k_base", "llama3"])
    args = ap.parse_args()
    text = corpus(args.megabytes)
    size = len(text.encode())
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "text.txt"); empty = os.path.join(tmp, "empty.txt")
        open(big, "w", encoding="utf-8").write(text); open(empty, "w").close()
        print(f"text: {size / 1e6:.2f} MB")
        for name in args.names:
            enc = encoding(name)
            t_tik, ids = best(args.runs, lambda: enc.encode_ordinary(text))
            run = lambda path: subprocess.run([args.preflight, "count", "--tokenizer", name, path],
                                              capture_output=True, text=True, check=True).stdout.strip()
            t_load, _ = best(args.runs, lambda: run(empty))
            t_all, count = best(args.runs, lambda: run(big))
            t_ours = max(t_all - t_load, 1e-9)
            same = "same count" if int(count) == len(ids) else f"COUNT DIFFERS ({count} vs {len(ids)})"
            print(f"{name:12s} tiktoken {size / t_tik / 1e6:7.1f} MB/s   preflight {size / t_ours / 1e6:7.1f} MB/s"
                  f"   ratio {t_tik / t_ours:5.2f}x   (load {t_load * 1000:.0f} ms; {same})")


if __name__ == "__main__":
    main()
