// Phone photos are often larger than the 5 MB an attachment may be, and slow to send over a weak
// connection: big ones are scaled down to at most MAX_SIDE pixels and re-encoded as JPEG in the
// browser before upload. PDFs and small images go as they are.

const MAX_SIDE = 2048;
const SMALL_ENOUGH = 1.5 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

export async function shrinkPhoto(file: File): Promise<{ blob: Blob; fileName: string }> {
  if (!file.type.startsWith('image/') || (file.size <= SMALL_ENOUGH && UPLOAD_TYPES.includes(file.type))) {
    return { blob: file, fileName: file.name };
  }
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return { blob: file, fileName: file.name };
    return { blob, fileName: file.name.replace(/\.[^.]*$/, '') + '.jpg' };
  } catch {
    // A format the browser cannot decode (HEIC on some phones): the server will say what it accepts.
    return { blob: file, fileName: file.name };
  }
}

/** "1.2 MB", "350 KB". */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
