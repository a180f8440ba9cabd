// Runs one browser scenario against a running demo:  node run.mjs <scenario> <baseUrl> <screenshotDir>
//
// Drives the system's Chromium (/usr/bin/chromium, or $STRAND_CHROMIUM) headless with
// playwright-core, which never downloads a browser of its own. A scenario that needs the server
// stopped and started again asks whoever runs it: it prints "@strand-e2e stop" (or "start") and
// waits for "stopped" (or "started") on stdin. Exits 0 when the scenario passed, 1 when it failed,
// 2 when it ran out of time.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const CHROMIUM = process.env.STRAND_CHROMIUM || '/usr/bin/chromium';
const SCENARIO_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 10_000;
const CONTROL_TIMEOUT_MS = 30_000;

const [name, base, shots] = process.argv.slice(2);
if (!name || !base || !shots) {
  console.error('usage: node run.mjs <scenario> <baseUrl> <screenshotDir>');
  process.exit(64);
}
mkdirSync(shots, { recursive: true });

const watchdog = setTimeout(() => {
  console.error(`${name}: no result within ${SCENARIO_TIMEOUT_MS} ms`);
  process.exit(2);
}, SCENARIO_TIMEOUT_MS);

// Answers from the runner to "@strand-e2e <command>" requests, one line each, in order.
const answers = [];
const waiting = [];
createInterface({ input: process.stdin }).on('line', (line) => {
  const next = waiting.shift();
  if (next) next(line); else answers.push(line);
});

function ask(command, expected) {
  console.log(`@strand-e2e ${command}`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the runner did not answer "${command}" within ${CONTROL_TIMEOUT_MS} ms`)), CONTROL_TIMEOUT_MS);
    const take = (line) => {
      clearTimeout(timer);
      if (line === expected) resolve(); else reject(new Error(`"${command}" failed: ${line}`));
    };
    if (answers.length) take(answers.shift()); else waiting.push(take);
  });
}

// playwright-core starts every browser with a fresh --user-data-dir of its own (a new temporary
// profile, removed on close), and refuses one in args; everything else is ours to choose.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  // --ignore-certificate-errors: the HTTPS scenarios run on the certificate --tls makes at start.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--ignore-certificate-errors',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const errors = [];
const t = {
  base,
  /** A page in a browser context of its own (its own storage, like another person), sized as asked. */
  async page(viewport = { width: 1100, height: 760 }) {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') console.log(`console error on ${page.url()}: ${m.text()}`); });
    return page;
  },
  /** Saves a screenshot as <screenshotDir>/<scenario>[-<label>].png. */
  async shot(page, label) {
    const file = join(shots, label ? `${name}-${label}.png` : `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot ${file}`);
  },
  step(text) {
    console.log(`- ${text}`);
  },
  server: {
    stop: () => ask('stop', 'stopped'),
    start: () => ask('start', 'started'),
  },
};

let failed = false;
try {
  const scenario = (await import(`./scenarios/${name}.mjs`)).default;
  await scenario(t);
  if (errors.length) throw new Error(`the pages threw:\n  ${errors.join('\n  ')}`);
  console.log(`${name}: passed`);
} catch (e) {
  failed = true;
  console.error(`${name}: FAILED\n${e.stack || e}`);
} finally {
  await browser.close();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
