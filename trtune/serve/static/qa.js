// trtune serve: the question-answering panel (POST /v1/qa), the answer marked in the text.
"use strict";

(function () {
  const el = (id) => document.getElementById(id);
  const words = (key) => STRINGS[document.documentElement.lang === "en" ? "en" : "tr"][key];
  let last = null; // { context, result } of the last answer, redrawn on a language switch

  function status(text, isError) {
    el("qa-status").textContent = text;
    el("qa-status").classList.toggle("error", Boolean(isError));
  }

  // The context as text nodes with the answer [start, end) in a <mark> (no HTML parsing).
  function render() {
    if (!last) return;
    const { context, result } = last;
    const box = el("qa-marked");
    box.replaceChildren();
    if (result.end > result.start) {
      const mark = document.createElement("mark");
      mark.textContent = context.slice(result.start, result.end);
      box.append(context.slice(0, result.start), mark, context.slice(result.end));
    } else {
      box.append(context);
    }
    el("qa-answer").textContent = result.answer || words("qaNoAnswer");
    el("qa-score").textContent = `${(100 * result.score).toFixed(1)}%`;
    el("qa-result").classList.remove("hidden");
  }

  async function ask() {
    const context = el("qa-context").value;
    const question = el("qa-question").value;
    if (!context.trim() || !question.trim()) { status(words("qaEmpty"), true); return; }
    el("qa-btn").disabled = true;
    status(words("working"));
    try {
      const res = await fetch("/v1/qa", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ context, question }),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data.error || data.detail || `HTTP ${res.status}`);
      last = { context, result: data };
      render();
      status("");
    } catch (err) {
      status(err.message, true);
    } finally {
      el("qa-btn").disabled = false;
    }
  }

  async function init() {
    let health = {};
    try { health = await (await fetch("/health")).json(); } catch (err) { /* the page says */ }
    el("qa-card").classList.toggle("hidden", !health.qa);
    el("qa-btn").addEventListener("click", ask);
    el("qa-question").addEventListener("keydown", (e) => { if (e.key === "Enter") ask(); });
    document.querySelectorAll(".lang-btn").forEach((b) => b.addEventListener("click", render));
    document.body.dataset.qaReady = "1";
  }

  init();
})();
