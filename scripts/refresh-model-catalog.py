#!/usr/bin/env python3
"""Writes the compact model catalog extract tagrouter bundles (tagrouter-model-catalog/1).

Reads a models.dev snapshot and the table-side overrides (pool model name -> catalog entry, plus field overrides),
and keeps, per pool model, only what routing checks: context window, maximum output, input modalities, attachments,
tool calling, structured output, prices (cached input included) and the jtokkit encoding of its tokenizer family.
The snapshot's commit and date go into the extract. Python 3, no dependencies.

    python3 scripts/refresh-model-catalog.py \
        [--snapshot ../shared/data/model-catalog/models-dev.json] \
        [--overrides function/catalog/overrides.json] \
        [--out function/src/main/resources/tagrouter/model-catalog.json]
"""
import argparse
import json
import re
import sys

FIELDS = ("contextWindow", "maxOutputTokens", "inputModalities", "attachments", "toolCall", "structuredOutput",
          "inputUsdPerMTok", "outputUsdPerMTok", "cachedInputUsdPerMTok", "encoding")

# jtokkit ships o200k_base (GPT-4o, GPT-4.1, o-series, GPT-5) and cl100k_base (GPT-4, GPT-3.5); other families have
# no jtokkit encoding and are estimated with the router's default counter.
O200K = re.compile(r"(^|/)(gpt-4o|gpt-4\.1|gpt-5|o1|o3|o4)([-.]|$)")
CL100K = re.compile(r"(^|/)(gpt-4|gpt-3\.5)([-.]|$)")


def encoding(model_id):
    if O200K.search(model_id):
        return "o200k_base"
    if CL100K.search(model_id):
        return "cl100k_base"
    return None


def extract(entry, catalog_id):
    model_id = catalog_id.split("/", 1)[1]
    cost = entry.get("cost") or {}
    limit = entry.get("limit") or {}
    return {
        "catalogId": catalog_id,
        "contextWindow": int(limit.get("context") or 0),
        "maxOutputTokens": int(limit.get("output") or 0),
        "inputModalities": sorted((entry.get("modalities") or {}).get("input") or ["text"]),
        "attachments": bool(entry.get("attachment", False)),
        "toolCall": bool(entry.get("tool_call", False)),
        "structuredOutput": entry.get("structured_output"),
        "inputUsdPerMTok": cost.get("input"),
        "outputUsdPerMTok": cost.get("output"),
        "cachedInputUsdPerMTok": cost.get("cache_read"),
        "encoding": encoding(model_id),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", default="../shared/data/model-catalog/models-dev.json")
    parser.add_argument("--overrides", default="function/catalog/overrides.json")
    parser.add_argument("--out", default="function/src/main/resources/tagrouter/model-catalog.json")
    args = parser.parse_args()
    with open(args.snapshot, encoding="utf-8") as f:
        snapshot = json.load(f)
    with open(args.overrides, encoding="utf-8") as f:
        overrides = json.load(f)["models"]
    providers = snapshot["providers"]
    models = {}
    for pool_name, override in overrides.items():
        catalog_id = override["catalog"]
        provider, model_id = catalog_id.split("/", 1)
        entry = providers.get(provider, {}).get(model_id)
        if entry is None:
            sys.exit(f"{pool_name}: catalog entry {catalog_id} is not in the snapshot")
        row = extract(entry, catalog_id)
        for key, value in override.items():
            if key == "catalog":
                continue
            if key not in FIELDS:
                sys.exit(f"{pool_name}: unknown override field {key}; known: {', '.join(FIELDS)}")
            row[key] = value
        models[pool_name] = row
    out = {
        "format": "tagrouter-model-catalog/1",
        "source": snapshot.get("source", "models.dev"),
        "licence": snapshot.get("licence"),
        "snapshotCommit": snapshot["commit"],
        "snapshotDate": snapshot["date"],
        "models": models,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print(f"wrote {args.out}: {len(models)} models from {out['source']} {out['snapshotCommit'][:12]}"
          f" ({out['snapshotDate']})")


if __name__ == "__main__":
    main()
