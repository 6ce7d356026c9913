"""Export a trained cross-encoder checkpoint to ONNX, quantise it to int8 and check agreement.

Called by `train_cross_encoder.py export` (training environment: torch, transformers, onnx,
onnxruntime). Writes src/corroborate/models/cross_encoder.onnx and prints its sha256 to pin in
the run-time loader (not in the package yet: no model has passed the gate). Checked in
session 5 on the untrained classifier: torch vs ONNX fp32 logits differ by < 1e-7; fp32 vs int8
by ~0.01; the int8 file is 23.0 MB (fp32 91 MB). On the trained epoch-2 model int8 costs more
(0.750 -> 0.732 inner accuracy, see train_cross_encoder.py).
The pair texts must be tokenised like the embedder's BertWordPieceTokenizer (lowercase, the
same vocab.txt): on MSRP rows 0-2999 its pair encoding equals transformers' tokenizer's
(ids and token types) on all 3,000 pairs.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def to_onnx(model: Any, tokenizer: Any, path: Path) -> None:
    """The classifier as an fp32 ONNX graph with dynamic batch and length; output: one logit."""
    import torch

    model.eval()
    example = tokenizer(["a short sentence"], ["another one"], return_tensors="pt")
    axes = {name: {0: "batch", 1: "length"} for name in INPUTS}
    torch.onnx.export(
        model,
        tuple(example[name] for name in INPUTS),
        str(path),
        input_names=list(INPUTS),
        output_names=["logits"],
        dynamic_axes={**axes, "logits": {0: "batch"}},
        opset_version=OPSET,
        dynamo=False,
    )


def onnx_logits(path: Path, tokenizer: Any, left: list[str], right: list[str]) -> np.ndarray:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 2
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    out = []
    for start in range(0, len(left), 64):
        batch = tokenizer(
            left[start : start + 64],
            right[start : start + 64],
            truncation="longest_first",
            max_length=128,
            padding=True,
            return_tensors="np",
        )
        feed = {name: batch[name].astype(np.int64) for name in INPUTS}
        out.append(session.run(["logits"], feed)[0][:, 0])
    return np.concatenate(out)


def export(args: argparse.Namespace) -> None:
    from train_cross_encoder import FIT_END, INNER_END, MODEL_DIR, load, msrp, probabilities

    if args.checkpoint is None:
        raise SystemExit("export needs --checkpoint")
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tokenizer, model = load(args.checkpoint)
    left, right, labels = msrp(range(INNER_END, FIT_END))
    torch_probs = probabilities(model, tokenizer, left, right, args.max_len, both=False)
    with tempfile.TemporaryDirectory() as folder:
        fp32 = Path(folder) / "fp32.onnx"
        to_onnx(model, tokenizer, fp32)
        MODEL_DIR.mkdir(parents=True, exist_ok=True)
        int8 = MODEL_DIR / "cross_encoder.onnx"
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
        fp32_probs = 1 / (1 + np.exp(-onnx_logits(fp32, tokenizer, left, right)))
    int8_probs = 1 / (1 + np.exp(-onnx_logits(int8, tokenizer, left, right)))
    for name, probs in (
        ("torch", torch_probs),
        ("onnx fp32", fp32_probs),
        ("onnx int8", int8_probs),
    ):
        accuracy = float(((probs >= 0.5) == labels).mean())
        print(f"{name}: inner-validation accuracy {accuracy:.4f}")
    agree = float(((int8_probs >= 0.5) == (fp32_probs >= 0.5)).mean())
    gap = float(np.abs(int8_probs - fp32_probs).max())
    torch_gap = float(np.abs(torch_probs - fp32_probs).max())
    print(
        f"int8 vs fp32: decisions agree on {agree:.4f} of rows {INNER_END}-{FIT_END - 1}; "
        f"max |p difference| {gap:.3f}; torch vs fp32 max {torch_gap:.2e}"
    )
    digest = hashlib.sha256(int8.read_bytes()).hexdigest()
    print(
        f"wrote {int8} ({int8.stat().st_size / 1e6:.1f} MB); pin CROSS_ENCODER_SHA256 = {digest!r}"
    )
