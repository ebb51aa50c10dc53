// Matrices drawn on <canvas>: values readable by hovering, tapping, or focusing a matrix (Tab)
// and moving with the arrow keys, and a "show numbers" mode that writes every value into its
// cell. A wide matrix scrolls inside its own box: the canvas is only as wide as that box and
// draws the columns in view, with the row labels kept at its left edge.

// Matrices are drawn when they come near the screen (or change while there), so a long page
// with a long prompt stays quick: the rest wait, marked dirty.
const nearScreen = new IntersectionObserver(
  (entries) =>
    entries.forEach((e) => {
      const spec = view.specs.get(e.target.querySelector("canvas"));
      spec.inView = e.isIntersecting;
      if (spec.inView && spec.dirty) draw(spec);
    }),
  { rootMargin: "600px 0px" },
);
const resized = new ResizeObserver((entries) =>
  entries.forEach((e) => paint(view.specs.get(e.target.querySelector("canvas")))),
);
function paint(spec) {
  if (spec.inView) draw(spec);
  else spec.dirty = true;
}

// A matrix as a canvas. spec: {title, data (matrix or array), kind, rows, cols, formula(i, j, v),
// column (a vector drawn as one column), marks (row index -> true for generated rows)}.
function grid(spec) {
  const d = spec.data;
  spec.m = d.d
    ? d
    : { r: spec.column ? d.length : 1, c: spec.column ? 1 : d.length, d: Float64Array.from(d) };
  const box = el("figure", "mat");
  const cap = el("figcaption", "title", spec.title);
  cap.appendChild(el("span", "shape", `${spec.m.r}×${spec.m.c}`));
  const dot = el("span", "kind-dot");
  dot.style.background = gradient(spec.kind);
  dot.title = view.S ? view.S["kind_" + spec.kind] : spec.kind;
  cap.prepend(dot);
  box.appendChild(cap);
  spec.scroll = el("div", "scroll");
  spec.spacer = el("div", "spacer"); // as wide as the whole matrix, so that the box can scroll
  spec.canvas = el("canvas", "grid");
  spec.canvas.tabIndex = 0;
  spec.canvas.dataset.kind = spec.kind;
  spec.canvas.setAttribute("role", "img");
  spec.canvas.setAttribute("aria-label", `${spec.title} ${spec.m.r}×${spec.m.c}`);
  spec.spacer.appendChild(spec.canvas);
  spec.scroll.appendChild(spec.spacer);
  box.appendChild(spec.scroll);
  view.specs.set(spec.canvas, spec);
  resize(spec);
  listen(spec);
  return box;
}

function listen(spec) {
  const canvas = spec.canvas;
  canvas.addEventListener("mousemove", (ev) => {
    const c = cellAt(spec, ev);
    if (c) showTip(ev, describe(spec, c[0], c[1]));
    else hideTip();
  });
  canvas.addEventListener("mouseleave", hideTip);
  canvas.addEventListener("click", (ev) => {
    const c = cellAt(spec, ev);
    if (!c) return;
    spec.cursor = c;
    canvas.focus();
    moved(spec);
  });
  canvas.addEventListener("focus", () => {
    spec.cursor = spec.cursor || [0, 0];
    moved(spec);
  });
  canvas.addEventListener("blur", () => draw(spec));
  canvas.addEventListener("keydown", (ev) => keyMove(spec, ev));
  spec.scroll.addEventListener("scroll", () => draw(spec), { passive: true });
  resized.observe(spec.scroll); // draws once the box has its size, and on every resize
  nearScreen.observe(spec.scroll);
}

function layout(spec) {
  const m = spec.m,
    nums = view.showNumbers;
  const w = nums ? 50 : m.c <= 16 ? 20 : m.c <= 64 ? 6 : m.c <= 192 ? 4 : 2;
  const h = nums || m.r <= 16 ? 18 : Math.max(6, Math.floor(300 / m.r));
  const left = spec.rows ? 8 + 6.2 * Math.max(...spec.rows.map((s) => String(s).length)) : 0;
  const top = spec.cols ? 16 : 0;
  return { w, h, left, top, width: left + m.c * w + 1, height: top + m.r * h + 1 };
}
function resize(spec) {
  const L = layout(spec);
  spec.spacer.style.width = L.width + "px";
  spec.spacer.style.height = L.height + "px";
  spec.canvas.dataset.numbers = view.showNumbers ? "1" : "0";
}

function draw(spec) {
  spec.dirty = false;
  const L = layout(spec),
    canvas = spec.canvas,
    x0 = spec.scroll.scrollLeft;
  const width = Math.max(1, Math.min(L.width, spec.scroll.clientWidth || L.width));
  const dpr = Math.min(window.devicePixelRatio || 1, 16000 / L.height);
  canvas.width = Math.ceil(width * dpr);
  canvas.height = Math.ceil(L.height * dpr);
  canvas.style.width = width + "px";
  canvas.style.height = L.height + "px";
  const g = canvas.getContext("2d");
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.fillStyle = "#fff";
  g.fillRect(0, 0, width, L.height);
  const first = Math.max(0, Math.floor(x0 / L.w)),
    last = Math.min(spec.m.c - 1, Math.ceil((x0 + width) / L.w));
  cells(spec, g, L, first, last, L.left + first * L.w - x0);
  g.font = "10px ui-monospace, Menlo, monospace";
  g.textBaseline = "middle";
  g.textAlign = "center";
  if (view.showNumbers) numbers(spec, g, L, first, last, x0);
  g.fillStyle = "#616e7c";
  if (spec.cols) spec.cols.forEach((c, j) => g.fillText(String(c), L.left + j * L.w + L.w / 2 - x0, 8));
  labels(spec, g, L);
  if (spec.cursor && document.activeElement === canvas) {
    const [i, j] = spec.cursor;
    g.strokeStyle = "#111";
    g.lineWidth = 2;
    g.strokeRect(L.left + j * L.w - x0, L.top + i * L.h, Math.max(L.w, 3), Math.max(L.h, 3));
  }
}
// The colours of columns first..last as one pixel per cell, stretched to the cells' size, then
// white lines between the cells: far faster than one fillRect per cell.
function cells(spec, g, L, first, last, x) {
  const m = spec.m,
    n = last - first + 1;
  if (n < 1) return;
  const image = new ImageData(n, m.r);
  for (let i = 0; i < m.r; i++) {
    for (let j = first; j <= last; j++) {
      const [r, gr, b] = rgb(m.d[i * m.c + j], spec.kind),
        k = 4 * (i * n + j - first);
      image.data[k] = r;
      image.data[k + 1] = gr;
      image.data[k + 2] = b;
      image.data[k + 3] = 255;
    }
  }
  const pixels = document.createElement("canvas");
  pixels.width = n;
  pixels.height = m.r;
  pixels.getContext("2d").putImageData(image, 0, 0);
  g.imageSmoothingEnabled = false;
  g.drawImage(pixels, x, L.top, n * L.w, m.r * L.h);
  g.fillStyle = "#fff";
  if (L.w > 3) for (let j = 1; j <= n; j++) g.fillRect(x + j * L.w - 1, L.top, 1, m.r * L.h);
  if (L.h > 3) for (let i = 1; i <= m.r; i++) g.fillRect(x, L.top + i * L.h - 1, n * L.w, 1);
}
function numbers(spec, g, L, first, last, x0) {
  const m = spec.m;
  for (let i = 0; i < m.r; i++) {
    for (let j = first; j <= last; j++) {
      const v = m.d[i * m.c + j];
      g.fillStyle = v !== -Infinity && darkCell(v, spec.kind) ? "#fff" : "#1f2933";
      g.fillText(fmt(v), L.left + j * L.w + L.w / 2 - x0, L.top + i * L.h + L.h / 2);
    }
  }
}
function labels(spec, g, L) {
  if (!spec.rows) return;
  g.fillStyle = "#fff";
  g.fillRect(0, 0, L.left, L.height); // the labels stay put while the cells scroll under them
  g.textAlign = "right";
  spec.rows.forEach((label, i) => {
    g.fillStyle = spec.marks && spec.marks[i] ? "#b35c00" : "#616e7c";
    g.fillText(String(label), L.left - 4, L.top + i * L.h + L.h / 2);
  });
}

function cellAt(spec, ev) {
  const L = layout(spec),
    box = spec.canvas.getBoundingClientRect();
  const x = ev.clientX - box.left,
    y = ev.clientY - box.top;
  if (x < L.left || y < L.top) return null;
  const j = Math.floor((x - L.left + spec.scroll.scrollLeft) / L.w),
    i = Math.floor((y - L.top) / L.h);
  return i < spec.m.r && j < spec.m.c ? [i, j] : null;
}
function value(spec, i, j) {
  const v = spec.m.d[i * spec.m.c + j];
  return v === -Infinity ? null : v;
}
function describe(spec, i, j) {
  const v = value(spec, i, j);
  return spec.formula ? spec.formula(i, j, v) : `${spec.title}[${i},${j}] = ${fmt(v)}`;
}

const KEY_STEPS = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  PageUp: [-8, 0],
  PageDown: [8, 0],
  Home: [0, -1e9],
  End: [0, 1e9],
};
function keyMove(spec, ev) {
  if (!(ev.key in KEY_STEPS)) return;
  ev.preventDefault();
  const [di, dj] = KEY_STEPS[ev.key],
    [i, j] = spec.cursor || [0, 0];
  spec.cursor = [Math.max(0, Math.min(spec.m.r - 1, i + di)), Math.max(0, Math.min(spec.m.c - 1, j + dj))];
  moved(spec);
}
function moved(spec) {
  const [i, j] = spec.cursor,
    readout = document.getElementById("readout");
  readout.textContent = `${spec.title} [${i}, ${j}]   ` + describe(spec, i, j);
  readout.dataset.value = String(value(spec, i, j));
  const L = layout(spec),
    box = spec.scroll,
    x = L.left + j * L.w - box.scrollLeft; // keep the cursor in view
  if (x < L.left || x > box.clientWidth - L.w) box.scrollLeft += x - (L.left + box.clientWidth) / 2;
  draw(spec);
}

const tip = () => document.getElementById("tooltip");
function showTip(ev, text) {
  const t = tip();
  t.textContent = text;
  t.hidden = false;
  const x = Math.max(4, Math.min(ev.clientX + 14, window.innerWidth - t.offsetWidth - 8));
  const below = ev.clientY + 16 + t.offsetHeight <= window.innerHeight;
  t.style.left = x + "px";
  t.style.top = (below ? ev.clientY + 16 : ev.clientY - t.offsetHeight - 10) + "px";
}
function hideTip() {
  tip().hidden = true;
}
function redrawAll() {
  document.querySelectorAll("canvas.grid").forEach((c) => {
    const spec = view.specs.get(c);
    resize(spec);
    paint(spec);
  });
}
