"""Corpus mode: a store of many articles, incremental ingest, stories, export."""

from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.ingest import IngestCounts, ingest
from corroborate.corpus.recluster import recluster
from corroborate.corpus.scoring import ClusterSettings
from corroborate.corpus.store import DEFAULT_PATH, SqliteStore

__all__ = [
    "DEFAULT_PATH",
    "ClusterSettings",
    "IngestCounts",
    "SqliteStore",
    "StoryClusterer",
    "ingest",
    "recluster",
]
