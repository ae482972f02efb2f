// Coordinates, the one place for them: stored in WGS-84; input from Chinese map pickers in GCJ-02
// (高德/腾讯, "火星坐标") or BD-09 (百度) converted here, at the edge. Plain functions, no I/O;
// the server and the web both use them.
//
// GCJ-02 is WGS-84 plus a published, deterministic offset (tens to hundreds of metres); there is
// no closed-form inverse, so GCJ-02 → WGS-84 iterates the forward transform until it reproduces
// the input to ~1e-9° (sub-millimetre). BD-09 is GCJ-02 with a further rotation/shift.

export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09';
export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type LngLat = { lng: number; lat: number };

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as the GCJ-02 transform uses it
const EE = 0.00669342162296594323; // its first eccentricity squared
const X_PI = (Math.PI * 3000.0) / 180.0;

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS-84 → GCJ-02 (the published forward transform). */
export function wgs84ToGcj02(p: LngLat): LngLat {
  let dLat = offsetLat(p.lng - 105.0, p.lat - 35.0);
  let dLng = offsetLng(p.lng - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: p.lng + dLng, lat: p.lat + dLat };
}

/**
 * GCJ-02 → WGS-84 by fixed-point iteration: guess w, move it by the difference between
 * forward(w) and the target. The offset changes slowly, so it converges in a few steps.
 */
export function gcj02ToWgs84(p: LngLat): LngLat {
  let w = { lng: p.lng, lat: p.lat };
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(w);
    const dLng = p.lng - g.lng;
    const dLat = p.lat - g.lat;
    w = { lng: w.lng + dLng, lat: w.lat + dLat };
    if (Math.abs(dLng) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return w;
}

export function gcj02ToBd09(p: LngLat): LngLat {
  const z = Math.sqrt(p.lng * p.lng + p.lat * p.lat) + 0.00002 * Math.sin(p.lat * X_PI);
  const theta = Math.atan2(p.lat, p.lng) + 0.000003 * Math.cos(p.lng * X_PI);
  return { lng: z * Math.cos(theta) + 0.0065, lat: z * Math.sin(theta) + 0.006 };
}

/** BD-09 → GCJ-02: the usual closed-form approximation (off by up to ~0.1 m), then refined by
 *  iterating the forward transform so that a round trip comes back to the same point. */
export function bd09ToGcj02(p: LngLat): LngLat {
  const x = p.lng - 0.0065;
  const y = p.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let g = { lng: z * Math.cos(theta), lat: z * Math.sin(theta) };
  for (let i = 0; i < 10; i++) {
    const b = gcj02ToBd09(g);
    const dLng = p.lng - b.lng;
    const dLat = p.lat - b.lat;
    g = { lng: g.lng + dLng, lat: g.lat + dLat };
    if (Math.abs(dLng) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return g;
}

/** Any supported system → WGS-84 (what we store). */
export function toWgs84(p: LngLat, system: CoordinateSystem): LngLat {
  if (system === 'wgs84') return { lng: p.lng, lat: p.lat };
  if (system === 'gcj02') return gcj02ToWgs84(p);
  return gcj02ToWgs84(bd09ToGcj02(p));
}

/** WGS-84 → any supported system (what a Chinese map needs to place a marker). */
export function fromWgs84(p: LngLat, system: CoordinateSystem): LngLat {
  if (system === 'wgs84') return { lng: p.lng, lat: p.lat };
  const g = wgs84ToGcj02(p);
  return system === 'gcj02' ? g : gcj02ToBd09(g);
}

const EARTH_RADIUS_M = 6_371_008.8; // mean radius (IUGG)

/** Great-circle distance in metres (haversine), between WGS-84 points. */
export function distanceM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A box that holds every point within `radiusM` of the centre (a prefilter for indexed lat/lng
 * columns; the exact distance decides afterwards). Slightly generous; never too small.
 */
export function boundingBox(c: LngLat, radiusM: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI) * 1.001;
  const cos = Math.cos((Math.min(89, Math.abs(c.lat) + dLat) * Math.PI) / 180);
  const dLng = Math.min(180, dLat / Math.max(cos, 1e-6));
  return { minLat: c.lat - dLat, maxLat: c.lat + dLat, minLng: c.lng - dLng, maxLng: c.lng + dLng };
}

// China's extent, generously (mainland, Hainan, the South China Sea islands, Taiwan, the borders):
// longitude 73.4–135.1 E, latitude 3.8–53.6 N. A point outside is refused: this system serves
// places in China, and a point outside is nearly always a typo or swapped values.
export const CHINA = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;

export function insideChina(p: LngLat): boolean {
  return p.lng >= CHINA.minLng && p.lng <= CHINA.maxLng && p.lat >= CHINA.minLat && p.lat <= CHINA.maxLat;
}

/** Latitude and longitude given the wrong way round: outside as given, inside when swapped. */
export function looksSwapped(p: LngLat): boolean {
  return !insideChina(p) && insideChina({ lng: p.lat, lat: p.lng });
}
