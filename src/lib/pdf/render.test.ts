import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { PdfDocument } from './document.ts';
import { fontPath } from './fonts.ts';
import { inspectPdf } from './inspect.ts';
import { renderPdf } from './render.ts';

const LONG = '城乡最低生活保障（含由特困人员救助供养转入、因重大疾病医疗费用支出较大导致基本生活出现严重困难的家庭）';

function sample(rows: number): PdfDocument {
  return {
    title: '测试文书',
    createdAt: new Date('2025-10-09T00:00:00Z'),
    blocks: [
      { type: 'title', text: '社会救助测试文书' },
      { type: 'subtitle', text: '太原市杏花岭区' },
      { type: 'paragraph', text: '根据社会救助有关规定，现将下列事项予以说明。'.repeat(4), indent: true },
      { type: 'fields', rows: [{ label: '申请人：', value: '张三' }, { label: '说明：', value: LONG }] },
      {
        type: 'table',
        columns: [{ header: '序号', width: 1, align: 'center' }, { header: '项目', width: 5 }, { header: '金额（元）', width: 2, align: 'right' }],
        rows: Array.from({ length: rows }, (_, i) => [String(i + 1), i % 10 === 3 ? LONG : '城乡最低生活保障', '620.00']),
        totals: [['合计', '', '9999.00']],
      },
      { type: 'note', text: '为保护个人隐私，姓名已作部分隐藏处理。' },
      { type: 'signature', lines: ['杏花岭区民政局', '2025年10月9日'] },
    ],
  };
}

test('the CJK font comes from the installed npm package', () => {
  assert.ok(existsSync(fontPath('regular')), fontPath('regular'));
  assert.ok(existsSync(fontPath('bold')), fontPath('bold'));
});

test('renderPdf embeds subset fonts with a ToUnicode map, so the Chinese text extracts', async () => {
  const pdf = await renderPdf(sample(5));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.toString('latin1'), /\/FontFile[23] /);
  assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
  assert.match(pdf.toString('latin1'), /\/ToUnicode /);
  const s = inspectPdf(pdf);
  assert.equal(s.title, '测试文书');
  assert.equal(s.pages.length, 1);
  assert.ok(s.fonts.length >= 1);
  for (const f of s.fonts) {
    assert.ok(f.subset, f.baseFont);
    assert.ok(f.file === 'FontFile2' || f.file === 'FontFile3', f.baseFont);
    assert.ok(f.hasToUnicode, f.baseFont);
  }
  const text = s.pages[0]!;
  for (const want of ['社会救助测试文书', '太原市杏花岭区', '申请人：', '张三', '620.00', '合计', '杏花岭区民政局', '2025年10月9日', '第 1 页  共 1 页']) {
    assert.ok(text.includes(want), want);
  }
  assert.ok(!text.includes('\ufffd'), 'every glyph maps back to a character');
  assert.ok(pdf.length < 150_000, `${pdf.length} bytes`);
});

test('long Chinese text wraps inside its cell, and the whole text is kept', async () => {
  const s = inspectPdf(await renderPdf(sample(5)));
  const lines = s.pages[0]!.split('\n');
  const start = lines.findIndex((l) => l.startsWith('城乡最低生活保障（含由'));
  assert.ok(start >= 0);
  assert.ok(lines[start]!.length < LONG.length, 'wrapped');
  let joined = '';
  for (let i = start; joined.length < LONG.length; i++) joined += lines[i];
  assert.equal(joined, LONG);
});

test('a table running over pages repeats its header row on each page', async () => {
  const s = inspectPdf(await renderPdf(sample(120)));
  assert.ok(s.pages.length >= 3, `${s.pages.length} pages`);
  assert.ok(s.pages.filter((p) => p.includes('620.00')).length >= 3, 'the table runs over at least 3 pages');
  s.pages.forEach((page, i) => {
    const lines = page.split('\n');
    if (lines.includes('620.00')) assert.equal(lines.filter((l) => l === '序号').length, 1, `header on page ${i + 1}`);
    assert.ok(lines.includes(`第 ${i + 1} 页  共 ${s.pages.length} 页`), `page number on page ${i + 1}`);
  });
  const numbers = s.pages.join('\n').split('\n').filter((l) => /^\d+$/.test(l)).map(Number);
  assert.deepEqual(numbers.filter((n) => n >= 1 && n <= 120), Array.from({ length: 120 }, (_, i) => i + 1), 'every row once, in order');
});

test('a cell taller than a page is clipped instead of breaking the layout', async () => {
  const doc: PdfDocument = {
    title: 'x',
    blocks: [{ type: 'table', columns: [{ header: '说明', width: 1 }, { header: '金额', width: 1 }], rows: [['很长的说明文字。'.repeat(400), '1.00'], ['下一行', '2.00']] }],
  };
  const s = inspectPdf(await renderPdf(doc));
  assert.ok(s.pages.length >= 2);
  assert.ok(s.pages.join('\n').includes('下一行'));
});
