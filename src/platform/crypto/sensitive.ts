// Sensitive fields in one service: encrypt for storage, decrypt for a reveal, mask for output,
// blind-index for exact lookup. Modules never touch keys directly.
import { maskValue, type MaskKind } from '../../lib/masking.ts';
import { blindIndex, decryptField, encryptField, encryptFields, indexSecret, needsRotation, type KeyRing } from './field-crypto.ts';
import { createSealedFiles } from './sealed-files.ts';

export type SensitiveFields = ReturnType<typeof createSensitiveFields>;

// Masked forms by stored value: a list page shows the same people again and again, and a masked
// form is what anyone who may see the row sees anyway, so it is kept rather than decrypted anew
// each time (issue #23: a search page decrypted 100 values to mask them). The key is the
// ciphertext, which a change or a key rotation replaces; bounded, started over when full.
const MASK_CACHE_MAX = 50_000;

export function createSensitiveFields(ring: KeyRing) {
  const sealFile = (data: Buffer): Buffer => Buffer.from(encryptField(ring, data.toString('base64')), 'utf8');
  const openFile = (sealed: Buffer): Buffer => Buffer.from(decryptField(ring, sealed.toString('utf8')), 'base64');
  const maskedByStored = new Map<string, string | null>();
  function masked(kind: MaskKind, stored: string | null): string | null {
    if (!stored) return maskValue(kind, null);
    const key = `${kind}:${stored}`;
    let out = maskedByStored.get(key);
    if (out === undefined) {
      out = maskValue(kind, decryptField(ring, stored));
      if (maskedByStored.size >= MASK_CACHE_MAX) maskedByStored.clear();
      maskedByStored.set(key, out);
    }
    return out;
  }
  return {
    encrypt: (plaintext: string | null | undefined): string | null => (plaintext ? encryptField(ring, plaintext) : null),
    /** encrypt() for many values (bulk loads): cheaper per value, the same stored form. */
    encryptMany: (plaintexts: readonly string[]): string[] => encryptFields(ring, plaintexts),
    decrypt: (stored: string | null): string | null => (stored ? decryptField(ring, stored) : null),
    /** The masked plaintext of a stored value, for ordinary output. */
    masked,
    index: (kind: string, normalised: string): string => blindIndex(ring, kind, normalised),
    /** For a worker thread that computes index() values of one kind itself (see indexerOf). */
    indexSecret: (kind: string) => indexSecret(ring, kind),
    needsRotation: (stored: string) => needsRotation(ring, stored),
    reencrypt: (stored: string): string => encryptField(ring, decryptField(ring, stored)),
    /** A file (photo, scan) sealed as text: the field cipher over its base64, one envelope. */
    sealBytes: (data: Buffer): string => encryptField(ring, data.toString('base64')),
    openBytes: (sealed: string): Buffer => Buffer.from(decryptField(ring, sealed), 'base64'),
    /** sealBytes for a bytea column (uploaded ledgers and reports): the envelope's ASCII bytes. */
    sealFile,
    openFile,
    /** sealFile/openFile on a worker thread for a large file (an uploaded ledger, its report), the same stored form. */
    ...createSealedFiles(ring, { seal: sealFile, open: openFile }),
  };
}
