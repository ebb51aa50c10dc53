// trtune serve: the page's own script (no libraries, no CDN).
"use strict";

// STRINGS comes from strings.js; LABEL_ALIASES and LABEL_NAMES from /labels.js.
const state = { lang: "tr", health: null, result: null, attention: null, query: 0 };
const $ = (id) => document.getElementById(id);
const t = (key) => STRINGS[state.lang][key];

function sentimentOf(label) {
  return LABEL_ALIASES[String(label).toLowerCase()] || "";
}

function labelName(label) {
  const s = sentimentOf(label);
  return s ? LABEL_NAMES[state.lang][s] : label;
}

function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  try { localStorage.setItem("trtune-lang", lang); } catch (e) { /* private mode */ }
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  document.querySelectorAll(".lang-btn").forEach((b) => b.classList.toggle("active", b.dataset.lang === lang));
  renderExamples();
  renderNanogpt();
  if (state.result) renderResult(state.result, false);
  if (state.attention) { fillSelects(state.attention, true); renderAttention(); }
  document.dispatchEvent(new CustomEvent("trtune:lang", { detail: { lang } }));  // task panels
}

function renderExamples() {
  const box = $("examples");
  box.replaceChildren();
  for (const text of t("examples")) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.textContent = text;
    chip.addEventListener("click", () => { $("text-input").value = text; analyse(); });
    box.appendChild(chip);
  }
}

function renderNanogpt() {
  const ready = state.health && state.health.nanogpt_page;
  $("nanogpt-text").textContent = ready ? t("nanogptReady") : t("nanogptMissing");
}

async function postJSON(url, body) {
  const res = await fetch(url, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
  return data;
}

function setStatus(id, text, isError) {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle("error", Boolean(isError));
}

async function analyse() {
  const text = $("text-input").value.trim();
  if (!text) { setStatus("classify-status", t("emptyText"), true); return; }
  if (!state.health || !state.health.classifier) { setStatus("classify-status", t("noClassifier"), true); return; }
  const button = $("classify-btn");
  button.disabled = true;
  setStatus("classify-status", t("working"));
  try {
    const withAttention = state.health.classifier.attention;
    const [classified, attention] = await Promise.all([
      postJSON("/v1/classify", { texts: [text] }),
      withAttention ? postJSON("/v1/attention", { text }) : Promise.resolve(null),
    ]);
    state.result = classified.results[0];
    renderResult(state.result);
    $("attention-card").classList.remove("hidden");
    $("attention-none").classList.toggle("hidden", Boolean(attention));
    if (attention) {
      state.attention = attention;
      state.query = 0;
      fillSelects(attention, false);
      renderAttention();
    }
    setStatus("classify-status", "");
  } catch (err) {
    setStatus("classify-status", err.message, true);
  } finally {
    button.disabled = false;
  }
}

function renderResult(result, animate = true) {
  const sentiment = sentimentOf(result.label);
  const badge = $("result-label");
  badge.textContent = labelName(result.label);
  badge.dataset.label = result.label;
  badge.className = `badge ${sentiment}`;
  const p = result.probabilities[result.label];
  $("result-confidence").textContent = `${(100 * p).toFixed(1)}%`;
  const bars = $("prob-bars");
  bars.replaceChildren();
  const entries = Object.entries(result.probabilities).sort((a, b) => b[1] - a[1]);
  for (const [label, prob] of entries) {
    const row = document.createElement("div");
    row.className = "bar-row";
    const name = document.createElement("span");
    name.className = "bar-name";
    name.textContent = labelName(label);
    const track = document.createElement("div");
    track.className = "bar-track";
    const fill = document.createElement("div");
    fill.className = `bar-fill ${sentimentOf(label)}`;
    const width = `${(100 * prob).toFixed(2)}%`;
    fill.style.width = animate ? "0%" : width;
    track.appendChild(fill);
    const value = document.createElement("span");
    value.className = "bar-value";
    value.textContent = `${(100 * prob).toFixed(1)}%`;
    row.append(name, track, value);
    bars.appendChild(row);
    if (animate) requestAnimationFrame(() => { fill.style.width = width; });
  }
  $("result").classList.remove("hidden");
}

function fillSelects(att, keep) {
  const layer = $("layer-select");
  const head = $("head-select");
  const oldLayer = keep ? layer.value : String(att.layers - 1);
  const oldHead = keep ? head.value : "mean";
  layer.replaceChildren();
  for (let i = 0; i < att.layers; i++) layer.add(new Option(`${t("layer")} ${i + 1}`, String(i)));
  head.replaceChildren();
  head.add(new Option(t("mean"), "mean"));
  for (let h = 0; h < att.heads; h++) head.add(new Option(`${t("head")} ${h + 1}`, String(h)));
  layer.value = oldLayer;
  head.value = oldHead;
}

// The (T, T) matrix for the chosen layer and head (or the mean over heads).
function currentMatrix() {
  const att = state.attention;
  const layer = att.attentions[Number($("layer-select").value)];
  const head = $("head-select").value;
  if (head !== "mean") return layer[Number(head)];
  const T = att.tokens.length;
  const out = Array.from({ length: T }, () => new Array(T).fill(0));
  for (const m of layer) for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) out[i][j] += m[i][j] / layer.length;
  return out;
}

// Near-white -> violet -> indigo, for v in [0, 1] (v is the weight over the matrix's max).
function heatColor(v) {
  const stops = [[247, 247, 255], [150, 138, 240], [52, 38, 170]];
  const x = Math.max(0, Math.min(1, v)) * 2;
  const i = Math.min(1, Math.floor(x));
  const f = x - i;
  const c = stops[i].map((a, k) => Math.round(a + f * (stops[i + 1][k] - a)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

function renderAttention() {
  const att = state.attention;
  const M = currentMatrix();
  const T = att.tokens.length;
  let max = 0;
  for (const row of M) for (const v of row) max = Math.max(max, v);
  max = max || 1;
  $("legend-max").textContent = max.toFixed(2);
  $("query-token").textContent = att.tokens[state.query];

  const strip = $("token-strip");
  strip.replaceChildren();
  att.tokens.forEach((tok, j) => {
    const span = document.createElement("span");
    const v = M[state.query][j] / max;
    span.className = `tok${j === state.query ? " selected" : ""}`;
    span.textContent = tok;
    span.style.background = heatColor(v);
    span.style.color = v > 0.6 ? "#fff" : "#1d2233";
    span.title = `${att.tokens[state.query]} → ${tok}: ${M[state.query][j].toFixed(3)}`;
    span.addEventListener("click", () => { state.query = j; renderAttention(); });
    strip.appendChild(span);
  });

  const grid = $("heatmap");
  grid.replaceChildren();
  grid.style.gridTemplateColumns = `auto repeat(${T}, 26px)`;
  grid.appendChild(document.createElement("span"));
  for (const tok of att.tokens) {
    const lab = document.createElement("span");
    lab.className = "lab col-lab";
    lab.textContent = tok;
    grid.appendChild(lab);
  }
  for (let i = 0; i < T; i++) {
    const lab = document.createElement("span");
    lab.className = "lab";
    lab.textContent = att.tokens[i];
    grid.appendChild(lab);
    for (let j = 0; j < T; j++) {
      const cell = document.createElement("span");
      cell.className = `cell${i === state.query ? " sel-row" : ""}`;
      cell.style.background = heatColor(M[i][j] / max);
      cell.title = `${att.tokens[i]} → ${att.tokens[j]}: ${M[i][j].toFixed(3)}`;
      cell.addEventListener("click", () => { state.query = i; renderAttention(); });
      grid.appendChild(cell);
    }
  }
}

async function generate() {
  const body = {
    prompt: $("prompt-input").value,
    max_new_tokens: Number($("max-new-tokens").value),
    temperature: Number($("temperature").value),
    top_k: Number($("top-k").value),
    top_p: Number($("top-p").value),
    stream: $("stream").checked,
  };
  const echo = document.querySelector("#generate-output .prompt-echo");
  const cont = document.querySelector("#generate-output .continuation");
  echo.textContent = body.prompt;
  cont.textContent = "";
  $("generate-btn").disabled = true;
  setStatus("generate-status", t("working"));
  try {
    if (!body.stream) {
      cont.textContent = (await postJSON("/v1/generate", body)).text;
    } else {
      const res = await fetch("/v1/generate", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error || `HTTP ${res.status}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = event.split("\n").find((line) => line.startsWith("data: "));
          if (data && !event.startsWith("event: done")) cont.textContent += JSON.parse(data.slice(6)).text;
        }
      }
    }
    setStatus("generate-status", t("done"));
  } catch (err) {
    setStatus("generate-status", err.message, true);
  } finally {
    $("generate-btn").disabled = false;
  }
}

async function init() {
  const first = window.TRTUNE_LANG === "en" ? "en" : "tr";  // serve --lang, TRTUNE_LANG, locale
  let lang = first;
  try { lang = localStorage.getItem("trtune-lang") || first; } catch (e) { /* private mode */ }
  try {
    state.health = await (await fetch("/health")).json();
  } catch (err) {
    setStatus("classify-status", err.message, true);
  }
  const h = state.health || {};
  $("classify-card").classList.toggle("hidden", !h.classifier);
  $("generate-card").classList.toggle("hidden", !h.lm);
  const models = [h.classifier, h.lm, h.ner, h.qa, h.seq2seq, h.mask];
  const randomInit = models.some((model) => model && model.random_init);
  $("random-init").hidden = !randomInit;
  if (h.limits) $("max-new-tokens").max = String(h.limits.max_new_tokens);
  document.dispatchEvent(new CustomEvent("trtune:health", { detail: h }));  // task panels
  document.querySelectorAll(".lang-btn").forEach((b) => b.addEventListener("click", () => setLang(b.dataset.lang)));
  $("classify-btn").addEventListener("click", analyse);
  $("text-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) analyse();
  });
  $("layer-select").addEventListener("change", renderAttention);
  $("head-select").addEventListener("change", renderAttention);
  $("generate-btn").addEventListener("click", generate);
  setLang(lang === "en" ? "en" : "tr");
  document.body.dataset.ready = "1";
}

init();
