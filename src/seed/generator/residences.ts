// Residences for the generator from the demo jurisdiction tree: every grid (or every
// village/community) with its county and a readable address prefix (市 区/县 街道/镇 社区/村).
import { demoJurisdictions } from '../demo-jurisdictions.ts';

export type Residence = {
  /** Where the household lives: a grid (15 digits) or a village/community (12 digits). */
  code: string;
  /** Its county (6 digits): the region code of the residents' ID numbers. */
  countyCode: string;
  /** Prepended to generated addresses, e.g. '太原市杏花岭区巨轮街道和平社区'. */
  addressPrefix?: string;
  /** Village (村) rather than urban community (社区); default: from the code (村委会 codes are 2xx). */
  rural?: boolean;
};

/** The demo places as residences: all grids (default) or all villages/communities. */
export function demoResidences(level: 'grid' | 'village' = 'grid'): Residence[] {
  const nodes = demoJurisdictions();
  const names = new Map(nodes.map((n) => [n.code, n.name]));
  const out: Residence[] = [];
  for (const n of nodes) {
    if (n.level !== level) continue;
    const village = n.code.slice(0, 12);
    const prefix = [n.code.slice(0, 4), n.code.slice(0, 6), n.code.slice(0, 9), village].map((c) => names.get(c) ?? '').join('');
    out.push({ code: n.code, countyCode: n.code.slice(0, 6), addressPrefix: prefix });
  }
  return out;
}
