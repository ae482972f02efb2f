// Conversions against published reference pairs (the test tables of googollee/eviltransform and
// wandergis/coordtransform, both MIT), to within 1 m; the point schema's refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bd09ToGcj02, boundingBox, distanceM, fromWgs84, gcj02ToBd09, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from './coordinates.ts';
import { PointIn } from './schema.ts';

// [wgs lng, wgs lat, gcj lng, gcj lat]
const WGS_GCJ: [string, number, number, number, number][] = [
  ['Shanghai', 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597],
  ['Shenzhen', 113.912316, 22.543847, 113.9171764808363, 22.540796131694766],
  ['Beijing', 116.377817, 39.911954, 116.38404722455657, 39.91334545536069],
  ['Tiananmen', 116.404, 39.915, 116.41024449916938, 39.91640428150164],
];
// coordtransform's published BD-09 ↔ GCJ-02 pair for (116.404, 39.915). (eviltransform's bd → wgs
// pairs were left out: they differ from every implementation of the formula by ~10 m, so they
// cannot have come from it.)
const BD_GCJ = { bd: { lng: 116.404, lat: 39.915 }, gcj: { lng: 116.39762729119315, lat: 39.90865673957631 } };

test('WGS-84 → GCJ-02 and back within 1 m of the reference values', () => {
  for (const [name, wl, wa, gl, ga] of WGS_GCJ) {
    const g = wgs84ToGcj02({ lng: wl, lat: wa });
    assert.ok(distanceM(g, { lng: gl, lat: ga }) < 1, `${name} forward: ${distanceM(g, { lng: gl, lat: ga })} m`);
    const w = gcj02ToWgs84({ lng: gl, lat: ga });
    const off = distanceM(w, { lng: wl, lat: wa });
    assert.ok(off < 1, `${name} inverse: ${off} m`);
    // The offset itself is hundreds of metres: the test would fail with no conversion at all.
    assert.ok(distanceM({ lng: gl, lat: ga }, { lng: wl, lat: wa }) > 100);
  }
});

test('the iteration inverts the forward transform to millimetres across China', () => {
  for (let lng = 75; lng <= 134; lng += 3.7) {
    for (let lat = 18; lat <= 53; lat += 2.9) {
      const p = { lng, lat };
      assert.ok(distanceM(gcj02ToWgs84(wgs84ToGcj02(p)), p) < 0.01);
      assert.ok(distanceM(toWgs84(fromWgs84(p, 'bd09'), 'bd09'), p) < 0.01);
    }
  }
});

test('BD-09 → GCJ-02 within 1 m of the reference value; GCJ-02 ↔ BD-09 round trip', () => {
  const off = distanceM(bd09ToGcj02(BD_GCJ.bd), BD_GCJ.gcj);
  assert.ok(off < 1, `bd09 → gcj02: ${off} m`);
  assert.ok(distanceM(BD_GCJ.bd, BD_GCJ.gcj) > 100);
  const g = { lng: 116.404, lat: 39.915 };
  assert.ok(distanceM(bd09ToGcj02(gcj02ToBd09(g)), g) < 0.01);
  // coordtransform's published gcj02 → bd09 of (116.404, 39.915)
  assert.ok(distanceM(gcj02ToBd09(g), { lng: 116.41036949371029, lat: 39.92133699351021 }) < 1);
});

test('haversine distance and the bounding box', () => {
  // One degree of latitude is ~111.2 km.
  assert.ok(Math.abs(distanceM({ lng: 112.5, lat: 37 }, { lng: 112.5, lat: 38 }) - 111_195) < 50);
  const c = { lng: 112.55, lat: 37.87 };
  const box = boundingBox(c, 2000);
  for (const bearing of [0, 45, 90, 135, 180, 270]) {
    const r = (bearing * Math.PI) / 180;
    const p = { lat: c.lat + (1999 / 111_195) * Math.cos(r), lng: c.lng + ((1999 / 111_195) * Math.sin(r)) / Math.cos((c.lat * Math.PI) / 180) };
    assert.ok(distanceM(c, p) <= 2000);
    assert.ok(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng, `bearing ${bearing}`);
  }
});

test('a point outside China is refused; swapped latitude/longitude is refused with a hint', () => {
  const swapped = PointIn.safeParse({ lng: 37.87, lat: 112.55 });
  assert.ok(!swapped.success);
  assert.deepEqual(swapped.error.issues[0]!.path, ['lat']);
  assert.match(swapped.error.issues[0]!.message, /swapped.*lng 112.55, lat 37.87/);
  assert.match(swapped.error.issues[0]!.message, /填反/);
  const paris = PointIn.safeParse({ lng: 2.35, lat: 48.85 });
  assert.ok(!paris.success);
  assert.match(paris.error.issues[0]!.message, /outside China/);
  // A GCJ-02 point is converted to WGS-84 on the way in.
  const p = PointIn.parse({ lng: 116.41024449916938, lat: 39.91640428150164, system: 'gcj02' });
  assert.ok(distanceM(p, { lng: 116.404, lat: 39.915 }) < 1);
  assert.deepEqual(PointIn.parse({ lng: 112.55, lat: 37.87 }), { lng: 112.55, lat: 37.87 });
});
