"use strict";
// The GPT of trtune/nanogpt/model.py in plain JavaScript, with the same weights and the same
// steps as trtune/nanogpt/trace.py: embeddings, then per block LayerNorm, q/k/v per head,
// scores, 1/sqrt(hs) scaling, causal mask, softmax, weighted values, projection, residual,
// LayerNorm, MLP (exact erf GELU), residual; final LayerNorm and lm_head (no bias).
// A matrix is {r, c, d}: r rows, c columns, d a Float64Array of r*c numbers, row by row.

function mat(r, c) {
  return { r, c, d: new Float64Array(r * c) };
}
function at(m, i, j) {
  return m.d[i * m.c + j];
}
function row(m, i) {
  return Array.from(m.d.subarray(i * m.c, (i + 1) * m.c));
}

// Weights: one base64 buffer of little-endian float32, and an index name -> [offset, shape].
function decodeWeights(packed) {
  const bin = atob(packed.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const all = new Float32Array(bytes.buffer);
  const W = {};
  for (const [name, [offset, shape]] of Object.entries(packed.index)) {
    const size = shape.reduce((a, b) => a * b, 1);
    W[name] = { shape, d: all.subarray(offset, offset + size) };
  }
  return W;
}

// y = x · Wᵀ + b, with W in nn.Linear's (out, in) layout: (T, in) -> (T, out).
function linear(x, W, b) {
  const O = W.shape[0],
    I = W.shape[1],
    y = mat(x.r, O),
    xd = x.d,
    wd = W.d;
  for (let t = 0; t < x.r; t++) {
    const xo = t * I;
    for (let o = 0; o < O; o++) {
      let s = b ? b.d[o] : 0;
      const wo = o * I;
      for (let i = 0; i < I; i++) s += xd[xo + i] * wd[wo + i];
      y.d[t * O + o] = s;
    }
  }
  return y;
}

function add(a, b) {
  const y = mat(a.r, a.c);
  for (let i = 0; i < y.d.length; i++) y.d[i] = a.d[i] + b.d[i];
  return y;
}

// LayerNorm written out: per-row mean and (biased) variance, eps 1e-5 as nn.LayerNorm.
function layerNorm(x, gamma, beta) {
  const C = x.c,
    out = mat(x.r, C),
    mean = [],
    std = [];
  for (let t = 0; t < x.r; t++) {
    let m = 0;
    for (let c = 0; c < C; c++) m += x.d[t * C + c];
    m /= C;
    let v = 0;
    for (let c = 0; c < C; c++) {
      const e = x.d[t * C + c] - m;
      v += e * e;
    }
    v /= C;
    const s = Math.sqrt(v + 1e-5);
    mean.push(m);
    std.push(s);
    for (let c = 0; c < C; c++) out.d[t * C + c] = ((x.d[t * C + c] - m) / s) * gamma.d[c] + beta.d[c];
  }
  return { mean, std, gamma: Array.from(gamma.d), beta: Array.from(beta.d), out };
}

// erf to about 1e-14: its Taylor series below |z| = 3, the continued fraction of erfc above.
function erf(z) {
  const a = Math.abs(z);
  let r;
  if (a < 3) {
    let term = a,
      sum = a;
    for (let n = 1; n < 100; n++) {
      term *= (-a * a) / n;
      const next = term / (2 * n + 1);
      sum += next;
      if (Math.abs(next) < 1e-17 * Math.abs(sum)) break;
    }
    r = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let f = 0; // erfc(a) = exp(-a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + ...))))
    for (let n = 60; n >= 1; n--) f = n / 2 / (a + f);
    r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f);
  }
  return z < 0 ? -r : r;
}
function gelu(x) {
  return 0.5 * x * (1 + erf(x / Math.SQRT2));
} // nn.GELU(): exact, not tanh

function softmaxRow(values) {
  // -Infinity entries get weight 0
  const m = Math.max(...values);
  const e = values.map((v) => (v === -Infinity ? 0 : Math.exp(v - m)));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

// Columns [from, from+n) of a matrix: one head's slice of q, k or v.
function cols(m, from, n) {
  const y = mat(m.r, n);
  for (let t = 0; t < m.r; t++) for (let j = 0; j < n; j++) y.d[t * n + j] = m.d[t * m.c + from + j];
  return y;
}

function attentionHead(q, k, v) {
  const T = q.r,
    hs = q.c,
    scale = Math.sqrt(hs);
  const scores = mat(T, T),
    scaled = mat(T, T),
    masked = mat(T, T),
    att = mat(T, T),
    out = mat(T, hs);
  for (let i = 0; i < T; i++) {
    for (let j = 0; j < T; j++) {
      let s = 0;
      for (let d = 0; d < hs; d++) s += q.d[i * hs + d] * k.d[j * hs + d];
      scores.d[i * T + j] = s;
      scaled.d[i * T + j] = s / scale;
      masked.d[i * T + j] = j > i ? -Infinity : s / scale; // position i sees only j <= i
    }
    const w = softmaxRow(row(masked, i));
    for (let j = 0; j < T; j++) att.d[i * T + j] = w[j];
    for (let d = 0; d < hs; d++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += w[j] * v.d[j * hs + d];
      out.d[i * hs + d] = s;
    }
  }
  return { scores, scaled, masked, att, out };
}

function block(W, l, x, nh) {
  const p = `transformer.h.${l}.`,
    C = x.c,
    hs = C / nh,
    T = x.r;
  const L = { x_in: x };
  L.ln1 = layerNorm(x, W[p + "ln_1.weight"], W[p + "ln_1.bias"]);
  const qkv = linear(L.ln1.out, W[p + "attn.c_attn.weight"], W[p + "attn.c_attn.bias"]); // (T, 3C)
  for (const key of ["q", "k", "v", "scores", "scaled", "masked", "att", "head_out"]) L[key] = [];
  L.concat = mat(T, C);
  for (let h = 0; h < nh; h++) {
    const q = cols(qkv, h * hs, hs),
      k = cols(qkv, C + h * hs, hs),
      v = cols(qkv, 2 * C + h * hs, hs);
    const a = attentionHead(q, k, v);
    L.q.push(q);
    L.k.push(k);
    L.v.push(v);
    L.scores.push(a.scores);
    L.scaled.push(a.scaled);
    L.masked.push(a.masked);
    L.att.push(a.att);
    L.head_out.push(a.out);
    for (let t = 0; t < T; t++)
      for (let d = 0; d < hs; d++) L.concat.d[t * C + h * hs + d] = a.out.d[t * hs + d];
  }
  L.proj = linear(L.concat, W[p + "attn.c_proj.weight"], W[p + "attn.c_proj.bias"]);
  L.x_mid = add(x, L.proj);
  L.ln2 = layerNorm(L.x_mid, W[p + "ln_2.weight"], W[p + "ln_2.bias"]);
  L.fc = linear(L.ln2.out, W[p + "mlp.c_fc.weight"], W[p + "mlp.c_fc.bias"]); // (T, 4C)
  L.gelu = mat(T, 4 * C);
  for (let i = 0; i < L.fc.d.length; i++) L.gelu.d[i] = gelu(L.fc.d[i]);
  L.mlp_out = linear(L.gelu, W[p + "mlp.c_proj.weight"], W[p + "mlp.c_proj.bias"]);
  L.x_out = add(L.x_mid, L.mlp_out);
  return L;
}

// Every intermediate of one forward pass over idx (length <= block_size).
function forward(W, config, idx) {
  const C = config.n_embd,
    T = idx.length;
  const tr = { idx: idx.slice(), tok_emb: mat(T, C), pos_emb: mat(T, C) };
  for (let t = 0; t < T; t++) {
    for (let c = 0; c < C; c++) {
      tr.tok_emb.d[t * C + c] = W["transformer.wte.weight"].d[idx[t] * C + c];
      tr.pos_emb.d[t * C + c] = W["transformer.wpe.weight"].d[t * C + c];
    }
  }
  tr.x0 = add(tr.tok_emb, tr.pos_emb);
  tr.layers = [];
  let x = tr.x0;
  for (let l = 0; l < config.n_layer; l++) {
    const L = block(W, l, x, config.n_head);
    tr.layers.push(L);
    x = L.x_out;
  }
  tr.ln_f = layerNorm(x, W["transformer.ln_f.weight"], W["transformer.ln_f.bias"]);
  tr.logits = linear(tr.ln_f.out, W["lm_head.weight"], null);
  tr.probs = mat(T, tr.logits.c);
  for (let t = 0; t < T; t++)
    softmaxRow(row(tr.logits, t)).forEach((p, v) => {
      tr.probs.d[t * tr.logits.c + v] = p;
    });
  return tr;
}

function argmax(values) {
  let best = 0;
  values.forEach((v, i) => {
    if (v > values[best]) best = i;
  });
  return best;
}

// Greedy generation, one record per new token, like trace.trace_generation.
function greedy(W, config, idx, steps) {
  const context = idx.slice(),
    out = [];
  for (let s = 0; s < steps; s++) {
    const tr = forward(W, config, context.slice(-config.block_size));
    const logits = row(tr.logits, tr.logits.r - 1);
    const chosen = argmax(logits);
    out.push({ context: context.slice(), logits, probs: softmaxRow(logits), chosen, trace: tr });
    context.push(chosen);
  }
  return out;
}

// Probabilities of the next token at a temperature; 0 means "all on the arg-max".
function withTemperature(logits, temperature) {
  if (temperature <= 0) return logits.map((_, i) => (i === argmax(logits) ? 1 : 0));
  return softmaxRow(logits.map((v) => v / temperature));
}

// A small seeded generator (mulberry32), so that a seed gives the same sample every time.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function sampleIndex(probs, random) {
  let u = random(),
    acc = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i];
    if (u < acc) return i;
  }
  return argmax(probs);
}

// The trace as nested arrays, the layout of trace.to_jsonable (−∞ -> null), for tests.
function nested(value) {
  if (value && value.d instanceof Float64Array) {
    const out = [];
    for (let i = 0; i < value.r; i++) out.push(row(value, i).map((v) => (v === -Infinity ? null : v)));
    return out;
  }
  if (Array.isArray(value)) return value.map(nested);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (k !== "trace") out[k] = nested(v);
    return out;
  }
  return value;
}
