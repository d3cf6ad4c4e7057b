"""Large language models through the official ``openai`` SDK, on any OpenAI-compatible server.

``[engines.llm] base_url`` and ``model`` choose the server and the model (OpenAI itself, or vLLM,
llama.cpp's server, Ollama, LiteLLM, … at their ``/v1`` URL); the key comes only from
``TRANSPUB_LLM_API_KEY`` (a local server without keys needs none).

One request carries a batch of units as JSON: the languages, each unit's article title and
paragraph as context, the glossary entries occurring in the batch (required rendering, accepted
variants, forbidden renderings, notes), the placeholder rule and the locale's style (formality,
house style). The answer is asked for as a JSON object keyed by unit id, with a ``json_schema``
``response_format`` (structured output), or ``json_object`` where the server refuses schemas.

Every answer is checked: each id present once, and each unit's reply judged by the unit's
``check`` (placeholders exact, glossary terms, target script; without one, placeholders and
script). The units that fail are asked once more in one request stating their problems; what
still fails is returned as it is and rejected by the workflow. The SDK's own retries are off
(``max_retries=0``): 429 (with Retry-After), 5xx and timeouts go to the shared runner.

Tokens are not counted with a tokenizer (none is available offline): :func:`approx_tokens`
counts one token per CJK character and one per four other characters.
"""

from __future__ import annotations

import json
import math
import re
import threading
from typing import Any

from ..errors import EngineError, PlaceholderMismatch
from ..locales import english_name, script_problem, writing_script
from ..masking import placeholder_tree
from .base import (
    DEFAULT_TIMEOUT,
    EngineBase,
    TransientEngineError,
    Unanswered,
    UnitContext,
    env_secret,
    one_line,
    parse_retry_after,
    redact,
    run_is_stopping,
    setting,
    url_secrets,
)
from .http import read_capped, redirect_error, reply_limit, sent_size, server_of

DEFAULT_BASE_URL = "https://api.openai.com/v1"
#: How the token figures of ``--dry-run`` are made, said beside them.
TOKEN_APPROXIMATION = (
    "tokens approximated as 1 per CJK character and 1 per 4 other characters; "
    "output as long as the source, or 1 CJK character per 3 source characters"
)
#: Scripts whose translations are estimated in CJK characters (about one per three English characters).
_CJK_SCRIPTS = ("Hans", "Hant", "Jpan", "Kore")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]")
#: The problem of an answer that is no JSON object at all (every unit of its batch has it alone).
_NOT_JSON = "the answer was not a JSON object keyed by unit id"
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)
_FORMALITY = {
    "more": "Use the formal register (for example Sie, usted, vous, 您).",
    "prefer_more": "Prefer the formal register (for example Sie, usted, vous, 您).",
    "less": "Use the informal register (for example du, tú, tu).",
    "prefer_less": "Prefer the informal register (for example du, tú, tu).",
}


def approx_tokens(text: str) -> int:
    """Tokens ``text`` costs, approximately: 1 per CJK character, 1 per 4 other characters.

    >>> approx_tokens("Hello world!"), approx_tokens("净月高新技术"), approx_tokens("")
    (3, 6, 0)
    """
    cjk = len(_CJK.findall(text))
    return cjk + math.ceil((len(text) - cjk) / 4)


class LLMEngine(EngineBase):
    """A chat-completions model asked for JSON translations of a batch of units."""

    name = "llm"
    markup = "plain"
    timeout = max(DEFAULT_TIMEOUT, 60.0)
    batch_size = 20
    max_chars = 6000
    configurable = ("timeout", "batch_size", "max_chars")  # priced per token, not per character
    context_per_request = False
    native_glossary = True  # told the glossary in the request: terms are not masked
    token_note = TOKEN_APPROXIMATION

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config or {}
        self.base_url = str(env_secret("TRANSPUB_LLM_URL") or config.get("base_url") or DEFAULT_BASE_URL)
        self.model = str(config.get("model", "")).strip()
        self.api_key = env_secret("TRANSPUB_LLM_API_KEY")
        self._secrets = [self.api_key, *url_secrets(env_secret("TRANSPUB_LLM_URL"))]
        self.read_settings(config)
        self.batch_limit = setting(config, "batch_tokens", 1500, int)  # unit text per request
        self.temperature = setting(config, "temperature", 0.0, float)
        self.price_per_million_input = setting(config, "price_per_million_input", 0.0, float)
        self.price_per_million_output = setting(config, "price_per_million_output", 0.0, float)
        self.structured = bool(config.get("structured_output", True))
        self._lock = threading.Lock()
        self._client: Any = None

    @property
    def label(self) -> str:
        """The engine and its model, for provenance comments."""
        return f"llm {self.model}" if self.model else "llm"

    def is_configured(self) -> bool:
        """True with a model and either a key or a server of one's own (``base_url``)."""
        return bool(self.model) and (bool(self.api_key) or self.base_url != DEFAULT_BASE_URL)

    def _server(self) -> str:
        """The server a message may name: the address and the setting it comes from (an address
        from TRANSPUB_LLM_URL is a secret, as its host may be)."""
        if env_secret("TRANSPUB_LLM_URL"):
            return "the server of TRANSPUB_LLM_URL"
        server = server_of(self.base_url) or "the server"
        return server if self.base_url == DEFAULT_BASE_URL else f"{server} ([engines.llm] base_url)"

    def missing_settings(self) -> list[str]:
        """What ``is_configured`` lacks, as a user would set it."""
        missing = [] if self.model else ["a model in [engines.llm]"]
        if not self.api_key and self.base_url == DEFAULT_BASE_URL:
            missing.append("TRANSPUB_LLM_API_KEY (or base_url in [engines.llm] for a server of your own)")
        return missing

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """Unknown: a model translates what it can."""
        return None

    def supports(self, source: str, target: str) -> bool:
        """Assumed true; every answer is checked (the target script among others)."""
        return True

    def measure(self, text: str) -> int:
        """The size of a text in a batch, in approximate tokens (batches are sized by tokens)."""
        return approx_tokens(text) + 8  # its id and JSON punctuation

    # -- requests ------------------------------------------------------------------------

    def _openai(self) -> Any:
        with self._lock:
            if self._client is None:
                import openai

                self._client = openai.OpenAI(
                    base_url=self.base_url,
                    api_key=self.api_key or "no-key",
                    timeout=self.timeout,
                    max_retries=0,
                    # the key must not follow a redirect anywhere (reported in _complete); each
                    # reply read here, at most reply_limit bytes
                    http_client=openai.DefaultHttpxClient(
                        follow_redirects=False, timeout=self.timeout, event_hooks={"response": [self._read]}
                    ),
                )
            return self._client

    def _read(self, response: Any) -> None:
        """Read a reply's body (the client's response hook) up to :func:`~.http.reply_limit`: a
        server that sends more fails the batch instead of filling the memory."""
        limit = reply_limit(sent_size(response.request))
        read_capped(response, limit, "llm", self._secrets, self._server())

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """:meth:`translate_units` without context."""
        return self.translate_units(texts, [UnitContext() for _ in texts], source, target)

    def translate_units(
        self, texts: list[str], contexts: list[UnitContext], source: str, target: str
    ) -> list[str | None]:
        """One request for the batch; one more for the units whose answer has problems.

        EngineError when neither answer was JSON: the batch failed, as a server error fails it, so
        that the circuit breaker stops a run whose model never answers so (each batch paid twice).
        """
        if not self.model:
            raise EngineError("llm: no model (set model in [engines.llm])")
        ids = [f"u{i + 1}" for i in range(len(texts))]
        answers, problems = self._ask(ids, texts, contexts, source, target, {})
        failing = [i for i, found in enumerate(problems) if found]
        if failing:
            previous = {i: (answers[i], problems[i]) for i in failing}
            again: list[str | None]
            if run_is_stopping():  # (Ctrl-C came while the answer was awaited: nothing more is sent)
                again, repair = [None] * len(failing), "not asked again: the run was interrupted"
            else:
                try:
                    again, still = self._ask(
                        [ids[i] for i in failing],
                        [texts[i] for i in failing],
                        [contexts[i] for i in failing],
                        source,
                        target,
                        {n: previous[i] for n, i in enumerate(failing)},
                    )
                except EngineError as exc:  # the repair request failed: the first answers stand
                    again, repair = [None] * len(failing), f"asking again failed: {exc.message}"
                else:
                    repair = "also when asked again"
                    if all(found == [_NOT_JSON] for found in problems + still):
                        raise EngineError(f"llm: {_NOT_JSON} ({repair})")
            for n, i in enumerate(failing):
                if again[n] is not None:
                    answers[i] = again[n]
                elif answers[i] is None:
                    answers[i] = Unanswered(f"llm: {'; '.join(problems[i])} ({repair})")
        return answers

    def request_body(
        self,
        ids: list[str],
        texts: list[str],
        contexts: list[UnitContext],
        source: str,
        target: str,
        previous: dict[int, tuple[str | None, list[str]]] | None = None,
        structured: bool = True,
    ) -> dict[str, Any]:
        """The chat-completions request for these units (``previous``: index -> (answer, problems))."""
        body: dict[str, Any] = {
            "model": self.model,
            "temperature": self.temperature,
            "messages": [
                {"role": "system", "content": _instructions(source, target, contexts)},
                {
                    "role": "user",
                    "content": _units_json(ids, texts, contexts, source, target, previous or {}),
                },
            ],
        }
        if structured:
            schema = {
                "type": "object",
                "properties": {unit_id: {"type": "string"} for unit_id in ids},
                "required": ids,
                "additionalProperties": False,
            }
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "translations", "strict": True, "schema": schema},
            }
        else:
            body["response_format"] = {"type": "json_object"}
        return body

    def _ask(
        self,
        ids: list[str],
        texts: list[str],
        contexts: list[UnitContext],
        source: str,
        target: str,
        previous: dict[int, tuple[str | None, list[str]]],
    ) -> tuple[list[str | None], list[list[str]]]:
        """Send one request; the answer per unit and the problems found with each."""
        content = self._complete(
            lambda structured: self.request_body(ids, texts, contexts, source, target, previous, structured)
        )
        answers: list[str | None] = [None] * len(ids)
        problems: list[list[str]] = [[] for _ in ids]
        parsed, duplicated = _parse_answer(content)
        if parsed is None:
            return answers, [[_NOT_JSON] for _ in ids]
        for index, unit_id in enumerate(ids):
            value = parsed.get(unit_id)
            if value is None:
                problems[index].append(f"no translation for unit {unit_id}")
                continue
            if not isinstance(value, str) or not value.strip():
                problems[index].append(f"the translation of unit {unit_id} is empty or not a string")
                continue
            answers[index] = value
            if unit_id in duplicated:
                problems[index].append(f"unit {unit_id} was translated more than once")
            check = contexts[index].check
            found = check(value) if check is not None else _basic_problems(texts[index], value, target)
            problems[index].extend(found)
        return answers, problems

    def _complete(self, body_for: Any) -> str:
        """The content of one completion; falls back from ``json_schema`` to ``json_object``
        once, when the server refuses structured output."""
        import openai

        client = self._openai()
        structured = self.structured
        while True:
            body = body_for(structured)
            try:
                completion = client.chat.completions.create(**body)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                if structured:
                    self.structured = structured = False  # this server takes no schema: json_object
                    continue
                raise EngineError(
                    one_line(
                        redact(f"llm: the server refused the request: {_message(exc)}", self._secrets), 300
                    )
                ) from None
            except openai.RateLimitError as exc:
                raise TransientEngineError(
                    "llm: HTTP 429 (rate limited)", retry_after=_retry_after(exc), status=429
                ) from None
            except openai.APITimeoutError:
                raise TransientEngineError(f"llm: no reply within {self.timeout:g} s") from None
            except openai.APIConnectionError as exc:
                raise TransientEngineError(
                    f"llm: connection failed to {self._server()} ({type(exc).__name__})"
                ) from None
            except (openai.AuthenticationError, openai.PermissionDeniedError):
                raise EngineError("llm: the API key was refused") from None
            except openai.APIStatusError as exc:
                redirect = redirect_error(exc.response, "llm", self._secrets)
                if redirect is not None:
                    raise redirect from None
                status = exc.status_code
                message = one_line(redact(f"llm: HTTP {status}: {_message(exc)}", self._secrets), 300)
                if status >= 500 or status == 408:
                    raise TransientEngineError(
                        message, retry_after=_retry_after(exc), status=status
                    ) from None
                raise EngineError(message) from None
            except (openai.APIResponseValidationError, ValueError, TypeError, RecursionError) as exc:
                raise TransientEngineError(f"llm: malformed reply ({type(exc).__name__})") from None
            if isinstance(completion, str):  # the SDK's answer to a reply that is not JSON
                page = one_line(completion[:4000])
                said = f": {page}" if page.startswith("an HTML page") else ""
                raise TransientEngineError(f"llm: the reply is not valid JSON{said}")
            try:
                content = completion.choices[0].message.content
            except (AttributeError, IndexError, TypeError):
                raise TransientEngineError("llm: malformed reply (no choices)") from None
            return content or ""

    # -- dry run -------------------------------------------------------------------------

    def estimate_tokens(
        self, texts: list[str], contexts: list[UnitContext], source: str, target: str
    ) -> tuple[int, int]:
        """Approximate (input, output) tokens of translating ``texts`` (see :data:`TOKEN_APPROXIMATION`),
        batched as they would be, without repair requests."""
        from .runner import plan_batches

        tokens_in = tokens_out = 0
        sizes = [self.measure(text) for text in texts]
        for batch in plan_batches(sizes, max(1, self.batch_size), max(1, self.batch_limit)):
            ids = [f"u{i + 1}" for i in range(len(batch))]
            body = self.request_body(
                ids, [texts[i] for i in batch], [contexts[i] for i in batch], source, target
            )
            tokens_in += approx_tokens(json.dumps(body, ensure_ascii=False))
            if writing_script(target) in _CJK_SCRIPTS and writing_script(source) not in _CJK_SCRIPTS:
                tokens_out += sum(math.ceil(len(texts[i]) / 3) + 8 for i in batch) + 2
            else:
                tokens_out += sum(self.measure(texts[i]) for i in batch) + 2
        return tokens_in, tokens_out


def _instructions(source: str, target: str, contexts: list[UnitContext]) -> str:
    """The system message: the task and its rules."""
    src, tgt = f"{english_name(source)} ({source})", f"{english_name(target)} ({target})"
    rules = [
        f"You translate news articles for publication from {src} into {tgt}.",
        "Rules:",
        "1. Placeholders such as <1>…</1> and <2/> stand for markup. Copy every placeholder exactly as "
        "written, each exactly once, around the words that correspond; never add, drop, renumber or "
        "translate one.",
        "2. Glossary: where a unit contains a glossary term, use its required rendering (an accepted "
        "variant only where grammar needs it); never use a forbidden rendering.",
        "3. The article title and the paragraph are context: translate only each unit's own text.",
        f"4. Keep names, numbers and facts; write numbers and punctuation as {english_name(target)} does.",
    ]
    formality = next((c.formality for c in contexts if c.formality), None)
    style = next((c.style for c in contexts if c.style), "")
    if formality or style:
        rules.append("5. Style: " + " ".join(x for x in (_FORMALITY.get(formality or "", ""), style) if x))
    rules.append(
        "Answer with one JSON object and nothing else: each key a unit id, each value that unit's translation."
    )
    return "\n".join(rules)


def _units_json(
    ids: list[str],
    texts: list[str],
    contexts: list[UnitContext],
    source: str,
    target: str,
    previous: dict[int, tuple[str | None, list[str]]],
) -> str:
    """The user message: languages, context, glossary and units, as JSON."""
    articles: dict[str, str] = {}
    paragraphs: dict[str, str] = {}
    glossary: dict[str, dict[str, Any]] = {}
    units = []
    for index, (unit_id, text, context) in enumerate(zip(ids, texts, contexts)):
        unit: dict[str, Any] = {"id": unit_id, "text": text}
        if context.title:
            key = next((k for k, v in articles.items() if v == context.title), f"a{len(articles) + 1}")
            articles[key] = context.title
            unit["article"] = key
        if context.paragraph and context.paragraph != text:
            key = next(
                (k for k, v in paragraphs.items() if v == context.paragraph), f"p{len(paragraphs) + 1}"
            )
            paragraphs[key] = context.paragraph
            unit["paragraph"] = key
        for term in context.terms:
            entry: dict[str, Any] = {"term": term.source, "required": term.required}
            if term.variants:
                entry["variants"] = list(term.variants)
            if term.forbidden:
                entry["forbidden"] = list(term.forbidden)
            if term.note:
                entry["note"] = term.note
            glossary.setdefault(term.source, entry)
        if index in previous:
            answer, problems = previous[index]
            if answer is not None:
                unit["previous_answer"] = answer
            unit["problems"] = problems
        units.append(unit)
    request: dict[str, Any] = {
        "source": {"code": source, "name": english_name(source)},
        "target": {"code": target, "name": english_name(target)},
    }
    if articles:
        request["articles"] = articles
    if paragraphs:
        request["paragraphs"] = paragraphs
    if glossary:
        request["glossary"] = list(glossary.values())
    if previous:
        request["task"] = (
            "Your previous answers for these units had the problems listed with each; translate them "
            "again, fixing every problem."
        )
    request["units"] = units
    return json.dumps(request, ensure_ascii=False)


def _parse_answer(content: str) -> tuple[dict[str, Any] | None, set[str]]:
    """The answer's JSON object (None when it is none) and the keys it holds more than once."""
    duplicated: set[str] = set()

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicated.add(key)
            seen[key] = value
        return seen

    fenced = _FENCE.match(content)
    try:
        parsed = json.loads(fenced.group(1) if fenced else content, object_pairs_hook=pairs)
    except (ValueError, RecursionError):  # (RecursionError: arrays nested thousands deep)
        return None, set()
    if isinstance(parsed, dict) and isinstance(parsed.get("translations"), dict):
        parsed = parsed["translations"]
    return (parsed if isinstance(parsed, dict) else None), duplicated


def _basic_problems(source: str, reply: str, target: str) -> list[str]:
    """Placeholders and script, for a unit sent without a ``check``."""
    found = []
    try:
        if placeholder_tree(reply) != placeholder_tree(source):
            found.append("the placeholders differ from the source's")
    except PlaceholderMismatch as exc:
        found.append(f"placeholders broken: {exc.message}")
    problem = script_problem(reply, target)
    if problem:
        found.append(problem)
    return found


def _retry_after(exc: Any) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    return parse_retry_after(headers.get("retry-after"))


def _message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])  # (cut by the caller, after the secrets are taken out)
    return str(getattr(exc, "message", exc))
