// The renderer's one way to the API: window.valija inside the desktop app (preload, over IPC), else the
// local browser bridge of `valija serve` (POST /api/<method> with the per-run token). Either way a typed
// ValijaBridge whose failures are ApiCallErrors carrying the contract's error code.
import { METHOD_NAMES, type Envelope, type MethodName } from '../../../electron/api/contract.js';
import {
  type BridgeInput,
  type BridgeResult,
  type FileMethod,
  type Upload,
  type UploadPurpose,
} from '../../../electron/api/bridge-files.js';
import type { ProgressEvent, ValijaBridge } from '../../../electron/api/progress.js';
import { ApiCallError, fromBridgedError } from './errors.js';

declare global {
  interface Window {
    valija?: ValijaBridge;
  }
}

const TOKEN_KEY = 'valija.token';

const lockedListeners = new Set<() => void>();

/**
 * Told whenever a call answers E_LOCKED (another tab or the idle timer locked the store, or the server
 * restarted locked): the page then shows the unlock screen and forgets what it held.
 */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

let lockingHere = false;

/**
 * This page has asked the store to lock and will reload: calls answering E_LOCKED meanwhile need no notice
 * (the gate would ask the session, and the reload would cut that request off).
 */
export function lockingThisPage(): void {
  lockingHere = true;
}

function noticeLocked(error: ApiCallError): ApiCallError {
  if (error.code === 'E_LOCKED' && !lockingHere) for (const listener of lockedListeners) listener();
  return error;
}

/**
 * The bridge's token: taken once from the URL fragment `#token=…` (then removed from the address bar and
 * history, so it is not copied, bookmarked or shown), kept for this tab in sessionStorage.
 */
export function takeToken(loc: Location = location, storage: Storage = sessionStorage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(history.state, '', loc.pathname + loc.search);
  }
  return storage.getItem(TOKEN_KEY);
}

function fromDesktop(valija: ValijaBridge): ValijaBridge {
  const api = { onProgress: (listener) => valija.onProgress(listener) } as ValijaBridge;
  if (valija.pathForFile) api.pathForFile = (file) => valija.pathForFile!(file);
  for (const method of METHOD_NAMES) {
    const call = valija[method] as (input: unknown) => Promise<unknown>;
    (api as Record<MethodName, unknown>)[method] = (input: unknown) =>
      call(input).catch((error: unknown) => {
        throw noticeLocked(fromBridgedError(error));
      });
  }
  return api;
}

function bridgeHeaders(token: string | null): Record<string, string> {
  if (!token) {
    throw new ApiCallError(
      'E_UNAUTHORIZED',
      'this page has no access token: open the address `valija serve` printed',
    );
  }
  return { Authorization: `Bearer ${token}` };
}

async function valueOf(response: Response): Promise<unknown> {
  let envelope: Envelope<unknown>;
  try {
    envelope = (await response.json()) as Envelope<unknown>;
  } catch {
    throw new ApiCallError('E_BRIDGE', `the local server answered ${response.status} without a result`);
  }
  if (!envelope.ok) {
    throw noticeLocked(new ApiCallError(envelope.error.code, envelope.error.message, envelope.error.details));
  }
  return envelope.value;
}

async function postJson(token: string | null, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`./api/${method}`, {
    method: 'POST',
    headers: { ...bridgeHeaders(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return valueOf(response);
}

function fromBridge(token: string | null): ValijaBridge {
  const headers = () => bridgeHeaders(token);
  const post = (method: MethodName, input: unknown) => postJson(token, method, input);
  const api = { onProgress: (listener) => subscribeProgress(headers, listener) } as ValijaBridge;
  for (const method of METHOD_NAMES) {
    (api as Record<MethodName, unknown>)[method] = (input: unknown) => post(method, input);
  }
  return api;
}

/** Reads the bridge's server-sent events with fetch, so the token travels in a header, not the URL. */
function subscribeProgress(
  headers: () => Record<string, string>,
  listener: (event: ProgressEvent) => void,
): () => void {
  const abort = new AbortController();
  const run = async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch('./api/events', { headers: headers(), signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event: progress$/m.test(frame)) {
              const data = /^data: (.*)$/m.exec(frame)?.[1];
              if (data) listener(JSON.parse(data) as ProgressEvent);
            }
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  };
  void run();
  return () => abort.abort();
}

let client: ValijaBridge | undefined;

/**
 * Files in a browser tab on `valija serve`, which never names a path on the serving computer: a package or a
 * document's file is uploaded from this computer and named by its upload id; an export or a saved document
 * is then downloaded (fetch with the token in a header, saved as a blob).
 */
export interface BridgeFiles {
  /** A document's upload carries its file's name (the bridge keeps only its last part). */
  upload(file: Blob, purpose?: UploadPurpose, name?: string): Promise<Upload>;
  call<M extends FileMethod>(method: M, input: BridgeInput<M>): Promise<BridgeResult<M>>;
  save(download: string, name: string): Promise<void>;
  /** A download's bytes, for an in-app preview (fetched once, as any download). */
  fetchBytes(download: string): Promise<Uint8Array>;
}

/** The browser's way with files, or null inside the desktop app (which names paths on its own disk). */
export function bridgeFiles(): BridgeFiles | null {
  if (isDesktop()) return null;
  const token = takeToken();
  return {
    upload: async (file, purpose = 'package', name = '') =>
      (await valueOf(
        await fetch(`./api/upload?${new URLSearchParams({ for: purpose, name }).toString()}`, {
          method: 'POST',
          headers: { ...bridgeHeaders(token), 'Content-Type': 'application/octet-stream' },
          body: file,
        }),
      )) as Upload,
    call: async (method, input) => (await postJson(token, method, input)) as never,
    save: async (download, name) => {
      saveBlob(await (await fetchDownload(token, download)).blob(), name);
    },
    fetchBytes: async (download) =>
      new Uint8Array(await (await fetchDownload(token, download)).arrayBuffer()),
  };
}

async function fetchDownload(token: string | null, download: string): Promise<Response> {
  const response = await fetch(`./api/download/${encodeURIComponent(download)}`, {
    headers: bridgeHeaders(token),
  });
  if (!response.ok) await valueOf(response);
  return response;
}

/** Hands a blob to the browser as a download under a file name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Inside the desktop app (files are on this computer's disk), not a browser tab on `valija serve`. */
export function isDesktop(): boolean {
  return !!window.valija;
}

export function api(): ValijaBridge {
  return (client ??= window.valija ? fromDesktop(window.valija) : fromBridge(takeToken()));
}
