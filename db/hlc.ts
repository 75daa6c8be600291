// Hybrid logical clock: wall-clock milliseconds plus a counter, encoded so that string order is clock order.
// It never goes backwards, even when the wall clock does, and it moves past every clock it has seen.

const MILLIS_DIGITS = 15;
const COUNTER_DIGITS = 6;
export const HLC_PATTERN = /^\d{15}-\d{6}$/;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export interface Hlc {
  millis: number;
  counter: number;
}

export function formatHlc({ millis, counter }: Hlc): string {
  return `${String(millis).padStart(MILLIS_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}`;
}

export function parseHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new Error(`not a clock value: ${text}`);
  const [millis, counter] = text.split('-');
  return { millis: Number(millis), counter: Number(counter) };
}

/** The next local clock value after `last`, given the wall clock `now`. */
export function tick(last: string, now: number): string {
  const previous = parseHlc(last);
  if (now > previous.millis) return formatHlc({ millis: now, counter: 0 });
  if (previous.counter >= MAX_COUNTER) return formatHlc({ millis: previous.millis + 1, counter: 0 });
  return formatHlc({ millis: previous.millis, counter: previous.counter + 1 });
}

/** The clock after receiving `remote`: never below it, so our next change sorts after everything seen. */
export function receive(last: string, remote: string): string {
  return remote > last ? remote : last;
}

export const ZERO_HLC = formatHlc({ millis: 0, counter: 0 });

export function hlcToIso(text: string): string {
  return new Date(parseHlc(text).millis).toISOString();
}
