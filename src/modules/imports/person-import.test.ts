import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, testKeyRing, type TestApp } from '../../../test/support/app.ts';
import { createEmptyPgDatabase, testDriver } from '../../../test/support/db.ts';
import { ledgerRows, writeLedger } from '../../../test/support/ledger.ts';
import { queryRows } from '../../platform/db/client.ts';
import { createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import { commitPersons, reportFor, validatePersons } from './person-import.ts';
import { makeIdNumber } from '../../lib/id-number.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'lastmile-import-'));
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const ctx = (scope = '140107') => ({ db: t.database.db, sensitive: createSensitiveFields(testKeyRing), scope, today: '2026-11-23' });
const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n;

test('dry run: a row-by-row report names every problem; nothing is written', async () => {
  const rows = ledgerRows(30, { under: '140107' });
  const good = rows.length;
  rows.push(['', makeIdNumber('140107', '1990-01-01', 501), null, null, null, '140107001001', null, null, null, null]); // no name
  rows.push(['坏校验', '140107199001011234', null, null, null, '140107001001', null, null, null, null]); // check digit
  rows.push(['外区人', makeIdNumber('140109', '1988-01-01', 502), null, null, null, '140109001001', null, null, null, null]); // out of scope
  rows.push(['无此区', makeIdNumber('140107', '1986-02-02', 503), null, null, null, '140107009001', null, null, null, null]); // unknown code
  rows.push([rows[0]![0] ?? null, rows[0]![1] ?? null, null, null, null, '140107001001', null, null, null, null]); // same ID twice in the file
  const file = join(dir, 'ledger.xlsx');
  await writeLedger(file, rows);
  const content = await readFile(file);
  const before = await count('persons');
  const v = await validatePersons(ctx(), content, 'xlsx');
  assert.deepEqual(v.counts, { total: good + 5, ok: good, error: 4, duplicate: 1, skipped: 0 });
  assert.equal(await count('persons'), before, 'a dry run writes nothing');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportFor(content, 'xlsx', v)) as never);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const outcomeCol = header.indexOf('结果') + 1;
  const problemCol = header.indexOf('问题说明') + 1;
  const notes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(outcomeCol).value !== '通过') notes.push(`${row.getCell(outcomeCol).value}: ${row.getCell(problemCol).value}`);
  });
  const text = notes.join('\n');
  assert.match(text, /姓名/);
  assert.match(text, /校验码错误（应为 0）/);
  assert.match(text, /不在本辖区范围内/);
  assert.match(text, /区划代码 140107009001 不存在|140107009001/);
  assert.match(text, /重复: .*与第 2 行身份证号码重复/);
});

test('commit loads whole households; re-importing the same file changes nothing', async () => {
  const rows = ledgerRows(40, { under: '140107', seed: 11 });
  const file = join(dir, 'commit.xlsx');
  await writeLedger(file, rows);
  const content = await readFile(file);
  const personsBefore = await count('persons');
  const first = await commitPersons(ctx(), content, 'xlsx', 'commit-test');
  assert.equal(first.households, 40);
  assert.equal(first.persons, rows.length);
  assert.equal(await count('persons'), personsBefore + rows.length);
  const again = await commitPersons(ctx(), content, 'xlsx', 'commit-test');
  assert.deepEqual({ households: again.households, persons: again.persons, skipped: again.skippedHouseholds }, { households: 0, persons: 0, skipped: 40 });
  assert.equal(await count('persons'), personsBefore + rows.length);
  // Found by pinyin initials through the API, within scope.
  const name = rows[0]![0]!;
  const s = await t.login('xhl_approver');
  const { pinyinKeys } = await import('../../lib/pinyin.ts');
  const found = (await t.app.inject({ method: 'GET', url: `/api/persons?q=${pinyinKeys(name).initials}&limit=500`, headers: s.headers })).json();
  assert.ok(found.items.some((p: { name: string }) => p.name === name));
});

test(`an import killed half-way (kill -9) finishes on a re-run with nothing duplicated or half-written (${testDriver})`, { timeout: 180_000 }, async () => {
  const rows = ledgerRows(1500, { under: '140107', seed: 21 });
  const file = join(dir, 'crash.xlsx');
  await writeLedger(file, rows);
  const server = testDriver === 'pg' ? await createEmptyPgDatabase() : undefined;
  const keyFile = join(dir, 'keys.json');
  const ringJson = JSON.stringify({
    current: testKeyRing.current,
    keys: Object.fromEntries([...testKeyRing.keys].map(([id, k]) => [id, Buffer.concat([k.encKey, k.macKey]).toString('base64')])),
    index: testKeyRing.indexKey.toString('base64'),
  });
  writeFileSync(keyFile, ringJson);
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: join(dir, 'crash-data'), LASTMILE_KEY_FILE: keyFile, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (server) env.DATABASE_URL = server.url;
  const cli = new URL('../../cli/main.ts', import.meta.url).pathname;
  const run = (...args: string[]) => spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const seed = run('seed', 'demo');
    const [seedCode] = await once(seed, 'exit');
    assert.equal(seedCode, 0);
    const first = run('import', 'persons', file, '--commit');
    const firstExit = once(first, 'exit');
    let output = '';
    await new Promise<void>((resolve) => {
      first.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Kill at the first progress line of the commit that shows work done (some batches in).
        if (/importing 导入 .* ([1-9]\d*)%/.test(output) && first.exitCode === null) {
          first.kill('SIGKILL');
          resolve();
        }
      });
      first.on('exit', () => resolve());
    });
    await firstExit;
    assert.equal(first.signalCode, 'SIGKILL', `the import was killed mid-way:\n${output}`);

    const second = run('import', 'persons', file, '--commit');
    let out2 = '';
    second.stdout!.on('data', (c: Buffer) => (out2 += c.toString()));
    const [code] = await once(second, 'exit');
    assert.equal(code, 0, out2);
    const resumed = Number(/(\d+) households already imported/.exec(out2)?.[1]);
    assert.ok(resumed > 0 && resumed < 1500, `the first run had committed part of the file (${resumed} of 1500 households): ${out2}`);

    const { openDatabase } = await import('../../platform/db/client.ts');
    const { loadConfig } = await import('../../platform/config.ts');
    const database = await openDatabase(loadConfig(env).database);
    try {
      const [c] = await queryRows<{ persons: number; households: number; members: number; distinct_ids: number }>(
        database.db,
        sql`select (select count(*) from persons) as persons, (select count(*) from households) as households,
                   (select count(*) from household_members) as members, (select count(distinct id_number_index) from persons) as distinct_ids`,
      );
      assert.deepEqual(c, { persons: rows.length, households: 1500, members: rows.length, distinct_ids: rows.length });
      const [half] = await queryRows<{ n: number }>(database.db, sql`select count(*) as n from households h where not exists (select 1 from household_members m where m.household_id = h.id and m.relationship = 'head')`);
      assert.equal(half!.n, 0, 'no household without its head');
    } finally {
      await database.close();
    }
  } finally {
    await server?.drop();
  }
});

test('through the API: upload, background validation with report, commit, progress; scoped', async () => {
  const { createWorker } = await import('../../platform/jobs/index.ts');
  const { jobDefinitions } = await import('../../app/services.ts');
  const { createLogger } = await import('../../platform/logger.ts');
  const worker = createWorker({ db: t.database.db, definitions: jobDefinitions(t.services), log: createLogger('silent') });
  const s = await t.login('julun_reviewer'); // 巨轮街道 140107001
  // Own ID numbers (sequences 700+): other seeds' generated numbers may collide with earlier tests.
  const rows = ledgerRows(12, { under: '140107001', seed: 31 }).map((r, i) => {
    const male = r[2] === '男';
    return [r[0]!, makeIdNumber('140107', r[3]!, 700 + i * 2 + (male ? 1 : 0)), ...r.slice(2)];
  });
  rows.push(['坏号码', '140107199001011234', null, null, null, '140107001001', null, null, null, null]);
  const file = join(dir, 'api.xlsx');
  await writeLedger(file, rows);
  const upload = await t.app.inject({ method: 'POST', url: '/api/imports/persons?fileName=' + encodeURIComponent('巨轮台账.xlsx'), headers: { ...s.headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: await readFile(file) });
  assert.equal(upload.statusCode, 201, upload.body);
  const id = upload.json().id;
  assert.equal(upload.json().status, 'validating');
  const [stored] = await queryRows<{ content: Buffer }>(t.database.db, sql`select content from imports where id = ${id}`);
  assert.equal(Buffer.from(stored!.content).includes(Buffer.from(rows[0]![1]!)), false, 'the stored file is encrypted');
  await worker.drain();
  const validated = (await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: s.headers })).json();
  assert.equal(validated.status, 'validated');
  assert.deepEqual({ ok: validated.counts.ok, error: validated.counts.error }, { ok: rows.length - 1, error: 1 });
  const report = await t.app.inject({ method: 'GET', url: `/api/imports/${id}/report`, headers: s.headers });
  assert.match(String(report.headers['content-type']), /spreadsheetml/);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: (await t.login('wbl_approver')).headers })).statusCode, 404);
  const committing = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: s.headers });
  assert.equal(committing.json().status, 'committing');
  await worker.drain();
  const done = (await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: s.headers })).json();
  assert.equal(done.status, 'done');
  assert.equal(done.committed.households, 12);
  // A resumed commit (after a failure) counts every run, not only the last (which finds it all there).
  await t.database.db.execute(sql`update imports set status = 'failed' where id = ${id}`);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: s.headers })).json().status, 'committing');
  await worker.drain();
  const again = (await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: s.headers })).json();
  assert.equal(again.status, 'done');
  assert.deepEqual(again.committed, done.committed, 'the second run wrote nothing and the figure still counts the first');
  const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?action=import', headers: (await t.login('admin')).headers })).json();
  assert.ok(audit.items.some((e: { reason: string }) => e.reason.includes(`import #${id}`)));
  const badType = await t.app.inject({ method: 'POST', url: '/api/imports/persons?fileName=x.xlsx', headers: { ...s.headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('not a spreadsheet') });
  assert.equal(badType.statusCode, 201);
  await worker.drain();
  const failed = (await t.app.inject({ method: 'GET', url: `/api/imports/${badType.json().id}`, headers: s.headers })).json();
  assert.equal(failed.status, 'failed');
  assert.match(failed.error, /[\u4e00-\u9fff]/, 'a clear Chinese reason');

  // Files are kept for the configured days after an import ends, then deleted (counts and outcome stay).
  const purge = async () => (await t.services.jobs.enqueue(t.services.imports.purgeFilesJob, {}), await worker.drain());
  await purge();
  const [kept] = await queryRows<{ n: number }>(t.database.db, sql`select octet_length(content)::int as n from imports where id = ${id}`);
  assert.ok(kept!.n > 0, 'a fresh file is kept');
  await t.database.db.execute(sql`update imports set updated_at = now() - interval '31 days' where id = ${id}`);
  await purge();
  const [gone] = await queryRows<{ n: number; report: Buffer | null; status: string }>(t.database.db, sql`select octet_length(content)::int as n, report, status from imports where id = ${id}`);
  assert.deepEqual([gone!.n, gone!.report, gone!.status], [0, null, 'done']);
  const reportGone = await t.app.inject({ method: 'GET', url: `/api/imports/${id}/report`, headers: s.headers });
  assert.equal(reportGone.statusCode, 409);
  assert.match(reportGone.json().messageZh, /已按保存期限删除/);
});
