// Colour: one scale per kind of quantity, with its legend, and the page's small helpers
// (el, fmt, fill) that every later script uses.

// Each kind of quantity has its own palette (negative end, positive end; white is 0) and one
// scale over everything the page shows for this input. The residual stream grows about a
// hundredfold from the embeddings to the last block, so its scale is logarithmic (three
// decades); every other kind is linear. Probabilities go from white (0) to green (1).
const PALETTES = {
  stream: [
    [28, 126, 214],
    [224, 49, 49],
  ],
  norm: [
    [112, 72, 232],
    [240, 140, 0],
  ],
  param: [
    [12, 133, 153],
    [166, 30, 77],
  ],
  qkv: [
    [43, 138, 62],
    [194, 37, 92],
  ],
  score: [
    [24, 100, 171],
    [217, 72, 15],
  ],
  hidden: [
    [8, 127, 91],
    [134, 46, 156],
  ],
  logit: [
    [73, 80, 87],
    [232, 89, 12],
  ],
  prob: [
    [255, 255, 255],
    [43, 138, 62],
  ],
};
const KINDS = Object.keys(PALETTES);
const LOG_KINDS = new Set(["stream"]);
const view = {
  showNumbers: false,
  scales: {},
  specs: new WeakMap(), // canvas -> its matrix and how to describe a cell
};

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function fmt(v) {
  if (v === null || v === -Infinity) return "−∞";
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(1) : a >= 10 ? v.toFixed(2) : v.toFixed(3);
}
function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));
}

// Value -> position on the kind's scale, from -1 to 1 (0 to 1 for probabilities).
function unit(v, kind) {
  const s = view.scales[kind] || 1;
  if (kind === "prob") return Math.max(0, Math.min(1, v));
  if (LOG_KINDS.has(kind)) {
    const u = s / 1000; // the smallest value told apart from 0
    return Math.sign(v) * Math.min(1, Math.log1p(Math.abs(v) / u) / Math.log1p(s / u));
  }
  return Math.max(-1, Math.min(1, v / s));
}
// Position on the scale -> value (for the legend's tick labels).
function valueAt(a, kind) {
  const s = view.scales[kind] || 1;
  if (kind === "prob") return a;
  if (LOG_KINDS.has(kind)) {
    const u = s / 1000;
    return Math.sign(a) * u * ((1 + s / u) ** Math.abs(a) - 1);
  }
  return a * s;
}
const MASKED = [207, 214, 223]; // a masked score (−∞): grey
// The colour of a value as [r, g, b]: white at 0, the palette's end colour at ±1.
function rgb(v, kind) {
  if (v === -Infinity || v === null || v === undefined) return MASKED;
  return mixRgb(unit(v, kind), PALETTES[kind]);
}
function mixRgb(a, palette) {
  const c = a >= 0 ? palette[1] : palette[0],
    t = Math.abs(a);
  return c.map((x) => Math.round(255 + (x - 255) * t));
}
function mix(a, palette) {
  return `rgb(${mixRgb(a, palette).join(",")})`;
}
function colour(v, kind) {
  return `rgb(${rgb(v, kind).join(",")})`;
}
function darkCell(v, kind) {
  return Math.abs(unit(v, kind)) > 0.65;
}
function gradient(kind) {
  const stops = kind === "prob" ? [0, 1] : [-1, 0, 1];
  return `linear-gradient(90deg, ${stops.map((a) => mix(a, PALETTES[kind])).join(", ")})`;
}

// The largest |value| of each kind over everything the page shows for this input.
function setScales(groups) {
  view.scales = { prob: 1 };
  for (const [kind, mats] of Object.entries(groups)) {
    let s = 0;
    for (const m of mats) for (const v of m.d || m) if (Number.isFinite(v)) s = Math.max(s, Math.abs(v));
    view.scales[kind] = s || 1;
  }
}

function legendItem(kind, S) {
  const item = el("div", "legend-item");
  item.dataset.kind = kind;
  item.appendChild(
    el("span", "legend-name", S["kind_" + kind] + (LOG_KINDS.has(kind) ? ` (${S.log_scale})` : "")),
  );
  const scale = el("span", "legend-scale");
  const bar = el("span", "legend-bar");
  bar.style.background = gradient(kind);
  scale.appendChild(bar);
  const ticks = el("span", "legend-ticks");
  const at = kind === "prob" ? [0, 0.5, 1] : LOG_KINDS.has(kind) ? [-1, -0.5, 0, 0.5, 1] : [-1, 0, 1];
  at.forEach((a) => {
    const v = valueAt(a, kind);
    ticks.appendChild(el("span", "", Math.abs(v) < 1e-12 ? "0" : String(Number(v.toPrecision(2)))));
  });
  scale.appendChild(ticks);
  item.appendChild(scale);
  return item;
}
function legend(kinds, S, masked) {
  const box = el("div", "legend");
  kinds.forEach((k) => box.appendChild(legendItem(k, S)));
  if (masked) {
    const item = el("div", "legend-item");
    const sw = el("span", "legend-swatch");
    sw.style.background = colour(null);
    item.appendChild(sw);
    item.appendChild(el("span", "legend-name", S.masked_legend));
    box.appendChild(item);
  }
  return box;
}
