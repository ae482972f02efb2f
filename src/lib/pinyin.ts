// Pinyin keys for searching Chinese names: full pinyin without tones or spaces (zhangsan) and
// initials (zs). Surnames are read in surname mode, so 曾 is zeng and 单 is shan.
import { pinyin } from 'pinyin-pro';

export function pinyinKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}
