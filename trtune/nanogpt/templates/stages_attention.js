// The sections from the tokens to the attention's output, one function each, drawing the
// current trace (st.trace) in 2-D; layer sections show the layer picked in the map (st.layer).
// The shared helpers (a section's heading, legend and notes) are here too.

function section(st, id, num, key, kinds, masked) {
  const S = st.S,
    s = document.getElementById(id);
  s.innerHTML = "";
  const h = el("h2");
  h.appendChild(el("span", "num", num + ". "));
  h.appendChild(document.createTextNode(fill(S[key + "_title"] || S[`${key}_title_${st.kind}`], st.vars)));
  s.appendChild(h);
  s.appendChild(el("p", "explain", fill(S[key + "_text"] || S[`${key}_text_${st.kind}`], st.vars)));
  if (kinds.length) s.appendChild(legend(kinds, S, masked));
  return s;
}
function line(parent, ...items) {
  const r = el("div", "row");
  items.forEach((it) => r.appendChild(typeof it === "string" ? el("div", "op", it) : it));
  parent.appendChild(r);
  return r;
}
function notesBox(st, id) {
  const mine = st.notes.filter((n) => n.stage === id);
  if (!mine.length) return;
  const box = el("aside", "notice");
  box.appendChild(el("strong", "", st.S.notice));
  const ul = el("ul");
  mine.forEach((n) => {
    const li = el("li", n.minor ? "minor" : "", fill(st.N[n.key], n.vars));
    li.dataset.key = n.key;
    ul.appendChild(li);
  });
  box.appendChild(ul);
  document.getElementById(id).appendChild(box);
}
const isGenerated = (st) => st.trace.idx.map((_, t) => st.kind === "sort" && t >= st.input.length);
const rowsOf = (st) => st.trace.idx.map((v, t) => `${t}:${st.label(v)}`);
const tokensOf = (st) => st.trace.idx.map((v) => st.label(v));

function renderTokens(st) {
  const s = section(st, "sec-tokens", 1, "tokens", []);
  const m = el("div", "tokmap");
  st.trace.idx.forEach((v, t) => {
    const d = el("div");
    d.appendChild(el("span", "chip" + (isGenerated(st)[t] ? " new" : ""), st.label(v)));
    d.appendChild(el("span", "op", "↓"));
    d.appendChild(el("span", "idx", String(v)));
    m.appendChild(d);
  });
  s.appendChild(m);
}

function renderEmbedding(st) {
  const s = section(st, "sec-embedding", 2, "embedding", ["stream"]),
    T = st.trace,
    S = st.S,
    marks = isGenerated(st);
  const tok = grid({
    title: S.tok_emb,
    data: T.tok_emb,
    kind: "stream",
    rows: T.idx.map((v) => `wte[${v}]`),
    marks,
    formula: (i, j, v) =>
      `tok_emb[${i},${j}] = wte[${T.idx[i]},${j}]  (${st.label(T.idx[i])} → ${T.idx[i]})\n= ${fmt(v)}`,
  });
  const p = grid({
    title: S.pos_emb,
    data: T.pos_emb,
    kind: "stream",
    rows: T.idx.map((_, t) => `wpe[${t}]`),
    marks,
    formula: (i, j, v) => `pos_emb[${i},${j}] = wpe[${i},${j}]\n= ${fmt(v)}`,
  });
  const x = grid({
    title: S.x0,
    data: T.x0,
    kind: "stream",
    rows: rowsOf(st),
    marks,
    formula: (i, j, v) =>
      [
        `x[${i},${j}] = wte[${T.idx[i]},${j}] + wpe[${i},${j}]`,
        `= ${fmt(at(T.tok_emb, i, j))} + ${fmt(at(T.pos_emb, i, j))}`,
        `= ${fmt(v)}`,
      ].join("\n"),
  });
  line(s, tok, "+", p, "=", x);
}

function lnGrids(st, parent, ln, xin, name, inName) {
  const rows = rowsOf(st),
    marks = isGenerated(st),
    C = st.config.n_embd;
  const f = (i, j, v) =>
    [
      `${name}[${i},${j}] = (${inName}[${i},${j}] − μ[${i}]) / σ[${i}] · γ[${j}] + β[${j}]`,
      `= (${fmt(at(xin, i, j))} − ${fmt(ln.mean[i])}) / ${fmt(ln.std[i])} · ${fmt(ln.gamma[j])} + ${fmt(ln.beta[j])}`,
      `= ${fmt(v)}`,
    ].join("\n");
  line(
    parent,
    grid({
      title: inName,
      data: xin,
      kind: "stream",
      rows,
      marks,
      formula: (i, j, v) => `${inName}[${i},${j}] = ${fmt(v)}`,
    }),
    grid({
      title: "μ",
      data: ln.mean,
      column: true,
      kind: "stream",
      formula: (i, j, v) => `μ[${i}] = (1/${C}) Σ_c ${inName}[${i},c]\n= ${fmt(v)}`,
    }),
    grid({
      title: "σ",
      data: ln.std,
      column: true,
      kind: "stream",
      formula: (i, j, v) => `σ[${i}] = √( (1/${C}) Σ_c (${inName}[${i},c] − μ[${i}])² + 1e-5 )\n= ${fmt(v)}`,
    }),
  );
  line(
    parent,
    grid({
      title: "γ",
      data: ln.gamma,
      kind: "param",
      formula: (i, j, v) => `γ[${j}] = ${fmt(v)} (${st.S.learned})`,
    }),
    grid({
      title: "β",
      data: ln.beta,
      kind: "param",
      formula: (i, j, v) => `β[${j}] = ${fmt(v)} (${st.S.learned})`,
    }),
  );
  line(parent, grid({ title: name, data: ln.out, kind: "norm", rows, marks, formula: f }));
}

function renderLayerNorm(st) {
  const s = section(st, "sec-layernorm", 3, "layernorm", ["stream", "param", "norm"]);
  const L = st.trace.layers[st.layer];
  lnGrids(st, s, L.ln1, L.x_in, "ln1", st.layer === 0 ? "x" : `x${st.layer}`);
}

function headRows(st, id, num, key, kinds, masked, cells) {
  const s = section(st, id, num, key, kinds, masked),
    heads = el("div", "heads");
  for (let h = 0; h < st.config.n_head; h++) {
    const r = el("div", "headrow");
    r.appendChild(el("div", "label", `${st.S.head} ${h + 1}`));
    cells(h).forEach((g) => r.appendChild(g));
    heads.appendChild(r);
  }
  s.appendChild(heads);
  return s;
}

function renderQKV(st) {
  const L = st.trace.layers[st.layer],
    C = st.config.n_embd,
    HS = C / st.config.n_head,
    S = st.S;
  const colsHS = Array.from({ length: HS }, (_, j) => (HS <= 16 ? String(j) : ""));
  headRows(st, "sec-qkv", 4, "qkv", ["qkv"], false, (h) =>
    ["q", "k", "v"].map((name, part) =>
      grid({
        title: `${name.toUpperCase()} (${S.head} ${h + 1})`,
        data: L[name][h],
        kind: "qkv",
        rows: rowsOf(st),
        marks: isGenerated(st),
        cols: HS <= 16 ? colsHS : null,
        formula: (i, j, v) =>
          [
            `${name}[${i},${j}] = Σ_k ln1[${i},k] · W_${name}[k,${h * HS + j}] + b_${name}[${h * HS + j}]`,
            `  (L${st.layer + 1}, c_attn ${S.column} ${part * C + h * HS + j})`,
            `= ${fmt(v)}`,
          ].join("\n"),
      }),
    ),
  );
}

function renderScores(st) {
  const L = st.trace.layers[st.layer],
    HS = st.config.n_embd / st.config.n_head,
    S = st.S;
  const base = { kind: "score", rows: rowsOf(st), cols: tokensOf(st), marks: isGenerated(st) };
  headRows(st, "sec-scores", 5, "scores", ["score"], true, (h) => [
    grid({
      ...base,
      title: "q·kᵀ",
      data: L.scores[h],
      formula: (i, j, v) => `s[${i},${j}] = Σ_d q[${i},d] · k[${j},d]   (d < ${HS})\n= ${fmt(v)}`,
    }),
    grid({
      ...base,
      title: `÷ √${HS}`,
      data: L.scaled[h],
      formula: (i, j, v) =>
        `s[${i},${j}] / √${HS} = ${fmt(at(L.scores[h], i, j))} / ${Math.sqrt(HS).toFixed(3)}\n= ${fmt(v)}`,
    }),
    grid({
      ...base,
      title: S.mask,
      data: L.masked[h],
      formula: (i, j, v) =>
        j > i ? `${S.masked_out} (${j} > ${i}) → −∞` : `${S.kept} (${j} ≤ ${i})\n= ${fmt(v)}`,
    }),
  ]);
}

function renderSoftmax(st) {
  const s = section(st, "sec-softmax", 6, "softmax", ["prob"]),
    heads = el("div", "heads"),
    S = st.S;
  st.trace.layers.forEach((L, l) => {
    const r = el("div", "headrow");
    r.appendChild(el("div", "label", `${S.layer} ${l + 1}`));
    L.att.forEach((att, h) =>
      r.appendChild(
        grid({
          title: `L${l + 1} H${h + 1}`,
          data: att,
          kind: "prob",
          rows: rowsOf(st),
          cols: tokensOf(st),
          marks: isGenerated(st),
          formula: (i, j, v) =>
            [
              `a[${i},${j}] = exp(s'[${i},${j}]) / Σ_u≤${i} exp(s'[${i},u])`,
              `  (L${l + 1}, ${S.head} ${h + 1}: ${tokensOf(st)[i]}@${i} → ${tokensOf(st)[j]}@${j})`,
              `= ${fmt(v)}`,
            ].join("\n"),
        }),
      ),
    );
    heads.appendChild(r);
  });
  s.appendChild(heads);
  s.appendChild(el("div", "caption", S.softmax_legend));
}

function renderHeads(st) {
  const s = section(st, "sec-heads", 7, "heads", ["qkv", "stream"]),
    L = st.trace.layers[st.layer],
    S = st.S,
    HS = st.config.n_embd / st.config.n_head;
  const rows = rowsOf(st),
    marks = isGenerated(st),
    r = line(s);
  L.head_out.forEach((y, h) =>
    r.appendChild(
      grid({
        title: `a·V (${S.head} ${h + 1})`,
        data: y,
        kind: "qkv",
        rows,
        marks,
        formula: (i, j, v) => `y${h + 1}[${i},${j}] = Σ_u a[${i},u] · v[u,${j}]\n= ${fmt(v)}`,
      }),
    ),
  );
  line(
    s,
    grid({
      title: S.concat,
      data: L.concat,
      kind: "qkv",
      rows,
      marks,
      formula: (i, j, v) => `concat[${i},${j}] = y${Math.floor(j / HS) + 1}[${i},${j % HS}]\n= ${fmt(v)}`,
    }),
    "→",
    grid({
      title: S.proj,
      data: L.proj,
      kind: "stream",
      rows,
      marks,
      formula: (i, j, v) =>
        `proj[${i},${j}] = Σ_k concat[${i},k] · W_proj[k,${j}] + b_proj[${j}]\n= ${fmt(v)}`,
    }),
  );
  line(
    s,
    grid({ title: S.residual_in, data: L.x_in, kind: "stream", rows, marks }),
    "+",
    grid({ title: S.proj, data: L.proj, kind: "stream", rows, marks }),
    "=",
    grid({
      title: S.residual_mid,
      data: L.x_mid,
      kind: "stream",
      rows,
      marks,
      formula: (i, j, v) =>
        [
          `x'[${i},${j}] = x[${i},${j}] + proj[${i},${j}]`,
          `= ${fmt(at(L.x_in, i, j))} + ${fmt(at(L.proj, i, j))}`,
          `= ${fmt(v)}`,
        ].join("\n"),
    }),
  );
}
