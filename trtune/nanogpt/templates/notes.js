// "What to notice": sentences computed from the numbers of the current input (the trained
// model's real attention, norms and probabilities). Each note is {stage, key, vars, raw}:
// key picks the sentence in both languages (page_notes.py), vars fill it, raw keeps the
// unrounded numbers (the browser test compares them with PyTorch's).

function norm(m, i) {
  let s = 0;
  for (let j = 0; j < m.c; j++) s += at(m, i, j) ** 2;
  return Math.sqrt(s);
}
function meanOf(xs) {
  return xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
}
// A share as a percentage, without its sign (the sentence places it): one decimal near 0 and 1.
function pct(x) {
  return (100 * x).toFixed(x < 0.1 || (x > 0.99 && x < 1) ? 1 : 0);
}
function headName(l, h) {
  return { l: l + 1, h: h + 1 };
}

// Sort model: the row t >= LENGTH-1 writes answer letter t-5; how much of a head's weight at
// that row sits on input positions holding that letter, against spreading evenly.
function readsItsLetter(att, input, letter, t) {
  let same = 0,
    inp = 0,
    count = 0;
  input.forEach((tok, j) => {
    inp += at(att, t, j);
    if (tok === letter) {
      same += at(att, t, j);
      count += 1;
    }
  });
  return { same, inp, even: count / (t + 1) };
}
function sortHeadStats(st) {
  const n = st.input.length,
    out = [];
  st.trace.layers.forEach((L, l) =>
    L.att.forEach((att, h) => {
      const rows = [];
      for (let t = n - 1; t < st.trace.idx.length; t++)
        rows.push(readsItsLetter(att, st.input, st.answer[t - n + 1], t));
      out.push({
        l,
        h,
        same: meanOf(rows.map((r) => r.same)),
        even: meanOf(rows.map((r) => r.even)),
        inp: meanOf(rows.map((r) => r.inp)),
      });
    }),
  );
  return out;
}
function textHeadStats(st, label) {
  const T = st.trace.idx.length,
    out = [];
  st.trace.layers.forEach((L, l) =>
    L.att.forEach((att, h) => {
      const prev = [],
        first = [],
        self = [];
      for (let t = 0; t < T; t++) {
        self.push(at(att, t, t));
        if (t > 0) {
          prev.push(at(att, t, t - 1));
          first.push(at(att, t, 0));
        }
      }
      const last = row(att, T - 1)
        .map((w, j) => [w, j])
        .sort((a, b) => b[0] - a[0])
        .slice(0, 2);
      out.push({
        l,
        h,
        prev: meanOf(prev),
        first: meanOf(first),
        self: meanOf(self),
        top: last.map(([w, j]) => `${label(st.trace.idx[j])}@${j} (${pctText(w, st.lang)})`).join(", "),
      });
    }),
  );
  return out;
}
function pctText(x, lang) {
  return lang === "tr" ? "%" + pct(x) : pct(x) + "%";
}
function argmaxBy(items, f) {
  return items.reduce((best, it) => (f(it) > f(best) ? it : best), items[0]);
}

function layerNotes(st, notes, label) {
  const L = st.trace.layers[st.layer],
    T = st.trace.idx.length,
    hs = st.config.n_embd / st.config.n_head;
  const ln = L.ln1,
    g = ln.gamma.map(Math.abs);
  notes.push({
    stage: "sec-layernorm",
    key: "layernorm",
    vars: {
      mumin: fmt(Math.min(...ln.mean)),
      mumax: fmt(Math.max(...ln.mean)),
      smin: fmt(Math.min(...ln.std)),
      smax: fmt(Math.max(...ln.std)),
      gmin: fmt(Math.min(...ln.gamma)),
      gmax: fmt(Math.max(...ln.gamma)),
      gj: g.indexOf(Math.max(...g)),
    },
  });
  const list = L.q.map((q, h) => {
    const rows = [...Array(T).keys()];
    const qn = meanOf(rows.map((i) => norm(q, i))),
      kn = meanOf(rows.map((i) => norm(L.k[h], i)));
    return `H${h + 1} q ${fmt(qn)} k ${fmt(kn)}`;
  });
  notes.push({ stage: "sec-qkv", key: "qkv", vars: { list: list.join("; ") } });
  let best = { v: -Infinity };
  L.masked.forEach((m, h) => {
    for (let i = 0; i < T; i++)
      for (let j = 0; j <= i; j++) if (at(m, i, j) > best.v) best = { v: at(m, i, j), h, i, j };
  });
  notes.push({
    stage: "sec-scores",
    key: "scores",
    vars: {
      L: st.layer + 1,
      h: best.h + 1,
      i: best.i,
      j: best.j,
      ti: label(st.trace.idx[best.i]),
      tj: label(st.trace.idx[best.j]),
      raw: fmt(at(L.scores[best.h], best.i, best.j)),
      scaled: fmt(best.v),
      HS: hs,
      masked: (T * (T - 1)) / 2,
      pairs: T * T,
    },
  });
  const ratio = (a, b) => meanOf([...Array(T).keys()].map((i) => norm(a, i) / norm(b, i)));
  notes.push({ stage: "sec-heads", key: "heads", vars: { L: st.layer + 1, r: pct(ratio(L.proj, L.x_in)) } });
  const positive = L.gelu.d.reduce((a, v) => a + (v > 0 ? 1 : 0), 0) / L.gelu.d.length;
  notes.push({
    stage: "sec-mlp",
    key: "mlp",
    vars: { pos: pct(positive), C4: 4 * st.config.n_embd, r: pct(ratio(L.mlp_out, L.x_mid)) },
  });
}

function attentionNotes(st, notes, label) {
  if (st.kind === "sort") {
    const stats = sortHeadStats(st);
    const best = argmaxBy(stats, (s) => s.same - s.even);
    notes.push({
      stage: "sec-softmax",
      key: "softmax_sort_best",
      vars: { ...headName(best.l, best.h), same: pct(best.same), even: pct(best.even) },
      raw: { layer: best.l, head: best.h, same: best.same, even: best.even },
    });
    stats.forEach((s) =>
      notes.push({
        stage: "sec-softmax",
        key: "softmax_sort_head",
        minor: true,
        vars: { ...headName(s.l, s.h), same: pct(s.same), even: pct(s.even), inp: pct(s.inp) },
        raw: s,
      }),
    );
  } else {
    const stats = textHeadStats(st, label);
    const best = argmaxBy(stats, (s) => s.prev);
    notes.push({
      stage: "sec-softmax",
      key: "softmax_text_best",
      vars: { ...headName(best.l, best.h), prev: pct(best.prev) },
      raw: { layer: best.l, head: best.h, prev: best.prev },
    });
    stats.forEach((s) =>
      notes.push({
        stage: "sec-softmax",
        key: "softmax_text_head",
        minor: true,
        vars: {
          ...headName(s.l, s.h),
          prev: pct(s.prev),
          self: pct(s.self),
          first: pct(s.first),
          top: s.top,
        },
        raw: s,
      }),
    );
  }
}

function streamNotes(st, notes) {
  const tr = st.trace,
    T = tr.idx.length,
    last = T - 1;
  const tok = meanOf([...Array(T).keys()].map((i) => norm(tr.tok_emb, i)));
  const pos = meanOf([...Array(T).keys()].map((i) => norm(tr.pos_emb, i)));
  notes.push({
    stage: "sec-embedding",
    key: "embedding",
    vars: { tok: fmt(tok), pos: fmt(pos), bigger: st.N[tok >= pos ? "bigger_tok" : "bigger_pos"] },
  });
  const moves = tr.layers.map((L) => {
    let s = 0;
    for (let c = 0; c < L.x_in.c; c++) s += (at(L.x_out, last, c) - at(L.x_in, last, c)) ** 2;
    return Math.sqrt(s);
  });
  const l = moves.indexOf(Math.max(...moves));
  notes.push({
    stage: "sec-stream",
    key: "stream",
    vars: {
      l: l + 1,
      d: fmt(moves[l]),
      n0: fmt(norm(tr.x0, last)),
      n1: fmt(norm(tr.layers[tr.layers.length - 1].x_out, last)),
    },
  });
}

function outputNotes(st, notes, label) {
  const tr = st.trace,
    T = tr.idx.length;
  if (st.kind === "sort") {
    const n = st.input.length,
      ps = [];
    for (let t = n - 1; t < T; t++) ps.push(at(tr.probs, t, st.answer[t - n + 1]));
    notes.push({
      stage: "sec-output",
      key: "output_sort",
      vars: { pmin: pct(Math.min(...ps)), pmax: pct(Math.max(...ps)) },
    });
    const tops = st.gen.map((g) => Math.max(...g.probs)),
      k = tops.indexOf(Math.min(...tops));
    const letter = st.answer[k],
      rowT = n - 1 + k;
    const heads = [];
    tr.layers.forEach((L, l) =>
      L.att.forEach((att, h) => heads.push({ l, h, w: readsItsLetter(att, st.input, letter, rowT).same })),
    );
    const best = argmaxBy(heads, (x) => x.w);
    notes.push({
      stage: "sec-generation",
      key: "generation_sort",
      vars: {
        out: st.answer.map(label).join(""),
        k: k + 1,
        p: pct(tops[k]),
        ch: label(letter),
        ...headName(best.l, best.h),
        w: pct(best.w),
      },
      raw: { step: k, layer: best.l, head: best.h, w: best.w },
    });
  } else {
    const logits = row(tr.logits, T - 1),
      probs = withTemperature(logits, st.temperature),
      p1 = softmaxRow(logits);
    const order = p1.map((p, v) => [p, v]).sort((a, b) => b[0] - a[0]);
    notes.push({
      stage: "sec-output",
      key: "output_text",
      vars: {
        top: order
          .slice(0, 3)
          .map(([p, v]) => `${label(v)} ${pctText(p, st.lang)}`)
          .join(", "),
      },
    });
    const c = argmax(logits);
    notes.push({
      stage: "sec-generation",
      key: "generation_text",
      vars: { t: st.temperature.toFixed(2), c: label(c), p: pct(probs[c]), p1: pct(p1[c]) },
    });
  }
}

function computeNotes(st, label) {
  const notes = [];
  if (st.kind === "sort") {
    const counts = [0, 1, 2].map((v) => st.input.filter((x) => x === v).length);
    notes.push({
      stage: "sec-tokens",
      key: "tokens_sort",
      vars: { a: counts[0], b: counts[1], c: counts[2], A: label(0), B: label(1), C: label(2) },
    });
  } else {
    notes.push({
      stage: "sec-tokens",
      key: "tokens_text",
      vars: { n: st.trace.idx.length, u: new Set(st.trace.idx).size, bs: st.config.block_size },
    });
  }
  streamNotes(st, notes);
  layerNotes(st, notes, label);
  attentionNotes(st, notes, label);
  outputNotes(st, notes, label);
  return notes;
}
