// The gate at the top of the app: asks the store's session first, and shows the first-run or unlock screen
// until it is open. While it is not, nothing of the store is rendered or cached. Locking (Ctrl+L, the
// header's button, the idle timer) reloads the page after the store closes, so nothing of it stays in memory.
import { useHotkeys } from '@mantine/hooks';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../../domain/results.js';
import { api, lockingThisPage, onLocked } from '../../api/client.js';
import { fromBridgedError } from '../../api/errors.js';
import { queryClient } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { ACTIVITY_EVENTS, browserClock, startIdleTimer, type IdleClock } from './idle.js';
import { SetUpScreen, UnlockScreen } from './LockScreens.js';

interface Session {
  status: SessionStatus;
  /** A session method's answer (setIdleLock) replaces what the gate knows. */
  update(status: SessionStatus): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The session as the open app sees it (its screens render only inside the gate). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used inside the SessionGate');
  return session;
}

/** Locks the store, then reloads the page: it comes back on the unlock screen with nothing in memory. */
export async function lockNow(): Promise<void> {
  lockingThisPage();
  try {
    await api().lockStore({});
  } catch {
    // Already locked, or the server is gone: the reloaded page asks the session either way.
  }
  location.reload();
}

export function SessionGate({ children, clock = browserClock }: { children: ReactNode; clock?: IdleClock }) {
  const [status, setStatus] = useState<SessionStatus>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    const ask = () =>
      api()
        .session({})
        .then((answer) => live && (setError(undefined), setStatus(answer)))
        .catch((failure: unknown) => live && setError(failure));
    void ask();
    const stop = onLocked(() => {
      // Unmount the store's screens now, forget their data, then ask why (locked, or not set up).
      setStatus((known) => known && { ...known, state: known.state === 'setup' ? 'setup' : 'locked' });
      queryClient.clear();
      void ask();
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (error && !status) {
    return (
      <main className="locked">
        <ErrorMessage error={fromBridgedError(error)} />
      </main>
    );
  }
  if (!status) return <Loading />;
  if (status.state === 'setup') return <SetUpScreen onOpen={setStatus} />;
  if (status.state === 'locked') return <UnlockScreen status={status} onOpen={setStatus} />;
  return (
    <SessionContext.Provider value={{ status, update: setStatus }}>
      <LockGuard minutes={status.idleLockMinutes} clock={clock} />
      {children}
    </SessionContext.Provider>
  );
}

/** Ctrl+L (Cmd+L) anywhere, even in a field; and the idle lock after the chosen minutes without use. */
function LockGuard({ minutes, clock }: { minutes: number; clock: IdleClock }) {
  useHotkeys([['mod+L', () => void lockNow()]], [], true);
  useEffect(() => {
    const timer = startIdleTimer(minutes * 60_000, () => void lockNow(), clock);
    const options = { capture: true, passive: true };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, timer.activity, options);
    return () => {
      timer.stop();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, timer.activity, options);
    };
  }, [minutes, clock]);
  return null;
}
