#!/usr/bin/env python3
"""Writes Benchmarks/Corpus/schema/: a reply schema of the kind apps give Workers AI's JSON mode
(objects, arrays, enums, patterns, numeric bounds, a $ref, formats) and replies.jsonl, 1,000
reply-sized documents (about 0.3-1.5 KB each; every 10th one invalid), with a fixed seed."""
import json, random, pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "Corpus" / "schema"

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "title", "sentiment", "score", "tags", "entities", "summary"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z]{3}-[0-9]{4,8}$"},
        "title": {"type": "string", "minLength": 1, "maxLength": 120},
        "sentiment": {"enum": ["positive", "neutral", "negative", "mixed"]},
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "language": {"type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$"},
        "tags": {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 12, "uniqueItems": True},
        "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
        "summary": {"type": "string", "maxLength": 1000},
        "published": {"type": "string", "format": "date"},
        "metadata": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]}},
    },
    "$defs": {
        "entity": {
            "type": "object",
            "required": ["name", "kind"],
            "properties": {
                "name": {"type": "string"},
                "kind": {"enum": ["person", "place", "organisation", "product", "date"]},
                "confidence": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                "span": {"type": "array", "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}], "items": False},
            },
            "additionalProperties": False,
        }
    },
}

WORDS = ("the model returns a short answer about weather travel prices markets code review release "
         "notes customer support ticket summary with several entities and a score between zero and one").split()


def document(rng, i):
    words = lambda n: " ".join(rng.choice(WORDS) for _ in range(n))
    doc = {
        "id": f"{rng.choice(['abc', 'rev', 'tkt'])}-{rng.randint(1000, 99999999)}",
        "title": words(rng.randint(3, 10)).capitalize(),
        "sentiment": rng.choice(["positive", "neutral", "negative", "mixed"]),
        "score": round(rng.random(), 3),
        "language": rng.choice(["en", "en-GB", "fr", "de-DE"]),
        "tags": sorted(set(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))),
        "entities": [
            {"name": words(2), "kind": rng.choice(["person", "place", "organisation", "product", "date"]),
             "confidence": round(rng.uniform(0.01, 1), 2), "span": [a := rng.randint(0, 500), a + rng.randint(1, 30)]}
            for _ in range(rng.randint(0, 6))
        ],
        "summary": words(rng.randint(10, 120)),
        "published": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "metadata": {"source": "workers-ai", "tokens": rng.randint(10, 2000), "cached": rng.random() < 0.5, "note": None},
    }
    if i % 10 == 9:  # every tenth reply breaks one rule, as a model sometimes does
        broken = rng.choice(["score", "sentiment", "extra", "entity", "id"])
        if broken == "score": doc["score"] = 1.5
        elif broken == "sentiment": doc["sentiment"] = "happy"
        elif broken == "extra": doc["explanation"] = "unexpected"
        elif broken == "entity": doc["entities"].append({"name": "x", "kind": "animal"})
        else: doc["id"] = "ABC-12"
    return doc


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "reply.schema.json").write_text(json.dumps(SCHEMA, indent=2) + "\n")
    rng = random.Random(8)
    with open(OUT / "replies.jsonl", "w") as f:
        for i in range(1000):
            f.write(json.dumps(document(rng, i), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
