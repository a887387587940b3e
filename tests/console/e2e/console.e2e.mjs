// console.e2e.mjs — jobhost console browser test (Playwright + Debian Chromium).
// Starts postup-sim and `jobhost serve`, logs in with the printed token,
// creates an authorization and an import job through the UI, runs the
// import and watches the progress bar reach 100 %, builds profiles, opens a
// profile and checks its hour-of-week heatmap, adds an audience and two
// export jobs (one delivering, one whose changes all end as dead letters),
// replays a dead letter from the exports page, and screenshots every page
// into $JOBHOST_E2E_OUT. Exit 0 pass, 1 fail, 77 skip (a dependency is
// missing; the reason is printed). SPDX-License-Identifier: Apache-2.0
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const SKIP = 77;
const env = process.env;
const chromiumPath = env.CHROMIUM || '/usr/bin/chromium';
const jobhostBin = env.JOBHOST_BIN;
const simBin = env.POSTUP_SIM_BIN;
const pluginDir = env.JOBHOST_PLUGIN_DIR || '';
const outDir = env.JOBHOST_E2E_OUT || path.resolve('console-e2e-out');
const PASSWORD = 'E2e-Canary-pw-4d7f1c';
const USER = 'e2e@example.com';

function skip(reason) {
  console.log(`SKIP console_e2e: ${reason}`);
  process.exit(SKIP);
}
function fail(reason) {
  console.error(`FAIL console_e2e: ${reason}`);
  process.exitCode = 1;
  throw new Error(reason);
}
const log = (line) => console.log(`[e2e] ${line}`);

// ---- dependencies: skip only while one is genuinely missing -------------------------------------
if (!fs.existsSync(chromiumPath)) skip(`${chromiumPath} not found: install Debian chromium (scripts/setup-browser)`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('npm package playwright-core is not installed in tests/console: run scripts/setup-browser (npm ci)');
}
if (!jobhostBin || !fs.existsSync(jobhostBin)) fail(`JOBHOST_BIN (${jobhostBin}) does not exist; build the jobhost target`);
if (!simBin || !fs.existsSync(simBin)) skip('postup-sim is not built (target postup-sim; tests/simulator must be in JOBHOST_TEST_AREAS)');
if (!fs.existsSync(path.join(pluginDir, 'postup.so'))) skip(`the postup plugin is not built in ${pluginDir} (target jobhost_plugin_postup)`);
const serveHelp = execFileSync(jobhostBin, ['serve', '--help'], { encoding: 'utf8' });
if (!serveHelp.includes('console-port'))
  skip('`jobhost serve` does not start the console yet (no --console-port): wire ConsoleSubsystem into ServeCommand');
const profilesHelp = (() => { try { return execFileSync(jobhostBin, ['--help'], { encoding: 'utf8' }); } catch (e) { return String(e.stdout); } })();
const canBuildProfiles = /\bprofiles\b/.test(profilesHelp);

// ---- processes ----------------------------------------------------------------------------------
const children = [];
function start(bin, args, extraEnv, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${path.basename(bin)} did not start in 30 s:\n${out}\n${err}`)), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = ready(out);
      if (m) { clearTimeout(timer); resolve({ child, match: m, output: () => out }); }
    });
    child.stderr.on('data', (d) => { err += d; if (env.E2E_VERBOSE) process.stderr.write(d); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${path.basename(bin)} exited with ${code}:\n${out}\n${err}`)); });
  });
}
async function stopAll() {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    for (let i = 0; i < 50 && child.exitCode === null; ++i) await sleep(100);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jobhost-e2e-'));
const dataDir = path.join(work, 'data');
fs.mkdirSync(outDir, { recursive: true });
let context;
let page;
try {
  const sim = await start(simBin, ['--port', '0', '--recipients', '40', '--lists', '2', '--campaigns', '1', '--mailings', '2', '--events', '25', '--import-delay-ms', '50', '--user', `${USER}:${PASSWORD}:*`], {},
    (out) => /postup-sim listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out));
  const simUrl = sim.match[1];
  log(`simulator at ${simUrl}`);
  const site = await (await fetch(`${simUrl}/api/site`, { headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` } })).json();
  if (!site.siteId) fail(`simulator /api/site has no siteId: ${JSON.stringify(site)}`);

  const host = await start(jobhostBin, ['--data-dir', dataDir, 'serve', '--console-port', '0', '--poll-ms', '200'], {},
    (out) => { const t = /console token[^:]*: (jht_[A-Za-z0-9_-]+)/.exec(out); const u = /console listening on (http:\/\/[0-9.]+:\d+)/.exec(out); return t && u ? [t[1], u[1]] : null; });
  const [token, consoleUrl] = host.match;
  log(`console at ${consoleUrl}`);

  // ---- browser ----------------------------------------------------------------------------------
  context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] || await context.newPage();
  const bodies = [];
  page.on('response', async (r) => { try { bodies.push(await r.text()); } catch { /* redirects and aborted loads have no body */ } });
  page.on('pageerror', (e) => console.error(`[browser] ${e.message}`));
  const shot = async (name) => { await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true }); log(`screenshot ${name}.png`); };
  const go = async (hash, selector) => { await page.goto(`${consoleUrl}/${hash}`); await page.waitForSelector(selector, { timeout: 15000 }); };

  await page.goto(`${consoleUrl}/`);
  await page.waitForSelector('#login[open]');
  await shot('login');
  await page.fill('#token', 'jht_wrong');
  await page.click('#login-submit');
  await page.waitForFunction(() => document.getElementById('login-error').textContent.length > 0);
  await page.fill('#token', token);
  await page.click('#login-submit');
  await page.waitForSelector('#login', { state: 'hidden' });
  log('logged in');

  await go('#/providers', 'tr[data-provider="postup"]');
  await shot('providers');

  // Authorization through the generated form.
  await go('#/authorizations', '#authorization-form [name="fields.username"]');
  await page.fill('#f-name', 'postup-sim');
  await page.selectOption('#f-provider', 'postup');
  await page.selectOption('#f-method', 'password');
  await page.fill('[name="fields.username"]', USER);
  await page.fill('[name="fields.password"]', PASSWORD);
  await page.fill('[name="fields.api_base_url"]', `${simUrl}/api`);
  await page.click('#authorization-form button[type=submit]');
  await page.waitForSelector('tr[data-authorization="postup-sim"]', { timeout: 15000 });
  await page.click('button[data-test="postup-sim"]');
  await page.waitForFunction(() => /✓|✗/.test(document.querySelector('[data-test-result="postup-sim"]').textContent), null, { timeout: 60000 });
  const testResult = await page.textContent('[data-test-result="postup-sim"]');
  if (!testResult.includes('✓')) fail(`authorization test failed: ${testResult}`);
  log(`authorization test: ${testResult.trim()}`);
  await shot('authorizations');

  // Import job through the generated form; validation error first.
  await go('#/jobs', '#job-form [name="config.site_id"]');
  await page.fill('#f-name', 'postup-import');
  await page.selectOption('#f-type', 'import');
  await page.selectOption('#f-authorization', 'postup-sim');
  await page.fill('#f-interval', '0');
  await page.click('#job-form button[type=submit]');
  await page.waitForSelector('[name="config.site_id"].invalid', { timeout: 10000 }); // the host named the missing field
  await page.fill('[name="config.site_id"]', site.siteId);
  await page.fill('[name="config.report_base_url"]', simUrl);
  await page.fill('[name="config.site_short_name"]', site.siteName || 'demo');
  await page.fill('[name="config.activity_window_days"]', '365');
  await page.click('#job-form button[type=submit]');
  await page.waitForSelector('tr[data-job="postup-import"]', { timeout: 15000 });
  await shot('jobs');

  // Run it and watch the progress bar.
  await page.click('tr[data-job="postup-import"] button[data-action="run"]');
  await page.waitForSelector('#run-progress', { timeout: 30000 });
  if (!/#\/runs\/\d+/.test(page.url())) {
    await page.waitForSelector('#runs-list tr[data-run] a', { timeout: 30000 });
    await page.click('#runs-list tr[data-run] a');
  }
  const seen = new Set();
  const deadline = Date.now() + 240000;
  for (;;) {
    const state = await page.evaluate(() => {
      const p = document.querySelector('#run-progress');
      const bar = p && p.querySelector('.progress');
      return p ? { status: p.dataset.status, percent: bar.dataset.percent } : null;
    });
    if (state) seen.add(`${state.status}:${state.percent}`);
    if (state && state.status !== 'running') {
      if (state.status !== 'ok') { await shot('run-failed'); fail(`import ended with status ${state.status}`); }
      if (state.percent !== '100') fail(`finished run shows ${state.percent} %`);
      break;
    }
    if (Date.now() > deadline) { await shot('run-timeout'); fail('import did not finish within 4 minutes'); }
    await sleep(250);
  }
  log(`progress states seen: ${[...seen].join(', ')}`);
  await page.waitForSelector('.progress[data-percent="100"]');
  await shot('run');
  await go('#/runs', '#runs-list tr[data-run]');
  await shot('runs');

  // Profiles: build them (the profile builder is a CLI step until serve runs it), find one with opens.
  if (!canBuildProfiles) skip('jobhost has no `profiles` verb to build profiles');
  try {
    log(execFileSync(jobhostBin, ['--data-dir', dataDir, 'profiles', 'update'], { encoding: 'utf8', env: { ...env } }).trim());
  } catch (e) {
    fail(`jobhost profiles update failed (exit ${e.status}, signal ${e.signal}): ${e.stderr}${e.stdout}`);
  }
  const api = async (p) => (await fetch(`${consoleUrl}${p}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const summary = await api('/api/v1/profiles');
  log(`profiles: ${summary.count}`);
  let target = null;
  for (let id = 1; id <= Math.min(summary.count, 400) && !target; ++id) {
    const p = await api(`/api/v1/profiles/${id}`);
    const how = p.profile && p.profile.pu_hourofweek;
    const email = (p.identities || []).find((k) => k.field === 'email');
    if (how && Object.keys(how).length && email) target = { id: p.id, email: email.value, how };
  }
  if (!target) fail('no profile with pu_hourofweek after the import');
  await go('#/profiles', '#profile-search');
  // The list shows the first page of 25 in id order; "More profiles" appends the next page from the cursor.
  const firstApiPage = await api('/api/v1/profiles?limit=25');
  const listed = async () => page.evaluate(() => [...document.querySelectorAll('tr[data-profile]')].map((r) => Number(r.dataset.profile)));
  const firstPage = await listed();
  const firstExpected = firstApiPage.profiles.map((p) => p.id);
  if (firstExpected.length !== Math.min(summary.count, 25)) fail(`API page of 25 holds ${firstExpected.length} of ${summary.count} profiles`);
  if (JSON.stringify(firstPage) !== JSON.stringify(firstExpected)) fail(`profile list ${firstPage.slice(0, 5)}… != API page ${firstExpected.slice(0, 5)}…`);
  if (summary.count > 25) {
    await page.click('#profiles-more');
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-profile]').length > n, firstPage.length);
    const both = await listed();
    const second = await api(`/api/v1/profiles?limit=25&after=${firstApiPage.next}`);
    const expectedBoth = firstExpected.concat(second.profiles.map((p) => p.id));
    if (JSON.stringify(both) !== JSON.stringify(expectedBoth)) fail(`profile list after "More" ${both.length} rows != two API pages ${expectedBoth.length}`);
    log(`profile list: ${firstPage.length} rows, ${both.length} after "More profiles"`);
  }
  await shot('profiles');
  await page.fill('#f-q', target.email);
  await page.click('#profile-search button[type=submit]');
  await page.waitForSelector('#heatmap', { timeout: 15000 });
  const cells = await page.evaluate(() => [...document.querySelectorAll('#heatmap .cell')].filter((c) => Number(c.dataset.count) > 0)
    .map((c) => `${c.dataset.how}:${c.dataset.count}`));
  const expected = Object.entries(target.how).map(([k, v]) => `${k}:${v}`).sort();
  if (JSON.stringify(cells.sort()) !== JSON.stringify(expected)) fail(`heatmap cells ${cells} != profile ${expected}`);
  log(`profile ${target.id} heatmap cells: ${cells.join(' ')}`);
  await shot('profile');

  // Exports with real data: an audience (declarative config), two export jobs created through the API —
  // one delivering to the simulator, one whose email field is empty in every profile, so each change is
  // rejected and lands in its dead letters — then `jobhost exports run` delivers what waits.
  const exportConfig = path.join(work, 'e2e-audience.json');
  fs.writeFileSync(exportConfig, JSON.stringify({ audiences: { 'e2e-openers': { name: 'E2E openers', filter: 'FILTER AND (pu_open_ct >= 1, EXISTS email)' } } }));
  const jobhost = (...args) => {
    try {
      return execFileSync(jobhostBin, ['--data-dir', dataDir, ...args], { encoding: 'utf8', env: { ...env } }).trim();
    } catch (e) {
      return fail(`jobhost ${args.join(' ')} failed (exit ${e.status}): ${e.stderr}${e.stdout}`);
    }
  };
  log(jobhost('apply', exportConfig));
  log(jobhost('profiles', 'update'));
  const audience = await api('/api/v1/audiences/e2e-openers');
  if (!(audience.memberCount > 0)) fail(`audience e2e-openers has no members: ${JSON.stringify(audience).slice(0, 300)}`);
  log(`audience e2e-openers: ${audience.memberCount} members`);
  const apiPost = async (p, body) => {
    const r = await fetch(`${consoleUrl}${p}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
  for (const [name, extra] of [['e2e-export', {}], ['e2e-export-bad', { email_field: 'no_such_field' }]]) {
    const created = await apiPost('/api/v1/jobs', { name, provider: 'postup', type: 'export', authorization: 'postup-sim',
      config: { audience: 'e2e-openers', list_title_template: `{audience} ${name}`, ...extra } });
    if (created.status !== 201) fail(`creating export job ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    log(jobhost('exports', 'run', name));
  }
  const exportsNow = (await api('/api/v1/exports')).exports;
  const good = exportsNow.find((e) => e.job === 'e2e-export');
  const bad = exportsNow.find((e) => e.job === 'e2e-export-bad');
  if (!good || good.counters.delivered < 1) fail(`e2e-export delivered nothing: ${JSON.stringify(good)}`);
  if (!bad || bad.deadLetters < 1) fail(`e2e-export-bad has no dead letters: ${JSON.stringify(bad)}`);
  log(`exports: e2e-export delivered ${good.counters.delivered}; e2e-export-bad dead letters ${bad.deadLetters}`);

  await go('#/exports', 'tr[data-export="e2e-export-bad"]');
  const shownDelivered = await page.textContent('tr[data-export="e2e-export"] td:last-child');
  if (!shownDelivered.includes(`delivered ${good.counters.delivered}`)) fail(`exports page shows "${shownDelivered}"`);
  const shownDead = (await page.textContent('tr[data-export="e2e-export-bad"] [data-field="dead-letters"]')).trim();
  if (shownDead !== String(bad.deadLetters)) fail(`exports page shows ${shownDead} dead letters, API ${bad.deadLetters}`);
  await shot('exports');
  await page.click('tr[data-export="e2e-export-bad"] td:first-child a');
  await page.waitForSelector('#dead-letters tr[data-dead-letter]', { timeout: 15000 });
  const reason = await page.textContent('#dead-letters tr[data-dead-letter] td.reason');
  if (!/invalid email address/.test(reason)) fail(`dead letter reason: ${reason}`);
  await shot('export-dead-letters');
  const firstLetter = await page.getAttribute('#dead-letters tr[data-dead-letter]', 'data-dead-letter');
  await page.click(`button[data-replay="${firstLetter}"]`);
  await page.waitForFunction(() => /Re-queued 1/.test(document.getElementById('replay-status').textContent), null, { timeout: 15000 });
  await page.waitForSelector(`tr[data-dead-letter="${firstLetter}"]`, { state: 'detached', timeout: 15000 });
  const afterReplay = await api('/api/v1/exports/e2e-export-bad');
  if (afterReplay.deadLetters !== bad.deadLetters - 1 || afterReplay.outboxDepth < 1)
    fail(`after replay: dead letters ${afterReplay.deadLetters} (was ${bad.deadLetters}), outbox ${afterReplay.outboxDepth}`);
  const audit = await api('/api/v1/audit?limit=1');
  if (audit.audit[0].action !== 'replay' || audit.audit[0].objectName !== 'e2e-export-bad') fail(`no audit row for the replay: ${JSON.stringify(audit.audit[0])}`);
  log(`replayed dead letter ${firstLetter}: outbox ${afterReplay.outboxDepth}, dead letters ${afterReplay.deadLetters}`);
  await shot('export-replayed');

  await go('#/audiences', 'h1');
  await shot('audiences');
  await go('#/audit', 'table');
  await shot('audit');

  if (bodies.some((b) => b.includes(PASSWORD))) fail('the authorization password appeared in a console response');
  if ((await page.content()).includes(PASSWORD)) fail('the authorization password appears in the page');
  log(`PASS — screenshots in ${outDir}`);
} catch (error) {
  if (page) {
    await page.screenshot({ path: path.join(outDir, 'failure.png'), fullPage: true }).catch(() => {});
    console.error(`[e2e] page at failure (${page.url()}): ${(await page.textContent('main').catch(() => '')).slice(0, 600)}`);
  }
  if (!process.exitCode) { console.error(`FAIL console_e2e: ${error.stack || error}`); process.exitCode = 1; }
} finally {
  if (context) await context.close().catch(() => {});
  await stopAll();
  if (env.E2E_KEEP) log(`kept ${work}`); else fs.rmSync(work, { recursive: true, force: true });
}
