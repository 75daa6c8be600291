// What the window hears besides answers: progress of heavy jobs (briefing book, package import and export),
// pushed by the main process on PROGRESS_CHANNEL and by the bridge as server-sent events. Pure types and
// constants, shared by the main process, the preload, the bridge and the renderer.
import type { ApiError, ValijaApi } from './contract.js';

export const CALL_CHANNEL = 'valija:call';
export const PROGRESS_CHANNEL = 'valija:progress';

export type JobKind = 'book' | 'import' | 'export' | 'backup' | 'text';

export interface ProgressEvent {
  jobId: string;
  kind: JobKind;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  /** Units of work done so far, out of total (0 when not known yet). */
  done: number;
  total: number;
  message?: string;
  error?: ApiError;
}

export type Unsubscribe = () => void;

/** window.valija in the desktop app, and the bridge client in a browser: the contract plus progress. */
export type ValijaBridge = ValijaApi & {
  onProgress(listener: (event: ProgressEvent) => void): Unsubscribe;
  /** The desktop app only: where a file dropped on the page is on this computer (null if it has no path). */
  pathForFile?(file: File): string | null;
};
