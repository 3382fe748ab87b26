"""all-MiniLM-L6-v2 run in plain torch: the packaged model's weights and tokenizer, its forward pass op for op.

Why not sentence-transformers: importing it (and with it transformers 5, scikit-learn, pandas,
torch.distributed and dynamo) took 3 s of every cold start, three times torch itself, to run a
six-layer BERT that is twenty lines of torch. The arithmetic below is the library's own, in its
order (the embeddings summed word + type + position, the same attention kernel and mask, mean
pooling in float32, the vector normalised twice as `encode(normalize_embeddings=True)` does after
the model's Normalize module), so the vectors are bit-identical to `SentenceTransformer.encode`'s
in fp32 and under bf16 autocast; tests/nlp/test_encoder.py holds it to the library on real text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# sentence_bert_config.json's max_seq_length: longer texts are cut to 256 word pieces.
MAX_PIECES = 256


class MiniLM:
    """A BERT sentence encoder with mean pooling, read from a sentence-transformers model folder."""

    def __init__(self, folder: str | Path) -> None:
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads: int = config["num_attention_heads"]
        self.layers: int = config["num_hidden_layers"]
        self.eps: float = config["layer_norm_eps"]
        self.width: int = config["hidden_size"]
        weights = load_file(str(folder / "model.safetensors"))
        self.weights: dict[str, Any] = {name.removeprefix("bert."): w for name, w in weights.items()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_PIECES)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of a batch

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text; texts batched longest first, as the library does."""
        import torch
        import torch.nn.functional as F

        # np.argsort's default (unstable) sort, as the library's: equal lengths fall into the same batches.
        order = np.argsort([-len(text) for text in texts])
        rows: list[Any] = [None] * len(texts)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                batch = order[start:start + batch_size]
                pieces = self.tokenizer.encode_batch([texts[i] for i in batch])
                ids = torch.tensor([p.ids for p in pieces])
                mask = torch.tensor([p.attention_mask for p in pieces])
                types = torch.tensor([p.type_ids for p in pieces])
                tokens = self._forward(ids, mask, types)
                weights = mask.unsqueeze(-1).to(tokens.dtype)
                sums = (tokens * weights).sum(dim=1, dtype=torch.float32)
                vectors = sums / torch.clamp(weights.sum(dim=1, dtype=torch.float32), min=1e-9)
                vectors = F.normalize(F.normalize(vectors.to(tokens.dtype), p=2, dim=-1), p=2, dim=1)
                for row, i in enumerate(batch):
                    rows[i] = vectors[row]
        if not rows:
            return np.zeros((0, self.width), dtype=np.float32)
        return torch.stack(rows).float().numpy()

    def _forward(self, ids: Any, mask: Any, types: Any) -> Any:
        """The last hidden states of BERT's encoder (transformers' BertModel with sdpa attention, in eval mode)."""
        import torch
        import torch.nn.functional as F

        w = self.weights
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.token_type_embeddings.weight"][types]
        x = x + w["embeddings.position_embeddings.weight"][positions]
        width = x.shape[-1]
        x = F.layer_norm(x, (width,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        batch, length = ids.shape
        attend = mask[:, None, None, :].bool()
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            q, k, v = (F.linear(x, w[f"{p}attention.self.{name}.weight"], w[f"{p}attention.self.{name}.bias"])
                       .view(batch, length, self.heads, -1).transpose(1, 2) for name in ("query", "key", "value"))
            context = F.scaled_dot_product_attention(q, k, v, attn_mask=attend)
            context = context.transpose(1, 2).reshape(batch, length, width)
            out = F.linear(context, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
            x = F.layer_norm(out + x, (width,), w[p + "attention.output.LayerNorm.weight"],
                             w[p + "attention.output.LayerNorm.bias"], self.eps)
            inner = F.gelu(F.linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            out = F.linear(inner, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = F.layer_norm(out + x, (width,), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
                             self.eps)
        return x
