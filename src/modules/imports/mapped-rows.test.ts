// Reading and mapping on a worker thread gives what it gives in this thread: the same rows,
// problems and the same errors for files that cannot be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportFileError } from './read-rows.ts';
import { mappedRows, type MappedItem } from './mapped-rows.ts';
import { LEDGER_HEADERS, TODAY, tempDir, validCells, writeXlsx } from './test-fixtures.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { AppError } from '../../platform/errors.ts';
import { createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import type { IndexSecret } from '../../platform/crypto/field-crypto.ts';
import { testKeyRing } from '../../../test/support/app.ts';

async function all(content: Buffer, format: 'xlsx' | 'csv', worker: boolean, index?: IndexSecret): Promise<{ headers: string[]; items: MappedItem[] }> {
  const source = mappedRows(content, format, index ? { worker, index } : { worker });
  const headers = await source.headers;
  source.start({ today: TODAY });
  const items: MappedItem[] = [];
  for await (const chunk of source.chunks()) items.push(...chunk);
  return { headers, items };
}

test('the worker maps a ledger exactly as this thread does (rows, problems)', async (t) => {
  const file = join(tempDir(t), 'ledger.xlsx');
  const rows: unknown[][] = [LEDGER_HEADERS];
  for (let i = 0; i < 2500; i++) {
    const cells = validCells({
      姓名: ['王五', '曾小单', '李', 'Ann 李'][i % 4],
      身份证号: i % 97 === 0 ? '140107199001011234' : makeIdNumber('140107', '1990-01-01', i % 1000),
      户编号: String(Math.floor(i / 3)),
      与户主关系: i % 3 === 0 ? '户主' : '子女',
      出生日期: i % 50 === 0 ? '1990-02-30' : '1990年1月1日',
    });
    rows.push(LEDGER_HEADERS.map((h) => cells[h] ?? null));
  }
  await writeXlsx(file, [{ name: '人员', rows }]);
  const content = await readFile(file);
  const here = await all(content, 'xlsx', false);
  const there = await all(content, 'xlsx', true);
  assert.equal(here.items.length, 2500);
  assert.ok(here.items.some((i) => i.problems.length > 0) && here.items.some((i) => i.input));
  assert.deepEqual(there, here);

  // Given the index secret, the worker adds each ID number's blind index: the server's own value.
  const sensitive = createSensitiveFields(testKeyRing);
  const indexed = await all(content, 'xlsx', true, sensitive.indexSecret('id_number'));
  const withId = indexed.items.filter((i) => i.input?.idNumber);
  assert.ok(withId.length > 0 && withId.length === here.items.filter((i) => i.input?.idNumber).length);
  for (const item of withId) assert.equal(item.idIndex, sensitive.index('id_number', item.input!.idNumber!));
  assert.deepEqual(indexed.items.map(({ idIndex: _, ...rest }) => rest), here.items);
});

test('the worker reports a file it cannot read as this thread does', async (t) => {
  const dir = tempDir(t);
  const cases: [string, Buffer][] = [
    ['not_xlsx', Buffer.from('not a spreadsheet at all')],
    ['legacy_xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['empty', Buffer.alloc(0)],
  ];
  const emptySheet = join(dir, 'empty.xlsx');
  await writeXlsx(emptySheet, [{ name: 'S', rows: [] }]);
  cases.push(['empty', await readFile(emptySheet)]);
  for (const [reason, content] of cases) {
    for (const worker of [false, true]) {
      const source = mappedRows(content, 'xlsx', { worker });
      await assert.rejects(source.headers, (error: unknown) => error instanceof ImportFileError && error.reason === reason && /[\u4e00-\u9fff]/.test(error.messageZh), `${reason} (worker: ${worker})`);
      await source.close();
    }
  }
});

test('an error while mapping comes back from the worker as the same kind of error', async () => {
  const source = mappedRows(Buffer.from(`${LEDGER_HEADERS.join(',')}\n王五,${makeIdNumber('140107', '1990-01-01', 123)}\n`), 'csv', { worker: true });
  assert.deepEqual(await source.headers, LEDGER_HEADERS);
  // A bad "today" makes the ID number check throw: the worker's failure surfaces as an Error, not a hang.
  source.start({ today: 'not a date' });
  await assert.rejects(async () => {
    for await (const _ of source.chunks());
  }, (error: unknown) => error instanceof Error && !(error instanceof AppError));
});
