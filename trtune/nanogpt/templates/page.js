// The page itself: read the embedded model, run it on what the reader types, draw every stage,
// keep the architecture map in step with the reading position. Tests read window.trtune.

const D = JSON.parse(document.getElementById("page-data").textContent);
const W = decodeWeights(D.weights);
const SORT_LENGTH = 6;
const SECTIONS = [
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
];
const st = {
  kind: D.kind,
  lang: D.lang,
  config: D.config,
  vocab: D.vocab,
  layer: 0,
  temperature: 0.8,
  alphabet: "ABC",
  notes: [],
  error: null,
  here: "sec-tokens",
};
const $ = (id) => document.getElementById(id);
const visible = (ch) => (ch === " " ? "␣" : ch === "\n" ? "⏎" : ch === "\t" ? "⇥" : ch);
st.label = (v) => (st.kind === "sort" ? st.alphabet[v] : visible(st.vocab[v]));

function useLanguage(lang) {
  st.lang = lang;
  st.S = D.strings[lang];
  st.N = D.notes[lang];
  view.S = st.S;
  document.documentElement.lang = lang;
  document.title = st.S[`page_title_${st.kind}`];
}

// The same rules as sort.parse_sequence and CharVocab.encode on the Python side.
function parseInput(text) {
  const S = st.S;
  if (st.kind === "sort") {
    const t = text.trim(),
      up = t.toUpperCase(),
      chars = [...up];
    if (chars.length !== SORT_LENGTH) return { error: fill(S.err_length, { n: chars.length }) };
    if (chars.every((ch) => "ABC".includes(ch)))
      return { ids: chars.map((ch) => "ABC".indexOf(ch)), alphabet: "ABC" };
    if ([...t].every((ch) => "012".includes(ch))) return { ids: [...t].map(Number), alphabet: "012" };
    const bad = chars.find((ch) => !"ABC012".includes(ch));
    return { error: bad === undefined ? S.err_mix : fill(S.err_symbol, { ch: bad }) };
  }
  if (!text) return { error: S.err_empty };
  const table = new Map(st.vocab.map((c, i) => [c, i]));
  const unknown = [...new Set([...text].filter((ch) => !table.has(ch)))].sort();
  if (unknown.length)
    return { error: fill(S.err_unknown, { chars: unknown.map((c) => `“${visible(c)}”`).join(" ") }) };
  const ids = [...text].map((ch) => table.get(ch));
  return { ids: ids.slice(-st.config.block_size), cropped: ids.length > st.config.block_size };
}

function compute(parsed) {
  st.input = parsed.ids;
  if (st.kind === "sort") {
    st.alphabet = parsed.alphabet;
    st.gen = greedy(W, st.config, parsed.ids, SORT_LENGTH);
    st.answer = st.gen.map((g) => g.chosen);
    st.trace = st.gen[SORT_LENGTH - 1].trace; // input + first five answers: every step's numbers
  } else {
    st.trace = forward(W, st.config, parsed.ids);
  }
}

function scaleGroups(tr) {
  const g = {
    stream: [tr.tok_emb, tr.pos_emb, tr.x0, tr.ln_f.mean, tr.ln_f.std],
    norm: [tr.ln_f.out],
    param: [tr.ln_f.gamma, tr.ln_f.beta],
    qkv: [],
    score: [],
    hidden: [],
    logit: [tr.logits],
  };
  tr.layers.forEach((L) => {
    g.stream.push(L.x_in, L.proj, L.x_mid, L.mlp_out, L.x_out, L.ln1.mean, L.ln1.std, L.ln2.mean, L.ln2.std);
    g.norm.push(L.ln1.out, L.ln2.out);
    g.param.push(L.ln1.gamma, L.ln1.beta, L.ln2.gamma, L.ln2.beta);
    g.qkv.push(...L.q, ...L.k, ...L.v, ...L.head_out, L.concat);
    g.score.push(...L.scores, ...L.scaled);
    g.hidden.push(L.fc, L.gelu);
  });
  return g;
}

function render() {
  const c = st.config;
  st.vars = {
    L: st.layer + 1,
    HS: c.n_embd / c.n_head,
    C: c.n_embd,
    C4: 4 * c.n_embd,
    NH: c.n_head,
    NL: c.n_layer,
    T: st.trace.idx.length,
    V: st.vocab.length,
    BS: c.block_size,
    P: D.params.toLocaleString(st.lang === "tr" ? "tr-TR" : "en-US"),
  };
  setScales(scaleGroups(st.trace));
  st.notes = computeNotes(st, st.label);
  renderAll(st);
  renderHeader();
  renderMap();
  if (st.kind === "sort") $("generated").textContent = st.answer.map(st.label).join("");
}

function renderHeader() {
  const S = st.S;
  $("page-title").textContent = S[`page_title_${st.kind}`];
  $("intro").textContent = fill(S[`intro_${st.kind}`], st.vars);
  $("sequence-label").textContent = S[`input_label_${st.kind}`];
  $("generated-label").textContent = S[`output_label_${st.kind}`];
  for (const key of ["temperature", "seed", "length"]) $(`${key}-label`).textContent = S[key];
  $("temperature").title = S.temperature_hint;
  $("sample").textContent = S.sample;
  renderContents();
  $("selfcheck").textContent = fill(S.selfcheck, {
    input: D.reference.input,
    d: st.selfcheck.toExponential(1),
  });
  $("footer").textContent = S.footer;
  $("readout").textContent = S.readout_hint; // the matrices were drawn anew: no cell is read
  delete $("readout").dataset.value;
  const langs = $("langs");
  langs.innerHTML = "";
  ["tr", "en"].forEach((lang) => {
    const b = el("button", lang === st.lang ? "on" : "", lang.toUpperCase());
    b.type = "button";
    b.setAttribute("aria-pressed", String(lang === st.lang));
    b.addEventListener("click", () => {
      useLanguage(lang);
      showError(parseInput($("sequence").value).error);
      render();
    });
    langs.appendChild(b);
  });
}

function showError(message) {
  st.error = message ? { text: message } : null;
  $("input-error").hidden = !message;
  $("input-error").textContent = message || "";
  $("sequence").setAttribute("aria-invalid", String(!!message));
}
function onInput() {
  const parsed = parseInput($("sequence").value);
  showError(parsed.error);
  if (parsed.error) return; // the last good input stays on the page
  $("input-note").textContent = parsed.cropped ? fill(st.S.cropped, { BS: st.config.block_size }) : "";
  compute(parsed);
  render();
  if (st.kind === "text") scheduleSample();
}

// Text models: sample a continuation, one character at a time, without freezing the page.
let sampleRun = 0,
  sampleTimer = null;
function scheduleSample() {
  clearTimeout(sampleTimer);
  sampleTimer = setTimeout(sample, 250);
}
async function sample() {
  const run = ++sampleRun,
    out = $("generated"),
    context = st.input.slice(),
    chosen = [];
  const random = seededRandom(Number($("seed").value) || 0),
    count = Math.max(1, Math.min(400, Number($("length").value) || 1));
  window.trtune.busy = true;
  out.textContent = "";
  out.classList.add("busy");
  for (let i = 0; i < count; i++) {
    const tr = forward(W, st.config, context.slice(-st.config.block_size));
    const logits = row(tr.logits, tr.logits.r - 1);
    const next =
      st.temperature <= 0 ? argmax(logits) : sampleIndex(withTemperature(logits, st.temperature), random);
    context.push(next);
    chosen.push(next);
    out.textContent = chosen.map((v) => st.vocab[v]).join("");
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run !== sampleRun) return;
  }
  out.classList.remove("busy");
  window.trtune.busy = false;
}

function selfCheck() {
  const tr = forward(W, st.config, D.reference.context);
  let d = 0;
  D.reference.logits.forEach((r, i) =>
    r.forEach((v, j) => {
      d = Math.max(d, Math.abs(v - at(tr.logits, i, j)));
    }),
  );
  return d;
}

function start() {
  useLanguage(D.lang);
  document.body.dataset.kind = st.kind;
  window.trtune = {
    kind: st.kind,
    busy: false,
    trace: () => nested(st.trace),
    input: () => st.input.slice(),
    generation: () => (st.gen ? st.gen.map((g) => nested(g)) : null),
    generated: () => $("generated").textContent,
    error: () => (st.error ? st.error.text : null),
    notes: () =>
      st.notes.map((n) => ({
        stage: n.stage,
        key: n.key,
        raw: n.raw || null,
        text: fill(st.N[n.key], n.vars),
      })),
    selfcheck: () => st.selfcheck,
    nextProbs: () => withTemperature(row(st.trace.logits, st.trace.idx.length - 1), st.temperature),
  };
  st.selfcheck = selfCheck();
  $("text-controls").hidden = st.kind !== "text";
  $("sequence").value = D.input;
  if (st.kind === "sort") $("sequence").maxLength = 12;
  $("sequence").addEventListener("input", onInput);
  $("temperature").addEventListener("input", () => {
    st.temperature = Number($("temperature").value);
    $("temperature-value").textContent = st.temperature.toFixed(2);
    render();
    scheduleSample();
  });
  for (const id of ["seed", "length"]) $(id).addEventListener("change", scheduleSample);
  $("sample").addEventListener("click", sample);
  $("temperature-value").textContent = st.temperature.toFixed(2);
  compute(parseInput(D.input));
  render();
  watchSections();
  if (st.kind === "text") sample();
  window.trtune.ready = true;
}
start();
