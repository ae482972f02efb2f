// SM4-CBC with PKCS#7 padding on one reused SM4-ECB cipher per key and direction. Same bytes as
// createCipheriv('sm4-cbc', key, iv) — a test checks both directions on random keys, IVs and
// lengths — but without building an OpenSSL context per value: for a one- or two-block field
// (a phone, an ID number) the context and its JS wrapper cost several times the encryption.
// CBC by hand is two lines over the block function: Cᵢ = E(Pᵢ ⊕ Cᵢ₋₁), Pᵢ = D(Cᵢ) ⊕ Cᵢ₋₁, C₀ = IV.
import { createCipheriv, createDecipheriv, type Cipheriv, type Decipheriv, type KeyObject } from 'node:crypto';

const BLOCK = 16;
// From this length on a value goes through OpenSSL's own sm4-cbc (one context per value): by hand,
// every block is one native call, and a 1 MB photo took 0.6 s to seal instead of a few ms.
export const NATIVE_CBC_FROM = 1024;

export class Sm4Cbc {
  private readonly key: KeyObject;
  private readonly encryptor: Cipheriv;
  private readonly decryptor: Decipheriv;

  constructor(key: KeyObject) {
    this.key = key;
    // ECB without padding holds no state between update() calls: each whole block in, one out.
    this.encryptor = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    this.decryptor = createDecipheriv('sm4-ecb', key, null).setAutoPadding(false);
  }

  encrypt(iv: Uint8Array, plaintext: Buffer): Buffer {
    return this.encryptMany([iv], [plaintext])[0]!;
  }

  /**
   * Many values at once, each with its own IV: the k-th blocks of all values go through the
   * block cipher in one call (CBC chains within a value, not across values), so a batch of short
   * fields costs a few native calls instead of one or two per value.
   */
  encryptMany(ivs: readonly Uint8Array[], plaintexts: readonly Buffer[]): Buffer[] {
    const result: Buffer[] = new Array(plaintexts.length);
    const short: number[] = [];
    plaintexts.forEach((p, i) => {
      if (p.length < NATIVE_CBC_FROM) short.push(i);
      else {
        const cipher = createCipheriv('sm4-cbc', this.key, ivs[i]!);
        result[i] = Buffer.concat([cipher.update(p), cipher.final()]);
      }
    });
    if (short.length > 0) {
      const chained = this.chain(short.map((i) => ivs[i]!), short.map((i) => plaintexts[i]!));
      short.forEach((i, j) => (result[i] = chained[j]!));
    }
    return result;
  }

  /** CBC by hand over the ECB block function, the k-th blocks of all values in one call. */
  private chain(ivs: readonly Uint8Array[], plaintexts: readonly Buffer[]): Buffer[] {
    const outs = plaintexts.map((p) => {
      const blocks = Math.floor(p.length / BLOCK) + 1;
      const out = Buffer.allocUnsafe(blocks * BLOCK);
      p.copy(out);
      out.fill(blocks * BLOCK - p.length, p.length);
      return out;
    });
    const previous: Uint8Array[] = [...ivs];
    for (let at = 0, more = true; more; at += BLOCK) {
      const chained: number[] = [];
      for (let i = 0; i < outs.length; i++) if (outs[i]!.length > at) chained.push(i);
      more = chained.length > 0;
      if (!more) break;
      const input = Buffer.allocUnsafe(chained.length * BLOCK);
      chained.forEach((i, j) => {
        const block = outs[i]!;
        const prev = previous[i]!;
        for (let b = 0; b < BLOCK; b++) input[j * BLOCK + b] = block[at + b]! ^ prev[b]!;
      });
      const output = this.encryptor.update(input);
      chained.forEach((i, j) => {
        output.copy(outs[i]!, at, j * BLOCK, (j + 1) * BLOCK);
        previous[i] = outs[i]!.subarray(at, at + BLOCK);
      });
    }
    return outs;
  }

  /** The plaintext; throws a plain Error on a length or padding that cannot be ours. */
  decrypt(iv: Uint8Array, ciphertext: Buffer): Buffer {
    if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0) throw new Error('SM4-CBC: ciphertext is not whole blocks');
    if (ciphertext.length >= NATIVE_CBC_FROM) {
      const decipher = createDecipheriv('sm4-cbc', this.key, iv);
      try {
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      } catch {
        throw new Error('SM4-CBC: bad padding');
      }
    }
    const out = this.decryptor.update(ciphertext);
    if (out.length !== ciphertext.length) throw new Error('SM4-CBC: short block output');
    for (let at = 0; at < out.length; at += BLOCK) {
      const previous = at === 0 ? iv : ciphertext.subarray(at - BLOCK, at);
      for (let i = 0; i < BLOCK; i++) out[at + i]! ^= previous[i]!;
    }
    const pad = out[out.length - 1]!;
    if (pad < 1 || pad > BLOCK) throw new Error('SM4-CBC: bad padding');
    for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) throw new Error('SM4-CBC: bad padding');
    return out.subarray(0, out.length - pad);
  }
}
