// Expands the demo places into tree nodes: each township gets two communities (villages for
// towns), each community two or three grids. Deterministic, so re-seeding inserts nothing new.
import { levelOf, parentCode, type Level } from '../lib/division-code.ts';
import { CITIES, COMMUNITY_NAMES, COUNTIES, GRID_NAMES, PROVINCES, TOWNSHIPS, VILLAGE_NAMES } from './demo-places.ts';

export type DemoNode = { code: string; name: string; level: Level; parentCode: string | null };

const node = (code: string, name: string): DemoNode => ({ code, name, level: levelOf(code)!, parentCode: parentCode(code) ?? null });
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function demoJurisdictions(): DemoNode[] {
  const out: DemoNode[] = [...PROVINCES, ...CITIES, ...COUNTIES].map((p) => node(p.code, p.name));
  let counter = 0;
  for (const county of COUNTIES) {
    let streets = 0;
    let towns = 0;
    for (const townshipName of TOWNSHIPS[county.code] ?? []) {
      const isTown = townshipName.endsWith('镇');
      const township = `${county.code}${isTown ? pad(100 + ++towns, 3) : pad(++streets, 3)}`;
      out.push(node(township, townshipName));
      for (let v = 1; v <= 2; v++) {
        const names = isTown ? VILLAGE_NAMES : COMMUNITY_NAMES;
        const name = names[counter++ % names.length]!;
        const village = `${township}${isTown ? pad(200 + v, 3) : pad(v, 3)}`;
        out.push(node(village, name));
        const grids = v === 1 ? 3 : 2;
        for (let g = 1; g <= grids; g++) out.push(node(`${village}${pad(g, 3)}`, GRID_NAMES[g - 1]!));
      }
    }
  }
  return out;
}
