#!/usr/bin/env python3
"""Side-by-side: `preflight validate --jsonl` vs python `jsonschema` on the same documents.

Generates N reply-sized documents (deterministic; about 1 in 5 invalid), validates them with both,
checks that the verdicts agree document by document, and prints wall time and the ratio.
preflight's figure includes process start-up and JSON parsing; jsonschema's includes json.loads.
Use a release build for meaningful numbers: swift build -c release --product preflight.

Usage: Scripts/schema_side_by_side.py [--count N] [--preflight PATH]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

import importlib.metadata

import jsonschema

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["product", "sentiment", "aspects"],
    "properties": {
        "product": {"type": "string", "minLength": 1, "maxLength": 200},
        "sentiment": {"enum": ["positive", "neutral", "negative"]},
        "summary": {"type": "string", "pattern": "^[A-Z]"},
        "aspects": {
            "type": "array",
            "maxItems": 50,
            "items": {
                "type": "object",
                "required": ["name", "score"],
                "properties": {
                    "name": {"type": "string"},
                    "score": {"type": "number", "minimum": 0, "maximum": 1},
                    "quotes": {"type": "array", "items": {"type": "string"}},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}


def make_document(rng):
    aspects = []
    for index in range(rng.randint(1, 12)):
        aspects.append({
            "name": f"aspect {index}",
            "score": round(rng.random() * (1.3 if rng.random() < 0.04 else 1.0), 3),
            "quotes": [f"quote {q} " * rng.randint(1, 6) for q in range(rng.randint(0, 3))],
        })
    return {
        "product": "Trailblazer " + str(rng.randint(1, 9)),
        "sentiment": rng.choice(["positive", "neutral", "negative"] + (["mixed"] if rng.random() < 0.05 else [])),
        "summary": ("G" if rng.random() > 0.05 else "g") + "ood overall " * rng.randint(1, 10),
        "aspects": aspects,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default = os.path.join(root, ".build", "release", "preflight")
    if not os.path.exists(default):
        default = os.path.join(root, ".build", "debug", "preflight")
    parser.add_argument("--preflight", default=default)
    args = parser.parse_args()

    rng = random.Random(1234)
    lines = [json.dumps(make_document(rng)) for _ in range(args.count)]
    total_bytes = sum(len(line) + 1 for line in lines)
    with tempfile.TemporaryDirectory() as tmp:
        schema_path = os.path.join(tmp, "schema.json")
        data_path = os.path.join(tmp, "docs.jsonl")
        with open(schema_path, "w") as f:
            json.dump(SCHEMA, f)
        with open(data_path, "w") as f:
            f.write("\n".join(lines) + "\n")

        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run = subprocess.run([args.preflight, "validate", "--schema", schema_path, "--jsonl", "--format", "json", data_path],
                             capture_output=True, text=True)
        ours = time.perf_counter() - start
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        ours_cpu = (children_after.ru_utime - children_before.ru_utime) + (children_after.ru_stime - children_before.ru_stime)
        if run.returncode not in (0, 1):
            sys.exit(f"preflight failed ({run.returncode}): {run.stderr}")
        our_verdicts = [json.loads(line)["valid"] for line in run.stdout.splitlines()]

        validator = jsonschema.Draft202012Validator(SCHEMA)
        start = time.perf_counter()
        cpu_start = time.process_time()
        their_verdicts = [validator.is_valid(json.loads(line)) for line in lines]
        theirs = time.perf_counter() - start
        theirs_cpu = time.process_time() - cpu_start

    disagreements = sum(1 for a, b in zip(our_verdicts, their_verdicts) if a != b)
    print(f"documents: {args.count} ({total_bytes / 1e6:.1f} MB), invalid: {their_verdicts.count(False)}")
    print(f"preflight validate --jsonl ({os.path.relpath(args.preflight, root)}): {ours:.3f} s  "
          f"({total_bytes / ours / 1e6:.1f} MB/s, incl. process start)")
    print(f"python jsonschema {importlib.metadata.version('jsonschema')} is_valid: {theirs:.3f} s  "
          f"({total_bytes / theirs / 1e6:.1f} MB/s)")
    print(f"ratio (jsonschema / preflight): wall {theirs / ours:.2f}x, CPU {theirs_cpu / ours_cpu:.2f}x "
          f"(CPU: {theirs_cpu:.3f} s vs {ours_cpu:.3f} s; CPU is the fairer figure on a busy machine)")
    print(f"verdict agreement: {len(our_verdicts) - disagreements}/{len(their_verdicts)}")
    return 0 if disagreements == 0 and len(our_verdicts) == len(their_verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
