#!/usr/bin/env python3
"""Write chat-template fixtures Tests/PreflightCatalogTests/Fixtures/chat/<family>.jsonl: for a fixed set of chats,
the prompt text each family's reference renderer produces (add_generation_prompt=True) and its token ids.

Renderers:
- Hugging Face chat templates, rendered as transformers' apply_chat_template does (jinja2 ImmutableSandboxedEnvironment,
  trim_blocks, lstrip_blocks, loopcontrols, tojson(ensure_ascii=False), raise_exception, strftime_now) with the
  model's bos_token/eos_token; ids = the rendered text encoded with special tokens honoured (what apply_chat_template
  (tokenize=True) does: add_special_tokens=False). strftime_now is pinned to 2024-07-26 so the files are stable.
  Templates: llama.cpp's models/templates/*.jinja (llama-cpp-python==0.3.36 sdist), Llama 4 from transformers==5.24.0
  (processing_llama4.py), Llama 2 from transformers==4.40.2 (LlamaTokenizer.default_chat_template,
  use_default_system_prompt=False), Gemma 3 from the published google/gemma-3-*-it template (GEMMA3_TEMPLATE below).
- mistral-common==1.13.1 encode_chat_completion: Mistral v1 (tokenizer.model.v1) and Mistral Small 3.x (tekken_240718.json
  relabelled config.version = "v7").
- openai-harmony==0.0.8 render_conversation_for_completion(conv, Role.ASSISTANT) for gpt-oss.
- BGE embeddings: [CLS] text [SEP] (BertWordPieceTokenizer add_special_tokens=True).
Each line: {"family", "template_source", "tokenizer", "case", "messages", "tools"?, "options"?, "text", "ids"}.
Usage: python3 Scripts/generate_chat_fixtures.py [--keep /work/vocab-keep] [--offline]
"""
import ast, copy, datetime, json, os, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fetch_resources import Store, store_argument_parser, src, QWEN_SPECIALS  # noqa: E402
from generate_fixtures import build_oracles, split_specials, write_jsonl, VOCAB, ROOT  # noqa: E402

OUT = os.path.join(ROOT, "Tests", "PreflightCatalogTests", "Fixtures", "chat")
FIXED_NOW = datetime.datetime(2024, 7, 26, 12, 0, 0)

# google/gemma-3-*-it chat_template (tokenizer_config.json / GGUF tokenizer.chat_template of ggml-org/gemma-3-12b-it-GGUF and
# ggml-org/gemma-3-1b-it-GGUF, identical); not shipped in any PyPI package used here.
GEMMA3_TEMPLATE = (
    "{{ bos_token }}\n{%- if messages[0]['role'] == 'system' -%}\n    {%- if messages[0]['content'] is string -%}\n"
    "        {%- set first_user_prefix = messages[0]['content'] + '\\n\\n' -%}\n    {%- else -%}\n"
    "        {%- set first_user_prefix = messages[0]['content'][0]['text'] + '\\n\\n' -%}\n    {%- endif -%}\n"
    "    {%- set loop_messages = messages[1:] -%}\n{%- else -%}\n    {%- set first_user_prefix = \"\" -%}\n"
    "    {%- set loop_messages = messages -%}\n{%- endif -%}\n{%- for message in loop_messages -%}\n"
    "    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) -%}\n"
    "        {{ raise_exception(\"Conversation roles must alternate user/assistant/user/assistant/...\") }}\n    {%- endif -%}\n"
    "    {%- if (message['role'] == 'assistant') -%}\n        {%- set role = \"model\" -%}\n    {%- else -%}\n"
    "        {%- set role = message['role'] -%}\n    {%- endif -%}\n"
    "    {{ '<start_of_turn>' + role + '\\n' + (first_user_prefix if loop.first else \"\") }}\n"
    "    {%- if message['content'] is string -%}\n        {{ message['content'] | trim }}\n"
    "    {%- elif message['content'] is iterable -%}\n        {%- for item in message['content'] -%}\n"
    "            {%- if item['type'] == 'image' -%}\n                {{ '<start_of_image>' }}\n"
    "            {%- elif item['type'] == 'text' -%}\n                {{ item['text'] | trim }}\n            {%- endif -%}\n"
    "        {%- endfor -%}\n    {%- else -%}\n        {{ raise_exception(\"Invalid content type\") }}\n    {%- endif -%}\n"
    "    {{ '<end_of_turn>\\n' }}\n{%- endfor -%}\n{%- if add_generation_prompt -%}\n    {{'<start_of_turn>model\\n'}}\n{%- endif -%}\n")
GEMMA3_SOURCE = "google/gemma-3-*-it chat_template (as published in ggml-org/gemma-3-12b-it-GGUF tokenizer.chat_template)"

# DeepSeek-R1-Distill-Qwen added tokens used by its template (Qwen2 ranks; ids from the model's tokenizer.json as
# quoted by third-party code, not verified against the original file offline)
DEEPSEEK_SPECIALS = {"<｜end▁of▁sentence｜>": 151643, "<｜User｜>": 151644, "<｜Assistant｜>": 151645,
                     "<｜begin▁of▁sentence｜>": 151646, "<think>": 151648, "</think>": 151649}

# Qwen 2.5's own tokenizer knows only the first 22 Qwen specials (151643-151664); the bundled qwen2 tokenizer adds Qwen 3's
# <tool_response>, </tool_response>, <think>, </think>, which Qwen 2.5 encodes as plain text.
QWEN25_SPECIALS = {s: 151643 + i for i, s in enumerate(QWEN_SPECIALS[:22])}

# Families whose reference tokenizer has other specials than the bundled one it shares ranks with.
SPECIALS_OVERRIDE = {"deepseek-r1-distill-qwen": DEEPSEEK_SPECIALS, "qwen2.5": QWEN25_SPECIALS}

WEATHER_TOOL = {"type": "function", "function": {
    "name": "get_weather", "description": "Get the current weather for a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string", "description": "City name, e.g. Paris"},
                                                    "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                   "required": ["city"]}}}
SEARCH_TOOL = {"type": "function", "function": {
    "name": "search_docs", "description": "Search the documentation",
    "parameters": {"type": "object", "properties": {"query": {"type": "string"}, "limit": {"type": "integer"}}, "required": ["query"]}}}
SCHEMA = {"type": "object", "properties": {"answer": {"type": "string"}, "confidence": {"type": "number"}}, "required": ["answer"]}

CHATS = [
    {"case": "user-only", "messages": [{"role": "user", "content": "Hello!"}]},
    {"case": "system-user", "messages": [{"role": "system", "content": "You are a helpful assistant."},
                                         {"role": "user", "content": "What is the capital of France?"}]},
    {"case": "multi-turn", "messages": [{"role": "system", "content": "Be brief."},
                                        {"role": "user", "content": "What is 2+2?"},
                                        {"role": "assistant", "content": "4"},
                                        {"role": "user", "content": "And 3+3?"}]},
    {"case": "long-multi-turn", "messages": [{"role": "user", "content": "Name a fruit."}, {"role": "assistant", "content": "Apple."},
                                             {"role": "user", "content": "Another one."}, {"role": "assistant", "content": "Banana."},
                                             {"role": "user", "content": "One more, and explain why it is healthy in two sentences."},
                                             {"role": "assistant", "content": "Cherry. It is rich in antioxidants.\n\nIt also has fibre."},
                                             {"role": "user", "content": "Thanks!"}]},
    {"case": "assistant-last", "messages": [{"role": "user", "content": "Say hi."}, {"role": "assistant", "content": "Hi!"}]},
    {"case": "unicode", "messages": [{"role": "system", "content": "Réponds en français. 日本語も可。"},
                                     {"role": "user", "content": "  Bonjour 🌍! 你好，世界。 Привет. naïve café e\u0301 👩‍💻 🇫🇷\n\tTabs\r\nand CRLF  "}]},
    {"case": "tools", "tools": [WEATHER_TOOL, SEARCH_TOOL],
     "messages": [{"role": "system", "content": "You can call tools."}, {"role": "user", "content": "What's the weather in Paris?"}]},
    {"case": "tools-no-system", "tools": [WEATHER_TOOL], "messages": [{"role": "user", "content": "Weather in Tokyo, in fahrenheit?"}]},
    {"case": "tool-call-round-trip", "tools": [WEATHER_TOOL],
     "messages": [{"role": "user", "content": "What's the weather in Paris?"},
                  {"role": "assistant", "content": "", "tool_calls": [
                      {"id": "call12345", "type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
                  {"role": "tool", "tool_call_id": "call12345", "name": "get_weather", "content": "{\"temperature\": 21, \"sky\": \"clear\"}"}]},
    {"case": "response-format", "response_format": {"type": "json_schema", "json_schema": SCHEMA},
     "messages": [{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": "Capital of Italy?"}]},
]

class TemplateError(Exception): pass

def hf_render(template, messages, tools=None, **kwargs):
    """transformers' apply_chat_template rendering (chat_template_utils._compile_jinja_template + render)."""
    from jinja2.ext import loopcontrols
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    def raise_exception(message): raise TemplateError(message)
    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: FIXED_NOW.strftime(fmt)
    return env.from_string(template).render(messages=messages, tools=tools, documents=None, add_generation_prompt=True, **kwargs)

def template_from_python(source, name):
    """The string constant assigned to `name` anywhere in a Python source (module level or inside a function)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node.value.value
    raise KeyError(name)

def hf_families(store):
    t = lambda n: store.get(f"tmpl-{n}").decode()
    llama2 = template_from_python(store.get("tmpl-llama2").decode(), "template")
    llama2 = llama2.replace("USE_DEFAULT_PROMPT", "false").replace("DEFAULT_SYSTEM_MESSAGE", "")   # use_default_system_prompt=False
    llama = {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"}
    qwen = {"bos_token": None, "eos_token": "<|im_end|>"}
    return [
        ("llama-3.1", t("meta-llama-Llama-3.1-8B-Instruct"), src("tmpl-meta-llama-Llama-3.1-8B-Instruct"), "llama3", llama, [{}]),
        ("llama-3.2", t("meta-llama-Llama-3.2-3B-Instruct"), src("tmpl-meta-llama-Llama-3.2-3B-Instruct"), "llama3", llama, [{}]),
        ("llama-3.3", t("meta-llama-Llama-3.3-70B-Instruct"), src("tmpl-meta-llama-Llama-3.3-70B-Instruct"), "llama3", llama, [{}]),
        ("llama-4", template_from_python(store.get("tmpl-llama4").decode(), "chat_template"), src("tmpl-llama4") + " chat_template",
         "llama4", {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot|>"}, [{}]),
        ("qwen2.5", t("Qwen-Qwen2.5-7B-Instruct"), src("tmpl-Qwen-Qwen2.5-7B-Instruct"), "qwen2", qwen, [{}]),
        ("qwen3", t("Qwen-Qwen3-0.6B"), src("tmpl-Qwen-Qwen3-0.6B"), "qwen2", qwen, [{}, {"enable_thinking": False}]),
        ("qwq", t("Qwen-QwQ-32B"), src("tmpl-Qwen-QwQ-32B"), "qwen2", qwen, [{}]),
        ("deepseek-r1-distill-qwen", t("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B"), src("tmpl-deepseek-ai-DeepSeek-R1-Distill-Qwen-32B"),
         "qwen2", {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"}, [{"enable_thinking": True}, {"enable_thinking": False}]),
        ("gemma-3", GEMMA3_TEMPLATE, GEMMA3_SOURCE, "gemma3", {"bos_token": "<bos>", "eos_token": "<eos>"}, [{}]),
        ("llama-2", llama2, src("tmpl-llama2") + " LlamaTokenizer.default_chat_template (use_default_system_prompt=False)",
         "llama2", {"bos_token": "<s>", "eos_token": "</s>"}, [{}]),
        ("gpt-oss-hf", t("openai-gpt-oss-120b"), src("tmpl-openai-gpt-oss-120b"), "o200k_harmony",
         {"bos_token": "<|startoftext|>", "eos_token": "<|return|>"}, [{}, {"reasoning_effort": "high"}]),
    ]

def row(family, source, tokenizer, chat, options, text, ids, **extra):
    r = {"family": family, "template_source": source, "tokenizer": tokenizer, "case": chat["case"], "messages": chat["messages"]}
    if chat.get("tools"): r["tools"] = chat["tools"]
    if chat.get("response_format"): r["response_format"] = chat["response_format"]
    if options: r["options"] = options
    r.update(extra); r["text"] = text; r["ids"] = ids
    return r

def mistral_request(chat, version):
    from mistral_common.protocol.instruct.messages import SystemMessage, UserMessage, AssistantMessage, ToolMessage
    from mistral_common.protocol.instruct.request import ChatCompletionRequest
    from mistral_common.protocol.instruct.tool_calls import Tool, Function, ToolCall, FunctionCall
    msgs = []
    for m in chat["messages"]:
        if m["role"] == "system": msgs.append(SystemMessage(content=m["content"]))
        elif m["role"] == "user": msgs.append(UserMessage(content=m["content"]))
        elif m["role"] == "assistant":
            calls = [ToolCall(id=c["id"][:9], function=FunctionCall(name=c["function"]["name"], arguments=json.dumps(c["function"]["arguments"])))
                     for c in m.get("tool_calls") or []]
            msgs.append(AssistantMessage(content=m["content"], tool_calls=calls or None))
        elif m["role"] == "tool": msgs.append(ToolMessage(content=m["content"], tool_call_id=m["tool_call_id"][:9], name=m.get("name")))
    tools = [Tool(function=Function(**t["function"])) for t in chat.get("tools") or []] or None
    return ChatCompletionRequest(messages=msgs, tools=tools)

def harmony_conversation(chat, effort):
    from openai_harmony import (Conversation, Message, Role, SystemContent, DeveloperContent, ToolDescription, Author,
                                ReasoningEffort)
    sysc = SystemContent.new().with_reasoning_effort({"low": ReasoningEffort.LOW, "medium": ReasoningEffort.MEDIUM,
                                                       "high": ReasoningEffort.HIGH}[effort])
    msgs = [Message.from_role_and_content(Role.SYSTEM, sysc)]
    instructions = " ".join(m["content"] for m in chat["messages"] if m["role"] == "system")
    tools = [ToolDescription.new(t["function"]["name"], t["function"]["description"], parameters=t["function"]["parameters"])
             for t in chat.get("tools") or []]
    if instructions or tools:
        dev = DeveloperContent.new()
        if instructions: dev = dev.with_instructions(instructions)
        if tools: dev = dev.with_function_tools(tools)
        msgs.append(Message.from_role_and_content(Role.DEVELOPER, dev))
    for m in chat["messages"]:
        if m["role"] == "user": msgs.append(Message.from_role_and_content(Role.USER, m["content"]))
        elif m["role"] == "assistant" and m.get("tool_calls"):
            for c in m["tool_calls"]:
                msgs.append(Message.from_role_and_content(Role.ASSISTANT, json.dumps(c["function"]["arguments"]))
                            .with_channel("commentary").with_recipient(f"functions.{c['function']['name']}").with_content_type("<|constrain|>json"))
        elif m["role"] == "assistant": msgs.append(Message.from_role_and_content(Role.ASSISTANT, m["content"]).with_channel("final"))
        elif m["role"] == "tool":
            msgs.append(Message.from_author_and_content(Author.new(Role.TOOL, f"functions.{m['name']}"), m["content"])
                        .with_channel("commentary").with_recipient("assistant"))
    return Conversation.from_messages(msgs)

def sp_prompt_text(model_path, ids):
    """The prompt string behind SentencePiece ids: control pieces verbatim, each run of ordinary pieces decoded (which
    drops the dummy-prefix space, as re-encoding that run on its own adds it back). mistral-common's own `text`
    shows raw pieces ('▁', '<0x0A>'), which is not a string one can tokenize again."""
    import sentencepiece as spm
    sp = spm.SentencePieceProcessor(model_file=model_path)
    out, run = [], []
    for i in list(ids) + [None]:
        if i is None or sp.is_control(i):
            if run: out.append(sp.decode(run)); run = []
            if i is not None: out.append(sp.id_to_piece(i))
        else: run.append(i)
    return "".join(out)

def main():
    store = Store.from_args(store_argument_parser(__doc__).parse_args())
    manifest = json.load(open(os.path.join(VOCAB, "tokenizers.json"), encoding="utf-8"))
    oracles = build_oracles(store, manifest)
    os.makedirs(OUT, exist_ok=True)
    out, skipped = {}, {}

    for family, template, source, tok, special_map, variants in hf_families(store):
        for options in variants:
            for chat in CHATS:
                try: text = hf_render(template, copy.deepcopy(chat["messages"]), tools=copy.deepcopy(chat.get("tools")), **special_map, **options)
                except TemplateError as e:
                    skipped.setdefault(family, []).append(f"{chat['case']}: template raised: {e}"); continue
                except Exception as e:   # noqa: BLE001 - the template cannot render this chat (as in transformers)
                    skipped.setdefault(family, []).append(f"{chat['case']}: rendering failed: {type(e).__name__}: {e}"); continue
                extra = {}
                specials = SPECIALS_OVERRIDE.get(family)
                if specials is not None:
                    ids = [i for is_sp, piece in split_specials(text, specials)
                           for i in ([specials[piece]] if is_sp else oracles[tok].raw(piece))]
                    if family.startswith("deepseek"): extra["special_tokens"] = specials
                else:
                    ids = oracles[tok].special(text)
                opts = dict(options, strftime_now=FIXED_NOW.strftime("%Y-%m-%d")) if "strftime_now" in template else options
                out.setdefault(family, []).append(row(family, source, tok, chat, opts, text, ids, **extra))

    # Mistral v1 (SentencePiece) and Mistral Small 3.x (Tekken, v7) through mistral-common
    from mistral_common.tokens.tokenizers.mistral import MistralTokenizer
    tmp = tempfile.mkdtemp(prefix="preflight-chat-")
    p1 = os.path.join(tmp, "tokenizer.model.v1"); open(p1, "wb").write(store.get("mistral_v1"))
    tk = json.loads(store.get("tekken_json")); tk["config"] = dict(tk["config"], version="v7")
    p7 = os.path.join(tmp, "tekken_v7.json"); json.dump(tk, open(p7, "w"))
    for family, path, tok, source in (("mistral-v1", p1, "mistral-v1", src("mistral_v1") + " via mistral-common encode_chat_completion"),
                                      ("mistral-small-3", p7, "tekken", src("tekken_json") + " relabelled config.version=v7, via mistral-common encode_chat_completion")):
        mt = MistralTokenizer.from_file(path)
        for chat in CHATS:
            try: r = mt.encode_chat_completion(mistral_request(chat, family))
            except Exception as e:   # noqa: BLE001 - record what the reference refuses
                skipped.setdefault(family, []).append(f"{chat['case']}: mistral-common raised {type(e).__name__}: {str(e)[:120]}"); continue
            text = r.text if tok == "tekken" else sp_prompt_text(path, r.tokens)
            if oracles[tok].special(text) != r.tokens: sys.exit(f"error: {family} {chat['case']}: text does not re-encode to the ids")
            out.setdefault(family, []).append(row(family, source, tok, chat, {}, text, r.tokens))

    # gpt-oss through openai-harmony
    os.environ["TIKTOKEN_ENCODINGS_BASE"] = VOCAB
    from openai_harmony import load_harmony_encoding, HarmonyEncodingName, Role
    henc = load_harmony_encoding(HarmonyEncodingName.HARMONY_GPT_OSS)
    for effort in ("medium", "low"):
        for chat in CHATS:
            try: ids = henc.render_conversation_for_completion(harmony_conversation(chat, effort), Role.ASSISTANT)
            except Exception as e:   # noqa: BLE001
                skipped.setdefault("gpt-oss", []).append(f"{chat['case']}: openai-harmony raised {e}"); continue
            text = henc.decode_utf8(ids)
            assert oracles["o200k_harmony"].special(text) == ids, ("harmony render does not re-encode", chat["case"])
            out.setdefault("gpt-oss", []).append(row("gpt-oss", "openai-harmony==0.0.8 render_conversation_for_completion (HARMONY_GPT_OSS; "
                                                     "system messages -> developer instructions, tools -> developer function tools)",
                                                     "o200k_harmony", chat, {"reasoning_effort": effort}, text, ids))

    # BGE embeddings: [CLS] text [SEP]
    bert = oracles["bert-base-uncased"]
    for text in ["What is the capital of France?", "Represent this sentence for searching relevant passages: how do tokenizers work",
                 "  Naïve café, 你好, 🚀 and UPPER case.  ", "", "a" * 600]:
        out.setdefault("bge", []).append({"family": "bge", "template_source": "bge-*-en-v1.5: [CLS] text [SEP] (BertWordPieceTokenizer add_special_tokens=True)",
                                          "tokenizer": "bert-base-uncased", "case": "embedding-input", "messages": [{"role": "user", "content": text}],
                                          "text": "[CLS]" + text + "[SEP]", "ids": bert.bos(text)})

    for family, rows in sorted(out.items()):
        write_jsonl(os.path.join(OUT, f"{family}.jsonl"), rows)
        print(f"  {family:26} {len(rows):3} cases   skipped: {len(skipped.get(family, []))}")
    json.dump({"generated_by": "Scripts/generate_chat_fixtures.py", "strftime_now": FIXED_NOW.strftime("%Y-%m-%d"),
               "families": {f: len(r) for f, r in sorted(out.items())}, "skipped": skipped},
              open(os.path.join(OUT, "index.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)

if __name__ == "__main__": main()
