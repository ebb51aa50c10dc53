// trtune serve: the fill-in-the-blank panel (shown when the server has --mask DIR).
// Uses $, t, state, postJSON and setStatus from app.js and STRINGS from strings.js.
"use strict";

const maskState = { result: null };

function maskExamples() {
  const box = $("mask-examples");
  box.replaceChildren();
  for (const text of t("maskExamples")) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.textContent = text;
    chip.addEventListener("click", () => { $("mask-input").value = text; fillMask(); });
    box.appendChild(chip);
  }
}

// The sentence with each blank replaced by its best candidate, highlighted.
function renderFilled(result) {
  const box = $("mask-filled");
  box.replaceChildren();
  const label = document.createElement("span");
  label.className = "filled-label";
  label.textContent = `${t("maskFilledLabel")}: `;
  box.appendChild(label);
  const pieces = result.text.split(maskState.maskToken);
  pieces.forEach((piece, i) => {
    box.appendChild(document.createTextNode(piece));
    if (i < result.masks.length) {
      const word = document.createElement("mark");
      word.className = "fill-word";
      word.textContent = result.masks[i][0].token_str.trim();
      box.appendChild(word);
    }
  });
}

function renderBlanks(result) {
  const box = $("mask-blanks");
  box.replaceChildren();
  result.masks.forEach((candidates, i) => {
    const title = document.createElement("div");
    title.className = "blank-title";
    title.textContent = `${t("maskBlank")} ${i + 1}`;
    box.appendChild(title);
    const bars = document.createElement("div");
    bars.className = "bars";
    for (const c of candidates) {
      const row = document.createElement("div");
      row.className = "bar-row";
      const name = document.createElement("span");
      name.className = "bar-name";
      name.textContent = c.token;
      const track = document.createElement("div");
      track.className = "bar-track";
      const fill = document.createElement("div");
      fill.className = "bar-fill";
      fill.style.width = `${(100 * c.probability).toFixed(2)}%`;
      track.appendChild(fill);
      const value = document.createElement("span");
      value.className = "bar-value";
      value.textContent = `${(100 * c.probability).toFixed(1)}%`;
      row.append(name, track, value);
      bars.appendChild(row);
    }
    box.appendChild(bars);
  });
}

function renderMask() {
  if (!maskState.result) return;
  renderFilled(maskState.result);
  renderBlanks(maskState.result);
  $("mask-result").classList.remove("hidden");
}

async function fillMask() {
  const text = $("mask-input").value.trim();
  if (!text) { setStatus("mask-status", t("emptyText"), true); return; }
  if (!/\[mask\]|<mask>/i.test(text)) { setStatus("mask-status", t("maskNoBlank"), true); return; }
  const button = $("mask-btn");
  button.disabled = true;
  setStatus("mask-status", t("working"));
  try {
    const topK = Math.max(1, Math.min(50, Number($("mask-top-k").value) || 5));
    const answer = await postJSON("/v1/fill-mask", { texts: [text], top_k: topK });
    maskState.result = answer.results[0];
    renderMask();
    setStatus("mask-status", "");
  } catch (err) {
    setStatus("mask-status", err.message, true);
  } finally {
    button.disabled = false;
  }
}

async function initMask() {
  let health = {};
  try { health = await (await fetch("/health")).json(); } catch (err) { return; }
  if (!health.mask) return;
  maskState.maskToken = health.mask.mask_token;
  $("mask-card").classList.remove("hidden");
  $("mask-btn").addEventListener("click", fillMask);
  $("mask-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) fillMask();
  });
  // app.js switches the static words; the panel redraws its own after it.
  document.querySelectorAll(".lang-btn").forEach((b) => b.addEventListener("click", () => {
    maskExamples();
    renderMask();
  }));
  maskExamples();
  document.body.dataset.maskReady = "1";
}

initMask();
