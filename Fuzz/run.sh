#!/bin/sh
# Builds the libFuzzer harness (with AddressSanitizer) and runs it for SECONDS (default 300).
# Usage: Fuzz/run.sh [SECONDS]
set -e
cd "$(dirname "$0")/.."
mkdir -p .build/fuzz Fuzz/corpus
SOURCES="Sources/PreflightSchema/JSON/*.swift Sources/PreflightSchema/Extraction/*.swift"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name PreflightFuzz \
    Fuzz/ParserFuzz.swift $SOURCES -o .build/fuzz/parser-fuzz
# Seed corpus: a few valid documents and replies (kept small; libFuzzer grows it in .build/fuzz/corpus).
[ -f Fuzz/corpus/object.json ] || printf '{"a": [1, 2.5e-3, true, null], "b": {"c": "\\u00e9"}}' > Fuzz/corpus/object.json
[ -f Fuzz/corpus/reply.txt ] || printf 'Sure:\n```json\n{"items": [{"name": "x", "score": 0.5},]}\n```' > Fuzz/corpus/reply.txt
mkdir -p .build/fuzz/corpus
.build/fuzz/parser-fuzz -max_total_time="${1:-300}" -max_len=4096 -print_final_stats=1 .build/fuzz/corpus Fuzz/corpus
