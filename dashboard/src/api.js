// Calls to the owner API. The function key travels as the x-functions-key header, never in a data URL.

const storageName = "fleetserverless.functionsKey";

/** Raised when no key is stored or the API rejects it (401 or 403): the page then drops every rendered value. */
export class KeyRejectedError extends Error {
  constructor(message, keyMissing = false) {
    super(message);
    this.keyMissing = keyMissing;
  }
}

export function storedKey() {
  return window.localStorage.getItem(storageName);
}

export function storeKey(key) {
  window.localStorage.setItem(storageName, key);
}

export function forgetKey() {
  window.localStorage.removeItem(storageName);
}

/**
 * Moves a key given as the `code` query parameter (how a bookmark or the DevHost's printed address carries
 * it) into browser storage, and removes it from the address bar and history.
 */
export function adoptKeyFromAddress() {
  const url = new URL(window.location.href);
  const code = url.searchParams.get("code");
  if (code) {
    storeKey(code);
    url.searchParams.delete("code");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
}

/** Resolves an API path against the folder the page was served from (/api/dashboard lives under /api). */
function apiUrl(path) {
  const base = new URL(".", window.location.href);
  return new URL(path, base).toString();
}

export async function getJson(path) {
  const key = storedKey();
  if (!key) {
    throw new KeyRejectedError("No function key is stored.", true);
  }

  const response = await fetch(apiUrl(path), {
    headers: { "x-functions-key": key, accept: "application/json" },
    cache: "no-store",
    credentials: "omit",
  });

  if (response.status === 401 || response.status === 403) {
    throw new KeyRejectedError(`The API rejected the key (HTTP ${response.status}).`);
  }

  if (!response.ok) {
    let detail = "";
    try {
      const problem = await response.json();
      detail = problem.detail ?? problem.title ?? "";
    } catch {
      // The body was not problem-details JSON; the status alone is reported.
    }
    throw new Error(`GET ${path} failed with HTTP ${response.status}. ${detail}`.trim());
  }

  return response.json();
}

/** Reads every page of a history query, following nextPageToken, up to `maxPages` pages. */
export async function getHistory(path, maxPages = 5) {
  let points = [];
  let token = null;
  let first = null;
  for (let page = 0; page < maxPages; page++) {
    const separator = path.includes("?") ? "&" : "?";
    const pagePath = token ? `${path}${separator}pageToken=${encodeURIComponent(token)}` : path;
    const body = await getJson(pagePath);
    first ??= body;
    points = points.concat(body.points ?? []);
    token = body.nextPageToken;
    if (!token) {
      break;
    }
  }
  return { ...first, points };
}
