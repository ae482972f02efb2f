// The 公示 list as a printable HTML page (open and print from the browser): the same text as the
// PDF (publicityListModel), every value escaped. Print CSS repeats the table header on each
// printed page and keeps rows whole; the font stack prefers the Noto Sans SC the PDF embeds.
import { publicityListModel, type PublicityListInput } from './publicity-list.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff; font: 12pt/1.7 "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
h1 { margin: 0 0 4pt; font-size: 18pt; text-align: center; }
.place { margin: 0 0 10pt; text-align: center; font-size: 11pt; }
p { margin: 0 0 6pt; text-indent: 2em; }
table { width: 100%; margin: 8pt 0; border-collapse: collapse; font-size: 10.5pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 3pt 4pt; border: 0.5pt solid #444; vertical-align: middle; }
th { background: #e8e8e8; font-weight: bold; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center { text-align: center; white-space: nowrap; }
tfoot td { font-weight: bold; }
.note { text-indent: 0; font-size: 9.5pt; color: #444; }
.signature { margin-top: 24pt; padding-right: 2em; text-align: right; text-indent: 0; }
.signature > div { display: inline-block; text-align: center; }
.signature p { margin: 0; text-indent: 0; }
@media print { main { max-width: none; padding: 0; } }
`;

export function publicityListHtml(input: PublicityListInput): string {
  const m = publicityListModel(input);
  const cls = m.columns.map((c) => (c.align === 'right' ? ' class="num"' : c.align === 'center' ? ' class="center"' : ''));
  const cells = (row: string[]) => row.map((v, i) => `<td${cls[i] ?? ''}>${escapeHtml(v)}</td>`).join('');
  const sum = m.columns.reduce((a, c) => a + c.width, 0);
  const cols = m.columns.map((c) => `<col style="width: ${((c.width / sum) * 100).toFixed(1)}%">`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(m.title)}</h1>
<div class="place">${escapeHtml(m.place)}</div>
<p>${escapeHtml(m.intro)}</p>
<p>${escapeHtml(m.periodText)}</p>
<table>
<colgroup>${cols}</colgroup>
<thead><tr>${m.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody>
${m.rows.map((r) => `<tr>${cells(r)}</tr>`).join('\n')}
</tbody>
<tfoot><tr>${cells(m.totals)}</tr></tfoot>
</table>
<p>${escapeHtml(m.objection)}</p>
<p class="note">${escapeHtml(m.note)}</p>
<div class="signature"><div>${m.signature.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div></div>
</main>
</body>
</html>
`;
}
