/**
 * Debian's Chromium (Playwright cannot download browsers here) and the flags that keep it quiet on
 * a closed network: without them it floods the machine with failing background requests. Shared by
 * the end-to-end suite and the front-end benchmark.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
