import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspectPdf } from '../../../lib/pdf/inspect.ts';
import { dateZh, monthZh, yuan } from './format.ts';
import { approvalNoticePdf, refusalNoticePdf, type ApprovalNoticeInput } from './notices.ts';
import { publicityListHtml, escapeHtml } from './publicity-list.html.ts';
import { publicityListModel, publicityListPdf, type PublicityListInput } from './publicity-list.ts';

// Names whose hidden characters (翠, 阳, 铁, 柱…) appear nowhere else in the documents' text, so
// their absence from the extracted text shows the full names were never printed.
const FULL_NAMES = ['欧阳翠凤', '张铁柱', '李娟'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超霞平刚桂兰玉珍华建国红梅海燕玲';

function listInput(count: number): PublicityListInput {
  const rows = Array.from({ length: count }, (_, i) => ({
    name: FULL_NAMES[i] ?? `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 11) % GIVEN.length] : ''}`,
    idNumber: i === 0 ? '140107199001011234' : `1401071960${String(10 + (i % 3))}${String(10 + (i % 18))}4${String(i % 100).padStart(2, '0')}${i % 10}`,
    program: i % 9 === 4 ? '临时救助（支出型困难家庭，因重大疾病医疗费用支出较大）' : '城乡最低生活保障',
    peopleCovered: 1 + (i % 4),
    amountFen: 62000 + i * 137,
  }));
  return {
    title: '2025年10月城乡低保新增对象公示',
    place: '太原市杏花岭区坝陵桥街道',
    period: { from: '2025-09-27', to: '2025-10-09' },
    issuedBy: '太原市杏花岭区坝陵桥街道办事处',
    rows,
    objectionContact: '坝陵桥街道社会救助服务站（电话 0351-1234567）',
  };
}

test('format: dates, months and 元 from integer 分', () => {
  assert.equal(dateZh('2025-10-09'), '2025年10月9日');
  assert.equal(monthZh('2025-11'), '2025年11月');
  assert.equal(yuan(62000), '620.00');
  assert.equal(yuan(5), '0.05');
  assert.throws(() => yuan(1.5), /整数/);
  assert.throws(() => monthZh('2025-13'), RangeError);
});

test('publicityListModel masks names and ID numbers and totals the list', () => {
  const m = publicityListModel(listInput(3));
  assert.deepEqual(m.columns.map((c) => c.header), ['序号', '姓名', '身份证号', '救助项目', '保障人数', '金额（元）']);
  assert.deepEqual(m.rows[0], ['1', '欧**凤', '1401**********1234', '城乡最低生活保障', '1', '620.00']);
  assert.deepEqual(m.rows.map((r) => r[1]), ['欧**凤', '张*柱', '李*']);
  assert.deepEqual(m.totals, ['合计', '3 户', '', '', '6', '1864.11']);
  assert.equal(m.periodText, '公示期：2025年9月27日至2025年10月9日。');
  assert.deepEqual(m.signature, ['太原市杏花岭区坝陵桥街道办事处', '2025年9月27日']);
  assert.match(m.intro, /以下 3 户（共 6 人）/);

  const noIds = publicityListModel({ ...listInput(2), rows: listInput(2).rows.map(({ idNumber: _, ...r }) => r) });
  assert.ok(!noIds.columns.some((c) => c.header === '身份证号'), 'no ID column when no row has one');
  const strict = publicityListModel({ ...listInput(2), mask: { nameKeepLast: false, idHead: 6, idTail: 2 } });
  assert.deepEqual(strict.rows[0]!.slice(1, 3), ['欧***', '140107**********34']);
});

test('publicityListModel rejects a reversed period and malformed numbers, in both languages', () => {
  assert.throws(() => publicityListModel({ ...listInput(1), period: { from: '2025-10-09', to: '2025-09-27' } }), /before it starts.*早于开始日/);
  assert.throws(() => publicityListModel({ ...listInput(1), rows: [{ ...listInput(1).rows[0]!, peopleCovered: 0 }] }), /row 1.*第 1 行/);
  assert.throws(() => publicityListModel({ ...listInput(1), rows: [{ ...listInput(1).rows[0]!, amountFen: 10.5 }] }), /whole 分/);
});

test('publicityListPdf: 50 rows, fonts embedded as subsets, masked names only, under 200 KB', async () => {
  const pdf = await publicityListPdf(listInput(50), new Date('2025-09-27T00:00:00Z'));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length < 200_000, `${pdf.length} bytes`);
  const s = inspectPdf(pdf);
  assert.equal(s.title, '2025年10月城乡低保新增对象公示');
  for (const f of s.fonts) assert.ok(f.subset && (f.file === 'FontFile2' || f.file === 'FontFile3') && f.hasToUnicode, f.baseFont);
  assert.ok(s.pages.length >= 2);
  const text = s.pages.join('\n');
  for (const want of ['2025年10月城乡低保新增对象公示', '欧**凤', '张*柱', '李*', '1401**********1234', '620.00', '公示期：2025年9月27日至2025年10月9日。', '坝陵桥街道社会救助服务站', '合计']) {
    assert.ok(text.includes(want), want);
  }
  for (const hidden of ['翠', '铁', '140107199001011234']) assert.ok(!text.includes(hidden), `${hidden} must not be printed`);
  for (const page of s.pages.filter((p) => p.includes('城乡最低生活保障'))) assert.ok(page.split('\n').includes('序号'), 'header on every page of the table');
});

test('publicityListHtml: printable, escaped, masked', () => {
  const input = listInput(3);
  input.rows[1] = { ...input.rows[1]!, program: '<script>alert("x")</script> & 低保' };
  const html = publicityListHtml({ ...input, place: '坝陵桥街道 <b>' });
  assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /@page \{ size: A4/);
  assert.match(html, /thead \{ display: table-header-group; \}/);
  assert.match(html, /<td class="center">欧\*\*凤<\/td>/);
  assert.ok(html.includes('1401**********1234'));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 低保'));
  assert.ok(html.includes('坝陵桥街道 &lt;b&gt;'));
  assert.ok(!html.includes('<script>'));
  for (const full of [...FULL_NAMES, '140107199001011234']) assert.ok(!html.includes(full), full);
  assert.equal(escapeHtml(`a&b<c>"d'`), 'a&amp;b&lt;c&gt;&quot;d&#39;');
});

const approval: ApprovalNoticeInput = {
  applicantName: '欧阳翠凤',
  program: '最低生活保障',
  decisionDate: '2025-10-15',
  applicationDate: '2025-09-03',
  issuedBy: '太原市杏花岭区民政局',
  documentNumber: '杏民救〔2025〕12号',
  amountFen: 62000,
  amountPeriod: 'month',
  firstPaymentMonth: '2025-10',
  peopleCovered: 3,
  reconsiderationBody: '太原市杏花岭区人民政府',
  court: '太原市杏花岭区人民法院',
};

test('approvalNoticePdf: applicant in full, monthly amount, first month, remedies', async () => {
  const pdf = await approvalNoticePdf(approval);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const s = inspectPdf(pdf);
  assert.equal(s.title, '准予最低生活保障通知书');
  for (const f of s.fonts) assert.ok(f.subset && f.file !== undefined && f.hasToUnicode, f.baseFont);
  const text = s.pages.join('').replaceAll('\n', ''); // wrapped lines joined
  for (const want of ['准予最低生活保障通知书', '杏民救〔2025〕12号', '欧阳翠凤：', '你于2025年9月3日提出的最低生活保障申请', '每月 620.00 元', '3 人', '救助金自2025年10月起按月发放', '2025年10月15日', '六十日内向太原市杏花岭区人民政府申请行政复议', '六个月内向太原市杏花岭区人民法院提起行政诉讼', '太原市杏花岭区民政局']) {
    assert.ok(text.includes(want), want);
  }
});

test('approvalNoticePdf: one-off aid, and checks on the amount and first month', async () => {
  const { firstPaymentMonth: _, ...once } = approval;
  const text = inspectPdf(await approvalNoticePdf({ ...once, program: '临时救助', amountPeriod: 'once', amountFen: 150000 })).pages.join('').replaceAll('\n', ''); // wrapped lines joined
  assert.ok(text.includes('一次性 1500.00 元'));
  assert.ok(text.includes('救助金将一次性发放'));
  await assert.rejects(approvalNoticePdf({ ...once, amountPeriod: 'month' }), /first payment month.*起始发放月份/);
  await assert.rejects(approvalNoticePdf({ ...approval, amountFen: 0 }), /above 0/);
});

test('refusalNoticePdf: numbered reasons, remedies with generic wording when no body or court is named', async () => {
  const pdf = await refusalNoticePdf({
    applicantName: '张小三',
    program: '最低生活保障',
    decisionDate: '2025-10-15',
    issuedBy: '太原市杏花岭区民政局',
    reasons: ['家庭人均月收入高于本地城乡低保标准。', ' 家庭成员名下有机动车一辆。 ', ''],
  });
  const s = inspectPdf(pdf);
  assert.equal(s.title, '不予最低生活保障通知书');
  const text = s.pages.join('').replaceAll('\n', ''); // wrapped lines joined
  for (const want of ['不予最低生活保障通知书', '张小三：', '你提出的最低生活保障申请', '决定不予最低生活保障。理由如下：', '1. 家庭人均月收入高于本地城乡低保标准。', '2. 家庭成员名下有机动车一辆。', '六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼', '2025年10月15日']) {
    assert.ok(text.includes(want), want);
  }
  assert.ok(!text.includes('3.'), 'blank reasons dropped');
  await assert.rejects(refusalNoticePdf({ applicantName: '张小三', program: '低保', decisionDate: '2025-10-15', issuedBy: 'x', reasons: [' '] }), /at least one reason.*须写明理由/);
});
