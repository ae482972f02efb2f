// Reads back the PDFs render.ts writes: pages, embedded fonts and the text of each page as a
// viewer would extract it (through each font's ToUnicode map). Tests use it to check the fonts
// are embedded and the printed text is what we meant (masked names, not full ones) without
// poppler on the machine. Not a general PDF parser: it knows pdfkit's output (uncompressed
// object dictionaries, Flate streams with a direct /Length, Type0 fonts with Identity-H codes).
import { inflateSync } from 'node:zlib';

export type PdfFontInfo = {
  baseFont: string;
  /** A subset font's name starts with a six-letter tag: ABCDEF+Name. */
  subset: boolean;
  /** FontFile2 (TrueType), FontFile3 (CFF/OpenType) or FontFile (Type 1); undefined when not embedded. */
  file: 'FontFile' | 'FontFile2' | 'FontFile3' | undefined;
  hasToUnicode: boolean;
};

export type PdfSummary = {
  pages: string[];
  fonts: PdfFontInfo[];
  /** The document's Info dictionary /Title, when it is a plain or UTF-16 string. */
  title: string | undefined;
};

type PdfObject = { dict: string; stream: Buffer | undefined };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    let body = text.slice(start, end);
    let stream: Buffer | undefined;
    const s = /^(<<[\s\S]*?>>)\s*stream\r?\n/.exec(body);
    if (s) {
      const length = Number(/\/Length (\d+)/.exec(s[1]!)?.[1] ?? 0);
      const from = start + s[0].length;
      const raw = pdf.subarray(from, from + length);
      stream = /\/FlateDecode/.test(s[1]!) ? inflateSync(raw) : Buffer.from(raw);
      body = s[1]!;
      header.lastIndex = text.indexOf('endobj', from + length);
    } else {
      header.lastIndex = end;
    }
    objects.set(Number(m[1]), { dict: body, stream });
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

function utf16Hex(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** code → text, from a ToUnicode CMap (bfchar and bfrange, both forms of bfrange). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), utf16Hex(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const first = parseInt(m[1]!, 16);
      const last = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((h, i) => map.set(first + i, utf16Hex(h[1]!)));
      } else {
        const base = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = first; c <= last; c++) map.set(c, String.fromCharCode(base + c - first));
      }
    }
  }
  return map;
}

/** A literal or hex string's bytes as text (UTF-16BE with a byte-order mark, else PDFDocEncoding ≈ Latin-1). */
function decodeString(token: string): string {
  let bytes: string;
  if (token.startsWith('<')) {
    bytes = Buffer.from(token.slice(1, -1), 'hex').toString('latin1');
  } else {
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    bytes = token.slice(1, -1).replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? e)));
  }
  if (!bytes.startsWith('\u00fe\u00ff')) return bytes;
  let out = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return out;
}

const STRING = /^\s*(<[0-9a-fA-F]*>|\((?:\\[\s\S]|[^\\)])*\))/;

/** The string under `key`, written in the dictionary or in an object it refers to. */
function pdfString(objects: Map<number, PdfObject>, dict: string, key: string): string | undefined {
  const at = new RegExp(`/${key}\\b`).exec(dict);
  if (!at) return undefined;
  const rest = dict.slice(at.index + at[0].length);
  const indirect = /^\s*(\d+) 0 R/.exec(rest);
  const token = STRING.exec(indirect ? (objects.get(Number(indirect[1]))?.dict ?? '') : rest)?.[1];
  return token === undefined ? undefined : decodeString(token);
}

export function inspectPdf(pdf: Buffer): PdfSummary {
  const objects = readObjects(pdf);
  const dictOf = (n: number | undefined) => (n === undefined ? '' : (objects.get(n)?.dict ?? ''));

  // Fonts: Type0 → descendant CIDFont → FontDescriptor → FontFileN.
  const fonts: PdfFontInfo[] = [];
  const codeMaps = new Map<number, Map<number, string>>();
  for (const [n, o] of objects) {
    if (!/\/Type \/Font\b/.test(o.dict) || !/\/Subtype \/Type0\b/.test(o.dict)) continue;
    const baseFont = /\/BaseFont \/([^\s/>]+)/.exec(o.dict)?.[1] ?? '';
    const descendant = /\/DescendantFonts \[(\d+) 0 R\]/.exec(o.dict);
    const descriptor = dictOf(ref(dictOf(descendant ? Number(descendant[1]) : undefined), 'FontDescriptor'));
    const file = (['FontFile2', 'FontFile3', 'FontFile'] as const).find((k) => ref(descriptor, k) !== undefined);
    const toUnicode = ref(o.dict, 'ToUnicode');
    const cmap = toUnicode === undefined ? undefined : objects.get(toUnicode)?.stream?.toString('latin1');
    if (cmap) codeMaps.set(n, parseToUnicode(cmap));
    fonts.push({ baseFont, subset: /^[A-Z]{6}\+/.test(baseFont), file, hasToUnicode: cmap !== undefined });
  }

  // Resource names (/F2) → font object, from every resource dictionary.
  const fontByName = new Map<string, number>();
  for (const o of objects.values()) {
    const block = /\/Font <<([\s\S]*?)>>/.exec(o.dict);
    if (block) for (const m of block[1]!.matchAll(/\/(\S+) (\d+) 0 R/g)) fontByName.set(m[1]!, Number(m[2]));
  }

  // Pages in order, each page's text: hex strings of TJ/Tj decoded with the current font (Tf).
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && /\/Kids/.test(o.dict));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const pages = kids.map((kid) => {
    const content = objects.get(ref(dictOf(kid), 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    const lines: string[] = [];
    let codes: Map<number, string> | undefined;
    for (const m of content.matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\]) TJ|(<[0-9a-fA-F]*>) Tj/g)) {
      if (m[1] !== undefined) {
        codes = codeMaps.get(fontByName.get(m[1]) ?? -1);
        continue;
      }
      const hex = [...(m[2] ?? m[3]!).matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      let line = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) line += codes?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
      lines.push(line);
    }
    return lines.join('\n');
  });

  const info = [...objects.values()].find((o) => /\/Producer\b/.test(o.dict));
  return { pages, fonts, title: info ? pdfString(objects, info.dict, 'Title') : undefined };
}
