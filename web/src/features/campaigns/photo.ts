// A visit photo from a phone camera is often several MB: scaled down in the browser to at most
// MAX_SIDE pixels and re-encoded as JPEG before it is sent over a weak connection.
const MAX_SIDE = 1600;
const SMALL_ENOUGH = 1024 * 1024;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const KEPT_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= SMALL_ENOUGH && KEPT_TYPES.includes(file.type)) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } catch {
    // A format the browser cannot decode (HEIC on some phones): the server says what it accepts.
    return file;
  }
}
