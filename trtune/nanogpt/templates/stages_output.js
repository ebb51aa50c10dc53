// The sections from the MLP to the generated output, and renderAll, which draws every section.

function renderMLP(st) {
  const s = section(st, "sec-mlp", 8, "mlp", ["stream", "param", "norm", "hidden"]),
    L = st.trace.layers[st.layer],
    S = st.S,
    C = st.config.n_embd;
  const rows = rowsOf(st),
    marks = isGenerated(st);
  lnGrids(st, s, L.ln2, L.x_mid, "ln2", "x'");
  line(
    s,
    grid({
      title: `c_fc (${4 * C})`,
      data: L.fc,
      kind: "hidden",
      rows,
      marks,
      formula: (i, j, v) => `h[${i},${j}] = Σ_k ln2[${i},k] · W_fc[k,${j}] + b_fc[${j}]\n= ${fmt(v)}`,
    }),
  );
  line(
    s,
    grid({
      title: "GELU",
      data: L.gelu,
      kind: "hidden",
      rows,
      marks,
      formula: (i, j, v) =>
        `g[${i},${j}] = GELU(h) = h · Φ(h)   (Φ: normal CDF)\n= GELU(${fmt(at(L.fc, i, j))})\n= ${fmt(v)}`,
    }),
  );
  line(
    s,
    grid({
      title: `c_proj (${C})`,
      data: L.mlp_out,
      kind: "stream",
      rows,
      marks,
      formula: (i, j, v) =>
        `m[${i},${j}] = Σ_k g[${i},k] · W_proj2[k,${j}] + b[${j}]   (k < ${4 * C})\n= ${fmt(v)}`,
    }),
    "+",
    grid({ title: "x'", data: L.x_mid, kind: "stream", rows, marks }),
    "=",
    grid({
      title: S.block_out,
      data: L.x_out,
      kind: "stream",
      rows,
      marks,
      formula: (i, j, v) =>
        [
          `x''[${i},${j}] = x'[${i},${j}] + m[${i},${j}]`,
          `= ${fmt(at(L.x_mid, i, j))} + ${fmt(at(L.mlp_out, i, j))}`,
          `= ${fmt(v)}`,
        ].join("\n"),
    }),
  );
}

function renderStream(st) {
  const s = section(st, "sec-stream", 9, "stream", ["stream"]),
    S = st.S,
    rows = rowsOf(st),
    marks = isGenerated(st);
  const r = line(s, grid({ title: S.x0, data: st.trace.x0, kind: "stream", rows, marks }));
  st.trace.layers.forEach((L, l) => {
    r.appendChild(el("div", "op", "→"));
    r.appendChild(
      grid({
        title: `${S.after} ${S.layer} ${l + 1}`,
        data: L.x_out,
        kind: "stream",
        rows,
        marks,
        formula: (i, j, v) => `x${l + 1}[${i},${j}] = ${fmt(v)}`,
      }),
    );
  });
}

function renderOutput(st) {
  const s = section(st, "sec-output", 10, "output", ["stream", "param", "norm", "logit", "prob"]),
    T = st.trace,
    S = st.S;
  lnGrids(st, s, T.ln_f, T.layers[T.layers.length - 1].x_out, "ln_f", `x${T.layers.length}`);
  const V = st.vocab.map((_, v) => st.label(v)),
    small = V.length <= 16,
    rows = rowsOf(st),
    marks = isGenerated(st);
  line(
    s,
    grid({
      title: "logits",
      data: T.logits,
      kind: "logit",
      rows,
      marks,
      cols: small ? V : null,
      formula: (i, j, v) =>
        `logit[${i}, ${V[j]}] = Σ_c ln_f[${i},c] · W_head[${j},c]   (${S.no_bias})\n= ${fmt(v)}`,
    }),
    "→",
    grid({
      title: "softmax",
      data: T.probs,
      kind: "prob",
      rows,
      marks,
      cols: small ? V : null,
      formula: (i, j, v) =>
        `p[${i}, ${V[j]}] = exp(logit[${i}, ${V[j]}]) / Σ_v exp(logit[${i},v])\n= ${fmt(v)}`,
    }),
  );
  s.appendChild(el("div", "caption", S[`output_legend_${st.kind}`]));
}

function bars(st, probs, chosen, logits) {
  const box = el("div", "bars"),
    S = st.S;
  const order = probs.map((p, v) => [p, v]); // the sort model's three letters stay in order
  if (st.kind === "text") order.sort((a, b) => b[0] - a[0]).splice(10);
  const top = Math.max(...probs) || 1; // the tallest bar is full height
  order.forEach(([p, v]) => {
    const b = el("div", "bar" + (v === chosen ? " win" : ""));
    b.appendChild(el("span", "pct", (100 * p).toFixed(1) + "%"));
    const f = el("div", "fill");
    f.style.height = Math.max(2, Math.round((56 * p) / top)) + "px";
    b.title = `p(${st.label(v)}) = ${fmt(p)}   logit ${fmt(logits[v])}`;
    b.appendChild(f);
    b.appendChild(el("span", "sym", st.label(v)));
    box.appendChild(b);
  });
  box.setAttribute("aria-label", S.top_chars ? fill(S.top_chars, { t: st.temperature }) : "");
  return box;
}

function renderGeneration(st) {
  const s = section(st, "sec-generation", 11, "generation", ["prob"]);
  if (st.kind === "sort") {
    const box = el("div", "gen");
    st.gen.forEach((g, n) => {
      const r = el("div", "genstep");
      r.appendChild(el("strong", "", `${st.S.step} ${n + 1}`));
      const ctx = el("div", "ctx");
      g.context.forEach((c, t) =>
        ctx.appendChild(el("span", "chip" + (t >= st.input.length ? " new" : ""), st.label(c))),
      );
      r.appendChild(ctx);
      r.appendChild(el("span", "op", "→"));
      r.appendChild(bars(st, g.probs, g.chosen, g.logits));
      r.appendChild(el("span", "chip new", st.label(g.chosen)));
      box.appendChild(r);
    });
    s.appendChild(box);
    return;
  }
  const logits = row(st.trace.logits, st.trace.idx.length - 1),
    probs = withTemperature(logits, st.temperature);
  s.appendChild(el("div", "caption", fill(st.S.top_chars, { t: st.temperature.toFixed(2) })));
  s.appendChild(bars(st, probs, argmax(logits), logits));
}

function renderLayerSections(st) {
  renderLayerNorm(st);
  renderQKV(st);
  renderScores(st);
  renderHeads(st);
  renderMLP(st);
}
function renderAll(st) {
  renderTokens(st);
  renderEmbedding(st);
  renderLayerSections(st);
  renderSoftmax(st);
  renderStream(st);
  renderOutput(st);
  renderGeneration(st);
  [
    "sec-tokens",
    "sec-embedding",
    "sec-layernorm",
    "sec-qkv",
    "sec-scores",
    "sec-softmax",
    "sec-heads",
    "sec-mlp",
    "sec-stream",
    "sec-output",
    "sec-generation",
  ].forEach((id) => notesBox(st, id));
}
