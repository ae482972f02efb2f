// Anchors: the heads of every chain at a moment, MAC'd with the audit key and written outside the
// database (a file and a log line that operators ship elsewhere). Whoever rewrites history inside
// the database, even recomputing every hash, cannot change what was anchored before.
//   {"v":1,"at":"…Z","keyId":"a1","heads":[{"chain":0,"seq":12,"hash":"…"},…],"mac":"…"}
import type { Sm3Hmac } from '../../platform/crypto/sm3-hmac.ts';
import { canonicalJson } from './audit-chain.ts';

export type AnchorHead = { chain: number; seq: number; hash: string };
export type Anchor = { v: 1; at: string; keyId: string; heads: AnchorHead[]; mac: string };

const LABEL = 'lastmile-audit-anchor\n';

function anchorMac(mac: Sm3Hmac, a: Omit<Anchor, 'mac'>): string {
  return mac.digest([LABEL, canonicalJson({ v: a.v, at: a.at, keyId: a.keyId, heads: a.heads })], 'hex');
}

export function signAnchor(mac: Sm3Hmac, keyId: string, at: Date, heads: AnchorHead[]): Anchor {
  const unsigned = { v: 1 as const, at: at.toISOString(), keyId, heads };
  return { ...unsigned, mac: anchorMac(mac, unsigned) };
}

const isHead = (h: unknown): h is AnchorHead => {
  const o = h as AnchorHead;
  return typeof o === 'object' && o !== null && Number.isSafeInteger(o.chain) && Number.isSafeInteger(o.seq) && o.seq > 0 && typeof o.hash === 'string';
};

/** An anchor from one line of the anchor file, or the reason it is not one. */
export function parseAnchor(line: string): Anchor | { problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return { problem: 'not JSON' };
  }
  const a = doc as Anchor;
  if (typeof a !== 'object' || a === null || a.v !== 1 || typeof a.at !== 'string' || typeof a.keyId !== 'string' || typeof a.mac !== 'string' || !Array.isArray(a.heads) || !a.heads.every(isHead)) {
    return { problem: 'not an anchor (v, at, keyId, heads, mac)' };
  }
  return a;
}

/** True when the anchor's MAC is right under `mac` (the key its keyId names). */
export function anchorIsAuthentic(mac: Sm3Hmac, a: Anchor): boolean {
  return anchorMac(mac, a) === a.mac;
}
