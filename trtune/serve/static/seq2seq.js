// trtune serve: the seq2seq panel (summaries, translations, questions) and its words.
// Loaded after strings.js and before app.js: its words join STRINGS, so the language
// buttons of app.js translate the panel too.
"use strict";

Object.assign(STRINGS.tr, {
  seq2seqTitle: "Metinden metne",
  seq2seqHint: "Kodlayıcı-kod çözücü model kaynağı okur ve yeni bir metin yazar. Görev:",
  seq2seqBeams: "Işın sayısı",
  seq2seqRun: "Yaz",
  seq2seqTask_summarize: "özetleme",
  seq2seqTask_translate: "çeviri",
  "seq2seqTask_question-generation": "soru üretme",
  seq2seqTask_generic: "genel",
  seq2seqExample_summarize: "Belediye, kent merkezine yeni bir park yapılacağını açıkladı. Parkın yaz aylarında açılması bekleniyor. Vatandaşlar karardan memnun.",
  seq2seqExample_translate: "I love reading books in the evening.",
  "seq2seqExample_question-generation": "Türkiye Cumhuriyeti <hl> 1923 <hl> yılında kuruldu.",
  seq2seqExample_generic: "Merhaba, nasılsın?",
});
Object.assign(STRINGS.en, {
  seq2seqTitle: "Text to text",
  seq2seqHint: "An encoder-decoder reads the source and writes a new text. Task:",
  seq2seqBeams: "Beams",
  seq2seqRun: "Write",
  seq2seqTask_summarize: "summarisation",
  seq2seqTask_translate: "translation",
  "seq2seqTask_question-generation": "question generation",
  seq2seqTask_generic: "generic",
  seq2seqExample_summarize: STRINGS.tr.seq2seqExample_summarize,
  seq2seqExample_translate: STRINGS.tr.seq2seqExample_translate,
  "seq2seqExample_question-generation": STRINGS.tr["seq2seqExample_question-generation"],
  seq2seqExample_generic: STRINGS.tr.seq2seqExample_generic,
});

(function seq2seqPanel() {
  const el = (id) => document.getElementById(id);
  const word = (key) => STRINGS[document.documentElement.lang === "en" ? "en" : "tr"][key];

  function setStatus(text, isError) {
    const status = el("seq2seq-status");
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  async function write() {
    const text = el("seq2seq-input").value.trim();
    if (!text) { setStatus(word("emptyText"), true); return; }
    const body = {
      texts: [text],
      num_beams: Number(el("seq2seq-beams").value),
      max_new_tokens: Number(el("seq2seq-max-new-tokens").value),
    };
    el("seq2seq-btn").disabled = true;
    el("seq2seq-output").textContent = "";
    setStatus(word("working"));
    try {
      const res = await fetch("/v1/seq2seq", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
      el("seq2seq-output").textContent = data.results[0].text;
      setStatus(word("done"));
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      el("seq2seq-btn").disabled = false;
    }
  }

  async function init() {
    let health = {};
    try { health = await (await fetch("/health")).json(); } catch (err) { /* panel stays hidden */ }
    const info = health.seq2seq;
    el("seq2seq-card").classList.toggle("hidden", !info);
    if (info) {
      const task = info.task in { summarize: 1, translate: 1, "question-generation": 1 } ? info.task : "generic";
      el("seq2seq-task").dataset.i18n = `seq2seqTask_${task}`;
      el("seq2seq-task").textContent = word(`seq2seqTask_${task}`);
      el("seq2seq-prefix").textContent = info.prefix || "";
      el("seq2seq-input").value = word(`seq2seqExample_${task}`);
      el("seq2seq-beams").value = String(info.generation.num_beams);
      const limit = (health.limits && health.limits.max_new_tokens) || 256;
      el("seq2seq-max-new-tokens").max = String(limit);
      el("seq2seq-max-new-tokens").value = String(Math.min(info.generation.max_new_tokens, limit));
    }
    el("seq2seq-btn").addEventListener("click", write);
    el("seq2seq-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) write();
    });
    document.body.dataset.seq2seqReady = "1";
  }

  init();
})();
