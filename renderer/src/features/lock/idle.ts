// The idle lock's clock: told of every use of the page, it calls onIdle once the page has gone unused for
// the limit. One timer at a time (moved on only when it fires early), so a mouse move costs a Date.now().
export interface IdleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const browserClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (timer) => window.clearTimeout(timer as number),
};

export interface IdleTimer {
  /** The page was used now. */
  activity(): void;
  stop(): void;
}

/** Calls onIdle once, limitMs after the last activity (started now); a limit of 0 or less never does. */
export function startIdleTimer(limitMs: number, onIdle: () => void, clock: IdleClock): IdleTimer {
  if (limitMs <= 0) return { activity: () => {}, stop: () => {} };
  let last = clock.now();
  let timer: unknown;
  let stopped = false;
  const wait = (ms: number) => {
    timer = clock.setTimeout(check, ms);
  };
  function check() {
    if (stopped) return;
    const unused = clock.now() - last;
    if (unused >= limitMs) {
      stopped = true;
      onIdle();
    } else {
      wait(limitMs - unused);
    }
  }
  wait(limitMs);
  return {
    activity: () => {
      last = clock.now();
    },
    stop: () => {
      stopped = true;
      clock.clearTimeout(timer);
    },
  };
}

/** What counts as using the page. */
export const ACTIVITY_EVENTS = [
  'keydown',
  'pointerdown',
  'pointermove',
  'mousedown',
  'mousemove',
  'touchstart',
  'wheel',
  'scroll',
] as const;
