"use strict";
// One forward pass of a small GPT, drawn from the real activations embedded above as JSON.
const D = JSON.parse(document.getElementById("trace-data").textContent);
const S = D.strings;
const T = D.trace;
const NH = D.config.n_head, C = D.config.n_embd, HS = C / NH;
let layer = 0;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function fmt(v) { return v === null ? "−∞" : (Math.abs(v) >= 10 ? v.toFixed(2) : v.toFixed(4)); }
function fill(template, vars) { return template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m)); }

// Colours: blue for negative, white for 0, red for positive; green scale for probabilities.
function colour(v, scale, prob) {
  if (v === null) return "#cfd6df";
  if (prob) {
    const a = Math.max(0, Math.min(1, v));
    return `rgb(${Math.round(255 - 200 * a)},${Math.round(255 - 90 * a)},${Math.round(255 - 170 * a)})`;
  }
  const a = Math.max(-1, Math.min(1, v / (scale || 1)));
  if (a >= 0) return `rgb(255,${Math.round(255 - 170 * a)},${Math.round(255 - 190 * a)})`;
  return `rgb(${Math.round(255 + 190 * a)},${Math.round(255 + 120 * a)},255)`;
}

const tip = document.getElementById("tooltip");
function showTip(ev, text) {
  tip.textContent = text;
  tip.hidden = false;
  const x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const y = ev.clientY + 16 + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 10 : ev.clientY + 16;
  tip.style.left = x + "px";
  tip.style.top = y + "px";
}
document.addEventListener("mouseout", (ev) => { if (ev.target.classList && ev.target.classList.contains("cell")) tip.hidden = true; });

// A matrix as a colour grid. opts: title, rows (labels), cols (labels or null), formula(i, j, v),
// prob (0..1 scale), text (print values in the cells), width (cell px).
function grid(data, opts) {
  const m = data.map((r) => (Array.isArray(r) ? r : [r]));
  const nr = m.length, nc = m[0].length;
  // Narrow matrices get big cells; 48-channel rows fit three to a line; 192 channels alone.
  const w = opts.width || (opts.text ? 46 : nc <= 16 ? 18 : Math.max(4, Math.floor(260 / nc)));
  let scale = 0;
  m.forEach((r) => r.forEach((v) => { if (v !== null) scale = Math.max(scale, Math.abs(v)); }));
  const box = el("div", "mat");
  const title = el("div", "title", opts.title);
  title.appendChild(el("span", "shape", `${nr}×${nc}`));
  box.appendChild(title);
  const g = el("div", "grid");
  const hasRows = !!opts.rows;
  g.style.gridTemplateColumns = (hasRows ? "auto " : "") + `repeat(${nc}, ${w}px)`;
  if (opts.cols) {
    if (hasRows) g.appendChild(el("div", "rl", ""));
    opts.cols.forEach((c) => g.appendChild(el("div", "cl", c)));
  }
  for (let i = 0; i < nr; i++) {
    if (hasRows) g.appendChild(el("div", "rl", opts.rows[i]));
    for (let j = 0; j < nc; j++) {
      const v = m[i][j];
      const c = el("div", "cell" + (opts.text ? " txt" : ""), opts.text ? fmt(v) : undefined);
      c.style.background = colour(v, scale, opts.prob);
      c.addEventListener("mousemove", (ev) => showTip(ev, opts.formula(i, j, v)));
      g.appendChild(c);
    }
  }
  box.appendChild(g);
  return box;
}

function section(id, num, key) {
  const s = document.getElementById(id);
  s.innerHTML = "";
  const h = el("h2");
  const vars = { L: layer + 1, HS: HS, C: C, C4: 4 * C, NH: NH };
  h.appendChild(el("span", "num", num + ". "));
  h.appendChild(document.createTextNode(fill(S[key + "_title"], vars)));
  s.appendChild(h);
  s.appendChild(el("p", "explain", fill(S[key + "_text"], vars)));
  return s;
}
function row(parent, ...items) {
  const r = el("div", "row");
  items.forEach((it) => r.appendChild(typeof it === "string" ? el("div", "op", it) : it));
  parent.appendChild(r);
  return r;
}
const pos = (t) => `${t}:${D.tokens[t]}`;
const rowsT = D.tokens.map((_, t) => pos(t));
const col = (n) => Array.from({ length: n }, (_, j) => (n <= 16 ? String(j) : ""));
const Lname = () => `L${layer + 1}`;

function renderTokens() {
  const s = section("sec-tokens", 1, "tokens");
  const m = el("div", "tokmap");
  D.tokens.forEach((tok, t) => {
    const d = el("div");
    d.appendChild(el("span", "chip", tok));
    d.appendChild(el("span", "op", "↓"));
    d.appendChild(el("span", "idx", String(T.idx[t])));
    m.appendChild(d);
  });
  s.appendChild(m);
}

function renderEmbedding() {
  const s = section("sec-embedding", 2, "embedding");
  const tok = grid(T.tok_emb, { title: S.tok_emb, rows: D.tokens.map((k, t) => `wte[${T.idx[t]}]`),
    formula: (i, j, v) => `tok_emb[${i},${j}] = wte[${T.idx[i]},${j}]\n  (${D.tokens[i]} → ${T.idx[i]})\n= ${fmt(v)}` });
  const p = grid(T.pos_emb, { title: S.pos_emb, rows: D.tokens.map((_, t) => `wpe[${t}]`),
    formula: (i, j, v) => `pos_emb[${i},${j}] = wpe[${i},${j}]\n= ${fmt(v)}` });
  const x = grid(T.x0, { title: S.x0, rows: rowsT,
    formula: (i, j, v) => `x[${i},${j}] = wte[${T.idx[i]},${j}] + wpe[${i},${j}]\n= ${fmt(T.tok_emb[i][j])} + ${fmt(T.pos_emb[i][j])}\n= ${fmt(v)}` });
  row(s, tok, "+", p, "=", x);
}

function lnGrids(parent, ln, xin, name, inName) {
  const f = (i, j, v) => `${name}[${i},${j}] = (${inName}[${i},${j}] − μ[${i}]) / σ[${i}] · γ[${j}] + β[${j}]\n= (${fmt(xin[i][j])} − ${fmt(ln.mean[i])}) / ${fmt(ln.std[i])} · ${fmt(ln.gamma[j])} + ${fmt(ln.beta[j])}\n= ${fmt(v)}`;
  row(parent,
    grid(xin, { title: inName, rows: rowsT, formula: (i, j, v) => `${inName}[${i},${j}] = ${fmt(v)}` }),
    grid(ln.mean, { title: "μ", text: true, formula: (i, j, v) => `μ[${i}] = (1/${C}) Σ_c ${inName}[${i},c]\n= ${fmt(v)}` }),
    grid(ln.std, { title: "σ", text: true, formula: (i, j, v) => `σ[${i}] = √( (1/${C}) Σ_c (${inName}[${i},c] − μ[${i}])² + 1e-5 )\n= ${fmt(v)}` }));
  row(parent,
    grid([ln.gamma], { title: "γ", formula: (i, j, v) => `γ[${j}] = ${fmt(v)} (${S.learned})` }),
    grid([ln.beta], { title: "β", formula: (i, j, v) => `β[${j}] = ${fmt(v)} (${S.learned})` }));
  row(parent, grid(ln.out, { title: name, rows: rowsT, formula: f }));
}

function renderLayerNorm() {
  const s = section("sec-layernorm", 3, "layernorm");
  const L = T.layers[layer];
  lnGrids(s, L.ln1, L.x_in, `ln1`, layer === 0 ? "x" : `x${layer}`);
}

function renderQKV() {
  const s = section("sec-qkv", 4, "qkv");
  const L = T.layers[layer];
  const heads = el("div", "heads");
  for (let h = 0; h < NH; h++) {
    const r = el("div", "headrow");
    r.appendChild(el("div", "label", `${S.head} ${h + 1}`));
    ["q", "k", "v"].forEach((name, part) => {
      r.appendChild(grid(L[name][h], { title: `${name.toUpperCase()} (${S.head} ${h + 1})`, rows: rowsT, cols: col(HS),
        formula: (i, j, v) => `${name}[${i},${j}] = Σ_k ln1[${i},k] · W_${name}[k,${h * HS + j}] + b_${name}[${h * HS + j}]\n  (${Lname()}, c_attn ${S.column} ${part * C + h * HS + j})\n= ${fmt(v)}` }));
    });
    heads.appendChild(r);
  }
  s.appendChild(heads);
}

function renderScores() {
  const s = section("sec-scores", 5, "scores");
  const L = T.layers[layer];
  const heads = el("div", "heads");
  for (let h = 0; h < NH; h++) {
    const r = el("div", "headrow");
    r.appendChild(el("div", "label", `${S.head} ${h + 1}`));
    r.appendChild(grid(L.scores[h], { title: "q·kᵀ", rows: rowsT, cols: D.tokens, text: true,
      formula: (i, j, v) => `s[${i},${j}] = Σ_d q[${i},d] · k[${j},d]   (d < ${HS})\n= ${fmt(v)}` }));
    r.appendChild(grid(L.scaled[h], { title: `÷ √${HS}`, rows: rowsT, cols: D.tokens, text: true,
      formula: (i, j, v) => `s[${i},${j}] / √${HS} = ${fmt(L.scores[h][i][j])} / ${Math.sqrt(HS).toFixed(3)}\n= ${fmt(v)}` }));
    r.appendChild(grid(L.masked[h], { title: S.mask, rows: rowsT, cols: D.tokens, text: true,
      formula: (i, j, v) => (j > i ? `${S.masked_out} (${j} > ${i}) → −∞` : `${S.kept} (${j} ≤ ${i})\n= ${fmt(v)}`) }));
    heads.appendChild(r);
  }
  s.appendChild(heads);
}

function renderSoftmax() {
  const s = section("sec-softmax", 6, "softmax");
  const heads = el("div", "heads");
  T.layers.forEach((L, l) => {
    const r = el("div", "headrow");
    r.appendChild(el("div", "label", `${S.layer} ${l + 1}`));
    for (let h = 0; h < NH; h++) {
      r.appendChild(grid(L.att[h], { title: `${S.head} ${h + 1}`, rows: rowsT, cols: D.tokens, prob: true, text: true,
        formula: (i, j, v) => `a[${i},${j}] = exp(s'[${i},${j}]) / Σ_u≤${i} exp(s'[${i},u])\n  (L${l + 1}, ${S.head} ${h + 1}: ${D.tokens[i]}@${i} → ${D.tokens[j]}@${j})\n= ${fmt(v)}` }));
    }
    heads.appendChild(r);
  });
  s.appendChild(heads);
  s.appendChild(el("div", "legend", S.softmax_legend));
}

function renderHeads() {
  const s = section("sec-heads", 7, "heads");
  const L = T.layers[layer];
  const r = row(s);
  for (let h = 0; h < NH; h++) {
    r.appendChild(grid(L.head_out[h], { title: `a·V (${S.head} ${h + 1})`, rows: rowsT,
      formula: (i, j, v) => `y${h + 1}[${i},${j}] = Σ_u a[${i},u] · v[u,${j}]\n= ${fmt(v)}` }));
  }
  row(s, grid(L.concat, { title: S.concat, rows: rowsT,
    formula: (i, j, v) => `concat[${i},${j}] = y${Math.floor(j / HS) + 1}[${i},${j % HS}]\n= ${fmt(v)}` }),
    "→", grid(L.proj, { title: S.proj, rows: rowsT,
    formula: (i, j, v) => `proj[${i},${j}] = Σ_k concat[${i},k] · W_proj[k,${j}] + b_proj[${j}]\n= ${fmt(v)}` }));
  row(s, grid(L.x_in, { title: S.residual_in, rows: rowsT, formula: (i, j, v) => `x[${i},${j}] = ${fmt(v)}` }), "+",
    grid(L.proj, { title: S.proj, rows: rowsT, formula: (i, j, v) => `proj[${i},${j}] = ${fmt(v)}` }), "=",
    grid(L.x_mid, { title: S.residual_mid, rows: rowsT,
      formula: (i, j, v) => `x'[${i},${j}] = x[${i},${j}] + proj[${i},${j}]\n= ${fmt(L.x_in[i][j])} + ${fmt(L.proj[i][j])}\n= ${fmt(v)}` }));
}

function renderMLP() {
  const s = section("sec-mlp", 8, "mlp");
  const L = T.layers[layer];
  lnGrids(s, L.ln2, L.x_mid, "ln2", "x'");
  row(s, grid(L.fc, { width: 5, title: `c_fc (${4 * C})`, rows: rowsT,
    formula: (i, j, v) => `h[${i},${j}] = Σ_k ln2[${i},k] · W_fc[k,${j}] + b_fc[${j}]\n= ${fmt(v)}` }));
  row(s, grid(L.gelu, { width: 5, title: "GELU", rows: rowsT,
    formula: (i, j, v) => `g[${i},${j}] = GELU(h) = h · Φ(h)   (Φ: normal CDF)\n= GELU(${fmt(L.fc[i][j])})\n= ${fmt(v)}` }));
  row(s, grid(L.mlp_out, { title: `c_proj (${C})`, rows: rowsT,
    formula: (i, j, v) => `m[${i},${j}] = Σ_k g[${i},k] · W_proj2[k,${j}] + b[${j}]   (k < ${4 * C})\n= ${fmt(v)}` }),
    "+", grid(L.x_mid, { title: "x'", rows: rowsT, formula: (i, j, v) => `x'[${i},${j}] = ${fmt(v)}` }),
    "=", grid(L.x_out, { title: S.block_out, rows: rowsT,
      formula: (i, j, v) => `x''[${i},${j}] = x'[${i},${j}] + m[${i},${j}]\n= ${fmt(L.x_mid[i][j])} + ${fmt(L.mlp_out[i][j])}\n= ${fmt(v)}` }));
}

function renderStream() {
  const s = section("sec-stream", 9, "stream");
  const r = row(s, grid(T.x0, { title: S.x0, rows: rowsT, width: 6, formula: (i, j, v) => `x0[${i},${j}] = ${fmt(v)}` }));
  T.layers.forEach((L, l) => {
    r.appendChild(el("div", "op", "→"));
    r.appendChild(grid(L.x_out, { title: `${S.after} ${S.layer} ${l + 1}`, rows: rowsT, width: 6,
      formula: (i, j, v) => `x${l + 1}[${i},${j}] = ${fmt(v)}` }));
  });
}

function renderOutput() {
  const s = section("sec-output", 10, "output");
  const last = T.layers[T.layers.length - 1].x_out;
  lnGrids(s, T.ln_f, last, "ln_f", `x${T.layers.length}`);
  const V = D.alphabet.split("");
  row(s, grid(T.logits, { title: "logits", rows: rowsT, cols: V, text: true,
    formula: (i, j, v) => `logit[${i},${V[j]}] = Σ_c ln_f[${i},c] · W_head[${j},c]   (${S.no_bias})\n= ${fmt(v)}` }),
    "→", grid(T.probs, { title: "softmax", rows: rowsT, cols: V, prob: true, text: true,
    formula: (i, j, v) => `p[${i},${V[j]}] = exp(logit[${i},${V[j]}]) / Σ_v exp(logit[${i},v])\n= ${fmt(v)}` }));
  s.appendChild(el("div", "legend", S.output_legend));
}

function renderGeneration() {
  const s = section("sec-generation", 11, "generation");
  const V = D.alphabet.split("");
  const box = el("div", "gen");
  D.generation.forEach((g, n) => {
    const r = el("div", "genstep");
    r.appendChild(el("strong", "", `${S.step} ${n + 1}`));
    const ctx = el("div", "ctx");
    g.context.forEach((c, t) => ctx.appendChild(el("span", "chip" + (t >= D.tokens.length ? " new" : ""), V[c])));
    r.appendChild(ctx);
    r.appendChild(el("span", "op", "→"));
    const bars = el("div", "bars");
    g.probs.forEach((p, v) => {
      const b = el("div", "bar" + (v === g.chosen ? " win" : ""));
      b.appendChild(el("span", "pct", (100 * p).toFixed(1) + "%"));
      const f = el("div", "fill");
      f.style.height = Math.max(2, Math.round(50 * p)) + "px";
      f.addEventListener("mousemove", (ev) => showTip(ev, `p(${V[v]}) = softmax(logits)[${v}]\n= exp(${fmt(g.logits[v])}) / Σ exp(logits)\n= ${fmt(p)}`));
      f.addEventListener("mouseleave", () => { tip.hidden = true; });
      b.appendChild(f);
      b.appendChild(el("span", "", V[v]));
      bars.appendChild(b);
    });
    r.appendChild(bars);
    r.appendChild(el("span", "chip new", V[g.chosen]));
    box.appendChild(r);
  });
  s.appendChild(box);
}

function renderLayerSections() {
  renderLayerNorm(); renderQKV(); renderScores(); renderHeads(); renderMLP();
  document.querySelectorAll("#layerbar button").forEach((b, l) => b.classList.toggle("on", l === layer));
}

function renderHeader() {
  document.getElementById("page-title").textContent = S.page_title;
  const io = document.getElementById("io");
  D.tokens.forEach((t) => io.appendChild(el("span", "chip", t)));
  io.appendChild(el("span", "arrow", "⟶"));
  D.output.split("").forEach((t) => io.appendChild(el("span", "chip", t)));
  document.getElementById("intro").textContent = fill(S.intro, { P: D.params.toLocaleString(D.lang === "tr" ? "tr-TR" : "en-US"), NL: D.config.n_layer, NH: NH, C: C });
  const toc = document.getElementById("toc");
  document.querySelectorAll("main section").forEach((sec) => {
    const a = el("a", "", sec.querySelector("h2").textContent);
    a.href = "#" + sec.id;
    toc.appendChild(a);
  });
  const bar = document.getElementById("layerbar");
  bar.appendChild(el("span", "", S.layer_pick));
  for (let l = 0; l < D.config.n_layer; l++) {
    const b = el("button", "", `${S.layer} ${l + 1}`);
    b.addEventListener("click", () => { layer = l; renderLayerSections(); });
    bar.appendChild(b);
  }
  bar.appendChild(el("span", "legend", S.hover_hint));
  document.getElementById("footer").textContent = S.footer;
}

renderTokens(); renderEmbedding(); renderLayerSections(); renderSoftmax(); renderStream();
renderOutput(); renderGeneration(); renderHeader();
