// The renderer's one way to the API: window.valija inside the desktop app (preload, over IPC), else the
// local browser bridge of `valija serve` (POST /api/<method> with the per-run token). Either way a typed
// ValijaBridge whose failures are ApiCallErrors carrying the contract's error code.
import { METHOD_NAMES, type Envelope, type MethodName } from '../../../electron/api/contract.js';
import type { ProgressEvent, ValijaBridge } from '../../../electron/api/progress.js';
import { ApiCallError, fromBridgedError } from './errors.js';

declare global {
  interface Window {
    valija?: ValijaBridge;
  }
}

const TOKEN_KEY = 'valija.token';

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
  for (const method of METHOD_NAMES) {
    const call = valija[method] as (input: unknown) => Promise<unknown>;
    (api as Record<MethodName, unknown>)[method] = (input: unknown) =>
      call(input).catch((error: unknown) => {
        throw fromBridgedError(error);
      });
  }
  return api;
}

function fromBridge(token: string | null): ValijaBridge {
  const headers = (): Record<string, string> => {
    if (!token) {
      throw new ApiCallError(
        'E_UNAUTHORIZED',
        'this page has no access token: open the address `valija serve` printed',
      );
    }
    return { Authorization: `Bearer ${token}` };
  };
  const post = async (method: MethodName, input: unknown) => {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { ...headers(), 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    let envelope: Envelope<unknown>;
    try {
      envelope = (await response.json()) as Envelope<unknown>;
    } catch {
      throw new ApiCallError('E_BRIDGE', `the local server answered ${response.status} without a result`);
    }
    if (!envelope.ok) {
      throw new ApiCallError(envelope.error.code, envelope.error.message, envelope.error.details);
    }
    return envelope.value;
  };
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

/** Inside the desktop app (files are on this computer's disk), not a browser tab on `valija serve`. */
export function isDesktop(): boolean {
  return !!window.valija;
}

export function api(): ValijaBridge {
  return (client ??= window.valija ? fromDesktop(window.valija) : fromBridge(takeToken()));
}
