// One miner: its facts, per-board health, pools and active alerts.
import { element } from "./dom.js";
import * as format from "./format.js";

/**
 * Classifies a board: "failed" when the firmware reports failure or disconnection, "degraded" when chips are
 * red or the board delivers under 80 % of its nominal hashrate, "ok" when it mines, "unknown" otherwise.
 */
export function boardHealth(board) {
  const state = (board.state ?? "").toLowerCase();
  if (state === "failure" || state === "disconnected") {
    return "failed";
  }
  if ((board.chipsRed ?? 0) > 0) {
    return "degraded";
  }
  if (format.isKnown(board.hashrateRealtimeHps) && board.hashrateNominalHps > 0
    && board.hashrateRealtimeHps < 0.8 * board.hashrateNominalHps) {
    return "degraded";
  }
  return state === "mining" || state === "auto-tuning" ? "ok" : "unknown";
}

function fact(label, value) {
  return [element("dt", {}, label), element("dd", {}, value)];
}

function boardRow(board) {
  const health = boardHealth(board);
  return element(
    "tr",
    { class: `board-${health}`, "data-board-id": board.id, "data-health": health },
    element("td", {}, String(board.id)),
    element("td", {}, element("span", { class: `health health-${health}` }, health), board.state ? ` (${board.state})` : null),
    element("td", { class: "num" }, `${format.hashrate(board.hashrateRealtimeHps)} of ${format.hashrate(board.hashrateNominalHps)}`),
    element("td", { class: "num" }, format.temperature(board.chipTempMaxC)),
    element("td", { class: "num" }, format.isKnown(board.chipsRed) ? String(board.chipsRed) : "unknown"),
    element("td", {}, board.description ?? ""),
  );
}

function poolItem(pool) {
  const shares = format.isKnown(pool.accepted)
    ? ` · ${pool.accepted} accepted, ${pool.rejected ?? "unknown"} rejected`
    : "";
  return element("li", {}, `${pool.url} · ${pool.user ?? "no user"} · ${pool.status ?? "unknown"}${shares}`);
}

function poolSideText(poolSide) {
  if (!poolSide || poolSide.known === false) {
    return poolSide?.reason ?? "unknown";
  }
  return `${format.hashrate(poolSide.hashratePoolHps)} seen by the pool (${poolSide.workerName ?? "worker"})`;
}

/** Renders a miner detail response. */
export function renderMiner(detail) {
  const sample = detail.sample ?? {};
  document.getElementById("miner-title").textContent = detail.minerId;

  const facts = [
    ...fact("Site", detail.siteId ?? "unknown"),
    ...fact("State", detail.stale ? `stale (last: ${sample.state ?? "unknown"})` : (sample.state ?? "unknown")),
    ...fact("Model", sample.model ?? "unknown"),
    ...fact("Firmware", sample.firmware ?? "unknown"),
    ...fact("Host", sample.host ?? "unknown"),
    ...fact("Hashrate", `${format.hashrate(sample.hashrateRealtimeHps)} of ${format.hashrate(sample.hashrateNominalHps)} nominal`),
    ...fact("Power", format.power(sample.powerWatts)),
    ...fact("Hottest chip", format.temperature(sample.chipTempMaxC)),
    ...fact("Uptime", format.isKnown(sample.uptimeSeconds) ? format.age(sample.uptimeSeconds) : "unknown"),
    ...fact("Last sample", `${format.utcTime(sample.collectedAt)} (${format.age(detail.dataAgeSeconds)} ago)`),
    ...fact("Pool side", poolSideText(detail.poolSide)),
  ];
  document.getElementById("miner-facts").replaceChildren(...facts);

  const boards = sample.boards ?? [];
  document.querySelector("#boards tbody").replaceChildren(
    ...(boards.length > 0
      ? boards.map(boardRow)
      : [element("tr", {}, element("td", { colspan: 6 }, "The miner reported no boards."))]),
  );

  const pools = sample.pools ?? [];
  document.getElementById("miner-pools").replaceChildren(
    ...(pools.length > 0 ? pools.map(poolItem) : [element("li", {}, "No pool reported.")]),
  );
}
