import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DEPTH, NFC_STABLE, normaliseIncoming, textProblem } from './incoming-text.ts';

test('NUL and lone surrogates (high or low, at either end) are problems; paired surrogates are not', () => {
  assert.equal(textProblem('a\u0000'), 'nul');
  assert.equal(textProblem('\ud800'), 'lone_surrogate');
  assert.equal(textProblem('x\udc00y'), 'lone_surrogate');
  assert.equal(textProblem('𠮷'), undefined, 'a character outside the BMP is a valid pair');
  assert.equal(textProblem('张三'), undefined);
});

test('every string of a parsed body is NFC afterwards, keys included, in place; the paths of problems are named', () => {
  const body = { name: 'Jose\u0301', members: [{ name: 'ok' }, { name: 'a\u0000' }], ['cafe\u0301']: ['e\u0301'], bytes: Buffer.from('a\u0000') };
  const { value, problems } = normaliseIncoming(body);
  assert.equal(value, body, 'containers are changed in place');
  assert.equal(body.name, 'Jos\u00e9');
  assert.deepEqual(Object.keys(body), ['name', 'members', 'bytes', 'caf\u00e9']);
  assert.deepEqual((body as Record<string, unknown>)['caf\u00e9'], ['\u00e9']);
  assert.deepEqual(problems, [{ path: 'members.1.name', problem: 'nul' }], 'a Buffer is bytes, not text');
  assert.deepEqual(normaliseIncoming({ ['k\ud800']: 1 }).problems, [{ path: 'k\\ud800', problem: 'lone_surrogate' }]);
  assert.equal(normaliseIncoming('e\u0301').value, '\u00e9');
});

test('query objects with a null-prototype prototype are walked; nesting beyond the limit is one problem', () => {
  function Empty() {}
  Empty.prototype = Object.create(null);
  const query = Object.assign(new (Empty as unknown as new () => Record<string, unknown>)(), { q: '\u0000' });
  assert.deepEqual(normaliseIncoming(query).problems, [{ path: 'q', problem: 'nul' }]);
  let deep: unknown = 'x';
  for (let i = 0; i < MAX_DEPTH + 10; i++) deep = [deep];
  const { problems } = normaliseIncoming(deep);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.problem, 'too_deep');
});

test('the characters the NFC shortcut trusts are NFC-stable alone, after a letter and doubled', () => {
  const stable = new RegExp(`^[${NFC_STABLE}]$`);
  let checked = 0;
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (!stable.test(ch)) continue;
    for (const s of [ch, `e${ch}`, `${ch}${ch}`]) assert.equal(s.normalize('NFC'), s, `U+${c.toString(16)}`);
    checked++;
  }
  assert.ok(checked > 28_000, `${checked}`);
});
