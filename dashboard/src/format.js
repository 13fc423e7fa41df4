// Display formatting. The API sends SI units (H/s, W, °C); the page picks the unit an owner reads.

const hashrateUnits = [
  [1e15, "PH/s"],
  [1e12, "TH/s"],
  [1e9, "GH/s"],
  [1e6, "MH/s"],
  [1e3, "kH/s"],
  [1, "H/s"],
];

/** Returns [factor, label] for showing hashrates around `hps`; scrypt fleets land on MH/s or GH/s. */
export function hashrateUnit(hps) {
  const value = Math.abs(hps ?? 0);
  for (const [factor, label] of hashrateUnits) {
    if (value >= factor) {
      return [factor, label];
    }
  }
  return [1e6, "MH/s"];
}

export function isKnown(value) {
  return value !== null && value !== undefined && !(typeof value === "number" && Number.isNaN(value));
}

export function number(value, digits = 1) {
  if (!isKnown(value)) {
    return "unknown";
  }
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function hashrate(hps) {
  if (!isKnown(hps)) {
    return "unknown";
  }
  const [factor, label] = hashrateUnit(hps);
  return `${number(hps / factor, 2)} ${label}`;
}

export function power(watts) {
  if (!isKnown(watts)) {
    return "unknown";
  }
  return watts >= 10000 ? `${number(watts / 1000, 1)} kW` : `${number(watts, 0)} W`;
}

export function temperature(celsius) {
  return isKnown(celsius) ? `${number(celsius, 1)} °C` : "unknown";
}

export function money(amount, currency) {
  if (!isKnown(amount)) {
    return "unknown";
  }
  return `${number(amount, 2)} ${currency ?? ""}`.trim();
}

/** Formats an age in seconds as "40 s", "12 min", "3 h" or "2 d". */
export function age(seconds) {
  if (!isKnown(seconds)) {
    return "unknown";
  }
  if (seconds < 90) {
    return `${Math.round(seconds)} s`;
  }
  if (seconds < 90 * 60) {
    return `${Math.round(seconds / 60)} min`;
  }
  if (seconds < 36 * 3600) {
    return `${Math.round(seconds / 3600)} h`;
  }
  return `${Math.round(seconds / 86400)} d`;
}

export function utcTime(iso) {
  if (!iso) {
    return "never";
  }
  return new Date(iso).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}
