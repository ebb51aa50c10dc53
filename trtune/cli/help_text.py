"""The Turkish of every `--help` string (groups, commands, arguments, options), in four
parts by command group (`help_text_core.py`, `help_text_teach.py`, `help_text_classify_lm.py`,
`help_text_tasks.py`).

Each entry is one help string, ``{"en": <the English exactly as the code writes it>, "tr": ...}``;
``trtune.cli.help`` looks the English up when the language is Turkish. A generated option's
help is its field's help followed by ``(default: ...)``: the field's help is an entry, and the
words of a default are ``default.*`` phrases. ``tests/cli/test_help_lang.py`` fails when a help
string of the CLI has no entry here, so a changed English text must change here too.
Terms as in the message tables: belirteç/token, temel çizgi/baseline, DM/LM, hazır model/preset.
"""

from __future__ import annotations

from trtune.cli.help_text_classify_lm import HELP_CLASSIFY_LM
from trtune.cli.help_text_core import HELP_CORE
from trtune.cli.help_text_tasks import HELP_TASKS
from trtune.cli.help_text_teach import HELP_TEACH

HELP: dict[str, dict[str, str]] = {**HELP_CORE, **HELP_TEACH, **HELP_CLASSIFY_LM, **HELP_TASKS}
