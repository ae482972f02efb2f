// Coverage (the 10-/15-minute service circle): for each community, the distance from its
// representative point to the nearest point of each kind, and the communities beyond a distance.
// Pure: the service hands in the communities and the candidate points.
import { distanceM, type LngLat } from '../../lib/geo/coordinates.ts';

export type Community = { code: string; name: string; location: LngLat | null };
export type Site = LngLat & { id: number; name: string; typeCode: string };
export type Nearest = { typeCode: string; pointId: number | null; name: string | null; distanceM: number | null };

export function coverage(communities: readonly Community[], sites: readonly Site[], types: readonly string[], maxM: number) {
  const byType = new Map<string, Site[]>(types.map((t) => [t, []]));
  for (const s of sites) byType.get(s.typeCode)?.push(s);
  const rows = communities.map((c) => {
    const nearest: Nearest[] = types.map((typeCode) => {
      if (!c.location) return { typeCode, pointId: null, name: null, distanceM: null };
      let best: Site | undefined;
      let bestD = Infinity;
      for (const s of byType.get(typeCode)!) {
        const d = distanceM(c.location, s);
        if (d < bestD) [best, bestD] = [s, d];
      }
      return best ? { typeCode, pointId: best.id, name: best.name, distanceM: Math.round(bestD) } : { typeCode, pointId: null, name: null, distanceM: null };
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
