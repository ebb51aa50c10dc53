// trtune serve: the named-entity panel (POST /v1/ner). Loaded before app.js; it hears the
// page's "trtune:health" and "trtune:lang" events and keeps its own state.
"use strict";

const NER_STRINGS = {
  tr: {
    nerTitle: "Adlandırılmış varlık tanıma",
    nerHint: "Türkçe bir cümle yazın; model içindeki kişileri, yerleri, tarihleri… bulur ve renkle işaretler.",
    nerFind: "Varlıkları bul",
    nerNone: "Bu cümlede varlık bulunamadı.",
    nerNoModel: "Varlık modeli yüklenmedi (--ner).",
    nerType: "Tür",
    nerText: "Metin",
    nerPlace: "Konum",
    nerScore: "Güven",
    nerExamples: [
      "Mustafa Kemal Atatürk 19 Mayıs 1919'da Samsun'a çıktı.",
      "Orhan Pamuk 2006 yılında Nobel Edebiyat Ödülü'nü aldı.",
      "Türkiye Büyük Millet Meclisi 23 Nisan 1920'de Ankara'da açıldı.",
    ],
  },
  en: {
    nerTitle: "Named-entity recognition",
    nerHint: "Type a Turkish sentence; the model finds the people, places, dates… in it and marks them in colour.",
    nerFind: "Find entities",
    nerNone: "No entities found in this sentence.",
    nerNoModel: "No entity model loaded (--ner).",
    nerType: "Type",
    nerText: "Text",
    nerPlace: "Position",
    nerScore: "Confidence",
    nerExamples: [
      "Mustafa Kemal Atatürk 19 Mayıs 1919'da Samsun'a çıktı.",
      "Orhan Pamuk 2006 yılında Nobel Edebiyat Ödülü'nü aldı.",
      "Türkiye Büyük Millet Meclisi 23 Nisan 1920'de Ankara'da açıldı.",
    ],
  },
};
Object.assign(STRINGS.tr, NER_STRINGS.tr);
Object.assign(STRINGS.en, NER_STRINGS.en);

// What the usual (OntoNotes) types mean, in both languages; other types show as they are.
const NER_TYPE_NAMES = {
  tr: {
    PERSON: "kişi", PER: "kişi", GPE: "ülke/şehir", LOC: "yer", ORG: "kurum", DATE: "tarih",
    TIME: "saat", NORP: "millet/grup", CARDINAL: "sayı", ORDINAL: "sıra", MONEY: "para",
    PERCENT: "yüzde", QUANTITY: "miktar", EVENT: "olay", FAC: "yapı", PRODUCT: "ürün",
    WORK_OF_ART: "eser", LAW: "yasa", LANGUAGE: "dil", TITLE: "unvan", MISC: "diğer",
  },
  en: {
    PERSON: "person", PER: "person", GPE: "country/city", LOC: "location", ORG: "organisation",
    DATE: "date", TIME: "time", NORP: "nationality/group", CARDINAL: "number",
    ORDINAL: "ordinal", MONEY: "money", PERCENT: "percent", QUANTITY: "quantity",
    EVENT: "event", FAC: "facility", PRODUCT: "product", WORK_OF_ART: "work of art",
    LAW: "law", LANGUAGE: "language", TITLE: "title", MISC: "other",
  },
};
const NER_PALETTE = [
  "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d",
  "#9edae5", "#c7c7c7", "#e6d3a3", "#b5cf6b", "#cedb9c", "#e7cb94", "#e7969c", "#de9ed6",
  "#a1d99b", "#9ecae1", "#fdd0a2", "#bcbddc",
];
const nerState = { lang: "tr", types: [], result: null, loaded: false };
const nerEl = (id) => document.getElementById(id);
const nerT = (key) => STRINGS[nerState.lang][key];

function nerColour(type) {
  const i = nerState.types.indexOf(type);
  return NER_PALETTE[(i < 0 ? nerState.types.length : i) % NER_PALETTE.length];
}

function nerTypeName(type) {
  return NER_TYPE_NAMES[nerState.lang][type] || type;
}

function nerStatus(text, isError) {
  const el = nerEl("ner-status");
  el.textContent = text;
  el.classList.toggle("error", Boolean(isError));
}

function renderNerExamples() {
  const box = nerEl("ner-examples");
  box.replaceChildren();
  for (const text of nerT("nerExamples")) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.textContent = text;
    chip.addEventListener("click", () => { nerEl("ner-input").value = text; findEntities(); });
    box.appendChild(chip);
  }
}

// The text with each entity as a coloured <mark> (built from offsets; no HTML is parsed).
function renderNerText(result) {
  const out = nerEl("ner-text");
  out.replaceChildren();
  let at = 0;
  for (const e of result.entities) {
    if (e.start > at) out.appendChild(document.createTextNode(result.text.slice(at, e.start)));
    const mark = document.createElement("mark");
    mark.className = "ent";
    mark.dataset.type = e.type;
    mark.style.background = nerColour(e.type);
    mark.title = `${nerTypeName(e.type)} · ${(100 * e.score).toFixed(1)}%`;
    mark.appendChild(document.createTextNode(result.text.slice(e.start, e.end)));
    const tag = document.createElement("span");
    tag.className = "ent-type";
    tag.textContent = e.type;
    mark.appendChild(tag);
    out.appendChild(mark);
    at = e.end;
  }
  if (at < result.text.length) out.appendChild(document.createTextNode(result.text.slice(at)));
}

function renderNerTable(result) {
  const table = nerEl("ner-table");
  table.replaceChildren();
  nerEl("ner-none").classList.toggle("hidden", result.entities.length > 0);
  table.classList.toggle("hidden", result.entities.length === 0);
  if (!result.entities.length) return;
  const head = table.insertRow();
  for (const key of ["nerType", "nerText", "nerPlace", "nerScore"]) {
    const th = document.createElement("th");
    th.textContent = nerT(key);
    head.appendChild(th);
  }
  for (const e of result.entities) {
    const row = table.insertRow();
    row.className = "ent-row";
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = nerColour(e.type);
    const type = row.insertCell();
    type.append(swatch, `${e.type} (${nerTypeName(e.type)})`);
    row.insertCell().textContent = e.text;
    row.insertCell().textContent = `${e.start}–${e.end}`;
    row.insertCell().textContent = `${(100 * e.score).toFixed(1)}%`;
  }
}

function renderNer(result) {
  renderNerText(result);
  renderNerTable(result);
  nerEl("ner-result").classList.remove("hidden");
}

async function findEntities() {
  const text = nerEl("ner-input").value.trim();
  if (!text) { nerStatus(STRINGS[nerState.lang].emptyText, true); return; }
  if (!nerState.loaded) { nerStatus(nerT("nerNoModel"), true); return; }
  const button = nerEl("ner-btn");
  button.disabled = true;
  nerStatus(STRINGS[nerState.lang].working);
  try {
    const res = await fetch("/v1/ner", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ texts: [text] }),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
    nerState.result = data.results[0];
    renderNer(nerState.result);
    nerStatus("");
  } catch (err) {
    nerStatus(err.message, true);
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("trtune:health", (event) => {
  const ner = (event.detail || {}).ner;
  nerState.loaded = Boolean(ner);
  nerState.types = ner ? ner.types : [];
  nerEl("ner-card").classList.toggle("hidden", !ner);
  nerEl("ner-btn").addEventListener("click", findEntities);
  nerEl("ner-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) findEntities();
  });
});

document.addEventListener("trtune:lang", (event) => {
  nerState.lang = event.detail.lang;
  renderNerExamples();
  if (nerState.result) renderNer(nerState.result);
});
