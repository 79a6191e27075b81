// The provenance viewer: filters the embedded values, and shows one on its page or in its passage.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const SHOWN = 300; // rows listed at once; the filters narrow the rest
  const CONTEXT = 600; // characters of text shown either side of a passage
  const list = document.querySelector("#value-list tbody");
  const panel = document.getElementById("provenance-panel");
  const filters = {
    document: document.getElementById("filter-document"),
    kind: document.getElementById("filter-kind"),
    text: document.getElementById("filter-text"),
  };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => node.appendChild(typeof c === "string" ? document.createTextNode(c) : c));
    return node;
  }

  function matches(v) {
    if (filters.document.value && v.document_id !== filters.document.value) return false;
    if (filters.kind.value && v.value_kind !== filters.kind.value) return false;
    const q = filters.text.value.trim().toLowerCase();
    return !q || [v.value_text, v.label, v.cluster_id].some((s) => s && String(s).toLowerCase().includes(q));
  }

  // The page as a reader cites it: "p. 16 (printed 14)"; on a spread the printed number of the half the value is on.
  function pageText(item) {
    if (item.page == null) return "";
    const printed = (DATA.labels || {})[`${item.document_id}#${item.page}`];
    if (!printed) return String(item.page);
    const [left, right, width] = printed;
    const label = right != null && item.bbox_x0 != null && item.bbox_x0 >= width / 2 ? right : left;
    return label == null ? String(item.page) : `${item.page} (printed ${label})`;
  }

  function renderList() {
    const hits = DATA.values.map((v, i) => [v, i]).filter(([v]) => matches(v));
    list.replaceChildren();
    hits.slice(0, SHOWN).forEach(([v, i]) => {
      const text = String(v.value_text || "");
      const row = el("tr", { "data-value": String(i), "data-kind": v.value_kind, "data-document": v.document_id }, [
        el("td", { text: v.value_kind }),
        el("td", { text: v.label || "" }),
        el("td", { text: text.length > 90 ? text.slice(0, 89) + "…" : text }),
        el("td", { text: v.document_id }),
        el("td", { text: pageText(v) }),
      ]);
      row.addEventListener("click", () => show(v, row));
      list.appendChild(row);
    });
    document.getElementById("value-count").textContent =
      hits.length > SHOWN ? `${hits.length} values; the first ${SHOWN} listed` : `${hits.length} values`;
  }

  function metaTable(item) {
    const rows = [
      ["Document", `${item.document_id} — ${DATA.titles[item.document_id] || ""}`],
      ["Cluster", item.cluster_id || "—"],
      ["Page", item.page == null ? "— (text source)" : pageText(item)],
      ["Section", [item.section_number, item.section_title].filter(Boolean).join(" ") || "—"],
      ["Characters", `${item.char_start}–${item.char_end}`],
      ["Source text", item.source_text || ""],
      ["Extractor", item.extractor || ""],
      ["Confidence", item.confidence == null ? "" : String(item.confidence)],
    ];
    if (item.number != null) rows.splice(1, 0, ["Number", `${item.number.toLocaleString("en-GB")} ${item.unit || ""}`]);
    return el("table", { class: "meta" }, rows.map(([k, v]) => el("tr", {}, [el("td", { text: k }), el("td", { text: v })])));
  }

  function pageView(item, page) {
    const view = el("div", { class: "page-view", id: "page-view" });
    const img = el("img", { src: page.src, alt: `page ${item.page} of ${item.document_id}`, id: "page-image" });
    view.appendChild(img);
    if (item.bbox_x0 != null) {
      const pct = (v, whole) => `${((100 * v) / whole).toFixed(3)}%`;
      const box = el("div", { class: "box", id: "prov-box" });
      box.style.left = pct(item.bbox_x0, page.width);
      box.style.top = pct(item.bbox_top, page.height);
      box.style.width = pct(item.bbox_x1 - item.bbox_x0, page.width);
      box.style.height = pct(item.bbox_bottom - item.bbox_top, page.height);
      view.appendChild(box);
      img.addEventListener("load", () => box.scrollIntoView({ block: "center" }));
    }
    return view;
  }

  function passage(item) {
    const text = DATA.texts[item.document_id];
    if (text == null || item.char_start == null) return el("p", { class: "empty", text: "No passage recorded." });
    let start = Math.max(0, item.char_start - CONTEXT);
    const lineBreak = text.indexOf("\n", start);
    if (start > 0 && lineBreak !== -1 && lineBreak < item.char_start) start = lineBreak + 1; // begin on a whole line
    const end = Math.min(text.length, item.char_end + CONTEXT);
    const mark = el("mark", { id: "prov-mark", text: text.slice(item.char_start, item.char_end) });
    const pre = el("pre", { class: "passage" }, [
      (start > 0 ? "…" : "") + text.slice(start, item.char_start), mark, text.slice(item.char_end, end) + (end < text.length ? "…" : ""),
    ]);
    return pre;
  }

  function show(item, row) {
    document.querySelectorAll("#value-list tr.picked").forEach((r) => r.classList.remove("picked"));
    if (row) row.classList.add("picked");
    const heading = item.value_kind
      ? `${item.value_kind}: ${item.label || ""}`
      : `${item.severity} · ${item.kind}`;
    const children = [el("h3", { text: heading }), el("p", { class: "value-text", text: item.value_text || item.detail || "" })];
    const page = item.page == null ? null : DATA.pages[`${item.document_id}#${item.page}`];
    if (page) {
      children.push(pageView(item, page));
      if (item.bbox_x0 == null) children.push(el("p", { class: "empty", text: "No box recorded for this value (it spans pages)." }));
    }
    children.push(passage(item), metaTable(item));
    panel.replaceChildren(...children);
    panel.dataset.shown = item.value_id || item.kind;
    const mark = document.getElementById("prov-mark");
    if (mark && !page) mark.scrollIntoView({ block: "center" });
    if (item.value_id) history.replaceState(null, "", `#value=${encodeURIComponent(item.value_id)}`);
  }

  Object.values(filters).forEach((f) => f.addEventListener("input", renderList));
  document.querySelectorAll("button.show-issue").forEach((b) =>
    b.addEventListener("click", () => {
      show(DATA.issues[Number(b.dataset.issue)], null);
      document.getElementById("provenance").scrollIntoView();
    })
  );
  renderList();
  const linked = decodeURIComponent((location.hash.match(/^#value=(.+)$/) || [])[1] || "");
  const target = linked && DATA.values.find((v) => v.value_id === linked);
  if (target) show(target, null);
})();
