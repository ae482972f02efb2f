// What an uploaded file really is, from its first bytes (magic numbers), whatever its name or the
// client claims: uploads keep only the types a module accepts.
export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffFileType(data: Buffer): SniffedType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG)) return 'image/png';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** A photo (JPEG, PNG or WebP), or null. */
export function sniffImageType(data: Buffer): SniffedType | null {
  const type = sniffFileType(data);
  return type === 'application/pdf' ? null : type;
}
