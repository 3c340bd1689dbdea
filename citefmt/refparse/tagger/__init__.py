"""CRF sequence tagger: the fallback that parses a reference when no grammar fits it confidently.

`parse_with_tagger(text)` labels each token with an anystyle field label (author, title,
journal, date, volume, pages, …) using the committed model `model.crfsuite`, turns the labelled
segments into a CSL-JSON item, and reports the mean marginal probability of the chosen labels as
the confidence. `readings(text)` does the same with every installed model: `model.crfsuite`
(anystyle's tagged strings and synthetic GOST and Vancouver strings) and
`model_annotated.crfsuite` (the same plus the train split of GROBID's hand-annotated citation
corpus, cut as anystyle cuts its segments), so the parser can keep the more believable reading
— each model is right where the other is not (README, "Two tagger models"). Models are opened
on first use only, so importing this package costs nothing. Rebuild them with
`python tools/train_tagger.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from citefmt.model import Item

if TYPE_CHECKING:
    import pycrfsuite

MODEL_PATH = Path(__file__).with_name("model.crfsuite")
ANNOTATED_MODEL_PATH = Path(__file__).with_name("model_annotated.crfsuite")


@lru_cache(maxsize=4)
def _open(path: Path) -> pycrfsuite.Tagger | None:
    if not path.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _tagger() -> pycrfsuite.Tagger | None:
    return _open(MODEL_PATH)


def _segments(text: str, tokens: list, labels: list[str]) -> list[tuple[str, str]]:
    """`(label, text)` runs of equally labelled tokens, with the text between them."""
    segments: list[tuple[str, str]] = []
    start = tokens[0].start
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        if last or labels[index + 1] != labels[index]:
            segments.append((labels[index], text[start:token.end]))
            if not last:
                start = tokens[index + 1].start
    return segments


def _labels(tagger: pycrfsuite.Tagger, features: object) -> tuple[list[str], float]:
    """The model's labels and their mean marginal probability (the confidence)."""
    labels = tagger.tag(features)
    # summed in token order, as ever (the same float)
    return labels, sum(map(tagger.marginal, labels, range(len(labels)))) / len(labels)


def _tagged(tagger: pycrfsuite.Tagger, text: str, tokens: list,
            features: object) -> tuple[list[tuple[str, str]], float]:
    labels, confidence = _labels(tagger, features)
    return _segments(text, tokens, labels), confidence


def readings(text: str, above: float = float("-inf")) -> list[tuple[Item, float]]:
    """`(item, confidence)` of every installed model, base model first; the tokens and their
    features are computed once for all, and models that label alike give one reading (with
    the higher confidence). A reading whose confidence is not `above` the given one is left
    out before its item is built (the parser passes the best grammar reading's confidence: a
    tagger reading must beat it, and judging only lowers a confidence)."""
    import pycrfsuite

    from citefmt.refparse.locators import with_article_number
    from citefmt.refparse.tagger.features import sequence_attributes
    from citefmt.refparse.tagger.fields import item_from_segments
    from citefmt.refparse.tagger.tokens import tokenize

    taggers = [t for t in (_open(MODEL_PATH), _open(ANNOTATED_MODEL_PATH)) if t is not None]
    tokens = tokenize(text)
    if not taggers or not tokens:
        return []
    features = pycrfsuite.ItemSequence(sequence_attributes(tokens))
    labelled: list[tuple[list[str], float]] = []
    for tagger in taggers:
        labels, confidence = _labels(tagger, features)
        same = next((i for i, (other, _) in enumerate(labelled) if other == labels), None)
        if same is None:
            labelled.append((labels, confidence))
        elif confidence > labelled[same][1]:
            labelled[same] = (labels, confidence)
    return [(with_article_number(item_from_segments(with_page_segment(with_title_before_in(
        _segments(text, tokens, labels))))), confidence) for labels, confidence in labelled
        if confidence > above]


def tag_segments(text: str) -> tuple[list[tuple[str, str]], float] | None:
    """`(label, text)` segments of `text` and the confidence, or None without a model."""
    from citefmt.refparse.tagger.features import sequence_features
    from citefmt.refparse.tagger.tokens import tokenize

    tagger = _tagger()
    if tagger is None:
        return None
    tokens = tokenize(text)
    if not tokens:
        return [], 0.0
    return _tagged(tagger, text, tokens, sequence_features(tokens))


def parse_with_tagger(text: str) -> tuple[Item, float] | None:
    """CSL-JSON item for one reference string and a confidence in [0, 1]; None without a model.
    A journal article's article number is given as `number` (refparse.locators), as every
    grammar gives it."""
    from citefmt.refparse.locators import with_article_number
    from citefmt.refparse.tagger.fields import item_from_segments

    tagged = tag_segments(text)
    if tagged is None:
        return None
    segments, confidence = tagged
    return with_article_number(item_from_segments(with_page_segment(with_title_before_in(
        segments)))), confidence


#: a volume segment that ends in the page: "68, 165324", "118, 233901"
_VOLUME_THEN_PAGE_RE = re.compile(r"^(?P<volume>[A-Za-z]?\d+[A-Za-z]?)\s*,\s*"
                                  r"(?P<page>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\W*$")
#: a date segment that ends in the page: "(2013) 1535"
_DATE_THEN_PAGE_RE = re.compile(r"^(?P<date>\(\s*(?:1[5-9]|20)\d\d\s*\))\s*"
                                r"(?P<page>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\W*$")


def with_page_segment(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Physics journal blocks the tagger labels as one segment, "Phys. Rev. B 68, 165324
    (2003)" (volume "68, 165324") or "Commun. 184 (2013) 1535" (date "(2013) 1535"): with no
    pages segment of its own, the number at the end is the page."""
    if any(label == "pages" for label, _ in segments):
        return segments
    out: list[tuple[str, str]] = []
    for label, text in segments:
        pattern = _VOLUME_THEN_PAGE_RE if label == "volume" else \
            _DATE_THEN_PAGE_RE if label == "date" else None
        found = pattern.match(text.strip()) if pattern else None
        if found:
            out += [(label, found.group(1)), ("pages", found.group("page"))]
        else:
            out.append((label, text))
    return out


#: a host segment that starts with a lower-case "in" and runs to the end of its first sentence
_IN_HOST_RE = re.compile(r"^in\s+(?P<sentence>[^.]*[^\s.]\.?)\s*(?P<rest>.*)$", re.S)
_HOST_LABELS = frozenset({"container-title", "journal"})


def with_title_before_in(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A title the tagger cut before a lower-case "in" ("Problems and Prospects | in Nuclear
    Power Engineering. Atomnyj Ekspert"): APA, Chicago, Harvard, ISO 690 and NBR 6023 all end
    the title with a period or comma before the "In"/"in:" of a host, so with no punctuation
    there the "in" is the title's own word; the title runs on to the end of that sentence."""
    out = list(segments)
    for index in range(1, len(out)):
        (before, title), (label, host) = out[index - 1], out[index]
        if before != "title" or label not in _HOST_LABELS or title.rstrip()[-1:] in ".,;:!?\"”'»":
            continue
        found = _IN_HOST_RE.match(host.strip())
        if found is None:
            continue
        out[index - 1] = ("title", f"{title.rstrip()} in {found.group('sentence')}")
        rest = found.group("rest").strip()
        if rest:
            out[index] = (label, rest)
        else:
            del out[index]
        break
    return out
