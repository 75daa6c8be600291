// What the main side and a job's worker thread say to each other.
import type { Envelope, MethodName } from '../api/contract.js';

export interface JobRequest {
  method: MethodName;
  input: unknown;
  storeFile: string;
  nativeBinding?: string;
  /** The page key of an encrypted store, hex (the thread opens its own connection). */
  storeKey?: string;
  /**
   * One Int32 the main side sets to 1 to cancel. A job busy in a long synchronous step (an import's
   * transaction) reads no messages until it ends, but it can read this between records.
   */
  cancelFlag?: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'result'; envelope: Envelope<unknown> };

/** From the main side to the worker: stop at the next safe point (the store's transaction rolls back). */
export type ControlMessage = { type: 'cancel' };
