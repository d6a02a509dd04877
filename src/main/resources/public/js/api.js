// Calls the service. The API key lives in sessionStorage (gone when the tab closes) and is sent as
// a bearer token; errors become ApiError with the problem+json body when there is one.

const KEY_SLOT = 'tryggkarta.apiKey';

export function storedKey() {
  return sessionStorage.getItem(KEY_SLOT) ?? '';
}

export function storeKey(key) {
  if (key) sessionStorage.setItem(KEY_SLOT, key); else sessionStorage.removeItem(KEY_SLOT);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Request headers with the stored API key as a bearer token (none for the public). */
export function authHeaders(extra = {}) {
  const h = { ...extra };
  const key = storedKey();
  if (key) h.Authorization = `Bearer ${key}`;
  return h;
}

function headers(extra = {}) {
  return authHeaders({ Accept: 'application/json, application/geo+json', ...extra });
}

async function check(r) {
  if (r.ok) return r;
  let problem = null;
  try { problem = await r.json(); } catch (e) { problem = null; }
  throw new ApiError(r.status, problem);
}

/** GET path (with query params, empty ones left out) as JSON. */
export async function getJson(path, params = {}) {
  const r = await fetch(withQuery(path, params), { headers: headers() });
  return (await check(r)).json();
}

/** POST a JSON body to path; answers JSON. */
export async function postJson(path, body, params = {}) {
  const r = await fetch(withQuery(path, params), {
    method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body),
  });
  return (await check(r)).json();
}

/** Fetches path as a Blob (for downloads and printable pages), POSTing body when given. */
export async function getBlob(path, params = {}, body = undefined) {
  const init = body === undefined
    ? { headers: headers({ Accept: '*/*' }) }
    : { method: 'POST', headers: headers({ Accept: '*/*', 'Content-Type': 'application/json' }), body: JSON.stringify(body) };
  const r = await fetch(withQuery(path, params), init);
  return (await check(r)).blob();
}

export function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const wsPath = (ws) => `/api/workspaces/${encodeURIComponent(ws)}`;
