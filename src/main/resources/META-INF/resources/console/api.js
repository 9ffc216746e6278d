// The console's only way to the service: the public API under /api/v1, with its own short-lived token.
// The token pair is kept in sessionStorage (gone when the tab closes) and renewed before it expires.

import { acceptLanguage } from './i18n.js';

const KEY = 'tandem.session';
const BASE = '/api/v1';
let session = read();
let renewTimer = null;
let renewing = null;
const listeners = new Set();

function read() {
  try { return JSON.parse(sessionStorage.getItem(KEY)); } catch { return null; }
}

function store(token) {
  const now = Date.now();
  session = {
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    expiresAt: now + token.expiresIn * 1000,
    refreshExpiresAt: now + token.refreshExpiresIn * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  schedule();
}

function schedule() {
  clearTimeout(renewTimer);
  if (!session) return;
  // Renew a minute before the token expires (at once if that is past).
  const wait = Math.max(0, session.expiresAt - Date.now() - 60_000);
  renewTimer = setTimeout(() => renew().catch(() => {}), Math.min(wait, 2_147_000_000));
}

/** Called with no argument when the session ends (signed out, or renewal refused). */
export function onSignedOut(listener) { listeners.add(listener); }

export function signedIn() { return session != null && session.refreshExpiresAt > Date.now(); }

/** A problem+json answer (or a network failure) as an error the UI can show in words. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title;
    this.detail = problem?.detail;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.type = problem?.type;
  }
}

async function problemOf(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) return await response.json();
  } catch { /* not JSON: keep the status only */ }
  return null;
}

export async function signIn(username, password) {
  const response = await fetch(`${BASE}/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  store(await response.json());
}

/** Trades the refresh token for a new pair; one renewal at a time. */
export function renew() {
  if (!session) return Promise.reject(new ApiError(401, null));
  if (!renewing) {
    renewing = (async () => {
      const response = await fetch(`${BASE}/auth/refresh`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        const problem = await problemOf(response);
        signOut();
        throw new ApiError(response.status, problem);
      }
      store(await response.json());
    })().finally(() => { renewing = null; });
  }
  return renewing;
}

export function signOut() {
  const was = session != null;
  session = null;
  sessionStorage.removeItem(KEY);
  clearTimeout(renewTimer);
  if (was) listeners.forEach((listener) => listener());
}

export function accessToken() { return session?.accessToken; }

async function send(method, path, { body, headers = {}, form, blob } = {}) {
  if (session && session.expiresAt - Date.now() < 30_000) await renew();
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage(), ...headers } };
  if (session) init.headers.Authorization = `Bearer ${session.accessToken}`;
  if (form) {
    init.body = form;
  } else if (blob) {
    init.headers['Content-Type'] = blob.type || 'application/octet-stream';
    init.body = blob;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path.startsWith('/') ? path : `${BASE}/${path}`, init);
  } catch {
    throw new ApiError(0, { detail: 'network' });
  }
  return response;
}

/**
 * Calls the API and answers { data, etag, location, status }. A 401 renews the token once and tries again;
 * any other failure throws an ApiError carrying the problem's detail and field errors.
 */
export async function call(method, path, options = {}) {
  let response = await send(method, path, options);
  if (response.status === 401 && session) {
    await renew();
    response = await send(method, path, options);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) signOut();
    throw new ApiError(response.status, problem);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.blob();
  return { data, etag: response.headers.get('ETag'), location: response.headers.get('Location'), status: response.status };
}

export const get = async (path) => (await call('GET', path)).data;

/** The header that makes a write conditional on the version read ({ data, etag } from call): a 412 if it moved. */
export const ifMatch = (read) => (read?.etag ? { 'If-Match': read.etag } : {});
export const post = async (path, body) => (await call('POST', path, { body })).data;

/** Sends a file (a Blob) as the raw body of a POST; answers { data, etag, location, status }. */
export const sendFile = (path, blob, headers = {}) => call('POST', path, { blob, headers });

/** Fetches a file the API answers as a Blob (with the token). */
export async function fetchBlob(path) {
  return (await call('GET', path, { headers: { Accept: '*/*' } })).data;
}

/** Builds a query string from the defined values of an object. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every item of a paged list (pages of 500). */
export async function all(path, params = {}) {
  const items = [];
  for (let page = 0; ; page++) {
    const data = await get(path + query({ ...params, page, size: 500 }));
    items.push(...data.items);
    if (items.length >= data.totalItems || data.items.length === 0) return items;
  }
}

/** Runs fn over items, at most `width` at a time; answers the results in order. */
export async function pool(items, width, fn, onEach) {
  const results = new Array(items.length);
  let next = 0; let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
      done++;
      if (onEach) onEach(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Downloads a file the API answers (with the token, which a plain link cannot carry). */
export async function download(path, fallbackName, lang) {
  const { data } = await call('GET', path, { headers: { Accept: '*/*', ...(lang ? { 'Accept-Language': lang } : {}) } });
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens a page the API renders (with the token, which a plain link cannot carry) in a new tab. */
export async function openPage(path) {
  const tab = window.open('', '_blank');
  let data;
  try {
    ({ data } = await call('GET', path, { headers: { Accept: 'text/html' } }));
  } catch (err) {
    tab?.close();
    throw err;
  }
  const url = URL.createObjectURL(new Blob([await data.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location = url; else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

schedule();
