// The miner table, sortable by any column; a miner whose latest sample is stale is marked, not shown as live.
import { element } from "./dom.js";
import * as format from "./format.js";

const sort = { key: "minerId", descending: false };

function compare(a, b, key) {
  const x = a[key];
  const y = b[key];
  if (!format.isKnown(x) && !format.isKnown(y)) {
    return 0;
  }
  if (!format.isKnown(x)) {
    return 1;
  }
  if (!format.isKnown(y)) {
    return -1;
  }
  if (typeof x === "number" && typeof y === "number") {
    return x - y;
  }
  return String(x).localeCompare(String(y));
}

function row(miner) {
  const state = miner.stale ? "stale" : (miner.state ?? (miner.answered ? "unknown" : "not answering"));
  const link = element("a", { href: `#miner/${encodeURIComponent(miner.minerId)}` }, miner.minerId);
  return element(
    "tr",
    { class: miner.stale ? "stale" : null, "data-miner-id": miner.minerId },
    element("td", {}, link, miner.siteId ? element("span", { class: "site" }, miner.siteId) : null),
    element("td", { "data-state": state }, state, miner.boardsFailed > 0 ? element("span", { class: "badge" }, `${miner.boardsFailed} board failed`) : null),
    element("td", { class: "num" }, miner.stale ? "—" : format.hashrate(miner.hashrateRealtimeHps)),
    element("td", { class: "num" }, miner.stale ? "—" : format.temperature(miner.chipTempMaxC)),
    element("td", { class: "num" }, miner.stale ? "—" : format.power(miner.powerWatts)),
    element("td", {}, `${format.age(miner.dataAgeSeconds)} ago`),
  );
}

/** Renders `miners` into the table, sorted by the column last clicked (click again to reverse). */
export function renderMinerTable(table, miners) {
  const sorted = [...miners].sort((a, b) => {
    const order = compare(a, b, sort.key);
    return sort.descending ? -order : order;
  });
  table.querySelector("tbody").replaceChildren(...sorted.map(row));

  for (const button of table.querySelectorAll("th button[data-sort]")) {
    let order = "none";
    if (button.dataset.sort === sort.key) {
      order = sort.descending ? "descending" : "ascending";
    }
    button.parentElement.setAttribute("aria-sort", order);
  }
}

/** Wires the header buttons; `rerender` is called after each change of sort order. */
export function wireSorting(table, rerender) {
  for (const button of table.querySelectorAll("th button[data-sort]")) {
    button.addEventListener("click", () => {
      const key = button.dataset.sort;
      sort.descending = sort.key === key ? !sort.descending : key !== "minerId" && key !== "state";
      sort.key = key;
      rerender();
    });
  }
}
