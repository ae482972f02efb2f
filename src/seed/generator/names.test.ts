import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from './random.ts';
import { SURNAME_LIST, generationOf, pickEthnicity, pickGivenName, pickName, pickSurname } from './names.ts';

test('at least 60 surnames, compound ones included, common ones most frequent', () => {
  assert.ok(SURNAME_LIST.length >= 60);
  assert.equal(new Set(SURNAME_LIST).size, SURNAME_LIST.length, 'no duplicates');
  for (const c of ['欧阳', '司马', '上官', '诸葛']) assert.ok(SURNAME_LIST.includes(c), c);
  const r = new Random(1);
  const counts = new Map<string, number>();
  for (let i = 0; i < 100_000; i++) {
    const s = pickSurname(r);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
  assert.deepEqual(new Set(top), new Set(['王', '李', '张', '刘', '陈']));
  const wang = counts.get('王')! / 100_000;
  assert.ok(wang > 0.07 && wang < 0.1, `王 ${wang}`);
  assert.ok(counts.size > 80, 'the long tail shows up');
});

test('given names are 1–2 characters in the fashion of the birth generation', () => {
  const r = new Random(2);
  for (let i = 0; i < 5_000; i++) {
    const year = r.int(1920, 2026);
    const g = pickGivenName(r, r.chance(0.5) ? 'male' : 'female', year);
    assert.ok(g.length === 1 || g.length === 2, g);
    const full = pickName(r, 'female', year);
    assert.ok(full.length >= 2 && full.length <= 4, full);
  }
  const old = new Set(Array.from({ length: 2_000 }, () => pickGivenName(r, 'female', 1940)));
  const young = new Set(Array.from({ length: 2_000 }, () => pickGivenName(r, 'female', 2015)));
  assert.ok(old.has('秀英') || old.has('桂兰'));
  assert.ok(young.has('子涵') || young.has('欣怡'));
  assert.ok(!young.has('桂兰') && !young.has('秀英'), 'no grandmother names for children');
  const boys = new Set(Array.from({ length: 2_000 }, () => pickGivenName(r, 'male', 2015)));
  assert.ok(boys.has('浩然'));
  assert.equal(generationOf(1949), 0);
  assert.equal(generationOf(1950), 1);
  assert.equal(generationOf(2026), 5);
});

test('ethnicity: mostly 汉族, some 回族, 满族, 蒙古族', () => {
  const r = new Random(3);
  const counts = new Map<string, number>();
  for (let i = 0; i < 100_000; i++) {
    const e = pickEthnicity(r);
    counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const han = counts.get('汉族')! / 100_000;
  assert.ok(han > 0.96 && han < 0.985, `汉族 ${han}`);
  for (const e of ['回族', '满族', '蒙古族']) assert.ok((counts.get(e) ?? 0) > 100, e);
});
