/**
 * Times a dashboard page in headless Chromium; meant to run in its own process pinned to the client
 * core (Chromium's processes inherit the pinning):
 *   tsx bench/lib/page-timer.ts '<PageTimerJob as JSON>'
 * Each round launches a browser (Playwright gives every launch a fresh temporary profile and removes
 * it on close) and visits every target in random order: a new context (empty cache) for the cold
 * navigation, then a second navigation in that context for the warm one. A script injected at
 * document start records, on the page's own clock (ms since navigation start, performance.timeOrigin),
 * when every KPI widget shows a figure and when every widget has drawn. Prints one JSON line.
 */
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/chromium.ts';
import { shuffle } from './stats.ts';

export interface PageTarget {
  label: string;
  /** Page to open, on `origin`. */
  url: string;
  origin: string;
  /** localStorage entries written before the app's scripts run (the signed-in session). */
  storage: Record<string, string>;
  kpiWidgets: number;
  widgets: number;
}

export interface PageTimerJob {
  targets: PageTarget[];
  rounds: number;
  warmupRounds: number;
  timeoutMs: number;
}

export interface PageSample {
  label: string;
  round: number;
  navigation: 'cold' | 'warm';
  /** ms after navigation start: every KPI shows its figure, in the DOM and after the next frame. */
  kpiDomMs: number;
  kpiMs: number;
  /** Every widget loaded (no spinner) and every chart has its canvas, after the next frame. */
  allMs: number;
  /** Chromium's navigation timing: HTML received, DOMContentLoaded handlers done. */
  responseEndMs: number;
  domContentLoadedMs: number;
  /** The dashboard's data request (GET /dashboards/{id}/data): sent, and its response fully received. */
  dataStartMs: number;
  dataResponseEndMs: number;
  /** Bytes over the wire (headers included; ≈ 0.3 kB for a 304), scripts and everything. */
  jsTransferKb: number;
  totalTransferKb: number;
  /** 'navigate' expected: a reload would revalidate differently. */
  navigationType: string;
  /** Console errors, page errors, failed requests and HTTP ≥ 400, as the e2e suite counts them. */
  problems: string[];
}

interface Marks {
  kpiDom?: number;
  kpi?: number;
  all?: number;
  error?: string;
}

/** Runs in the page before any of its scripts: watches the DOM for the two milestones. */
function installObserver(arg: {
  origin: string;
  storage: Record<string, string>;
  kpis: number;
  all: number;
}) {
  if (location.origin !== arg.origin) return;
  for (const [key, value] of Object.entries(arg.storage)) localStorage.setItem(key, value);
  const marks: Marks = {};
  (window as unknown as { __benchMarks: Marks }).__benchMarks = marks;
  // After the frame that shows the change has been produced.
  const afterFrame = (done: (t: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
  const kpisReady = () => {
    const kpis = document.querySelectorAll('section.widget-kpi');
    return (
      kpis.length === arg.kpis &&
      Array.from(kpis).every((k) => (k.querySelector('.kpi-value')?.textContent ?? '').trim() !== '')
    );
  };
  const allReady = () => {
    const widgets = document.querySelectorAll('section.widget');
    if (widgets.length !== arg.all) return false;
    if (document.querySelector('section.widget [aria-busy="true"]')) return false;
    return Array.from(widgets).every(
      (w) => !/_chart\b/.test(w.className) || w.querySelector('canvas, .widget-empty') !== null,
    );
  };
  let kpiSeen = false;
  let allSeen = false;
  const check = () => {
    const error = document.querySelector('section.widget .widget-error');
    if (error && !marks.error) marks.error = error.textContent ?? 'widget error';
    if (!kpiSeen && kpisReady()) {
      kpiSeen = true;
      marks.kpiDom = performance.now();
      afterFrame((t) => {
        marks.kpi = t;
      });
    }
    if (!allSeen && allReady()) {
      allSeen = true;
      afterFrame((t) => {
        marks.all = t;
      });
    }
    if (kpiSeen && allSeen) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  // Loading states, figures and canvases come and go as elements: no need to watch attributes.
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

async function measure(
  page: Page,
  target: PageTarget,
  timeoutMs: number,
): Promise<Omit<PageSample, 'label' | 'round' | 'navigation' | 'problems'> & { widgetError?: string }> {
  await page.goto(target.url, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __benchMarks?: Marks }).__benchMarks;
      return m !== undefined && (m.error !== undefined || (m.kpi !== undefined && m.all !== undefined));
    },
    undefined,
    { polling: 100, timeout: timeoutMs },
  );
  return page.evaluate(() => {
    const m = (window as unknown as { __benchMarks: Marks }).__benchMarks;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const data = resources.find((r) => /\/api\/v1\/dashboards\/[^/]+\/data/.test(r.name));
    const kb = (entries: PerformanceResourceTiming[]) =>
      entries.reduce((s, r) => s + r.transferSize, 0) / 1024;
    return {
      kpiDomMs: m.kpiDom ?? Number.NaN,
      kpiMs: m.kpi ?? Number.NaN,
      allMs: m.all ?? Number.NaN,
      responseEndMs: nav.responseEnd,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      dataStartMs: data?.startTime ?? Number.NaN,
      dataResponseEndMs: data?.responseEnd ?? Number.NaN,
      jsTransferKb: kb(resources.filter((r) => new URL(r.name).pathname.endsWith('.js'))),
      totalTransferKb: kb([nav, ...resources]),
      navigationType: nav.type,
      widgetError: m.error,
    };
  });
}

const FAILED = {
  kpiDomMs: Number.NaN,
  kpiMs: Number.NaN,
  allMs: Number.NaN,
  responseEndMs: Number.NaN,
  domContentLoadedMs: Number.NaN,
  dataStartMs: Number.NaN,
  dataResponseEndMs: Number.NaN,
  jsTransferKb: Number.NaN,
  totalTransferKb: Number.NaN,
  navigationType: 'failed',
};

/** Problems in the page, as the e2e suite counts them, into whichever list `into()` returns. */
function watch(page: Page, into: () => string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') into().push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => into().push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? '';
    // Leaving a page aborts its socket and pending requests: not a failure.
    if (!/ERR_ABORTED/.test(failure)) into().push(`request failed: ${req.url()} ${failure}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) into().push(`HTTP ${res.status()}: ${res.url()}`);
  });
}

async function visit(browser: Browser, target: PageTarget, round: number, timeoutMs: number) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    // tsx keeps function names with a `__name` helper the page does not have.
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await context.addInitScript(installObserver, {
      origin: target.origin,
      storage: target.storage,
      kpis: target.kpiWidgets,
      all: target.widgets,
    });
    const page = await context.newPage();
    let problems: string[] = [];
    watch(page, () => problems);
    const samples: PageSample[] = [];
    for (const navigation of ['cold', 'warm'] as const) {
      problems = [];
      // From a blank page both times, so the warm visit is a plain navigation, not a reload.
      // A widget in error or a page that never shows its figures is reported, not thrown: no time for it.
      const { widgetError, ...timing } = await measure(page, target, timeoutMs).catch((err: Error) => ({
        ...FAILED,
        widgetError: err.message.split('\n')[0],
      }));
      if (widgetError) problems.push(`no figures: ${widgetError}`);
      samples.push({
        label: target.label,
        round,
        navigation,
        ...(widgetError ? FAILED : timing),
        problems,
      });
      // Once more if an error page of a failed visit was still loading.
      await page.goto('about:blank').catch(() => page.goto('about:blank'));
    }
    return samples;
  } finally {
    await context.close();
  }
}

async function main(job: PageTimerJob): Promise<void> {
  const samples: PageSample[] = [];
  let version = '';
  for (let round = -job.warmupRounds; round < job.rounds; round++) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    version = browser.version();
    try {
      for (const target of shuffle(job.targets)) {
        const result = await visit(browser, target, round, job.timeoutMs);
        if (round >= 0) samples.push(...result);
      }
    } finally {
      await browser.close();
    }
  }
  console.log(JSON.stringify({ chromium: version, samples }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main(JSON.parse(process.argv[2] ?? '') as PageTimerJob);
}
