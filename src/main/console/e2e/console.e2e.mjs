// The console in a real browser (Debian's Chromium driven by playwright-core; no browser download) against a running
// Linli server: scan login as demo-staff (the test confirms the ticket through the API as demo-staff would from the
// mini-program), the 派单台 shows a resident's new order, staff dispatch it in the UI, the partner accepts it through
// the API and the board shows it move live. A screenshot of each page goes to SCREENSHOT_DIR.
// Usage: LINLI_BASE_URL=http://127.0.0.1:8080 node e2e/console.e2e.mjs
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parse, print, visit, Kind } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const base = process.env.LINLI_BASE_URL ?? 'http://127.0.0.1:8080';
const shots = process.env.SCREENSHOT_DIR ?? join(here, '..', '..', '..', '..', 'target', 'console-screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(shots, { recursive: true });

// ---- the api/ documents, as the server's trusted documents know them ----
const apiDir = join(here, '..', '..', '..', '..', 'api');
const all = parse(readdirSync(apiDir).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(join(apiDir, f), 'utf8')).join('\n'));
const fragments = new Map(all.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
function documentOf(name) {
  const operation = all.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  assert.ok(operation, 'no api/ document ' + name);
  const needed = new Set();
  const collect = (node) => visit(node, { FragmentSpread(s) { if (!needed.has(s.name.value)) { needed.add(s.name.value); collect(fragments.get(s.name.value)); } } });
  collect(operation);
  return [print(operation), ...[...needed].map((f) => print(fragments.get(f)))].join('\n');
}
async function call(token, name, variables = {}) {
  const response = await fetch(base + '/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    body: JSON.stringify({ query: documentOf(name), operationName: name, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
  return body.data;
}
const login = async (code) => (await call(null, 'LoginWithWeChat', { input: { code } })).loginWithWeChat.accessToken;

// ---- a resident's new order for the board ----
const marker = '控制台测试-' + Date.now();
const resident = await login('demo-resident');
const households = (await call(resident, 'MyHouseholds')).me.households;
const household = households.find((h) => h.community?.name === '锦城社区') ?? households[0];
const placed = (await call(resident, 'PlaceOrder', { input: {
  householdId: household.id, categoryCode: 'HOME_REPAIR', description: marker + ' 卫生间水管漏水',
  urgency: 'URGENT', contactPhone: '13800000001', idempotencyKey: 'console-e2e-' + Date.now() } })).placeOrder;
assert.equal(placed.status, 'SUBMITTED');

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: chromiumPath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push('console: ' + m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('pageerror', (e) => problems.push('page: ' + e.message));
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('ws')) problems.push('outside request: ' + r.url()); });
  let ticketId = null;
  page.on('response', async (response) => {
    if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
    if (!String(response.request().postData()).includes('CreateConsoleLoginTicket')) return;
    ticketId = (await response.json()).data?.createConsoleLoginTicket?.ticketId ?? ticketId;
  });

  // scan login
  const first = await page.goto(base + '/console/dispatch');
  const policy = first.headers()['content-security-policy'] ?? '';
  assert.match(policy, /script-src 'self'(;|$)/, 'strict CSP on /console/**: ' + policy);
  await page.waitForURL('**/console/login');
  await page.locator('[data-test=login-code]').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-test=login-code]')?.naturalWidth > 0);
  await page.screenshot({ path: join(shots, '01-login.png') });
  assert.ok(ticketId, 'the page asked for a ticket');
  const staff = await login('demo-staff');
  await call(staff, 'ConfirmConsoleLogin', { input: { ticketId } });
  await page.waitForURL('**/console/dispatch', { timeout: 60000 });
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'no token in web storage');

  // the board: the resident's order is there; live updates connect
  const row = page.locator('tr.el-table__row', { hasText: marker });
  await row.waitFor();
  // a loaded CI machine may take a while for the first WebSocket (a fresh server JVM): wait generously
  await page.locator('[data-test=live-state]', { hasText: '实时更新中' }).waitFor({ timeout: 90000 });
  await page.screenshot({ path: join(shots, '02-dispatch-board.png') });

  // dispatch in the UI to the top-ranked candidate
  await row.locator('[data-test=dispatch]').click();
  const dialog = page.locator('.el-dialog', { hasText: '派单：选择服务方' });
  await dialog.locator('tr.el-table__row').first().waitFor();
  await page.screenshot({ path: join(shots, '03-candidates.png') });
  const candidate = dialog.locator('tr.el-table__row', { hasText: '王师傅水电维修' });
  await (await candidate.count() ? candidate : dialog.locator('tr.el-table__row').first()).locator('[data-test=dispatch-to]').click();
  await row.locator('[data-test=order-status]', { hasText: '已派单' }).waitFor();

  // the partner accepts in their app: the board moves live, without a reload
  const partner = await login('demo-partner');
  await call(partner, 'AcceptOrder', { input: { orderId: placed.id } });
  await row.locator('[data-test=order-status]', { hasText: '已接单' }).waitFor({ timeout: 60000 });
  await page.screenshot({ path: join(shots, '04-dispatched-live.png') });

  // the order's detail with its timeline
  await row.locator('td').nth(3).click();
  const drawer = page.locator('.el-drawer', { hasText: '工单 #' + placed.id });
  await drawer.locator('.el-timeline-item').nth(2).waitFor();
  await page.screenshot({ path: join(shots, '05-order-detail.png') });
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // 住户认证审核: a newcomer asks to join a household of the community; staff approve it in the console
  const newcomer = await login('console-e2e-' + Date.now());
  // a new person accepts the privacy policy before giving a real name, as the mini-program has them do
  const { version } = (await call(newcomer, 'PrivacyPolicy')).privacyPolicy;
  await call(newcomer, 'AcceptPrivacyPolicy', { input: { version } });
  const realName = '新住户' + String(Date.now()).slice(-6);
  const request = (await call(newcomer, 'RequestHouseholdVerification', { input: {
    householdId: household.id, relation: 'FAMILY', realName } })).requestHouseholdVerification;
  await page.locator('[data-test=menu-verifications]').click();
  const pending = page.locator('[data-test=verifications] tr.el-table__row', { hasText: realName });
  await pending.waitFor();
  await page.screenshot({ path: join(shots, '06-verifications.png') });
  await pending.locator('[data-test=approve]').click();
  await pending.waitFor({ state: 'detached' });
  const decided = (await call(newcomer, 'MyVerificationRequests')).myVerificationRequests;
  const mine = (decided.edges ?? decided).map((e) => e.node ?? e).find((r) => r.id === request.id);
  assert.equal(mine?.status, 'APPROVED', 'the approval in the console reached the server');

  // GraphiQL, served from Linli itself (no esm.sh): it loads, and shows the schema's root types in its explorer
  await page.goto(base + '/graphiql');
  await page.locator('.graphiql-container').waitFor({ timeout: 30000 });
  await page.locator('.CodeMirror').first().waitFor();
  await page.screenshot({ path: join(shots, '07-graphiql.png') });

  const blocking = problems.filter((p) => !p.includes('favicon'));
  assert.deepEqual(blocking, [], 'the console made no outside request and hit no CSP or script error');
  console.log('CONSOLE E2E OK');
} catch (error) {
  // what the page showed when it failed, for the test report
  const page = browser.contexts()[0]?.pages()[0];
  if (page) {
    await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
    console.log('page text at failure:', (await page.locator('body').innerText().catch(() => '')).slice(0, 3000));
  }
  console.log('problems:', problems);
  throw error;
} finally {
  await browser.close();
}
