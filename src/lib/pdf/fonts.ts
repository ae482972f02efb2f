// The CJK font every PDF embeds: Noto Sans SC (思源黑体 / Noto Sans CJK SC, "Noto Sans Hans" build,
// ~30,000 characters incl. the 通用规范汉字表 extension characters used in names), SIL OFL 1.1,
// shipped by the npm package @embedpdf/fonts-sc so a fresh `npm install` has it: no system font
// and no download at run time. The OTFs are 8 MB each; pdfkit embeds a subset of the glyphs a
// document uses (CFF, /FontFile3), so a page of text adds tens of KB, not megabytes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

/** Absolute path of the font file (resolved from the installed package, wherever node_modules is). */
export function fontPath(weight: FontWeight): string {
  // The package exports only its JS entry (dist/); the fonts sit beside it in fonts/.
  return fileURLToPath(new URL(`../fonts/${FILES[weight]}`, import.meta.resolve('@embedpdf/fonts-sc')));
}

const cache = new Map<FontWeight, Buffer>();

/** The font's bytes, read once per process (documents share them; pdfkit subsets per document). */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(fontPath(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}
