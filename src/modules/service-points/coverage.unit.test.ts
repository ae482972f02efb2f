// The ring search finds exactly what the brute-force search finds (random sites and communities).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceM } from '../../lib/geo/coordinates.ts';
import { coverage, type Site } from './coverage.ts';

test('the grid search agrees with every-community-against-every-site', () => {
  let seed = 11;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const sites: Site[] = Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, name: `s${i}`, typeCode: i % 3 === 0 ? 'a' : 'b', lng: 112.3 + rand() * 0.6, lat: 37.6 + rand() * 0.5 }));
  const communities = Array.from({ length: 300 }, (_, i) => ({ code: `1401070030${String(i).padStart(2, '0')}`, name: `c${i}`, location: { lng: 112.2 + rand() * 0.8, lat: 37.5 + rand() * 0.7 } }));
  const got = coverage(communities, sites, ['a', 'b', 'none'], 800);
  for (const c of got.communities) {
    for (const n of c.nearest) {
      const of = sites.filter((s) => s.typeCode === n.typeCode);
      if (of.length === 0) {
        assert.equal(n.distanceM, null);
        continue;
      }
      const best = Math.min(...of.map((s) => distanceM(c.location!, s)));
      assert.equal(n.distanceM, Math.round(best), `${c.code} ${n.typeCode}`);
    }
    assert.ok(c.beyond.includes('none'));
  }
});
