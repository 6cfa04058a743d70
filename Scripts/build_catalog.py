#!/usr/bin/env python3
"""Builds Resources/catalog/models.json from the Workers AI facts.

Inputs (read-only):
  ../shared/workers-ai/models.json   per-model facts with sources (114 entries)
  ../shared/workers-ai/limits.json   rate limits per task, with overrides
  Scripts/catalog_supplement.json    tokenizer families and gap-filled facts, each with its source

Output: Resources/catalog/models.json, deterministic (models sorted by id, keys sorted), prices kept
as the decimal strings the pricing page prints (never binary floats).

Usage: python3 Scripts/build_catalog.py [--facts DIR] [--output FILE]
"""
import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PRICING_SOURCE = "src/content/docs/workers-ai/platform/pricing.mdx@970ac7295d27cc146b7d88ed29f4463a4f02b78d"
PRICING_AS_OF = "2026-10-09"
RELEASE_NOTES = "src/content/release-notes/workers-ai.yaml@0309c8bed23afe438f28fd5026b5a7999e653081"

TASKS = {
    "Text Generation": "text-generation",
    "Text Embeddings": "text-embeddings",
    "Text Classification": "text-classification",
    "Text-to-Image": "text-to-image",
    "Text-to-Speech": "text-to-speech",
    "Automatic Speech Recognition": "automatic-speech-recognition",
    "Translation": "translation",
    "Summarization": "summarization",
    "Image-to-Text": "image-to-text",
    "Image-Text-to-Text": "image-text-to-text",
    "Image Classification": "image-classification",
    "Object Detection": "object-detection",
    None: "unknown",
}
TOKEN_TASKS = {"text-generation", "text-embeddings", "text-classification", "image-text-to-text"}
GENERATING_TASKS = {"text-generation", "image-text-to-text"}

UNITS = {
    "per M input tokens": "input_tokens_per_million",
    "per M output tokens": "output_tokens_per_million",
    "per M cached input tokens": "cached_input_tokens_per_million",
    "per 512x512 tile": "tile_512",
    "per step": "step",
    "per input 512x512 tile, per step": "input_tile_512_step",
    "per output 512x512 tile, per step": "output_tile_512_step",
    "per input 512x512 tile": "input_tile_512",
    "per output 512x512 tile": "output_tile_512",
    "per first MP (1024x1024)": "first_megapixel",
    "per subsequent MP": "subsequent_megapixel",
    "per input image MP": "input_image_megapixel",
    "per audio minute": "audio_minute",
    "per audio minute input": "audio_minute_input",
    "per 1k characters input": "thousand_characters_input",
    "per M images": "images_per_million",
}
DECIMAL = re.compile(r"^\$?([0-9][0-9,]*(?:\.[0-9]+)?) ")


def decimal_text(text, what):
    """The leading number of a published figure, commas removed, as a string (never a float)."""
    match = DECIMAL.match(text)
    if not match:
        sys.exit(f"build_catalog: cannot read a decimal from {what}: {text!r}")
    return match.group(1).replace(",", "")


def short(commit):
    return commit[:12] if commit else None


def pricing_of(fact):
    page = fact["pricing_page"]
    if not page:
        return None
    items = []
    for item in page["items"]:
        if item["unit"] not in UNITS:
            sys.exit(f"build_catalog: unknown price unit {item['unit']!r} for {fact['id']}")
        items.append({
            "unit": UNITS[item["unit"]],
            "published_unit": item["unit"],
            "usd": decimal_text(item["price_text"], f"{fact['id']} price"),
            "neurons": decimal_text(item["neurons_text"], f"{fact['id']} neurons"),
            "variant": item.get("variant"),
        })
    src = page["source"]
    return {"items": items, "source": f"{src['path']}@{src['commit']}", "as_of": PRICING_AS_OF}


def context_window_of(fact, supplement):
    """The figure the checks use, where it came from, and every other figure seen."""
    others = []
    for other in fact["context_window_other_sources"] or []:
        others.append({
            "value": other["value"], "provenance": "third-party",
            "source": f"models.dev {other['models_dev_file']} @{other['models_dev_commit_prefix']} ({other['date']})",
        })
    others.sort(key=lambda o: o["source"], reverse=True)
    if fact["context_window"] is not None:
        source = fact["context_window_source"]
        if source.startswith("model JSON @"):
            source = f"{fact['docs_file']}@{fact['json_version_read']['commit']}"
        elif source.startswith("release-notes"):
            source = f"{RELEASE_NOTES} ({source})"
        return fact["context_window"], "cloudflare", source, others
    filled = supplement["context_windows"].get(fact["id"])
    if filled:
        return filled["value"], filled["provenance"], filled["source"], others
    if fact["max_input_tokens"] is not None:
        commit = fact["json_version_read"]["commit"]
        return fact["max_input_tokens"], "cloudflare", f"{fact['docs_file']}@{commit} (max input tokens)", others
    if others:
        newest = max(fact["context_window_other_sources"], key=lambda o: o["date"])
        chosen = next(o for o in others if o["source"].endswith(f"({newest['date']})") and o["value"] == newest["value"])
        return chosen["value"], "third-party", chosen["source"], [o for o in others if o is not chosen]
    return None, "unknown", "unknown", others


OPENAI_STYLE = re.compile(r"OpenAI chat|Responses API|max_tokens deprecated")


def output_of(fact, task, supplement):
    filled = supplement["default_max_tokens"].get(fact["id"])
    if filled:
        default, source = filled["value"], filled["source"]
    elif fact["max_tokens_default"] is not None:
        commit = (fact["json_version_read"] or {}).get("commit") or fact["source"]["commit"]
        default, source = fact["max_tokens_default"], f"{fact['docs_file']}@{commit} (schema default)"
    elif task in GENERATING_TASKS and OPENAI_STYLE.search(fact["notes"] or ""):
        default, source = None, "none documented: the schema read marks max_tokens deprecated / takes OpenAI-style limits with no default"
    elif task in GENERATING_TASKS:
        default, source = 256, f"{RELEASE_NOTES} (entry 2025-02-21: max_tokens defaults to 256 platform-wide)"
    else:
        default, source = None, "not applicable"
    return {
        "default_max_tokens": default,
        "default_max_tokens_source": source,
        "max_output_tokens": fact["max_output_tokens"],
        "max_output_tokens_source": "unknown" if fact["max_output_tokens"] is None else "model JSON",
    }


def tokenizer_of(fact, task, groups, supplement):
    if fact["id"] in groups:
        group = groups[fact["id"]]
        return group["tokenizer"], group["exactness"], group["reason"]
    reason = supplement["no_vocabulary_reasons"].get(fact["id"])
    if reason:
        return None, "none", reason
    if task in TOKEN_TASKS:
        return None, "none", "Tokenizer family not determined (no Cloudflare document names it; vocab README gives no match); no vocabulary bundled."
    return None, "none", f"Not a token model ({task}): no prompt-token check applies."


def rate_limit_of(fact, task, limits):
    for entry in limits["by_task"]:
        if TASKS.get(entry["task"]) != task:
            continue
        src = limits["source"]
        source = f"{src['path']}@{src['commit']}"
        for override in entry["overrides"]:
            if override["model"] == fact["id"]:
                return {"requests_per_minute": override["rpm"], "scope": "model", "source": source}
        return {"requests_per_minute": entry["rpm"], "scope": "task", "source": source}
    return None


def flags_of(fact):
    props = fact["properties_flags"] or {}

    def yes(key):
        return str(props.get(key, "")).startswith("true")

    json_mode = fact["json_mode"] or {}
    beta = props.get("beta")
    return {
        "beta": None if beta is None else beta == "true",
        "lora": yes("lora") or fact["id"].endswith("-lora"),
        "function_calling": yes("function_calling"),
        "json_mode": bool(json_mode.get("listed_on_json_mode_page") or json_mode.get("response_format_in_schema_read")),
        "vision": yes("vision"),
        "reasoning": yes("reasoning"),
        "async_queue": yes("async_queue"),
        "paid_plan_required": bool(fact["paid_plan_required"]) or yes("require_workers_paid"),
    }


def deprecation_of(fact):
    props = fact["properties_flags"] or {}
    dep = fact["deprecation"]
    planned = props.get("planned_deprecation_date")
    if not dep and not planned:
        return None
    src = (dep or {}).get("source")
    return {
        "deprecated": bool(dep and dep.get("deprecated")),
        "date": (dep or {}).get("date"),
        "planned_date": planned,
        "note": (dep or {}).get("note"),
        "source": f"{src['path']}@{src['commit']}" if isinstance(src, dict) else src,
    }


def input_limits_of(fact, supplement):
    limits = {}
    chars = supplement["prompt_max_characters"].get(fact["id"])
    if chars:
        limits["prompt_max_characters"] = chars
    image = supplement["image_limits"].get(fact["id"])
    if image:
        limits["prompt_max_characters"] = {"value": image["prompt_max_characters"], "source": image["source"]}
        limits["steps"] = {
            "parameter": image["steps_parameter"], "default": image["steps_default"],
            "maximum": image["steps_maximum"], "source": image["source"],
        }
    if fact["legacy_limits"]:
        limits["legacy"] = dict(fact["legacy_limits"], source="src/content/workers-ai-models/llama-2-7b-chat-int8.yaml@3450ad7f687eb20fb7500898f88f86b2bdc39fbf (2024 YAML)")
    if fact["output_dimensions"] is not None:
        limits["embedding_dimensions"] = fact["output_dimensions"]
    return limits


def build(facts_dir):
    facts = json.loads((facts_dir / "models.json").read_text())
    limits = json.loads((facts_dir / "limits.json").read_text())
    supplement = json.loads((ROOT / "Scripts" / "catalog_supplement.json").read_text())
    groups = {}
    for group in supplement["tokenizer_groups"]:
        for model in group["models"]:
            if model in groups:
                sys.exit(f"build_catalog: {model} is in two tokenizer groups")
            groups[model] = group
    known = {fact["id"] for fact in facts}
    stray = sorted((set(groups) | set(supplement["context_windows"]) | set(supplement["no_vocabulary_reasons"])) - known)
    if stray:
        sys.exit(f"build_catalog: supplement names models absent from the facts: {stray}")

    models = []
    for fact in facts:
        task = TASKS[fact["task"]]
        tokenizer, exactness, reason = tokenizer_of(fact, task, groups, supplement)
        window, provenance, source, others = context_window_of(fact, supplement)
        read = fact["source"].get("read", False)
        models.append({
            "id": fact["id"],
            "task": task,
            "task_source": fact["task_source"],
            "tokenizer": tokenizer,
            "tokenizer_exactness": exactness,
            "tokenizer_note": reason,
            "context_window": window,
            "context_window_provenance": provenance,
            "context_window_source": source,
            "context_window_other_figures": others,
            "input_limits": input_limits_of(fact, supplement),
            "output": output_of(fact, task, supplement),
            "pricing": pricing_of(fact),
            "rate_limit": rate_limit_of(fact, task, limits),
            "flags": flags_of(fact),
            "deprecation": deprecation_of(fact),
            "source": {
                "docs_file": fact["docs_file"],
                "commit": fact["source"].get("commit"),
                "read": read,
                "id_source": fact["id_source"],
            },
        })
    models.sort(key=lambda m: m["id"])
    return {
        "format": 1,
        "about": "Workers AI model catalog for Preflight, built by Scripts/build_catalog.py from ../shared/workers-ai "
                 "(cloudflare/cloudflare-docs facts with sources) and Scripts/catalog_supplement.json. Prices are "
                 "the pricing page's decimal strings. 'third-party' context windows come from models.dev or mirrors "
                 "and are not Cloudflare's word.",
        "billing": {
            "usd_per_1000_neurons": "0.011",
            "free_neurons_per_day": 10000,
            "source": PRICING_SOURCE,
            "as_of": PRICING_AS_OF,
        },
        "legacy_character_limit": {
            "characters": 6144,
            "source": "project brief: Workers AI validated prompts by characters before 2025-02-24; no Cloudflare "
                      "document read states the 6,144 figure (../shared/workers-ai/README.md)",
        },
        "models": models,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=pathlib.Path, default=ROOT.parent.parent / "shared" / "workers-ai")
    parser.add_argument("--output", type=pathlib.Path, default=ROOT / "Resources" / "catalog" / "models.json")
    args = parser.parse_args()
    if not (args.facts / "models.json").exists():
        args.facts = pathlib.Path("/work/shared/workers-ai")
    catalog = build(args.facts)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(catalog, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {args.output} ({len(catalog['models'])} models)")
    # The integrity test checks the catalog against this list without reading ../shared at test time.
    ids = sorted(fact["id"] for fact in json.loads((args.facts / "models.json").read_text()))
    fixture = ROOT / "Tests" / "PreflightCatalogTests" / "Fixtures" / "workers-ai-model-ids.json"
    fixture.parent.mkdir(parents=True, exist_ok=True)
    fixture.write_text(json.dumps({"source": "../shared/workers-ai/models.json", "ids": ids}, indent=1) + "\n")
    print(f"wrote {fixture} ({len(ids)} ids)")


if __name__ == "__main__":
    main()
