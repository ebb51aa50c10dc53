// trtune learn attention --model: the head view, the model view and the language switch.
// DATA.attention[layer][head][query][key] holds the weights; each query row sums to 1.
"use strict";
(() => {
  const DATA = JSON.parse(document.getElementById("page-data").textContent);
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1f6fd1", "#d1491f", "#198a4a", "#8d3fc4", "#c7197a", "#0f8a8f",
    "#b07d00", "#5a5fd6", "#c0392b", "#2e8b57", "#7a4e2d", "#4b6584"];
  const MEAN_COLOUR = "#2b3142";
  const T = DATA.tokens.length;
  const ROW = 22; // px per token row in the head view
  const TOP = 24; // px above the first row, for the column titles
  const state = { lang: DATA.lang, layer: 0, head: 0, pinned: null, hover: null };
  let lineEls = []; // lineEls[i * T + j]: the line from query i to key j
  let tokenEls = { q: [], k: [] };
  let drawnWidth = 0;

  const $ = (id) => document.getElementById(id);

  function fmt(text, fields) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in fields ? String(fields[name]) : whole));
  }

  function t(key, extra = {}) {
    return fmt(DATA.strings[state.lang][key], { ...DATA.fields, ...extra });
  }

  function colour(head) {
    return head === "mean" ? MEAN_COLOUR : PALETTE[head % PALETTE.length];
  }

  // The (T, T) weights of the chosen layer and head, or their mean over the heads.
  function matrix() {
    const layer = DATA.attention[state.layer];
    if (state.head !== "mean") return layer[state.head];
    return layer[0].map((row, i) => row.map((_, j) => layer.reduce((s, m) => s + m[i][j], 0) / layer.length));
  }

  function shorten(token, chars) {
    return token.length <= chars ? token : token.slice(0, Math.max(1, chars - 1)) + "…";
  }

  function svg(name, attributes, parent) {
    const el = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
    if (parent) parent.appendChild(el);
    return el;
  }

  // ---- head view -----------------------------------------------------------------------

  function drawHeadView() {
    const box = $("lines");
    const width = Math.max(260, Math.min(640, Math.floor(box.parentNode.clientWidth || 600)));
    const column = Math.round(width * 0.3);
    const height = TOP + T * ROW + 4;
    const rowY = (i) => TOP + i * ROW + ROW / 2;
    drawnWidth = width;
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    box.setAttribute("width", width);
    box.setAttribute("height", height);
    box.style.maxWidth = `${width}px`;
    box.replaceChildren();
    const titles = svg("g", {}, box);
    svg("text", { x: column - 4, y: 12, "text-anchor": "end", class: "col-title", "data-i18n": "page.queries" }, titles).textContent = t("page.queries");
    svg("text", { x: width - column + 4, y: 12, class: "col-title", "data-i18n": "page.keys" }, titles).textContent = t("page.keys");
    const lines = svg("g", { "stroke-width": 2 }, box);
    lineEls = [];
    for (let i = 0; i < T; i++) {
      for (let j = 0; j < T; j++) {
        lineEls.push(svg("line", { x1: column + 2, y1: rowY(i), x2: width - column - 2, y2: rowY(j) }, lines));
      }
    }
    const chars = Math.max(3, Math.floor(column / 7.8));
    tokenEls = { q: [], k: [] };
    for (const side of ["q", "k"]) {
      for (let i = 0; i < T; i++) {
        const g = svg("g", { class: "tok", tabindex: 0, role: "button", "data-side": side, "data-index": i }, box);
        const x = side === "q" ? 0 : width - column;
        svg("rect", { x, y: rowY(i) - ROW / 2 + 1, width: column, height: ROW - 2, rx: 3 }, g);
        const text = svg("text", side === "q" ? { x: column - 6, y: rowY(i), "text-anchor": "end" } : { x: x + 6, y: rowY(i) }, g);
        text.textContent = shorten(DATA.tokens[i], chars);
        svg("title", {}, g).textContent = DATA.tokens[i];
        g.setAttribute("aria-label", DATA.tokens[i]);
        g.addEventListener("mouseenter", () => { state.hover = { side, index: i }; emphasise(); });
        g.addEventListener("mouseleave", () => { state.hover = null; emphasise(); });
        g.addEventListener("click", () => togglePin(side, i));
        g.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); togglePin(side, i); }
        });
        tokenEls[side].push(g);
      }
    }
    emphasise();
  }

  function togglePin(side, index) {
    const same = state.pinned && state.pinned.side === side && state.pinned.index === index;
    state.pinned = same ? null : { side, index };
    emphasise();
  }

  // Line opacity = weight; a pinned token keeps only its lines, a hovered one fades the rest.
  function emphasise() {
    const m = matrix();
    const active = state.pinned || state.hover;
    const stroke = colour(state.head);
    const box = $("lines");
    box.dataset.layer = state.layer;
    box.dataset.head = state.head;
    box.dataset.pinned = state.pinned ? `${state.pinned.side}${state.pinned.index}` : "";
    for (let i = 0; i < T; i++) {
      for (let j = 0; j < T; j++) {
        const mine = !active || (active.side === "q" ? i === active.index : j === active.index);
        const w = m[i][j];
        const opacity = mine ? w : state.pinned ? 0 : w * 0.12;
        const line = lineEls[i * T + j];
        line.setAttribute("stroke", stroke);
        line.setAttribute("stroke-opacity", opacity.toFixed(4));
        line.style.display = opacity < 0.002 ? "none" : "";
      }
    }
    for (const side of ["q", "k"]) {
      tokenEls[side].forEach((g, i) => {
        const isActive = active && active.side === side && active.index === i;
        const isPinned = state.pinned && state.pinned.side === side && state.pinned.index === i;
        g.classList.toggle("active", Boolean(isActive));
        g.classList.toggle("pinned", Boolean(isPinned));
        g.setAttribute("aria-pressed", isPinned ? "true" : "false");
        const rect = g.querySelector("rect");
        let shade = 0;
        if (active && active.side !== side) shade = active.side === "q" ? m[active.index][i] : m[i][active.index];
        rect.style.fill = stroke;
        rect.style.fillOpacity = (isActive ? 0.18 : shade * 0.6).toFixed(4);
      });
    }
    $("readout").textContent = readout(m, active);
  }

  function readout(m, active) {
    if (!active) return t("page.readout");
    const weights = DATA.tokens.map((_, n) => (active.side === "q" ? m[active.index][n] : m[n][active.index]));
    const top = weights.map((w, n) => [w, n]).sort((a, b) => b[0] - a[0]).slice(0, 3);
    const list = top.map(([w, n]) => `${DATA.tokens[n]} ${w.toFixed(3)}`).join(", ");
    const key = active.side === "q" ? "page.looks_at" : "page.looked_at";
    const text = t(key, { token: DATA.tokens[active.index], list });
    return state.pinned ? `${text} ${t("page.pinned")}` : text;
  }

  // ---- selectors -------------------------------------------------------------------------

  function fillSelectors() {
    const layer = $("layer");
    const head = $("head");
    layer.replaceChildren();
    for (let l = 0; l < DATA.layers; l++) layer.add(new Option(`${t("page.layer")} ${l + 1}`, String(l)));
    head.replaceChildren();
    for (let h = 0; h < DATA.heads; h++) head.add(new Option(`${t("page.head")} ${h + 1}`, String(h)));
    head.add(new Option(t("page.mean"), "mean"));
    layer.value = String(state.layer);
    head.value = String(state.head);
  }

  function select(layer, head) {
    state.layer = layer;
    state.head = head;
    $("layer").value = String(layer);
    $("head").value = String(head);
    for (const button of document.querySelectorAll(".thumb")) {
      const on = Number(button.dataset.layer) === layer && String(button.dataset.head) === String(head);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
    emphasise();
  }

  // ---- model view ------------------------------------------------------------------------

  function drawThumb(canvas, layer, head) {
    const ctx = canvas.getContext("2d");
    const m = DATA.attention[layer][head];
    const { width, height } = canvas;
    const pad = 4;
    const rowY = (i) => pad + ((i + 0.5) * (height - 2 * pad)) / T;
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = colour(head);
    ctx.lineWidth = 1;
    for (let i = 0; i < T; i++) {
      for (let j = 0; j < T; j++) {
        if (m[i][j] < 0.01) continue;
        ctx.globalAlpha = m[i][j];
        ctx.beginPath();
        ctx.moveTo(pad + 4, rowY(i));
        ctx.lineTo(width - pad - 4, rowY(j));
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
  }

  function drawGrid() {
    const grid = $("grid");
    grid.replaceChildren();
    grid.style.gridTemplateColumns = `2.2em repeat(${DATA.heads}, minmax(0, 84px))`;
    const cell = (cls, text) => {
      const el = document.createElement("div");
      el.className = cls;
      el.textContent = text;
      grid.appendChild(el);
    };
    cell("corner", "");
    for (let h = 0; h < DATA.heads; h++) cell("col-label", String(h + 1));
    const height = Math.max(48, Math.min(96, T * 4 + 8));
    for (let l = 0; l < DATA.layers; l++) {
      cell("row-label", String(l + 1));
      for (let h = 0; h < DATA.heads; h++) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "thumb";
        button.dataset.layer = l;
        button.dataset.head = h;
        const canvas = document.createElement("canvas");
        canvas.width = 56;
        canvas.height = height;
        button.appendChild(canvas);
        button.addEventListener("click", () => {
          select(l, h);
          const top = $("head-view").getBoundingClientRect().top;
          if (top < 0) $("head-view").scrollIntoView({ block: "start" });
        });
        grid.appendChild(button);
        drawThumb(canvas, l, h);
      }
    }
    labelThumbs();
  }

  function labelThumbs() {
    for (const button of document.querySelectorAll(".thumb")) {
      const label = t("page.thumb", { layer: Number(button.dataset.layer) + 1, head: Number(button.dataset.head) + 1 });
      button.setAttribute("aria-label", label);
      button.title = label;
    }
  }

  // ---- language --------------------------------------------------------------------------

  function setLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    if (DATA.notice[lang]) $("notice").textContent = DATA.notice[lang];
    for (const button of document.querySelectorAll(".langs button")) {
      button.setAttribute("aria-pressed", button.dataset.lang === lang ? "true" : "false");
    }
    fillSelectors();
    labelThumbs();
    emphasise();
  }

  function start() {
    fillSelectors();
    $("layer").addEventListener("change", (e) => select(Number(e.target.value), state.head));
    $("head").addEventListener("change", (e) => select(state.layer, e.target.value === "mean" ? "mean" : Number(e.target.value)));
    for (const button of document.querySelectorAll(".langs button")) {
      button.addEventListener("click", () => setLang(button.dataset.lang));
    }
    drawHeadView();
    drawGrid();
    select(state.layer, state.head);
    setLang(state.lang);
    let pending = false;
    window.addEventListener("resize", () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const width = Math.max(260, Math.min(640, Math.floor($("lines").parentNode.clientWidth || 600)));
        if (width !== drawnWidth) drawHeadView();
      });
    });
  }

  start();
})();
