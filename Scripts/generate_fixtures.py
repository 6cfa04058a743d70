#!/usr/bin/env python3
"""Write the tokenizer parity fixtures Tests/PreflightTokenizerTests/Fixtures/<tokenizer>{,.special,.bos}.jsonl
by running the reference tokenizers over the corpus of Scripts/fixture_corpus.py and llama.cpp's vectors.

Each line: {"text": ..., "ids": [...], "source": "corpus" | "llama.cpp:<vector set>", "tag": <case kind>}.
- <tokenizer>.jsonl: the raw encoding of the CLI contract (no BOS/EOS; special-token literals as plain text):
  tiktoken encode(text, allowed_special=set(), disallowed_special=()) (qwen2: NFC first; tekken: ids = rank + 1000 via
  mistral-common's Tekkenizer); sentencepiece encode(text); BERT BertWordPieceTokenizer(...).encode(text,
  add_special_tokens=False) -- BERT texts containing a literal [PAD]/[UNK]/[CLS]/[SEP]/[MASK] are left out, because
  Hugging Face splits those out even then (they are in bert-base-uncased.special.jsonl instead).
- <tokenizer>.special.jsonl: specials honoured (--allow-special): tiktoken allowed_special="all"; sentencepiece and
  Tekken with the manifest's special pieces split out first (longest match, left to right) and the pieces between
  encoded alone (as Hugging Face does with added tokens); BERT as Hugging Face encodes them.
- <tokenizer>.bos.jsonl: add-special encodings (--add-special), for tokenizers whose manifest adds anything.
Every llama.cpp vector is checked against the oracle before anything is written.
Usage: python3 Scripts/generate_fixtures.py [--keep /work/vocab-keep] [--offline]
"""
import json, os, random, re, sys, tempfile, unicodedata, hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fetch_resources import Store, store_argument_parser, exec_meta_tokenizer, llama_cpp_vectors, QWEN_PATTERN, QWEN_SPECIALS  # noqa: E402
from fixture_corpus import corpus_cases, SPECIAL_LITERALS  # noqa: E402

ROOT = os.path.dirname(HERE)
VOCAB = os.path.join(ROOT, "Resources", "vocab")
OUT = os.path.join(ROOT, "Tests", "PreflightTokenizerTests", "Fixtures")
VECTOR_SETS = {"llama3": "llama-bpe", "qwen2": "qwen2", "llama2": "llama-spm", "bert-base-uncased": "bert-bge", "gemma3": "gemma-4"}
BERT_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

def split_specials(text, specials):
    """Split text on the special strings (longest first at each position) -> list of (is_special, piece)."""
    pat = re.compile("|".join(map(re.escape, sorted(specials, key=len, reverse=True))))
    out, pos = [], 0
    for m in pat.finditer(text):
        if m.start() > pos: out.append((False, text[pos:m.start()]))
        out.append((True, m.group())); pos = m.end()
    if pos < len(text): out.append((False, text[pos:]))
    return out

class Oracle:
    """raw(text), special(text), bos(text) or None, and the special-token strings, for one bundled tokenizer."""
    def __init__(self, name, raw, special, bos, specials): self.name, self.raw, self.special, self.bos, self.specials = name, raw, special, bos, specials

def build_oracles(store, manifest):
    import tiktoken, sentencepiece as spm
    from tiktoken_ext import openai_public
    from mistral_common.tokens.tokenizers.tekken import Tekkenizer
    from tokenizers import BertWordPieceTokenizer
    entries = {e["name"]: e for e in manifest["tokenizers"]}
    oracles = {}
    tmp = tempfile.mkdtemp(prefix="preflight-fx-")
    def check_manifest(name, pattern, specials):
        e = entries[name]
        if pattern is not None: assert e["pattern"] == pattern, (name, "manifest pattern differs from the reference")
        assert {s["content"]: s["id"] for s in e["special_tokens"]} == specials, (name, "manifest specials differ from the reference")
    def tik(name, enc, specials, normalize=None, prefix=()):
        norm = (lambda t: unicodedata.normalize(normalize, t)) if normalize else (lambda t: t)
        raw = lambda t: enc.encode(norm(t), allowed_special=set(), disallowed_special=())
        special = lambda t: enc.encode(norm(t), allowed_special="all")
        pre = [specials[p] for p in prefix]
        bos = (lambda t: pre + raw(t)) if prefix else None
        oracles[name] = Oracle(name, raw, special, bos, list(specials))

    # OpenAI encodings: tiktoken's own constructors, fed the shipped rank files through its URL cache (sha256-checked)
    for enc_name, fname in (("o200k_base", "o200k_base"), ("cl100k_base", "cl100k_base")):
        url = f"https://openaipublic.blob.core.windows.net/encodings/{fname}.tiktoken"
        open(os.path.join(tmp, hashlib.sha1(url.encode()).hexdigest()), "wb").write(open(os.path.join(VOCAB, f"{fname}.tiktoken"), "rb").read())
    os.environ["TIKTOKEN_CACHE_DIR"] = tmp
    for name in ("o200k_base", "o200k_harmony", "cl100k_base"):
        spec = getattr(openai_public, name)()
        enc = tiktoken.Encoding(name=name, pat_str=spec["pat_str"], mergeable_ranks=spec["mergeable_ranks"], special_tokens=spec["special_tokens"])
        check_manifest(name, spec["pat_str"], spec["special_tokens"]); tik(name, enc, spec["special_tokens"])
    # Llama 3 / 4: Meta's tokenizer.py
    for name, key in (("llama3", "llama3_py"), ("llama4", "llama4_py")):
        meta = exec_meta_tokenizer(store.get(key), os.path.join(VOCAB, f"{name}.tiktoken"))
        check_manifest(name, meta.model._pat_str, meta.special_tokens)
        tik(name, meta.model, meta.special_tokens, prefix=["<|begin_of_text|>"])
    # Qwen2: NFC + tiktoken (recipe R4)
    ranks = tiktoken.load.load_tiktoken_bpe(os.path.join(VOCAB, "qwen2.tiktoken"))
    qspec = {t: len(ranks) + i for i, t in enumerate(QWEN_SPECIALS)}
    check_manifest("qwen2", QWEN_PATTERN, qspec)
    tik("qwen2", tiktoken.Encoding(name="qwen2", pat_str=QWEN_PATTERN, mergeable_ranks=ranks, special_tokens=qspec), qspec, normalize="NFC")
    # Tekken: mistral-common's Tekkenizer on the upstream JSON
    p = os.path.join(tmp, "tekken.json"); open(p, "wb").write(store.get("tekken_json"))
    tek = Tekkenizer.from_file(p)
    tspec = {d["token_str"].value: d["rank"] for d in Tekkenizer.DEPRECATED_SPECIAL_TOKENS}
    check_manifest("tekken", json.loads(open(p, "rb").read())["config"]["pattern"], tspec)
    traw = lambda t: tek.encode(t, bos=False, eos=False)
    tspecial = lambda t: [i for is_sp, piece in split_specials(t, tspec) for i in ([tspec[piece]] if is_sp else traw(piece))]
    oracles["tekken"] = Oracle("tekken", traw, tspecial, lambda t: tek.encode(t, bos=True, eos=False), list(tspec))
    # SentencePiece
    for name, bos_piece in (("llama2", "<s>"), ("mistral-v1", "<s>"), ("gemma3", "<bos>")):
        sp = spm.SentencePieceProcessor(model_file=os.path.join(VOCAB, f"{name}.model"))
        sspec = {sp.id_to_piece(i): i for i in range(sp.get_piece_size()) if sp.is_control(i) or sp.is_unknown(i)}
        check_manifest(name, None, sspec)
        assert sp.id_to_piece(sp.bos_id()) == bos_piece
        def mk(sp, sspec):
            raw = lambda t: sp.encode(t)
            special = lambda t: [i for is_sp, piece in split_specials(t, sspec) for i in ([sspec[piece]] if is_sp else sp.encode(piece))]
            bos = lambda t: sp.encode(t, add_bos=True)
            return raw, special, bos
        oracles[name] = Oracle(name, *mk(sp, sspec), list(sspec))
    # BERT
    wp = BertWordPieceTokenizer(os.path.join(VOCAB, "bert-base-uncased-vocab.txt"), lowercase=True, strip_accents=None,
                                clean_text=True, handle_chinese_chars=True)
    vocab = open(os.path.join(VOCAB, "bert-base-uncased-vocab.txt"), encoding="utf-8").read().split("\n")
    check_manifest("bert-base-uncased", None, {t: vocab.index(t) for t in BERT_SPECIALS})
    def bert_raw(t):
        if any(s in t for s in BERT_SPECIALS): return None   # HF splits these out: not the raw contract
        return wp.encode(t, add_special_tokens=False).ids
    oracles["bert-base-uncased"] = Oracle("bert-base-uncased", bert_raw, lambda t: wp.encode(t, add_special_tokens=False).ids,
                                          lambda t: wp.encode(t, add_special_tokens=True).ids, BERT_SPECIALS)
    assert set(oracles) == set(entries), set(entries) ^ set(oracles)
    return oracles

def special_cases(oracle, rng):
    """Texts exercising the tokenizer's own special tokens, plus the shared special-literal corpus."""
    sp = oracle.specials
    pick = sp[:10] + (rng.sample(sp[10:], min(6, len(sp) - 10)) if len(sp) > 10 else [])
    cases = [(t, "special-literal") for t in SPECIAL_LITERALS]
    for s in pick:
        for t in (s, s + s, f"Hello {s} world", f"{s}\n\nHi there", f"x{s}y", f" {s} ", s[:-1], s[1:], f"{s}{sp[0]}text{sp[-1]}",
                  f"{s.upper()}", f"{s}{s[:-1]}"):
            cases.append((t, "special"))
    chats = {
        "llama3": "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
        "llama4": "<|begin_of_text|><|header_start|>user<|header_end|>\n\nWho are you?<|eot|><|header_start|>assistant<|header_end|>\n\n",
        "qwen2": "<|im_start|>system\nYou are Qwen.<|im_end|>\n<|im_start|>user\nHi 你好<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n",
        "gemma3": "<bos><start_of_turn>user\nHello<end_of_turn>\n<start_of_turn>model\n",
        "llama2": "<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello </s><s>[INST] Again [/INST]",
        "mistral-v1": "<s>[INST] What is 2+2? [/INST]4</s>[INST] And 3+3? [/INST]",
        "tekken": "<s>[SYSTEM_PROMPT]Be brief.[/SYSTEM_PROMPT][INST]What is 2+2?[/INST]4</s>",
        "o200k_harmony": "<|start|>system<|message|>You are ChatGPT.<|end|><|start|>user<|message|>Hi<|end|><|start|>assistant<|channel|>final<|message|>Hello<|return|>",
        "bert-base-uncased": "[CLS] first sentence [SEP] second sentence [SEP][PAD][PAD]",
    }
    if oracle.name in chats: cases.append((chats[oracle.name], "chat"))
    return cases

def cross_check(store, name, rows):
    """Second oracle: the Hugging Face tokenizer.json of Qwen3 / bge (all-MiniLM) must give the same ids."""
    from tokenizers import Tokenizer
    key = {"qwen2": "qwen3_tokenizer_json", "bert-base-uncased": "bert_tokenizer_json"}.get(name)
    if not key: return None
    tj = store.get(key)
    hf = Tokenizer.from_str(tj.decode()); hf.no_padding(); hf.no_truncation()
    added = [t["content"] for t in json.loads(tj)["added_tokens"]]
    checked = [r for r in rows if r["special"] or not any(s in r["text"] for s in added)]
    bad = [r["text"] for r in checked if hf.encode(r["text"], add_special_tokens=False).ids != r["ids"]]
    if bad: sys.exit(f"error: {name}: {len(bad)} fixtures disagree with the Hugging Face tokenizer.json, e.g. {bad[0]!r}")
    return f"{len(checked)}/{len(checked)}"

def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return os.path.getsize(path)

def main():
    store = Store.from_args(store_argument_parser(__doc__).parse_args())
    manifest = json.load(open(os.path.join(VOCAB, "tokenizers.json"), encoding="utf-8"))
    oracles = build_oracles(store, manifest)
    vectors = {name: llama_cpp_vectors(store, vs) for name, vs in VECTOR_SETS.items()}
    vector_texts = sorted({t for v in vectors.values() for t, _ in v})
    corpus = corpus_cases(vector_texts)
    os.makedirs(OUT, exist_ok=True)
    summary = {}
    for name, o in sorted(oracles.items()):
        rows, vec_ok = [], None
        if name in vectors:
            vs = VECTOR_SETS[name]; ok = 0
            for t, want in vectors[name]:
                got = o.raw(t)
                if got != want: sys.exit(f"error: {name}: oracle disagrees with llama.cpp {vs} vector {t!r}: {got} != {want}")
                ok += 1; rows.append({"text": t, "ids": want, "source": f"llama.cpp:{vs}", "tag": "llama.cpp-vector"})
            vec_ok = f"{ok}/{len(vectors[name])}"
        vt = {r["text"] for r in rows}
        for t, tag in corpus:
            if t in vt: continue
            ids = o.raw(t)
            if ids is None: continue
            rows.append({"text": t, "ids": ids, "source": "corpus", "tag": tag})
        size = write_jsonl(os.path.join(OUT, f"{name}.jsonl"), rows)
        rng = random.Random(name)
        srows = [{"text": t, "ids": o.special(t), "source": "corpus", "tag": tag} for t, tag in special_cases(o, rng)]
        seen = set(); srows = [r for r in srows if not (r["text"] in seen or seen.add(r["text"]))]
        ssize = write_jsonl(os.path.join(OUT, f"{name}.special.jsonl"), srows)
        bsize, brows = 0, []
        if o.bos:
            btexts = [("", "empty"), ("Hello world!", "bos"), (" leading space", "bos"), ("What is the capital of France?", "bos"),
                      ("naïve café 你好 🚀", "bos"), ("\n\nnewlines", "bos"), ("[CLS] literal", "bos"), ("<s> literal", "bos")]
            btexts += [(t, tag) for t, tag in corpus if tag.startswith("line:prose")][:12]
            brows = [{"text": t, "ids": o.bos(t), "source": "corpus", "tag": tag} for t, tag in btexts if o.raw(t) is not None]
            bsize = write_jsonl(os.path.join(OUT, f"{name}.bos.jsonl"), brows)
        hf = cross_check(store, name, [dict(r, special=False) for r in rows] + [dict(r, special=True) for r in srows])
        summary[name] = {"hf_tokenizer_json_agreement": hf, "cases": len(rows), "special_cases": len(srows), "bos_cases": len(brows), "llama_cpp_vectors": vec_ok,
                         "bytes": size + ssize + bsize}
        print(f"  {name:18} {len(rows):4} raw, {len(srows):3} special, {len(brows):2} bos, vectors {vec_ok or '-':6} HF {hf or '-':8} {size + ssize + bsize:>9} bytes")
    import tiktoken, sentencepiece, tokenizers, mistral_common
    info = {"generated_by": "Scripts/generate_fixtures.py", "corpus": "Scripts/fixture_corpus.py + Scripts/corpus/ (written for Preflight) "
            "+ llama.cpp models/ggml-vocab-*.gguf.inp texts (llama-cpp-python==0.3.36, MIT)",
            "oracles": {"tiktoken": tiktoken.__version__, "sentencepiece": sentencepiece.__version__, "tokenizers": tokenizers.__version__,
                        "mistral-common": mistral_common.__version__},
            "tokenizers": summary}
    open(os.path.join(OUT, "fixtures.json"), "w", encoding="utf-8").write(json.dumps(info, indent=1, ensure_ascii=False) + "\n")

if __name__ == "__main__": main()
