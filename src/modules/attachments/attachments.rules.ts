// What an attachment may be, checked on its bytes before anything is stored: not empty, at most
// MAX_ATTACHMENT_BYTES, and of a type the owner accepts as sniffed from its first bytes (the name
// and the client's content type are not trusted). Plain functions: no database, no HTTP.
import { createHash } from 'node:crypto';
import { sniffFileType, type SniffedType } from '../../lib/file-type.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** 'photo': a picture from a phone; 'photo_or_pdf': a picture or a scanned document. */
export type Accept = 'photo' | 'photo_or_pdf';

export const ACCEPTED_TYPES: Record<Accept, readonly SniffedType[]> = {
  photo: ['image/jpeg', 'image/png', 'image/webp'],
  photo_or_pdf: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
};

const MB = MAX_ATTACHMENT_BYTES / 1048576;

// The messages in the owner's words: a photo (照片), or an attachment (附件).
const MESSAGES: Record<Accept, { empty: [string, string]; tooLarge: [string, string]; refused: [string, string] }> = {
  photo: {
    empty: ['the photo is empty', '照片为空'],
    tooLarge: [`A photo may be at most ${MB} MB`, `照片不能超过 ${MB} MB`],
    refused: ['Attach a photo (JPEG, PNG or WebP)', '请上传照片（JPEG、PNG 或 WebP）'],
  },
  photo_or_pdf: {
    empty: ['the file is empty', '文件为空'],
    tooLarge: [`An attachment may be at most ${MB} MB`, `附件不能超过 ${MB} MB`],
    refused: ['Attach a photo (JPEG, PNG, WebP) or a PDF', '附件须为照片（JPEG、PNG、WebP）或 PDF'],
  },
};

export type CheckedFile = { mediaType: SniffedType; sizeBytes: number; sha256: string };

/** The file's sniffed type, size and SHA-256, or the error naming `field`. */
export function checkFile(content: Buffer | undefined, accept: Accept, field = 'file'): CheckedFile {
  const m = MESSAGES[accept];
  if (!content || content.length === 0) throw validationFailed([{ field, message: m.empty[0], messageZh: m.empty[1] }]);
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('payload_too_large', ...m.tooLarge, [{ field, message: `at most ${MB} MB`, messageZh: `不能超过 ${MB} MB` }]);
  }
  const mediaType = sniffFileType(content);
  if (!mediaType || !ACCEPTED_TYPES[accept].includes(mediaType)) {
    throw new AppError('unsupported_media_type', ...m.refused, [{ field, message: m.refused[0], messageZh: m.refused[1] }]);
  }
  return { mediaType, sizeBytes: content.length, sha256: sha256Hex(content) };
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The name to keep and send back: its last path part, without control characters, never empty. */
export function cleanFileName(name: string, fallback: string): string {
  const last = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return last === '' || last === '.' || last === '..' ? fallback : last;
}

/** A file name for a file that came without one (a campaign visit's photo): `<stem>.<ext>`. */
export function defaultFileName(stem: string, mediaType: string): string {
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[mediaType] ?? 'bin';
  return `${stem}.${ext}`;
}
