// A job's thread: its own connection to the store, the same dispatch (validation, error codes) as every
// adapter, and the answer posted back. Handlers that learn to report progress will post it from here.
import { parentPort, workerData } from 'node:worker_threads';
import { isValijaError } from '../../db/errors.js';
import { openStore } from '../../db/store.js';
import { dispatch } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import type { JobRequest, WorkerMessage } from './messages.js';

const request = workerData as JobRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const store = openStore(request.storeFile, { nativeBinding: request.nativeBinding });
  try {
    const handlers = createHandlers(store, {
      onProgress: (done, total, message) => post({ type: 'progress', done, total, message }),
    });
    post({ type: 'result', envelope: await dispatch(handlers, request.method, request.input) });
  } finally {
    store.close();
  }
} catch (error) {
  // Opening the store failed (missing, from a newer version, unreadable): its code says which.
  post({
    type: 'result',
    envelope: {
      ok: false,
      error: isValijaError(error)
        ? { code: error.code, message: error.message }
        : { code: 'E_INTERNAL', message: String((error as Error)?.message ?? error) },
    },
  });
}
