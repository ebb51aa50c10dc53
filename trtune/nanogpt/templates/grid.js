// Matrices drawn on <canvas>: one colour scale per kind of quantity (with a legend), values
// readable by hovering, tapping, or focusing a matrix and moving with the arrow keys, and a
// "show numbers" mode that writes every value into its cell.

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
const view = { showNumbers: false, scales: {}, specs: new WeakMap() };

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
function mix(a, palette) {
  const [neg, pos] = palette,
    c = a >= 0 ? pos : neg,
    t = Math.abs(a);
  return `rgb(${c.map((x) => Math.round(255 + (x - 255) * t)).join(",")})`;
}
function colour(v, kind) {
  if (v === -Infinity || v === null || v === undefined) return "#cfd6df";
  return mix(unit(v, kind), PALETTES[kind]);
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

// A matrix as a canvas. spec: {title, data (matrix or array), kind, rows, cols, formula(i, j, v),
// column (a vector drawn as one column), marks (row index -> true for generated rows)}.
function grid(spec) {
  const m = spec.data.d
    ? spec.data
    : {
        r: spec.column ? spec.data.length : 1,
        c: spec.column ? 1 : spec.data.length,
        d: Float64Array.from(spec.data),
      };
  spec.m = m;
  const box = el("figure", "mat");
  const cap = el("figcaption", "title", spec.title);
  cap.appendChild(el("span", "shape", `${m.r}×${m.c}`));
  const dot = el("span", "kind-dot");
  dot.style.background = gradient(spec.kind);
  dot.title = view.S ? view.S["kind_" + spec.kind] : spec.kind;
  cap.prepend(dot);
  box.appendChild(cap);
  const scroll = el("div", "scroll");
  const canvas = el("canvas", "grid");
  canvas.tabIndex = 0;
  canvas.dataset.kind = spec.kind;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `${spec.title} ${m.r}×${m.c}`);
  scroll.appendChild(canvas);
  box.appendChild(scroll);
  view.specs.set(canvas, spec);
  spec.canvas = canvas;
  draw(spec);
  canvas.addEventListener("mousemove", (ev) => {
    const c = cellAt(spec, ev);
    if (c) showTip(ev, describe(spec, c[0], c[1]));
    else hideTip();
  });
  canvas.addEventListener("mouseleave", hideTip);
  canvas.addEventListener("click", (ev) => {
    const c = cellAt(spec, ev);
    if (c) {
      spec.cursor = c;
      canvas.focus();
      moved(spec);
    }
  });
  canvas.addEventListener("focus", () => {
    spec.cursor = spec.cursor || [0, 0];
    moved(spec);
  });
  canvas.addEventListener("blur", () => draw(spec));
  canvas.addEventListener("keydown", (ev) => keyMove(spec, ev));
  return box;
}

function layout(spec) {
  const m = spec.m,
    nums = view.showNumbers;
  const w = nums ? 50 : m.c <= 16 ? 20 : m.c <= 64 ? 6 : m.c <= 192 ? 4 : 2;
  const h = nums || m.r <= 16 ? 18 : Math.max(6, Math.floor(300 / m.r));
  const left = spec.rows ? 8 + 6.2 * Math.max(...spec.rows.map((s) => String(s).length)) : 0;
  const top = spec.cols ? 16 : 0;
  return { w, h, left, top };
}

function draw(spec) {
  const m = spec.m,
    L = layout(spec),
    canvas = spec.canvas;
  const width = L.left + m.c * L.w + 1,
    height = L.top + m.r * L.h + 1,
    dpr = window.devicePixelRatio || 1;
  canvas.width = Math.ceil(width * dpr);
  canvas.height = Math.ceil(height * dpr);
  canvas.style.width = width + "px";
  canvas.style.height = height + "px";
  canvas.dataset.numbers = view.showNumbers ? "1" : "0";
  const g = canvas.getContext("2d");
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.fillStyle = "#fff";
  g.fillRect(0, 0, width, height);
  g.font = "10px ui-monospace, Menlo, monospace";
  g.textBaseline = "middle";
  for (let i = 0; i < m.r; i++) {
    if (spec.rows) {
      g.fillStyle = spec.marks && spec.marks[i] ? "#b35c00" : "#616e7c";
      g.textAlign = "right";
      g.fillText(String(spec.rows[i]), L.left - 4, L.top + i * L.h + L.h / 2);
    }
    for (let j = 0; j < m.c; j++) {
      const v = m.d[i * m.c + j];
      g.fillStyle = colour(v, spec.kind);
      g.fillRect(L.left + j * L.w, L.top + i * L.h, L.w - (L.w > 3 ? 1 : 0), L.h - (L.h > 3 ? 1 : 0));
      if (view.showNumbers) {
        g.fillStyle = v !== -Infinity && darkCell(v, spec.kind) ? "#fff" : "#1f2933";
        g.textAlign = "center";
        g.fillText(fmt(v), L.left + j * L.w + L.w / 2, L.top + i * L.h + L.h / 2);
      }
    }
  }
  if (spec.cols) {
    g.fillStyle = "#616e7c";
    g.textAlign = "center";
    spec.cols.forEach((c, j) => g.fillText(String(c), L.left + j * L.w + L.w / 2, 8));
  }
  if (spec.cursor && document.activeElement === canvas) {
    const [i, j] = spec.cursor;
    g.strokeStyle = "#111";
    g.lineWidth = 2;
    g.strokeRect(L.left + j * L.w, L.top + i * L.h, Math.max(L.w, 3), Math.max(L.h, 3));
  }
}

function cellAt(spec, ev) {
  const L = layout(spec),
    box = spec.canvas.getBoundingClientRect();
  const j = Math.floor((ev.clientX - box.left - L.left) / L.w),
    i = Math.floor((ev.clientY - box.top - L.top) / L.h);
  return i >= 0 && j >= 0 && i < spec.m.r && j < spec.m.c ? [i, j] : null;
}
function value(spec, i, j) {
  const v = spec.m.d[i * spec.m.c + j];
  return v === -Infinity ? null : v;
}
function describe(spec, i, j) {
  const v = value(spec, i, j);
  return spec.formula ? spec.formula(i, j, v) : `${spec.title}[${i},${j}] = ${fmt(v)}`;
}

function keyMove(spec, ev) {
  const steps = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    PageUp: [-8, 0],
    PageDown: [8, 0],
    Home: [0, -1e9],
    End: [0, 1e9],
  };
  if (!(ev.key in steps)) return;
  ev.preventDefault();
  const [di, dj] = steps[ev.key],
    [i, j] = spec.cursor || [0, 0];
  spec.cursor = [Math.max(0, Math.min(spec.m.r - 1, i + di)), Math.max(0, Math.min(spec.m.c - 1, j + dj))];
  moved(spec);
}
function moved(spec) {
  draw(spec);
  const [i, j] = spec.cursor,
    readout = document.getElementById("readout");
  readout.textContent = `${spec.title} [${i}, ${j}]   ` + describe(spec, i, j);
  readout.dataset.value = String(value(spec, i, j));
  const L = layout(spec),
    scroll = spec.canvas.parentElement; // keep the cursor in view
  const x = L.left + j * L.w;
  if (x < scroll.scrollLeft || x > scroll.scrollLeft + scroll.clientWidth - L.w)
    scroll.scrollLeft = x - scroll.clientWidth / 2;
}

const tip = () => document.getElementById("tooltip");
function showTip(ev, text) {
  const t = tip();
  t.textContent = text;
  t.hidden = false;
  const x = Math.max(4, Math.min(ev.clientX + 14, window.innerWidth - t.offsetWidth - 8));
  const y =
    ev.clientY + 16 + t.offsetHeight > window.innerHeight
      ? ev.clientY - t.offsetHeight - 10
      : ev.clientY + 16;
  t.style.left = x + "px";
  t.style.top = y + "px";
}
function hideTip() {
  tip().hidden = true;
}
function redrawAll() {
  document.querySelectorAll("canvas.grid").forEach((c) => draw(view.specs.get(c)));
}
