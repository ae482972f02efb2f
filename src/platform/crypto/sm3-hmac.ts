// HMAC-SM3 (RFC 2104; SM3 per GB/T 32905) made for many short messages. Same bytes as
// createHmac('sm3', key) — tests check that on random keys and messages of every length around
// the block boundaries, and the GB/T test vectors — at a fraction of the cost for what we MAC
// (ID numbers, phones, ciphertext tags: under 100 bytes): createHmac builds two OpenSSL contexts
// and a JS object per call, which costs several times the hashing; an import computes ~400,000.
//
// How: the key's inner and outer pads are compressed once, when the key is loaded; a short
// message then costs one SM3 compression for the inner hash and one for the outer, done here in
// JS on 32-bit integers (no secret-dependent branches or table lookups). Long messages (sealed
// files) go to OpenSSL's one-shot hash, which is faster per byte.
import { hash } from 'node:crypto';

const BLOCK_BYTES = 64;
const DIGEST_BYTES = 32;
/** Messages up to this length are hashed here; longer ones by OpenSSL. */
const SHORT_MESSAGE_BYTES = 247; // inner input (64 + message + 9 padding bytes) within 5 blocks

const IV = Int32Array.of(0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600 | 0, 0xa96f30bc | 0, 0x163138aa, 0xe38dee4d | 0, 0xb0fb0e4e | 0);
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
/** Round constants Tj rotated left by j mod 32, as the round function uses them. */
const T = Int32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));
const W = new Int32Array(68);

/** The SM3 compression function: V ← CF(V, block at `at`). */
function compress(V: Int32Array, block: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const o = at + 4 * i;
    W[i] = (block[o]! << 24) | (block[o + 1]! << 16) | (block[o + 2]! << 8) | block[o + 3]!;
  }
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15);
    W[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!;
  }
  let a = V[0]!, b = V[1]!, c = V[2]!, d = V[3]!, e = V[4]!, f = V[5]!, g = V[6]!, h = V[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + T[j]!) | 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (W[j]! ^ W[j + 4]!)) | 0;
    const tt2 = (gg + h + ss1 + W[j]!) | 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  V[0]! ^= a;
  V[1]! ^= b;
  V[2]! ^= c;
  V[3]! ^= d;
  V[4]! ^= e;
  V[5]! ^= f;
  V[6]! ^= g;
  V[7]! ^= h;
}

/** Appends SM3 padding for a message of `total` bytes whose tail (`used` bytes) is in `buf`; returns the padded length. */
function pad(buf: Uint8Array, used: number, total: number): number {
  const end = Math.ceil((used + 9) / BLOCK_BYTES) * BLOCK_BYTES;
  buf[used] = 0x80;
  buf.fill(0, used + 1, end - 4);
  const bits = total * 8; // < 2^32 here
  buf[end - 4] = bits >>> 24;
  buf[end - 3] = (bits >>> 16) & 0xff;
  buf[end - 2] = (bits >>> 8) & 0xff;
  buf[end - 1] = bits & 0xff;
  return end;
}

function writeWords(V: Int32Array, out: Uint8Array, at: number): void {
  for (let i = 0; i < 8; i++) {
    const v = V[i]!;
    out[at + 4 * i] = v >>> 24;
    out[at + 4 * i + 1] = (v >>> 16) & 0xff;
    out[at + 4 * i + 2] = (v >>> 8) & 0xff;
    out[at + 4 * i + 3] = v & 0xff;
  }
}

export class Sm3Hmac {
  /** SM3 state after the key ⊕ ipad block, and after the key ⊕ opad block. */
  private readonly innerState = new Int32Array(8);
  private readonly outerState = new Int32Array(8);
  /** The pads themselves, for long messages hashed by OpenSSL. */
  private readonly innerPad = Buffer.alloc(BLOCK_BYTES);
  private readonly outerPad = Buffer.alloc(BLOCK_BYTES);
  /** Work space: a message's blocks, then the outer block. */
  private readonly work = Buffer.alloc(SHORT_MESSAGE_BYTES + 9 + BLOCK_BYTES);
  private readonly state = new Int32Array(8);

  constructor(key: Buffer) {
    const k = key.length > BLOCK_BYTES ? hash('sm3', key, 'buffer') : key;
    for (let i = 0; i < BLOCK_BYTES; i++) {
      const byte = i < k.length ? k[i]! : 0;
      this.innerPad[i] = byte ^ 0x36;
      this.outerPad[i] = byte ^ 0x5c;
    }
    this.innerState.set(IV);
    compress(this.innerState, this.innerPad, 0);
    this.outerState.set(IV);
    compress(this.outerState, this.outerPad, 0);
  }

  /** The MAC of the parts concatenated (strings as UTF-8). */
  mac(parts: readonly (string | Uint8Array)[]): Buffer {
    let length = 0;
    for (const part of parts) length += typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length;
    if (length > SHORT_MESSAGE_BYTES) return this.macLong(parts, length);
    const work = this.work;
    let at = 0;
    for (const part of parts) {
      if (typeof part === 'string') at += work.write(part, at, 'utf8');
      else {
        work.set(part, at);
        at += part.length;
      }
    }
    const end = pad(work, at, BLOCK_BYTES + at);
    const V = this.state;
    V.set(this.innerState);
    for (let block = 0; block < end; block += BLOCK_BYTES) compress(V, work, block);
    // Outer: pad ‖ inner digest is 96 bytes, so one block after the pad: digest, padding, length.
    writeWords(V, work, 0);
    pad(work, DIGEST_BYTES, BLOCK_BYTES + DIGEST_BYTES);
    V.set(this.outerState);
    compress(V, work, 0);
    const out = Buffer.allocUnsafe(DIGEST_BYTES);
    writeWords(V, out, 0);
    return out;
  }

  /** The MAC in the given encoding. */
  digest(parts: readonly (string | Uint8Array)[], encoding: 'hex' | 'base64url'): string {
    return this.mac(parts).toString(encoding);
  }

  private macLong(parts: readonly (string | Uint8Array)[], length: number): Buffer {
    const inner = Buffer.allocUnsafe(BLOCK_BYTES + length);
    this.innerPad.copy(inner);
    let at = BLOCK_BYTES;
    for (const part of parts) {
      if (typeof part === 'string') at += inner.write(part, at, 'utf8');
      else {
        inner.set(part, at);
        at += part.length;
      }
    }
    const outer = Buffer.allocUnsafe(BLOCK_BYTES + DIGEST_BYTES);
    this.outerPad.copy(outer);
    outer.write(hash('sm3', inner, 'hex'), BLOCK_BYTES, 'hex');
    return Buffer.from(hash('sm3', outer, 'hex'), 'hex');
  }
}
