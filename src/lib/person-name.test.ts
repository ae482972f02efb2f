import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPersonName } from './person-name.ts';
import { PersonName, personName } from './person-name.schema.ts';

test('names are NFC and trimmed of spaces and zero-width characters at the ends', () => {
  assert.deepEqual(cleanPersonName('\ufeff\u3000王 五\u200b '), { ok: true, value: '王 五' });
  assert.deepEqual(cleanPersonName('Jose\u0301'), { ok: true, value: 'Jos\u00e9' });
  assert.deepEqual(cleanPersonName('阿卜杜拉·买买提'), { ok: true, value: '阿卜杜拉·买买提' });
  assert.deepEqual(cleanPersonName('   '), { ok: true, value: '' }, 'blank is for the schema to refuse as empty');
});

test('refused: only invisible characters, direction controls, invisible characters inside, control characters', () => {
  for (const raw of ['\u200b', '\u200b\u200c\u200d\u2060\ufeff']) assert.deepEqual(cleanPersonName(raw), { ok: false, problem: 'invisible_only' });
  for (const raw of ['\u202e三张', '王\u202a五', '\u2066王五\u2069', '王\u200f五', '\u061c王']) assert.deepEqual(cleanPersonName(raw), { ok: false, problem: 'bidi_control' }, JSON.stringify(raw));
  for (const raw of ['张\u200b三', '张\u00ad三', '张\u{e0041}三']) assert.deepEqual(cleanPersonName(raw), { ok: false, problem: 'invisible' }, JSON.stringify(raw));
  for (const raw of ['张\n三', '张\t三', '张\u0085三']) assert.deepEqual(cleanPersonName(raw), { ok: false, problem: 'control' }, JSON.stringify(raw));
});

test('the zod field: cleaned value out, one bilingual message naming the rule, length after cleaning', () => {
  assert.equal(PersonName.parse(' \u200b褚小明 '), '褚小明');
  const issues = PersonName.safeParse('\u202e三张').error!.issues;
  assert.equal(issues.length, 1);
  assert.match(issues[0]!.message, /text-direction control.*␟.*文字方向控制/);
  assert.equal(PersonName.safeParse('').success, false);
  assert.equal(personName(50, { allowEmpty: true }).parse(''), '');
  assert.equal(personName(3).safeParse('\u200b王五六\u200b').success, true, 'the edges do not count towards the length');
});
