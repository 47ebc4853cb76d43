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
async function uploadPhoto(token, png) {
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'receipt.png');
  const response = await fetch(base + '/photos', { method: 'POST', body: form, headers: { Authorization: 'Bearer ' + token } });
  assert.equal(response.status, 201, 'photo upload: ' + await response.clone().text());
  return (await response.json()).id;
}
const login = async (code) => (await call(null, 'LoginWithWeChat', { input: { code } })).loginWithWeChat.accessToken;

// A second console session in its own browser context: scan login as `code`, confirmed through the API.
async function scanLogin(browser, code, problems) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.on('pageerror', (e) => problems.push(`page (${code}): ` + e.message));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && !r.url().startsWith('ws')) problems.push('outside request: ' + r.url()); });
  const ticket = page.waitForResponse((r) => r.url().endsWith('/graphql') && String(r.request().postData()).includes('CreateConsoleLoginTicket'));
  await page.goto(base + '/console/login');
  const { ticketId } = (await (await ticket).json()).data.createConsoleLoginTicket;
  await call(await login(code), 'ConfirmConsoleLogin', { input: { ticketId } });
  await page.waitForURL('**/console/dispatch');
  return page;
}

// A real PNG (a receipt photo) for the uploads: the server decodes every photo.
async function pngOf(page) {
  return page.screenshot({ clip: { x: 0, y: 0, width: 64, height: 64 } });
}

// ---- a resident's new order for the board ----
const marker = '控制台测试-' + Date.now();
const resident = await login('demo-resident');
const households = (await call(resident, 'MyHouseholds')).me.households;
const household = households.find((h) => h.community?.name === '锦城社区') ?? households[0];
const placed = (await call(resident, 'PlaceOrder', { input: {
  householdId: household.id, categoryCode: 'HOME_REPAIR', description: marker + ' 卫生间水管漏水',
  urgency: 'URGENT', contactPhone: '13800000001', idempotencyKey: 'console-e2e-' + Date.now() } })).placeOrder;
assert.equal(placed.status, 'SUBMITTED');
// ---- and a need of theirs for the triage board ----
const needMarker = '控制台需求-' + Date.now();
const submittedNeed = (await call(resident, 'SubmitNeed', { input: {
  householdId: household.id, description: needMarker + ' 楼道灯不亮', idempotencyKey: 'console-e2e-need-' + Date.now() } })).submitNeed;
assert.equal(submittedNeed.status, 'SUBMITTED');

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: chromiumPath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push('console: ' + m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('pageerror', (e) => problems.push('page: ' + e.message));
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && !r.url().startsWith('ws')) problems.push('outside request: ' + r.url()); });
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
  const communityId = household.community.id;
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

  // 需求分流: the resident's need (submitted above) is triaged in the console as 急事 · 紧急; its status changes and
  // the due date the server set shows
  await page.locator('[data-test=menu-needs]').click();
  const needRow = page.locator('[data-test=needs] tr.el-table__row', { hasText: needMarker });
  await needRow.locator('[data-test=need-status]', { hasText: '待分流' }).waitFor();
  await needRow.locator('[data-test=triage]').click();
  const triageDialog = page.locator('[data-test=triage-dialog]');
  await triageDialog.getByText('急事', { exact: true }).click();
  await triageDialog.getByText('紧急', { exact: true }).click();
  await triageDialog.locator('.el-radio-button.is-active', { hasText: '紧急' }).waitFor();
  await triageDialog.getByText('小时内办结').waitFor();
  await page.screenshot({ path: join(shots, '05a-triage-dialog.png') });
  await triageDialog.locator('[data-test=triage-save]').click();
  await needRow.locator('[data-test=need-status]', { hasText: '处理中' }).waitFor();
  await needRow.locator('[data-test=need-kind]', { hasText: '急事 · 紧急' }).waitFor();
  assert.notEqual((await needRow.locator('[data-test=need-due]').innerText()).trim(), '—', 'the server set a due date');
  const triagedNeed = (await call(resident, 'Need', { id: submittedNeed.id })).need;
  assert.equal(triagedNeed.status, 'TRIAGED', 'the triage in the console reached the server');
  assert.ok(triagedNeed.dueAt, 'the triaged need has a due date');
  await page.screenshot({ path: join(shots, '05b-needs-triaged.png') });

  // 投票: a needs ballot staff opened; its results follow a household's vote live, with turnout per estate
  const ballotTitle = '控制台投票-' + String(Date.now()).slice(-6);
  const ballot = (await call(staff, 'CreateBallot', { input: { communityId, kind: 'NEEDS', pickMode: 'SINGLE', title: ballotTitle,
    opensAt: new Date(Date.now() - 60000).toISOString(), closesAt: new Date(Date.now() + 7 * 86400000).toISOString(),
    options: [{ label: '增设楼道灯' }, { label: '修缮停车棚' }] } })).createBallot;
  await call(staff, 'OpenBallot', { input: { ballotId: ballot.id } });
  await page.locator('[data-test=menu-ballots]').click();
  await page.locator('[data-test=ballots] tr.el-table__row', { hasText: ballotTitle }).click();
  const summary = page.locator('[data-test=ballot-summary]');
  await summary.getByText('实时', { exact: true }).waitFor({ timeout: 90000 });
  await summary.getByText(/参与 0 \//).waitFor();
  await call(resident, 'CastBallotVote', { input: { ballotId: ballot.id, householdId: household.id, optionIds: [ballot.options[0].id] } });
  await summary.getByText(/参与 1 \//).waitFor({ timeout: 60000 });
  await page.locator('[data-test=ballot-estates] tr.el-table__row', { hasText: '锦江苑' }).waitFor();
  await page.screenshot({ path: join(shots, '05c-ballots.png') });

  // 项目: a project made of the triaged need; its detail shows the need and the milestones
  const projectTitle = '控制台项目-' + String(Date.now()).slice(-6);
  await call(staff, 'CreateProject', { input: { communityId, title: projectTitle, goal: '楼道照明改造', budgetFen: 120000,
    needIds: [submittedNeed.id], milestones: [{ title: '采购灯具', dueOn: new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10) }] } });
  await page.locator('[data-test=menu-projects]').click();
  await page.locator('[data-test=projects] tr.el-table__row', { hasText: projectTitle }).click();
  await page.locator('[data-test=project-detail]', { hasText: '采购灯具' }).waitFor();
  await page.locator('[data-test=project-detail]', { hasText: needMarker }).waitFor();
  await page.screenshot({ path: join(shots, '05d-projects.png') });

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

  // 住户 · 社区结构: the tree of the community
  await page.locator('[data-test=menu-tree]').click();
  await page.locator('[data-test=tree]', { hasText: '锦江苑' }).waitFor();
  await page.locator('[data-test=tree-counts]', { hasText: '住户' }).waitFor();
  await page.screenshot({ path: join(shots, '07-residents-tree.png') });

  // 住户 · 批量导入: a CSV of two new households, dry run (nothing written), then commit
  const estate = '导入苑' + String(Date.now()).slice(-6);
  const csv = '\uFEFF小区,楼栋,单元,房号,户主姓名,联系电话\r\n' + `${estate},1栋,1单元,101,王导入,13900000101\r\n${estate},1栋,1单元,102,,\r\n`;
  await page.locator('[data-test=menu-import]').click();
  await page.locator('[data-test=import-file]').setInputFiles({ name: '住户名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.locator('[data-test=import-check]').click();
  await page.locator('[data-test=import-summary]', { hasText: '新增 2 户' }).waitFor();
  await page.locator('[data-test=import-rows] tr.el-table__row', { hasText: '王导入' }).waitFor();
  const treeOf = async (token) => JSON.stringify((await call(token, 'ManagedCommunityTree', { id: communityId })).community);
  assert.ok(!(await treeOf(staff)).includes(estate), 'a dry run writes nothing');
  await page.screenshot({ path: join(shots, '08-import-dry-run.png') });
  await page.locator('[data-test=import-commit]').click();
  await page.locator('[data-test=import-summary]', { hasText: '已导入' }).waitFor();
  assert.ok((await treeOf(staff)).includes(estate), 'the commit wrote the households into the tree');
  await page.screenshot({ path: join(shots, '09-import-committed.png') });
  // the imported 小区 is in the tree; staff rename it there
  await page.locator('[data-test=menu-tree]').click();
  await page.locator('[data-test=tree] .el-tree-node__content', { hasText: estate }).click();
  await page.locator('[data-test=rename-input]').fill(estate + '东区');
  await page.locator('[data-test=rename]').click();
  await page.locator('[data-test=tree]', { hasText: estate + '东区' }).waitFor();
  assert.ok((await treeOf(staff)).includes(estate + '东区'), 'the rename reached the server');

  // 邻里节: a published campaign; demo-staff records a large expense in the console, it waits for a second approver
  const theme = '控制台邻里节-' + String(Date.now()).slice(-6);
  const draft = (await call(staff, 'CreateCampaign', { input: {
    communityId, theme, festivalDate: new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10), mainVenue: '社区广场',
    deadline: new Date(Date.now() + 10 * 86400000).toISOString(), moneyGoalFen: 300000, fundingRule: 'KEEP_WHAT_YOU_RAISE',
    itemNeeds: [{ name: '折叠椅', unit: '把', quantity: 10 }] } })).createCampaign;
  await call(staff, 'PublishCampaign', { input: { campaignId: draft.id } });
  await page.locator('[data-test=menu-festival]').click();
  await page.locator('[data-test=campaigns] tr.el-table__row', { hasText: theme }).click();
  // the subscription's first answer (progress now) marks the thermometer live
  await page.locator('[data-test=thermometer-text]', { hasText: '（实时）' }).waitFor({ timeout: 90000 });
  assert.match(await page.locator('[data-test=thermometer-text]').innerText(), /已筹 ¥0\.00/);
  await page.getByRole('tab', { name: '登记支出' }).click();
  await page.locator('[data-test=expense-category]').fill('舞台搭建');
  await page.locator('[data-test=expense-amount]').fill('800');
  await page.locator('[data-test=expense-receipt]').setInputFiles({ name: '票据.png', mimeType: 'image/png', buffer: await pngOf(page) });
  // a photo is personal information: the first upload asks staff to accept the privacy policy, then goes through
  await page.locator('.consent-box').getByRole('button', { name: '同意并继续' }).click();
  await page.locator('[data-test=record-expense]:not([disabled])').click();
  const expenseRow = page.locator('[data-test=expenses] tr.el-table__row', { hasText: '舞台搭建' });
  await expenseRow.locator('[data-test=expense-status]', { hasText: '待复核' }).waitFor();
  // the same staff member cannot approve their own expense: the server's Chinese message shows
  await expenseRow.locator('[data-test=approve-expense]').click();
  await page.locator('[data-test=festival-error]', { hasText: '另一位社区工作者' }).waitFor();
  // the thermometer moves live when an offline contribution is recorded elsewhere
  const staff2 = await login('demo-staff-2');
  await call(staff2, 'AcceptPrivacyPolicy', { input: { version: (await call(staff2, 'PrivacyPolicy')).privacyPolicy.version } });
  const receipt = await uploadPhoto(staff2, await pngOf(page));
  await call(staff2, 'RecordOfflineContribution', { input: { campaignId: draft.id, contributorKind: 'MERCHANT',
    contributorName: '街口超市', amountFen: 150000, receiptPhotoId: receipt } });
  await page.locator('[data-test=thermometer-text]', { hasText: '已筹 ¥1500.00' }).waitFor();
  await page.screenshot({ path: join(shots, '10-festival.png') });

  // demo-staff-2, in a console session of their own, approves it
  const second = await scanLogin(browser, 'demo-staff-2', problems);
  await second.locator('[data-test=menu-festival]').click();
  await second.locator('[data-test=campaigns] tr.el-table__row', { hasText: theme }).click();
  const pendingForSecond = second.locator('[data-test=expenses] tr.el-table__row', { hasText: '舞台搭建' });
  await pendingForSecond.locator('[data-test=approve-expense]').click();
  await pendingForSecond.locator('[data-test=expense-status]', { hasText: '已生效' }).waitFor();
  await second.screenshot({ path: join(shots, '11-festival-approved-by-second.png') });
  const ledger = (await call(staff, 'CampaignLedger', { campaignId: draft.id })).campaignLedger;
  assert.equal(ledger.expensesFen, 80000, 'the approved expense is in the ledger');
  await second.context().close();

  // items received: a resident pledges chairs in the mini-program; staff confirm their arrival from the list
  const needId = draft.progress.items[0].id;
  await call(resident, 'PledgeItems', { input: { campaignId: draft.id, needId, quantity: 2, contributorKind: 'RESIDENT',
    anonymous: true, idempotencyKey: 'console-e2e-items-' + Date.now() } });
  await page.getByRole('tab', { name: '物资与志愿者' }).click();
  // the list follows the campaign's live progress: the new pledge appears without a reload
  const chairs = page.locator('[data-test=pledges] tr.el-table__row', { hasText: '折叠椅 2 把' });
  await chairs.locator('[data-test=items-received]').click();
  await chairs.locator('[data-test=pledge-status]', { hasText: '已到货' }).waitFor();
  await page.screenshot({ path: join(shots, '12-festival-items.png') });

  // 合伙人 and 时间银行
  // 合伙人: a craftsman applies in the mini-program; staff approve with a contract; the partner is then listed
  const craftsman = await login('console-e2e-craftsman-' + Date.now());
  await call(craftsman, 'AcceptPrivacyPolicy', { input: { version: (await call(craftsman, 'PrivacyPolicy')).privacyPolicy.version } });
  const partnerName = '控制台刘师傅' + String(Date.now()).slice(-5);
  await call(craftsman, 'ApplyAsPartner', { input: { kind: 'CRAFTSMAN', name: partnerName, categoryCodes: ['HOME_REPAIR'],
    communityIds: [communityId], contactName: '刘师傅', contactPhone: '13900002222' } });
  await page.locator('[data-test=menu-partners]').click();
  const application = page.locator('[data-test=applications] tr.el-table__row', { hasText: partnerName });
  await application.locator('[data-test=approve-application]').click();
  await page.locator('[data-test=confirm-approve]').click();
  await application.waitFor({ state: 'detached' }); // it leaves the pending list
  await page.getByRole('tab', { name: '合伙人与合同' }).click();
  await page.locator('[data-test=partners] tr.el-table__row', { hasText: partnerName }).waitFor();
  await page.screenshot({ path: join(shots, '13-partners.png') });
  await page.getByRole('tab', { name: '入驻申请' }).click();
  await page.locator('[data-test=menu-timebank]').click();
  await page.getByRole('tab', { name: '对账' }).click();
  await page.locator('[data-test=reconciliation]', { hasText: '账目' }).waitFor();
  await page.screenshot({ path: join(shots, '14-timebank.png') });

  // 数据: the month's figures as charts, and the month's orders exported and opened
  await page.locator('[data-test=menu-figures]').click();
  await page.locator('[data-test=chart-category] canvas').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-test=figure-total]')?.textContent) > 0
    && !document.querySelector('.el-loading-mask'));
  await page.screenshot({ path: join(shots, '15-figures.png') });
  // exported as a workbook (the default): the Java side of this test opens it with a real .xlsx reader
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-orders]').click()]);
  assert.match(workbook.suggestedFilename(), /^工单-\d{4}-\d{2}\.xlsx$/);
  const workbookPath = join(shots, workbook.suggestedFilename());
  await workbook.saveAs(workbookPath);
  console.log('ORDERS_XLSX=' + workbookPath);
  console.log('ORDERS_MARKER=' + marker);
  // and as CSV, opened here
  await page.locator('[data-test=format-csv]').click();
  const [exported] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-orders]').click()]);
  const exportPath = join(shots, exported.suggestedFilename());
  await exported.saveAs(exportPath);
  const exportedText = readFileSync(exportPath, 'utf8');
  assert.match(exported.suggestedFilename(), /^工单-\d{4}-\d{2}\.csv$/);
  assert.ok(exportedText.startsWith('\uFEFF工单号,'), 'a CSV with headers');
  assert.ok(exportedText.includes(marker), "the month's export holds the order placed above");
  // the month's time-bank statement
  const [statement] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-timebank]').click()]);
  assert.match(statement.suggestedFilename(), /^时间银行流水-\d{4}-\d{2}\.csv$/);
  await statement.saveAs(join(shots, statement.suggestedFilename()));
  assert.ok(readFileSync(join(shots, statement.suggestedFilename()), 'utf8').startsWith('\uFEFF流水号,'));

  // staff of ANOTHER community (芳草社区): their console shows none of 锦城社区's data
  const other = await scanLogin(browser, 'demo-staff-fangcao', problems);
  const seen = [];
  for (const [menu, settle] of [['[data-test=menu-tree]', '[data-test=tree]'], ['[data-test=menu-import]', '[data-test=import-file]'],
    ['[data-test=menu-verifications]', '[data-test=verifications]'], ['[data-test=menu-festival]', '[data-test=campaigns]'],
    ['[data-test=menu-partners]', '[data-test=applications]'], ['[data-test=menu-timebank]', '[data-test=activities]'],
    ['[data-test=menu-needs]', '[data-test=needs]'], ['[data-test=menu-meetings]', '[data-test=meetings]'],
    ['[data-test=menu-ballots]', '[data-test=ballots]'], ['[data-test=menu-projects]', '[data-test=projects]'],
    ['[data-test=menu-figures]', '[data-test=chart-category] canvas']]) {
    await other.locator(menu).click();
    await other.locator(settle).first().waitFor();
    await other.waitForLoadState('networkidle');
    seen.push(await other.locator('body').innerText());
  }
  await other.locator('[data-test=menu-tree]').click();
  await other.locator('[data-test=tree]', { hasText: '芳草小区' }).waitFor();
  await other.screenshot({ path: join(shots, '16-other-community.png') });
  for (const secret of [marker, estate, theme, realName, '锦江苑', '舞台搭建', partnerName, needMarker, ballotTitle, projectTitle]) {
    assert.ok(!seen.some((text) => text.includes(secret)), `芳草社区 staff see nothing of 锦城社区: ${secret}`);
  }
  await other.context().close();

  // GraphiQL, served from Linli itself (no esm.sh): it loads, and shows the schema's root types in its explorer
  await page.goto(base + '/graphiql');
  await page.locator('.graphiql-container').waitFor({ timeout: 30000 });
  await page.locator('.CodeMirror').first().waitFor();
  await page.screenshot({ path: join(shots, '17-graphiql.png') });

  // the one expected refusal: the first photo upload before the privacy consent (403 PRIVACY_CONSENT_REQUIRED)
  const consentRefusals = problems.filter((p) => /^HTTP 403: .*\/photos$/.test(p));
  assert.ok(consentRefusals.length <= 1, 'one upload refused for consent, then accepted: ' + consentRefusals);
  const blocking = problems.filter((p) => !p.includes('favicon') && !consentRefusals.includes(p));
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
