// The architecture map (embedding -> blocks -> head) that stays in view and marks the section
// being read, and the contents list under the title.

// The architecture map: embedding -> blocks -> head, the picked block opened into its stages.
function renderMap() {
  const S = st.S,
    map = $("map");
  map.innerHTML = "";
  map.appendChild(el("div", "map-title", S.map_title));
  const flow = el("ol", "flow");
  const node = (sec, text, cls) => {
    const li = el("li", "node " + (cls || ""));
    const a = el("a", "", text);
    a.href = "#" + sec;
    a.dataset.sec = sec;
    li.appendChild(a);
    return li;
  };
  flow.appendChild(node("sec-tokens", S.map_tokens));
  flow.appendChild(node("sec-embedding", "wte + wpe"));
  for (let l = 0; l < st.config.n_layer; l++) {
    const li = el("li", "block" + (l === st.layer ? " on" : ""));
    const b = el("button", "block-title", `${S.block} ${l + 1}`);
    b.type = "button";
    b.setAttribute("aria-pressed", String(l === st.layer));
    b.addEventListener("click", () => {
      st.layer = l;
      render();
      $("sec-layernorm").scrollIntoView();
    });
    li.appendChild(b);
    if (l === st.layer) {
      const sub = el("ol", "stages");
      [
        ["sec-layernorm", "LayerNorm"],
        ["sec-qkv", "Q K V"],
        ["sec-scores", "q·kᵀ / √d"],
        ["sec-softmax", "softmax"],
        ["sec-heads", "a·V, c_proj, +"],
        ["sec-mlp", "MLP, +"],
      ].forEach(([sec, text]) => sub.appendChild(node(sec, text, "sub")));
      li.appendChild(sub);
    }
    flow.appendChild(li);
  }
  flow.appendChild(node("sec-stream", S.map_stream));
  flow.appendChild(node("sec-output", "ln_f → lm_head"));
  flow.appendChild(node("sec-generation", S[`map_generation_${st.kind}`]));
  map.appendChild(flow);
  const sw = el("label", "switch");
  const box = el("input");
  box.type = "checkbox";
  box.id = "show-numbers";
  box.checked = view.showNumbers;
  box.addEventListener("change", () => {
    view.showNumbers = box.checked;
    redrawAll();
  });
  sw.appendChild(box);
  sw.appendChild(document.createTextNode(" " + S.show_numbers));
  map.appendChild(sw);
  markHere();
}

function markHere() {
  document
    .querySelectorAll("[data-sec]")
    .forEach((a) => a.classList.toggle("here", a.dataset.sec === st.here));
  document.body.dataset.here = st.here;
}
function watchSections() {
  const seen = new Map();
  const observer = new IntersectionObserver(
    (entries) => {
      entries.forEach((e) => seen.set(e.target.id, e.isIntersecting));
      const first = SECTIONS.find((id) => seen.get(id));
      if (first && first !== st.here) {
        st.here = first;
        markHere();
      }
    },
    { rootMargin: "-20% 0px -55% 0px" },
  );
  SECTIONS.forEach((id) => observer.observe($(id)));
}

// The contents list: one link per section, titled as the section is.
function renderContents() {
  const toc = $("toc");
  toc.innerHTML = "";
  toc.appendChild(el("strong", "", st.S.contents));
  const ol = el("ol");
  SECTIONS.forEach((id) => {
    const a = el(
      "a",
      "",
      $(id)
        .querySelector("h2")
        .textContent.replace(/^\d+\.\s*/, ""),
    );
    a.href = "#" + id;
    a.dataset.sec = id;
    const li = el("li");
    li.appendChild(a);
    ol.appendChild(li);
  });
  toc.appendChild(ol);
}
