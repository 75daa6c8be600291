// The preload (sandboxed, so bundled by vite with the contract into one file, dist/electron/preload.cjs):
// window.valija = exactly the contract's methods, each one IPC call answered with the contract's envelope,
// plus onProgress, and pathForFile (where a file the user dropped on the page is on disk). Nothing else from Node or Electron reaches the page. Errors crossing the contextBridge
// keep only their message, so the code (and the error's details, encoded) travel in it as "[CODE] message" or
// "[CODE details=…] message" (renderer/src/api/errors.ts).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, type Envelope } from './api/contract.js';
import type { ErrorDetails } from '../domain/errors.js';
import { CALL_CHANNEL, PROGRESS_CHANNEL, type ProgressEvent, type ValijaBridge } from './api/progress.js';

export class ValijaCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    // The details ride as URI-encoded JSON inside the bracket, which holds no ']' and no space: read back
    // exactly, whatever the details or the message say.
    super(
      details
        ? `[${code} details=${encodeURIComponent(JSON.stringify(details))}] ${message}`
        : `[${code}] ${message}`,
    );
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope && envelope.ok === true) return envelope.value;
  const error = envelope?.error ?? { code: 'E_INTERNAL', message: 'no answer from the main process' };
  throw new ValijaCallError(error.code, error.message, error.details);
}

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
type Listen = {
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
};

export function createValijaApi(
  invoke: Invoke,
  events: Listen,
  pathOf: (file: File) => string = () => '',
): ValijaBridge {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (input: unknown) =>
      unwrap((await invoke(CALL_CHANNEL, method, input ?? {})) as Envelope<unknown>);
  }
  api.onProgress = (listener: (event: ProgressEvent) => void) => {
    // Hand the page only the event's data, never Electron's event object (it holds the sender).
    const forward = (_event: IpcRendererEvent, progress: unknown) => listener(progress as ProgressEvent);
    events.on(PROGRESS_CHANNEL, forward);
    return () => void events.removeListener(PROGRESS_CHANNEL, forward);
  };
  // Only a File the user dropped or chose has a path; anything else gives none.
  api.pathForFile = (file: File) => {
    try {
      return pathOf(file) || null;
    } catch {
      return null;
    }
  };
  return Object.freeze(api) as unknown as ValijaBridge;
}

if (contextBridge && ipcRenderer) {
  contextBridge.exposeInMainWorld(
    'valija',
    createValijaApi(
      (channel, ...args) => ipcRenderer.invoke(channel, ...args),
      ipcRenderer,
      (file) => webUtils.getPathForFile(file),
    ),
  );
}
