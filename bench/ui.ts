/// <reference lib="dom" />
// `npm run bench ui`: the browser UI on a generated store (10,000 meetings, 100,000 initiatives at
// VALIJA_BENCH_SCALE=1), served by `valija serve` as a user would run it, driven in Debian's Chromium.
// Baseline: the same screens and queries on the demo store, measured in the same run.
// Measures (all inside the page, with performance.now(), whose origin is the navigation start):
//  - screens: navigation start → the screen's rows are in the document and a frame has been painted
//    (Home: its meetings list has rows; Meetings: the virtual list has rows; Initiatives: the table has rows);
//  - search: last keystroke → the palette shows results for the whole query (a frame painted), including
//    the palette's deliberate debounce, which is also reported on its own;
//  - long tasks: 'longtask' and 'long-animation-frame' entries while a ~500-page book is built through
//    the UI (Briefing book tab → Build the book → "Book written").
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findPackageRoot } from '../electron/paths.js';
import { describeUiStore, generateUiStore } from './ui-store.js';
import { CHROMIUM_ARGS, CHROMIUM_BIN } from './chromium.js';

const ROOT = findPackageRoot();
const VALIJA = join(ROOT, 'bin', 'valija.js');
const GOALS = { firstScreenMs: 1_000, searchMs: 100, longTaskMs: 100 };
const QUERIES = ['reunion 4321', 'iniciativa 7777', 'cooperacion', 'lima', 'compromiso 99', 'pais 12'];
const REPEAT = 3;

interface Served {
  url: string;
  base: string;
  stop(): Promise<void>;
}

async function serve(db: string): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [VALIJA, '--db', db, 'serve'], {
    env: { ...process.env, VALIJA_DB: '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`valija serve exited with ${code}`)));
  });
  return {
    url,
    base: url.replace(/#.*$/, ''),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Installed before any page script: long-task observers and a watcher that stamps when selectors appear. */
function instrument(): void {
  const w = window as unknown as {
    __long: { type: string; start: number; duration: number; cause?: string }[];
    __marks: Record<string, number>;
    __watch: (name: string, selector: string) => void;
  };
  w.__long = [];
  w.__marks = {};
  for (const type of ['longtask', 'long-animation-frame']) {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) continue;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // A long animation frame names the scripts that ran in it: what made it long.
        const scripts = (e as unknown as { scripts?: { invoker: string; duration: number }[] }).scripts ?? [];
        const cause = scripts
          .filter((s) => s.duration > 10)
          .map((s) => `${s.invoker} ${Math.round(s.duration)} ms`)
          .join(', ');
        w.__long.push({ type, start: e.startTime, duration: e.duration, cause });
      }
    }).observe({ type, buffered: true });
  }
  const watched = new Map<string, string>();
  const check = () => {
    for (const [name, selector] of watched) {
      if (document.querySelector(selector)) {
        watched.delete(name);
        const seen = performance.now();
        w.__marks[`${name}:dom`] = seen;
        requestAnimationFrame(() => setTimeout(() => (w.__marks[name] = performance.now()), 0));
      }
    }
  };
  w.__watch = (name, selector) => {
    watched.set(name, selector);
    check();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

const SCREENS = {
  home: { route: '', selector: 'section[aria-labelledby="home-meetings"] li a' },
  meetings: { route: '#/meetings', selector: '.meeting-row a' },
  initiatives: { route: '#/initiatives', selector: '.records-table tbody tr a' },
} as const;
type ScreenName = keyof typeof SCREENS;

async function waitMark(page: Page, name: string, timeout = 120_000): Promise<number> {
  await page.waitForFunction(
    (n) => (window as unknown as { __marks: Record<string, number> }).__marks[n],
    name,
    {
      timeout,
      polling: 50,
    },
  );
  return page.evaluate((n) => (window as unknown as { __marks: Record<string, number> }).__marks[n]!, name);
}

/** Navigation start → the screen's rows painted, on a full page load (the token is already in this tab). */
async function timeScreen(page: Page, served: Served, screen: ScreenName, run: number): Promise<number> {
  const { route, selector } = SCREENS[screen];
  await page.addInitScript(
    ([name, sel]) => {
      addEventListener('DOMContentLoaded', () =>
        (window as unknown as { __watch: (a: string, b: string) => void }).__watch(name!, sel!),
      );
    },
    [screen, selector],
  );
  await page.goto(`${served.base}?run=${run}${route}`);
  return waitMark(page, screen);
}

async function newPage(browser: Browser, served: Served): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  // The first load takes the token from the fragment into this tab's session storage.
  await page.goto(served.url);
  await page.waitForSelector('#page-title', { timeout: 120_000 });
  return page;
}

async function measureScreens(browser: Browser, served: Served): Promise<Record<ScreenName, number[]>> {
  const out = { home: [], meetings: [], initiatives: [] } as Record<ScreenName, number[]>;
  for (let run = 0; run < REPEAT; run++) {
    for (const screen of Object.keys(SCREENS) as ScreenName[]) {
      const page = await newPage(browser, served);
      out[screen].push(await timeScreen(page, served, screen, run));
      await page.context().close();
    }
  }
  return out;
}

/** Last keystroke → results for the whole query painted, for each query; the palette's debounce apart. */
async function measureSearch(
  browser: Browser,
  served: Served,
): Promise<{ times: number[]; debounceMs: number }> {
  const page = await newPage(browser, served);
  const times: number[] = [];
  let debounceMs = Number.NaN;
  for (const query of [...QUERIES, ...QUERIES]) {
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Search everything' });
    await box.waitFor();
    debounceMs = Number(await page.locator('#search-results').getAttribute('data-debounce-ms'));
    await page.evaluate((q) => {
      const w = window as unknown as { __marks: Record<string, number>; __lastKey: number };
      delete w.__marks.search;
      addEventListener('keydown', () => (w.__lastKey = performance.now()), { capture: true });
      (window as unknown as { __watch: (a: string, b: string) => void }).__watch(
        'search',
        `#search-results[data-query="${q}"] [role="option"], #search-results[data-query="${q}"] .search-none`,
      );
    }, query);
    await box.pressSequentially(query, { delay: 40 });
    const shown = await waitMark(page, 'search', 30_000);
    const lastKey = await page.evaluate(() => (window as unknown as { __lastKey: number }).__lastKey);
    times.push(shown - lastKey);
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'detached' });
  }
  await page.context().close();
  return { times, debounceMs };
}

interface LongTasks {
  pages: number;
  buildMs: number;
  longtask: { count: number; maxMs: number; totalMs: number };
  loaf: { count: number; maxMs: number };
  /** The long animation frames over 100 ms: when (from the click) and what ran in them. */
  worst: string[];
  /** Long tasks in the 1.5 s after the book was written. */
  after: { count: number; maxMs: number };
  loadAverage: [number, number];
}

/** Builds the long book through the UI with the page observed; long tasks counted from the click on. */
async function measureBook(
  browser: Browser,
  served: Served,
  meetingId: string,
  dir: string,
): Promise<LongTasks> {
  const page = await newPage(browser, served);
  await page.goto(`${served.base}?book#/meetings/${meetingId}/book`);
  await page.getByRole('textbox', { name: 'File to write' }).fill(join(dir, 'long-book.pdf'));
  const from = await page.evaluate(() => performance.now());
  const loadBefore = loadavg()[0]!;
  await page.getByRole('button', { name: 'Build the book' }).click();
  const done = page.getByText(/Book written: \d+ pages/);
  await done.waitFor({ timeout: 600_000 });
  const to = await page.evaluate(() => performance.now());
  // Let the screen settle (its queries refetch after the write) before reading the entries.
  await page.waitForTimeout(1_500);
  const pages = Number(/(\d+) pages/.exec((await done.textContent()) ?? '')?.[1] ?? 0);
  const entries = await page.evaluate(
    () =>
      (window as unknown as { __long: { type: string; start: number; duration: number; cause?: string }[] })
        .__long,
  );
  await page.context().close();
  // While the book is generated: from the click to "Book written". What follows (the screen refetching,
  // the preview drawing its pages) is counted apart.
  const during = entries.filter((e) => e.start >= from && e.start <= to);
  const afterwards = entries.filter((e) => e.start > to && e.type === 'longtask').map((e) => e.duration);
  const of = (type: string) => during.filter((e) => e.type === type).map((e) => e.duration);
  const lt = of('longtask');
  const lf = of('long-animation-frame');
  return {
    pages,
    buildMs: to - from,
    longtask: { count: lt.length, maxMs: Math.max(0, ...lt), totalMs: lt.reduce((a, b) => a + b, 0) },
    loaf: { count: lf.length, maxMs: Math.max(0, ...lf) },
    after: { count: afterwards.length, maxMs: Math.max(0, ...afterwards) },
    loadAverage: [loadBefore, loadavg()[0]!],
    worst: during
      .filter((e) => e.type === 'long-animation-frame' && e.duration > 100)
      .map(
        (e) =>
          `+${Math.round(e.start - from)} ms: ${Math.round(e.duration)} ms (${e.cause || 'no script named'})`,
      ),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

export async function runUiBench(scale = Number(process.env.VALIJA_BENCH_SCALE ?? 1)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bench-ui-'));
  let browser: Browser | undefined;
  const servers: Served[] = [];
  try {
    const demo = join(dir, 'demo.db');
    const init = spawnSync(process.execPath, [VALIJA, '--db', demo, 'init', '--demo'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`valija init --demo failed: ${init.stderr}`);
    const big = join(dir, 'big.db');
    const t0 = performance.now();
    // VALIJA_BENCH_UI_DB: a store generated before (at any scale) instead of a new one, for quick reruns.
    const reuse = process.env.VALIJA_BENCH_UI_DB;
    if (reuse) copyFileSync(reuse, big);
    const generated = reuse ? describeUiStore(big) : generateUiStore(big, scale);
    console.log(
      `ui: generated ${JSON.stringify(generated.counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(scale ${scale}); ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}`,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM_BIN,
      args: CHROMIUM_ARGS,
    });
    const results: Record<
      string,
      { screens: Record<ScreenName, number[]>; search: { times: number[]; debounceMs: number } }
    > = {};
    for (const [name, db] of [
      ['demo store (baseline)', demo],
      ['generated store', big],
    ] as const) {
      const served = await serve(db);
      servers.push(served);
      results[name] = {
        screens: await measureScreens(browser, served),
        search: await measureSearch(browser, served),
      };
      if (db === big) {
        const book = await measureBook(browser, served, generated.bookMeetingId, dir);
        (results[name] as Record<string, unknown>).book = book;
      }
      await served.stop();
      servers.pop();
    }

    console.log(
      '\nui benchmark (median of %d page loads; search over %d queries)',
      REPEAT,
      QUERIES.length * 2,
    );
    console.log(
      'figure                                      demo (baseline)   generated   × baseline   goal      result',
    );
    const base = results['demo store (baseline)']!;
    const gen = results['generated store']!;
    for (const screen of Object.keys(SCREENS) as ScreenName[]) {
      const a = median(base.screens[screen]);
      const b = median(gen.screens[screen]);
      const goal = screen === 'home' ? GOALS.firstScreenMs : undefined;
      console.log(
        `${`screen: ${screen} (navigation → rows painted)`.padEnd(44)}${ms(a).padStart(15)}   ${ms(b).padStart(9)}   ${(b / a).toFixed(2).padStart(10)}   ` +
          (goal
            ? `< ${goal} ms  ${verdict(b < goal)}`
            : `(list, < ${GOALS.firstScreenMs} ms: ${verdict(b < GOALS.firstScreenMs)})`),
      );
    }
    const debounce = gen.search.debounceMs;
    for (const [label, f] of [
      ['median', median],
      ['p95', p95],
    ] as const) {
      const a = f(base.search.times);
      const b = f(gen.search.times);
      console.log(
        `${`search: last key → results, ${label}`.padEnd(44)}${ms(a).padStart(15)}   ${ms(b).padStart(9)}   ${(b / a).toFixed(2).padStart(10)}   < ${GOALS.searchMs} ms  ${verdict(b < GOALS.searchMs)}`,
      );
    }
    console.log(
      `  of which the palette's deliberate debounce: ${Number.isFinite(debounce) ? ms(debounce) : 'unknown'}; ` +
        `all times (generated): ${gen.search.times.map((t) => Math.round(t)).join(', ')}`,
    );
    const book = (gen as unknown as { book: LongTasks }).book;
    console.log(
      `book through the UI: ${book.pages} pages in ${(book.buildMs / 1000).toFixed(1)} s; long tasks in the page: ` +
        `${book.longtask.count} (max ${ms(book.longtask.maxMs)}, total ${ms(book.longtask.totalMs)}); ` +
        `long animation frames: ${book.loaf.count} (max ${ms(book.loaf.maxMs)}); ` +
        `load average ${book.loadAverage.map((l) => l.toFixed(1)).join(' → ')} on ${cpus().length} cores`,
    );
    console.log(
      `  afterwards (screen refetch, preview): ${book.after.count} long tasks (max ${ms(book.after.maxMs)})`,
    );
    console.log(
      `goal: no long task over ${GOALS.longTaskMs} ms while the book builds → ${verdict(book.longtask.maxMs <= GOALS.longTaskMs)}` +
        (book.pages < 450 ? ` (note: the book has ${book.pages} pages, not ~500)` : ''),
    );
    for (const line of book.worst) console.log(`  long frame ${line}`);
  } finally {
    for (const s of servers) await s.stop();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
