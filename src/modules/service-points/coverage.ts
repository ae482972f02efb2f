// Coverage (the 10-/15-minute service circle): for each community, the distance from its
// representative point to the nearest point of each kind, and the communities beyond a distance.
// Pure: the service hands in the communities and the candidate points.
import { distanceM, type LngLat } from '../../lib/geo/coordinates.ts';

export type Community = { code: string; name: string; location: LngLat | null };
export type Site = LngLat & { id: number; name: string; typeCode: string };
export type Nearest = { typeCode: string; pointId: number | null; name: string | null; distanceM: number | null };

const CELL_M = 1000;
const M_PER_DEG = 111_195;

/**
 * Sites of one kind bucketed in ~1 km cells of a local flat projection; the nearest is found by
 * searching rings of cells outwards until no farther ring can hold a nearer site (with a 10 %
 * margin for the projection), the exact distance deciding. Near-linear instead of every
 * community against every site.
 */
function nearestFinder(sites: readonly Site[], k: number) {
  const cells = new Map<string, Site[]>();
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const cellOf = (p: LngLat) => [Math.floor((p.lng * k * M_PER_DEG) / CELL_M), Math.floor((p.lat * M_PER_DEG) / CELL_M)] as const;
  for (const s of sites) {
    const [x, y] = cellOf(s);
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    const key = `${x}:${y}`;
    const list = cells.get(key);
    if (list) list.push(s);
    else cells.set(key, [s]);
  }
  return (from: LngLat): { site: Site; d: number } | undefined => {
    if (sites.length === 0) return undefined;
    const [cx, cy] = cellOf(from);
    const maxRing = Math.max(Math.abs(cx - minX), Math.abs(cx - maxX), Math.abs(cy - minY), Math.abs(cy - maxY));
    let best: Site | undefined;
    let bestD = Infinity;
    for (let r = 0; r <= maxRing; r++) {
      if (best && bestD < (r - 1) * CELL_M * 0.9) break;
      for (let x = cx - r; x <= cx + r; x++) {
        for (let y = cy - r; y <= cy + r; y++) {
          if (Math.max(Math.abs(x - cx), Math.abs(y - cy)) !== r) continue;
          for (const s of cells.get(`${x}:${y}`) ?? []) {
            const d = distanceM(from, s);
            if (d < bestD || (d === bestD && best && s.id < best.id)) [best, bestD] = [s, d];
          }
        }
      }
    }
    return best ? { site: best, d: bestD } : undefined;
  };
}

export function coverage(communities: readonly Community[], sites: readonly Site[], types: readonly string[], maxM: number) {
  const located = communities.filter((c) => c.location);
  const k = Math.cos(((located.length ? located.reduce((n, c) => n + c.location!.lat, 0) / located.length : 35) * Math.PI) / 180);
  const finders = new Map(types.map((t) => [t, nearestFinder(sites.filter((s) => s.typeCode === t), k)]));
  const rows = communities.map((c) => {
    const nearest: Nearest[] = types.map((typeCode) => {
      const found = c.location ? finders.get(typeCode)!(c.location) : undefined;
      return found ? { typeCode, pointId: found.site.id, name: found.site.name, distanceM: Math.round(found.d) } : { typeCode, pointId: null, name: null, distanceM: null };
    });
    // Beyond: a kind whose nearest point is farther than maxM, or none at all (a located community).
    const beyond = c.location ? nearest.filter((n) => n.distanceM === null || n.distanceM > maxM).map((n) => n.typeCode) : [];
    return { code: c.code, name: c.name, location: c.location, nearest, beyond };
  });
  // Figures by township (the first 9 digits): located communities, and those within reach of every kind.
  const towns = new Map<string, { code: string; communities: number; located: number; covered: number }>();
  for (const r of rows) {
    const code = r.code.slice(0, 9);
    const t = towns.get(code) ?? { code, communities: 0, located: 0, covered: 0 };
    t.communities++;
    if (r.location) {
      t.located++;
      if (r.beyond.length === 0) t.covered++;
    }
    towns.set(code, t);
  }
  return { communities: rows, byTownship: [...towns.values()] };
}
