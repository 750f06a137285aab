// Signs in to the Temporal Web UI through the local Dex with a real headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and waits
// for a workflow in the namespace's workflow list.
//
//   node login.mjs --url http://127.0.0.1:8080 --user admin@example.com \
//     --password ... --namespace default --workflow-id my-wf --screenshot out.png
//
// Every flag can also come from the environment: UI_URL, UI_USER, UI_PASSWORD,
// UI_NAMESPACE, UI_WORKFLOW_ID, UI_SCREENSHOT, CHROMIUM (browser path),
// UI_TIMEOUT_MS. With --codec-endpoint (UI_CODEC_ENDPOINT) it then opens the
// workflow and waits for the UI's POST to the codec server's /decode
// (UI_IGNORE_HTTPS_ERRORS=1 accepts its certificate). On success it prints one JSON line and exits 0; on failure
// it saves <screenshot>-failure.png, prints the URL, title and visible error
// text to stderr and exits 1.
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.UI_URL ?? 'http://127.0.0.1:8080' },
    user: { type: 'string', default: process.env.UI_USER ?? 'admin@example.com' },
    password: { type: 'string', default: process.env.UI_PASSWORD },
    namespace: { type: 'string', default: process.env.UI_NAMESPACE ?? 'default' },
    'workflow-id': { type: 'string', default: process.env.UI_WORKFLOW_ID },
    screenshot: { type: 'string', default: process.env.UI_SCREENSHOT ?? 'ui-login.png' },
    chromium: { type: 'string', default: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    'timeout-ms': { type: 'string', default: process.env.UI_TIMEOUT_MS ?? '60000' },
    'codec-endpoint': { type: 'string', default: process.env.UI_CODEC_ENDPOINT ?? '' },
    // A test's codec server has a throwaway certificate.
    'ignore-https-errors': { type: 'boolean', default: process.env.UI_IGNORE_HTTPS_ERRORS === '1' },
  },
});
if (!a.password || !a['workflow-id']) {
  console.error('login.mjs: --password (UI_PASSWORD) and --workflow-id (UI_WORKFLOW_ID) are required');
  process.exit(2);
}
const timeout = Number(a['timeout-ms']);
const base = a.url.replace(/\/+$/, '');
const failureShot = a.screenshot.replace(/\.png$/i, '') + '-failure.png';
const started = Date.now();
const steps = [];
const step = (s) => steps.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${s}`);

const browser = await chromium.launch({
  executablePath: a.chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, ignoreHTTPSErrors: a['ignore-https-errors'] })).newPage();
page.setDefaultTimeout(timeout);
const apiErrors = [];
page.on('response', (r) => {
  if (r.url().includes('/api/v1/') && r.status() >= 400) apiErrors.push(`${r.status()} ${r.url()}`);
});

try {
  // The UI redirects to /auth/sso (directly, or via its login page's button),
  // which redirects to Dex's login form.
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  step(`opened ${page.url()}`);
  const login = page.locator('input[name="login"]');
  const sso = page.getByRole('button', { name: /sso|log ?in|sign ?in/i });
  await Promise.race([login.waitFor(), sso.first().waitFor()]);
  if (!(await login.isVisible())) {
    await sso.first().click();
    step('clicked the UI login button');
    await login.waitFor();
  }
  step(`Dex login form at ${page.url()}`);

  await login.fill(a.user);
  await page.locator('input[name="password"]').fill(a.password);
  const back = page.waitForURL((u) => u.href.startsWith(base), { timeout });
  const rejected = page.locator('#login-error').waitFor({ timeout }).then(() => {
    throw new Error('Dex rejected the username or password');
  });
  back.catch(() => {});
  rejected.catch(() => {});
  await page.locator('#submit-login, button[type="submit"]').first().click();
  await Promise.race([back, rejected]);
  step(`back on the UI at ${page.url()}`);

  const list = `${base}/namespaces/${encodeURIComponent(a.namespace)}/workflows`;
  await page.goto(list, { waitUntil: 'domcontentloaded' });
  await page.getByText(a['workflow-id'], { exact: true }).first().waitFor({ state: 'visible' }).catch((e) => {
    throw new Error(`workflow ${a['workflow-id']} not visible in ${list} within ${timeout / 1000} s (${e.message.split('\n')[0]})`);
  });
  step(`workflow ${a['workflow-id']} visible`);
  if (a['codec-endpoint']) {
    const codec = a['codec-endpoint'].replace(/\/+$/, '');
    const decoded = page.waitForResponse((r) => r.url().startsWith(codec) && r.request().method() === 'POST');
    await page.getByText(a['workflow-id'], { exact: true }).first().click();
    const r = await decoded;
    step(`codec server answered ${r.status()} to POST ${r.url()}`);
  }
  await page.screenshot({ path: a.screenshot, fullPage: true });
  console.log(JSON.stringify({
    ok: true, url: page.url(), title: await page.title(), namespace: a.namespace,
    workflowId: a['workflow-id'], screenshot: a.screenshot, seconds: (Date.now() - started) / 1000, steps,
  }));
  await browser.close();
  process.exit(0);
} catch (err) {
  let shot = failureShot;
  try { await page.screenshot({ path: failureShot, fullPage: true }); } catch { shot = '(screenshot failed)'; }
  let title = '', errors = '';
  try { title = await page.title(); } catch {}
  try {
    errors = (await page.locator('.dex-error-box, [role="alert"], .error, [data-testid*="error"]').allInnerTexts())
      .map((t) => t.trim()).filter(Boolean).join(' | ');
  } catch {}
  let text = '';
  try { text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 600); } catch {}
  console.error(`login.mjs: FAILED: ${err.message.split('\n')[0]}`);
  console.error(`  url:        ${page.url()}`);
  console.error(`  title:      ${title}`);
  console.error(`  errors:     ${errors || '(none shown)'}`);
  console.error(`  api errors: ${apiErrors.slice(-5).join(', ') || '(none)'}`);
  console.error(`  page text:  ${text}`);
  console.error(`  steps:      ${steps.join(' -> ') || '(none)'}`);
  console.error(`  screenshot: ${shot}`);
  await browser.close().catch(() => {});
  process.exit(1);
}
