// The fleet tiles: miners mining, hashrate against nominal, power, efficiency, money per day, hottest chip.
import { element } from "./dom.js";
import * as format from "./format.js";

function tile(id, label, value, detail) {
  return element(
    "div",
    { class: "tile", "data-tile": id },
    element("span", { class: "tile-label" }, label),
    element("span", { class: "tile-value" }, value),
    detail ? element("span", { class: "tile-detail" }, detail) : null,
  );
}

function efficiency(summary) {
  if (format.isKnown(summary.efficiencyJoulesPerGigahash)) {
    return `${format.number(summary.efficiencyJoulesPerGigahash, 1)} J/GH`;
  }
  if (format.isKnown(summary.efficiencyJoulesPerTerahash)) {
    return `${format.number(summary.efficiencyJoulesPerTerahash, 1)} J/TH`;
  }
  return "unknown";
}

function nominalDetail(summary) {
  if (!format.isKnown(summary.nominalDeliveredPercent)) {
    return "nominal unknown";
  }
  return `${format.number(summary.nominalDeliveredPercent, 1)} % of ${format.hashrate(summary.hashrateNominalHps)} nominal`;
}

function hottestDetail(summary) {
  if (!summary.hottestMinerId) {
    return null;
  }
  const board = format.isKnown(summary.hottestBoardId) ? `, board ${summary.hottestBoardId}` : "";
  return `${summary.hottestMinerId}${board}`;
}

function preferredEstimate(estimates) {
  const list = estimates ?? [];
  return list.find((e) => (e.estimateKind ?? e.profit?.estimateKind) === "pool") ?? list[0] ?? null;
}

/**
 * Reads revenue, power cost and profit per day (USD) from a GET /api/profitability body, for all sites or
 * one; every value is null (shown as unknown) when the pool data is missing.
 */
export function moneyPerDay(profitability, siteId) {
  if (!profitability) {
    return { note: "profitability is unavailable" };
  }
  let estimate;
  if (siteId) {
    const site = (profitability.sites ?? []).find((s) => s.siteId === siteId);
    estimate = preferredEstimate(site?.estimates);
  } else {
    estimate = preferredEstimate(profitability.fleet?.estimates);
  }
  if (!estimate) {
    return { note: "no pool estimate yet" };
  }
  const profit = estimate.profit ?? estimate;
  const revenue = format.isKnown(profit.revenueAfterFeeUsd)
    ? profit.revenueAfterFeeUsd
    : format.isKnown(profit.grossRevenueUsd) && format.isKnown(profit.poolFeeUsd)
      ? profit.grossRevenueUsd - profit.poolFeeUsd
      : profit.grossRevenueUsd;
  return {
    currency: "USD",
    revenuePerDay: revenue,
    costPerDay: profit.powerCostUsd,
    profitPerDay: profit.netProfitUsd,
    note: estimate.status && estimate.status !== "ok" ? (estimate.reason ?? estimate.status) : null,
  };
}

/** Renders the tiles for one fleet summary (all sites or one) and its money per day, which may be unknown. */
export function renderTiles(container, summary, money) {
  const currency = money.currency;
  const profitNote = money.note ?? null;

  container.replaceChildren(
    tile("miners", "Mining", `${summary.minersMining} of ${summary.minersTotal}`,
      summary.minersStale > 0 ? `${summary.minersStale} stale` : "none stale"),
    tile("hashrate", "Hashrate", format.hashrate(summary.hashrateRealtimeHps), nominalDetail(summary)),
    tile("power", "Power", format.power(summary.powerWatts), null),
    tile("efficiency", "Efficiency", efficiency(summary), null),
    tile("revenue", "Revenue per day", format.money(money.revenuePerDay, currency), profitNote),
    tile("cost", "Power cost per day", format.money(money.costPerDay, currency), null),
    tile("profit", "Profit per day", format.money(money.profitPerDay, currency), null),
    tile("hottest", "Hottest chip", format.temperature(summary.chipTempMaxC), hottestDetail(summary)),
  );
}
