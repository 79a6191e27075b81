// The provenance viewer: lists a document's values (loaded on demand from data/dN.js), sorted and paged,
// and shows one on its page or in its passage. Links: #document=ID&value=ID (or #value=ID alone, or
// #document=ID&issue=N) open a value or an issue, highlighted in the list.
(function () {
  "use strict";
  const INDEX = JSON.parse(document.getElementById("report-data").textContent);
  const PAGE_SIZE = 100; // rows listed at once; the pager walks through the rest
  const CONTEXT = 600; // characters of text shown either side of a passage
  const NUMERIC = new Set(["number", "confidence", "page"]);
  const list = document.querySelector("#value-list tbody");
  const panel = document.getElementById("provenance-panel");
  const count = document.getElementById("value-count");
  const filters = {
    document: document.getElementById("filter-document"),
    kind: document.getElementById("filter-kind"),
    text: document.getElementById("filter-text"),
  };
  // keyed by document id, which may be any text ("constructor" too): objects without a prototype
  const files = Object.assign(Object.create(null), Object.fromEntries(INDEX.documents.map((d) => [d.id, d.data])));
  const loaded = Object.create(null); // document id → its data
  const waiting = Object.create(null); // document id → [resolve]
  const state = { sort: null, descending: false, page: 0, linked: null };

  window.policyfactsLoaded = function (id, data) {
    data.values.forEach((v) => (v.document_id = id));
    loaded[id] = data;
    (waiting[id] || []).forEach((resolve) => resolve(data));
    delete waiting[id];
  };

  // A document's data, loaded once with a script element (fetch() cannot read files opened from disk).
  function load(id) {
    if (loaded[id]) return Promise.resolve(loaded[id]);
    if (!files[id]) return Promise.resolve(null);
    return new Promise((resolve) => {
      if (!waiting[id]) {
        waiting[id] = [];
        const script = document.createElement("script");
        script.src = files[id];
        script.onerror = () => {
          (waiting[id] || []).forEach((r) => r(null));
          delete waiting[id];
        };
        document.body.appendChild(script);
      }
      waiting[id].push(resolve);
    });
  }

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

  const SIGNS = { GBP: "£", EUR: "€", USD: "$" };
  const SCALES = [[1e12, "tn"], [1e9, "bn"], [1e6, "m"]];
  // A number as a reader writes it: £101.5bn, 4%, 25,000 people.
  function human(value, unit) {
    if (value == null || !Number.isFinite(value)) return "";
    const digits = (n) => (Number.isInteger(n) ? 0 : n < 10 ? 2 : 1);
    const fmt = (n) => n.toLocaleString("en-GB", { maximumFractionDigits: digits(n) });
    if (unit === "percent") return `${fmt(value)}%`;
    const sign = SIGNS[unit];
    if (sign) {
      for (const [scale, word] of SCALES) if (Math.abs(value) >= scale) return `${sign}${fmt(value / scale)}${word}`;
      return `${sign}${fmt(value)}`;
    }
    return unit ? `${fmt(value)} ${unit}` : fmt(value);
  }

  function valueText(v) {
    if (v.value_low != null && v.value_high != null && v.value_high !== v.value_low && v.number === v.value_low)
      return `${human(v.value_low, v.unit)} to ${human(v.value_high, v.unit)}`;
    if (v.number != null && (v.value_kind === "figure" || v.value_kind === "funding")) return human(v.number, v.unit);
    const text = String(v.value_text || "");
    return text.length > 90 ? text.slice(0, 89) + "…" : text;
  }

  function label(v) {
    if (v.measure) return v.measure + (v.subject ? `: ${v.subject}` : "");
    return v.label || "";
  }

  // The page as a reader cites it: "16 (printed 14)"; on a spread the printed number of the half the value is on.
  function pageText(item) {
    if (item.page == null) return "";
    const data = loaded[item.document_id];
    const printed = data && data.labels[String(item.page)];
    if (!printed) return String(item.page);
    const [left, right, width] = printed;
    const mark = right != null && item.bbox_x0 != null && item.bbox_x0 >= width / 2 ? right : left;
    return mark == null ? String(item.page) : `${item.page} (printed ${mark})`;
  }

  function matches(v) {
    if (filters.kind.value && v.value_kind !== filters.kind.value) return false;
    const q = filters.text.value.trim().toLowerCase();
    return !q || [v.value_text, v.label, v.cluster_name, v.period, v.measure].some((s) => s && String(s).toLowerCase().includes(q));
  }

  function shownValues() {
    const id = filters.document.value;
    const ids = id ? [id] : Object.keys(loaded).sort();
    return ids.flatMap((d) => (loaded[d] ? loaded[d].values : []));
  }

  function sorted(values) {
    if (!state.sort) return values;
    const key = state.sort;
    const pick = (v) => (key === "label" ? label(v) : v[key]);
    const direction = state.descending ? -1 : 1;
    return values.slice().sort((a, b) => {
      const x = pick(a), y = pick(b);
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // blanks last either way
      return direction * (NUMERIC.has(key) ? x - y : String(x).localeCompare(String(y)));
    });
  }

  function kinds(values) {
    const chosen = filters.kind.value;
    const names = [...new Set(values.map((v) => v.value_kind))].sort();
    filters.kind.replaceChildren(el("option", { value: "", text: "every kind" }), ...names.map((k) => el("option", { value: k, text: k })));
    if (names.includes(chosen)) filters.kind.value = chosen;
  }

  function renderList() {
    const hits = sorted(shownValues().filter(matches));
    const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
    if (state.linked) {
      const at = hits.indexOf(state.linked);
      if (at >= 0) state.page = Math.floor(at / PAGE_SIZE);
    }
    state.page = Math.min(state.page, pages - 1);
    const first = state.page * PAGE_SIZE;
    list.replaceChildren();
    hits.slice(first, first + PAGE_SIZE).forEach((v) => {
      const row = el("tr", { "data-value": v.value_id || "", "data-kind": v.value_kind, "data-document": v.document_id }, [
        el("td", { text: v.value_kind }),
        el("td", { text: label(v) }),
        el("td", { class: v.number != null ? "num" : "", text: valueText(v), title: v.value_text || "" }),
        el("td", { text: v.period || "" }),
        el("td", { text: v.cluster_name || "" }),
        el("td", { class: "num", text: v.confidence == null ? "" : v.confidence.toFixed(2) }),
        el("td", { text: v.document_id }),
        el("td", { text: pageText(v) }),
      ]);
      if (v === state.linked) row.classList.add("linked", "picked");
      row.addEventListener("click", () => show(v, row));
      list.appendChild(row);
    });
    count.textContent = hits.length
      ? `values ${(first + 1).toLocaleString("en-GB")}–${Math.min(first + PAGE_SIZE, hits.length).toLocaleString("en-GB")} of ${hits.length.toLocaleString("en-GB")}`
      : "no values";
    document.getElementById("page-prev").disabled = state.page === 0;
    document.getElementById("page-next").disabled = state.page >= pages - 1;
    document.querySelectorAll("#value-list th").forEach((th) => {
      th.classList.toggle("sorted", th.dataset.sort === state.sort);
      th.classList.toggle("descending", th.dataset.sort === state.sort && state.descending);
    });
    const linkedRow = list.querySelector("tr.linked");
    if (linkedRow) linkedRow.scrollIntoView({ block: "nearest" });
  }

  async function pickDocument() {
    const id = filters.document.value;
    if (id) await load(id);
    else {
      const ids = INDEX.documents.filter((d) => d.values > 0).map((d) => d.id);
      for (const [n, d] of ids.entries()) {
        count.textContent = `loading document ${n + 1} of ${ids.length}…`;
        await load(d);
      }
    }
    state.page = 0;
    kinds(shownValues());
    renderList();
  }

  function metaTable(item) {
    const rows = [
      ["Document", `${item.document_id} — ${Object.hasOwn(INDEX.titles, item.document_id) ? INDEX.titles[item.document_id] || "" : ""}`],
      ["Cluster", item.cluster_name || item.cluster_id || "—"],
      ["Page", item.page == null ? "— (text source)" : pageText(item)],
      ["Section", [item.section_number, item.section_title].filter(Boolean).join(" ") || "—"],
      ["Characters", `${item.char_start}–${item.char_end}`],
      ["Source text", item.source_text || ""],
      ["Extractor", item.extractor || ""],
      ["Confidence", item.confidence == null ? "" : String(item.confidence)],
    ];
    if (item.period) rows.splice(1, 0, ["Period", item.period]);
    if (item.number != null && item.value_kind !== "objective")
      rows.splice(1, 0, ["Number", `${valueText(item)} (${item.number.toLocaleString("en-GB")}${item.unit ? " " + item.unit : ""})`]);
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
    const data = loaded[item.document_id];
    const text = data && data.text;
    if (text == null || item.char_start == null) return el("p", { class: "empty", text: "No passage recorded." });
    let start = Math.max(0, item.char_start - CONTEXT);
    const lineBreak = text.indexOf("\n", start);
    if (start > 0 && lineBreak !== -1 && lineBreak < item.char_start) start = lineBreak + 1; // begin on a whole line
    const end = Math.min(text.length, item.char_end + CONTEXT);
    const mark = el("mark", { id: "prov-mark", text: text.slice(item.char_start, item.char_end) });
    return el("pre", { class: "passage" }, [
      (start > 0 ? "…" : "") + text.slice(start, item.char_start), mark, text.slice(item.char_end, end) + (end < text.length ? "…" : ""),
    ]);
  }

  function show(item, row) {
    document.querySelectorAll("#value-list tr.picked").forEach((r) => r.classList.remove("picked"));
    if (row) row.classList.add("picked");
    const heading = item.value_kind ? `${item.value_kind}: ${label(item)}` : `${item.severity} · ${item.kind}`;
    const children = [el("h3", { text: heading }), el("p", { class: "value-text", text: item.value_text || item.detail || "" })];
    const data = loaded[item.document_id];
    const page = item.page == null || !data ? null : data.pages[String(item.page)];
    if (page) {
      children.push(pageView(item, page));
      if (item.bbox_x0 == null) children.push(el("p", { class: "empty", text: "No box recorded for this value (it spans pages)." }));
    }
    children.push(passage(item), metaTable(item));
    panel.replaceChildren(...children);
    panel.dataset.shown = item.value_id || item.kind;
    const mark = document.getElementById("prov-mark");
    if (mark && !page) mark.scrollIntoView({ block: "center" });
    if (item.value_id)
      history.replaceState(null, "", `#document=${encodeURIComponent(item.document_id)}&value=${encodeURIComponent(item.value_id)}`);
  }

  async function openDocument(id) {
    if (!files[id]) return null;
    filters.document.value = id;
    const data = await load(id);
    kinds(shownValues());
    return data;
  }

  // A value linked to: its document picked, its row on the list's page, highlighted, and shown.
  async function openValue(documentId, valueId) {
    let found = null;
    const ids = documentId ? [documentId] : INDEX.documents.filter((d) => d.values > 0).map((d) => d.id);
    for (const id of ids) {
      const data = await load(id);
      found = data && data.values.find((v) => v.value_id === valueId);
      if (found) break;
    }
    if (!found) {
      count.textContent = `the linked value ${valueId} is not in this warehouse`;
      return;
    }
    await openDocument(found.document_id);
    filters.kind.value = "";
    filters.text.value = "";
    state.linked = found;
    renderList();
    show(found, list.querySelector("tr.linked"));
    document.getElementById("provenance").scrollIntoView();
  }

  async function openIssue(documentId, find) {
    const data = await openDocument(documentId);
    const issue = data && find(data.issues);
    renderList();
    if (issue) {
      issue.document_id = documentId;
      show(issue, null);
      document.getElementById("provenance").scrollIntoView();
    }
  }

  filters.document.addEventListener("change", () => {
    state.linked = null;
    pickDocument();
  });
  [filters.kind, filters.text].forEach((f) =>
    f.addEventListener("input", () => {
      state.page = 0;
      state.linked = null;
      renderList();
    })
  );
  document.getElementById("page-prev").addEventListener("click", () => {
    state.page -= 1;
    state.linked = null;
    renderList();
  });
  document.getElementById("page-next").addEventListener("click", () => {
    state.page += 1;
    state.linked = null;
    renderList();
  });
  document.querySelectorAll("#value-list th[data-sort]").forEach((th) =>
    th.addEventListener("click", () => {
      state.descending = state.sort === th.dataset.sort ? !state.descending : false;
      state.sort = th.dataset.sort;
      state.page = 0;
      renderList();
    })
  );
  document.querySelectorAll("button.show-issue").forEach((b) =>
    b.addEventListener("click", () =>
      openIssue(b.dataset.document, (issues) =>
        issues.find((i) => i.kind === b.dataset.kind && String(i.char_start) === b.dataset.start)
      )
    )
  );

  const link = new URLSearchParams(location.hash.replace(/^#/, ""));
  if (link.get("value")) openValue(link.get("document"), link.get("value"));
  else if (link.get("document") && link.get("issue") != null)
    openIssue(link.get("document"), (issues) => issues[Number(link.get("issue"))]);
  else {
    // the first document's values load once the page has, so that they never hold the page up
    const first = INDEX.documents.find((d) => d.values > 0);
    const start = () => (first ? openDocument(first.id).then(renderList) : renderList());
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
  }
})();
