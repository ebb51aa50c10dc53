"""The prompt template travels with the model: as a Jinja chat template inside the GGUF
(llama.cpp and ``transformers`` read it) and as a Go template in Ollama's ``Modelfile``.

Both are built from the header strings of :mod:`trtune.tasks.lm.templates`, so they render
a conversation exactly as training did (a test renders the Jinja one with transformers
and compares it with :func:`~trtune.tasks.lm.templates.render_prompt`). A model trained on
plain text gets no chat template; it continues the prompt as it is.
"""

from __future__ import annotations

import json

from trtune.tasks.lm.templates import RESPONSE_HEADER, SYSTEM_HEADER, USER_HEADER


def _jinja(text: str) -> str:
    """A Jinja string literal (JSON escapes are Jinja's too)."""
    return json.dumps(text, ensure_ascii=False)


def turkish_chat_template() -> str:
    """trtune's Turkish training template as a Jinja chat template: system and user turns
    collect into a prefix, each assistant turn is written after ``### Yanıt:`` and closed
    with the EOS token, and ``add_generation_prompt`` opens the next answer."""
    system, user, response = _jinja(SYSTEM_HEADER), _jinja(USER_HEADER), _jinja(RESPONSE_HEADER)
    return (
        "{%- set ns = namespace(prefix='') -%}"
        "{%- for message in messages -%}"
        "{%- if message['role'] == 'system' -%}"
        f"{{%- set ns.prefix = ns.prefix + {system} + message['content'] + '\\n\\n' -%}}"
        "{%- elif message['role'] == 'user' -%}"
        f"{{%- set ns.prefix = ns.prefix + {user} + message['content'] + '\\n\\n' -%}}"
        "{%- else -%}"
        f"{{{{ ns.prefix + {response} + message['content'] + eos_token }}}}"
        "{%- set ns.prefix = '\\n\\n' -%}"
        "{%- endif -%}"
        "{%- endfor -%}"
        f"{{%- if add_generation_prompt -%}}{{{{ ns.prefix + {response} }}}}"
        "{%- elif ns.prefix | trim -%}{{ ns.prefix }}{%- endif -%}"
    )


def chat_template_for(template: str | None, tokenizer) -> str | None:
    """The chat template to store: the Turkish one, the tokenizer's own (``chat``), or none
    for a model that continues plain text."""
    if template == "turkish":
        return turkish_chat_template()
    if template == "chat":
        return tokenizer.chat_template
    return None


def _go(text: str) -> str:
    """A Go string literal (JSON escapes are Go's too; non-ASCII stays as it is)."""
    return json.dumps(text, ensure_ascii=False)


def turkish_go_template(eos: str) -> str:
    """The Turkish template in Ollama's Go template syntax, over ``.Messages``: the same
    text as the Jinja one with the generation prompt always opened."""
    response = _go(RESPONSE_HEADER)

    def collect(header: str) -> str:  # $prefix += header + content + blank line
        return f'{{{{ $prefix = printf "%s%s%s\\n\\n" $prefix {_go(header)} .Content }}}}'

    return (
        '{{- $prefix := "" }}'
        "{{- range .Messages }}"
        f'{{{{- if eq .Role "system" }}}}{collect(SYSTEM_HEADER)}'
        f'{{{{- else if eq .Role "user" }}}}{collect(USER_HEADER)}'
        f"{{{{- else }}}}{{{{ $prefix }}}}{{{{ {response} }}}}{{{{ .Content }}}}{eos}"
        '{{- $prefix = "\\n\\n" }}'
        "{{- end }}"
        "{{- end }}"
        f"{{{{ $prefix }}}}{{{{ {response} }}}}"
    )


CHATML_GO_TEMPLATE = (
    "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}"
    "<|im_start|>assistant\n"
)


def modelfile_text(gguf_name: str, template: str | None, tokenizer) -> str:
    """An Ollama ``Modelfile`` for the GGUF file beside it: ``FROM``, ``TEMPLATE`` (the
    training template) and a ``PARAMETER stop`` for each end token."""
    eos = tokenizer.eos_token or ""
    stops = [eos] if eos else []
    lines = ["# Written by trtune export gguf. Run: ollama create NAME -f Modelfile", ""]
    lines.append(f"FROM ./{gguf_name}")
    if template == "turkish":
        go_template = turkish_go_template(eos)
    elif template == "chat" and "<|im_start|>" in (tokenizer.chat_template or ""):
        go_template = CHATML_GO_TEMPLATE
        stops.append("<|im_end|>")
    elif template == "chat":
        go_template = None  # Ollama picks a template from the GGUF's chat_template
        lines.append("# TEMPLATE: taken by Ollama from the chat template inside the GGUF")
    else:
        go_template = "{{ .Prompt }}"  # a plain-text model continues the prompt
    if go_template is not None:
        lines.append(f'TEMPLATE """{go_template}"""')
    lines += [f"PARAMETER stop {_go(stop)}" for stop in dict.fromkeys(stops)]
    return "\n".join(lines) + "\n"
