// Key rotation over this system's declared columns (the CLI and the tests call these).
import type { Database } from '../platform/db/client.ts';
import type { KeyRing } from '../platform/crypto/field-crypto.ts';
import { countByKey, reencryptColumns, type RotationProgress, type RotationResult } from '../platform/crypto/rotation.ts';
import { ENCRYPTED_COLUMNS } from './sealed-columns.ts';

/** Re-encrypt every sealed value not under the ring's current key (idempotent, resumable). */
export function reencryptAll(database: Database, ring: KeyRing, onProgress?: (p: RotationProgress) => void): Promise<RotationResult> {
  return reencryptColumns(database.db, ring, ENCRYPTED_COLUMNS, onProgress);
}

/** Sealed values per column and key id. */
export function sealedValuesByKey(database: Database) {
  return countByKey(database.db, ENCRYPTED_COLUMNS);
}
