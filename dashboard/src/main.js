// The owner dashboard: fleet tiles, history charts, active alerts, the miner table and one miner's page.
// Nothing is fetched or shown until a function key is stored; a rejected key clears every value shown.
import "./styles.css";
import * as api from "./api.js";
import { clearCharts, drawHistory, ranges } from "./charts.js";
import { byId, element } from "./dom.js";
import * as format from "./format.js";
import { renderMinerTable, wireSorting } from "./minerTable.js";
import { renderMiner } from "./minerView.js";
import { moneyPerDay, renderTiles } from "./tiles.js";

const refreshIntervalMs = 60_000;
const state = { fleet: null, miners: [], site: "", range: { fleet: "24h", miner: "24h" }, timer: null };

function showError(message) {
  const box = byId("error");
  box.textContent = message ?? "";
  box.hidden = !message;
}

/** Removes every value the API returned from the page. */
function clearData() {
  state.fleet = null;
  state.miners = [];
  byId("tiles").replaceChildren();
  byId("alerts").replaceChildren();
  byId("miner-alerts").replaceChildren();
  byId("miner-facts").replaceChildren();
  byId("miner-title").textContent = "";
  byId("miner-pools").replaceChildren();
  document.querySelector("#miners tbody").replaceChildren();
  document.querySelector("#boards tbody").replaceChildren();
  clearCharts(byId("fleet-charts"));
  clearCharts(byId("miner-charts"));
  byId("data-age").textContent = "";
  byId("site").replaceChildren(element("option", { value: "" }, "All sites"));
}

function askForKey(message) {
  window.clearInterval(state.timer);
  state.timer = null;
  clearData();
  byId("fleet-view").hidden = true;
  byId("miner-view").hidden = true;
  byId("forget-key").hidden = true;
  byId("key-panel").hidden = false;
  byId("key-message").textContent = message ?? "";
  byId("key-input").focus();
}

async function guarded(work) {
  try {
    showError(null);
    await work();
  } catch (error) {
    if (error instanceof api.KeyRejectedError) {
      api.forgetKey();
      askForKey(error.keyMissing ? "" : "The key was rejected. Enter a valid function key.");
      return;
    }
    showError(error.message);
  }
}

function alertItem(alert) {
  const since = alert.firedAt ?? alert.since;
  const subject = alert.subjectId ?? alert.siteId ?? "fleet";
  const detail = alert.detail ? ` (${alert.detail})` : "";
  return element(
    "li",
    { class: `alert severity-${alert.severity ?? "warning"}`, "data-subject-id": subject },
    element("strong", {}, alert.severity ?? "alert"),
    ` ${subject}: ${alert.title ?? alert.ruleId ?? ""}${detail}`,
    alert.muted ? element("span", { class: "since" }, " (muted)") : null,
    since ? element("span", { class: "since" }, ` since ${format.utcTime(since)}`) : null,
  );
}

/** Renders active alerts; `null` means the alert list could not be read, which is shown as unknown. */
function renderAlerts(list, alerts) {
  if (alerts === null) {
    list.replaceChildren(element("li", { class: "none" }, "Alerts unknown: the alert list could not be read."));
    return;
  }
  list.replaceChildren(
    ...(alerts.length > 0 ? alerts.map(alertItem) : [element("li", { class: "none" }, "No active alert.")]),
  );
}

/** Reads active alerts, or null when the route is missing or fails for a reason other than the key. */
async function activeAlerts(query) {
  try {
    const body = await api.getJson(`alerts?view=active${query}`);
    return body.active ?? [];
  } catch (error) {
    if (error instanceof api.KeyRejectedError) {
      throw error;
    }
    return null;
  }
}

function selectedSummary() {
  if (!state.fleet) {
    return null;
  }
  if (state.site) {
    return (state.fleet.sites ?? []).find((s) => s.siteId === state.site) ?? null;
  }
  return state.fleet.overall ?? state.fleet;
}

function renderSiteOptions() {
  const select = byId("site");
  const sites = (state.fleet?.sites ?? []).map((s) => s.siteId);
  select.replaceChildren(
    element("option", { value: "" }, "All sites"),
    ...sites.map((id) => element("option", { value: id, selected: id === state.site ? "selected" : null }, id)),
  );
}

function rangeButtons(target, onPick) {
  for (const group of document.querySelectorAll(`.ranges[data-target="${target}"]`)) {
    group.replaceChildren(
      ...ranges.map((range) => {
        const button = element("button", { type: "button", "data-range": range.id, "aria-pressed": String(state.range[target] === range.id) }, range.label);
        button.addEventListener("click", () => {
          state.range[target] = range.id;
          rangeButtons(target, onPick);
          onPick();
        });
        return button;
      }),
    );
  }
}

function historyQuery(target) {
  const range = ranges.find((r) => r.id === state.range[target]);
  const to = new Date();
  const from = new Date(to.getTime() - range.seconds * 1000);
  const site = target === "fleet" && state.site ? `&siteId=${encodeURIComponent(state.site)}` : "";
  return `from=${from.toISOString()}&to=${to.toISOString()}&interval=${range.interval}${site}`;
}

async function loadFleetCharts() {
  const history = await api.getHistory(`fleet/history?${historyQuery("fleet")}`);
  drawHistory(byId("fleet-charts"), history);
}

async function loadFleet() {
  const [fleet, miners, alerts, profitability] = await Promise.all([
    api.getJson("fleet"),
    api.getJson("miners"),
    activeAlerts(""),
    api.getJson("profitability").catch((error) => {
      if (error instanceof api.KeyRejectedError) {
        throw error;
      }
      return null;
    }),
  ]);
  state.fleet = fleet;
  state.miners = miners.miners ?? [];
  state.profitability = profitability;
  renderSiteOptions();
  renderFleet(alerts);
  await loadFleetCharts();
}

function renderFleet(alerts) {
  const summary = selectedSummary();
  if (summary) {
    renderTiles(byId("tiles"), summary, moneyPerDay(state.profitability, state.site));
    byId("data-age").textContent = `data age ${format.age(summary.dataAgeSeconds)}`;
  }
  const miners = state.site ? state.miners.filter((m) => m.siteId === state.site) : state.miners;
  renderMinerTable(byId("miners"), miners);
  const shown = state.site && alerts ? alerts.filter((a) => a.siteId === state.site) : alerts;
  renderAlerts(byId("alerts"), shown);
  state.alerts = alerts;
}

async function loadMiner(minerId) {
  const id = encodeURIComponent(minerId);
  const detail = await api.getJson(`miners/${id}`);
  renderMiner(detail);
  renderAlerts(byId("miner-alerts"), await activeAlerts(`&miner=${id}`));
  const history = await api.getHistory(`miners/${id}/history?${historyQuery("miner")}`);
  drawHistory(byId("miner-charts"), history);
}

function currentMinerId() {
  const match = /^#miner\/(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function route() {
  if (!api.storedKey()) {
    askForKey("");
    return;
  }
  byId("key-panel").hidden = true;
  byId("forget-key").hidden = false;

  const minerId = currentMinerId();
  byId("fleet-view").hidden = minerId !== null;
  byId("miner-view").hidden = minerId === null;
  document.body.dataset.loaded = "false";
  await guarded(() => (minerId === null ? loadFleet() : loadMiner(minerId)));
  document.body.dataset.loaded = api.storedKey() ? "true" : "false";

  if (state.timer === null && api.storedKey()) {
    state.timer = window.setInterval(() => guarded(refresh), refreshIntervalMs);
  }
}

async function refresh() {
  const minerId = currentMinerId();
  await (minerId === null ? loadFleet() : loadMiner(minerId));
}

function wire() {
  byId("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = byId("key-input").value.trim();
    byId("key-input").value = "";
    if (key) {
      api.storeKey(key);
      route();
    }
  });
  byId("forget-key").addEventListener("click", () => {
    api.forgetKey();
    askForKey("The key was removed from this browser.");
  });
  byId("site").addEventListener("change", (event) => {
    state.site = event.target.value;
    renderFleet(state.alerts ?? null);
    guarded(loadFleetCharts);
  });
  wireSorting(byId("miners"), () => renderFleet(state.alerts ?? null));
  rangeButtons("fleet", () => guarded(loadFleetCharts));
  rangeButtons("miner", () => {
    const minerId = currentMinerId();
    if (minerId !== null) {
      guarded(() => loadMiner(minerId));
    }
  });
  window.addEventListener("hashchange", route);
}

api.adoptKeyFromAddress();
wire();
route();
