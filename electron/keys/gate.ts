// Every call from a window or a page passes the session first: its own methods answer at any time; every
// other method answers only while the store is open (E_LOCKED otherwise), through a caller made for the store
// that is open now (a new one after each unlock, whose job threads get that store's key).
import type { Store } from '../../db/store.js';
import { isValijaError } from '../../domain/errors.js';
import { isSessionMethod, type Envelope } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import type { Handlers } from '../api/handlers.js';
import type { StoreSession } from './session.js';

export type Call = (method: string, input: unknown, signal?: AbortSignal) => Promise<Envelope<unknown>>;

export function sessionHandlers(session: StoreSession): Partial<Handlers> {
  return {
    session: () => session.status(),
    setUpStore: ({ passphrase }) => session.setUp(passphrase),
    unlockStore: ({ passphrase }) => session.unlock(passphrase),
    lockStore: () => session.lock(),
    setIdleLock: ({ minutes }) => session.setIdleLock(minutes),
  };
}

export function gateCalls(session: StoreSession, callerFor: (store: Store) => Call): Call {
  const own = sessionHandlers(session);
  let caller: { store: Store; call: Call } | undefined;
  return async (method, input, signal) => {
    if (isSessionMethod(method)) return dispatch(own, method, input);
    let store: Store;
    try {
      store = session.current();
    } catch (error) {
      if (!isValijaError(error)) throw error;
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    if (caller?.store !== store) caller = { store, call: callerFor(store) };
    return caller.call(method, input, signal);
  };
}
