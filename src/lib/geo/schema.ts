// The zod shapes for a point coming in (any of the three systems) and going out (always WGS-84,
// saying so). Browser-safe: the web's map picker uses the same checks.
import { z } from 'zod';
import { bi } from '../bilingual.ts';
import { COORDINATE_SYSTEMS, insideChina, looksSwapped, toWgs84, type LngLat } from './coordinates.ts';

export const CoordinateSystemSchema = z.enum(COORDINATE_SYSTEMS).describe('wgs84 (GPS), gcj02 (高德/腾讯 map pickers), bd09 (百度)');

/**
 * A point as a map picker gives it. Refused outside China; latitude and longitude given the wrong
 * way round are refused with a hint (not silently swapped: the caller's other values may be
 * wrong the same way). Parses to WGS-84 `{ lng, lat }`.
 */
export const PointIn = z
  .object({
    lng: z.number().describe('Longitude (经度), degrees east'),
    lat: z.number().describe('Latitude (纬度), degrees north'),
    system: CoordinateSystemSchema.default('wgs84'),
  })
  .superRefine(checkPoint)
  .transform((p): LngLat => {
    const w = toWgs84(p, p.system);
    return { lng: round7(w.lng), lat: round7(w.lat) };
  });

/** The check behind PointIn, for shapes that carry lng/lat among other fields (a query string). */
export function checkPoint(p: { lng: number; lat: number }, ctx: z.RefinementCtx, prefix: (string | number)[] = []): void {
  if (!Number.isFinite(p.lng) || !Number.isFinite(p.lat) || insideChina(p)) return;
  if (looksSwapped(p)) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'lat'], message: bi(`Latitude and longitude look swapped: in China the longitude is 73–135 and the latitude 4–54 (did you mean lng ${p.lat}, lat ${p.lng}?)`, `纬度与经度疑似填反：中国境内经度约 73–135、纬度约 4–54（是否应为 经度 ${p.lat}、纬度 ${p.lng}？）`) });
  } else {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'lng'], message: bi('The point is outside China (longitude 73.4–135.1, latitude 3.8–53.6)', '坐标不在中国境内（经度 73.4–135.1，纬度 3.8–53.6）') });
  }
}

/** A stored point, always WGS-84, and the answer says so. */
export const PointOut = z.object({
  lng: z.number(),
  lat: z.number(),
  system: z.literal('wgs84').describe('Stored and answered in WGS-84; convert for 高德/腾讯 (gcj02) or 百度 (bd09) maps'),
});

/** 1e-7° is about 1 cm: more digits are noise. */
export function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
