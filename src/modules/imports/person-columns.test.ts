import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdNumber } from '../../lib/id-number.ts';
import {
  COLUMN_BY_KEY,
  PERSON_COLUMNS,
  parseContext,
  parseDateCell,
  parseDivisionCodeCell,
  parseIdNumberCell,
  parseResidenceCodeCell,
  parsePhoneCell,
  type ParseResult,
} from './person-columns.ts';
import { ID_MALE_1990, TODAY } from './test-fixtures.ts';

const ctx = parseContext({ today: TODAY });

function value<T>(r: ParseResult<T>): T | undefined {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(r)}`);
  return r.value;
}

function failure<T>(r: ParseResult<T>) {
  assert.equal(r.ok, false, `expected a problem, got ${JSON.stringify(r)}`);
  return r as Extract<ParseResult<T>, { ok: false }>;
}

const parse = (key: Parameters<typeof COLUMN_BY_KEY.get>[0], cell: unknown) => COLUMN_BY_KEY.get(key)!.parse(cell, ctx);

test('the columns are those of the brief, in template order, with 姓名 and 居住地区划代码 required', () => {
  assert.deepEqual(
    PERSON_COLUMNS.map((c) => c.header),
    ['姓名', '公民身份号码', '性别', '出生日期', '联系电话', '户籍地区划代码', '居住地区划代码', '现住址', '民族', '婚姻状况', '文化程度', '就业状况', '劳动能力', '残疾类别', '残疾等级', '重特大疾病', '特殊群体标签', '死亡日期', '连心卡号', '户编号', '与户主关系',
      '失业保险缴费月数', '原工作单位', '离职日期', '离职原因', '失业登记日期'],
  );
  assert.deepEqual(PERSON_COLUMNS.filter((c) => c.required).map((c) => c.key), ['name', 'jurisdictionCode']);
  assert.deepEqual(COLUMN_BY_KEY.get('idNumber')!.aliases.slice(0, 3), ['身份证号', '身份证号码', '证件号码']);
});

test('every example value parses (the template must be importable as is)', () => {
  for (const c of PERSON_COLUMNS) {
    for (const example of [c.example, c.example2]) {
      const r = c.parse(example === '' ? null : example, parseContext());
      assert.ok(r.ok, `${c.header} example "${example}": ${JSON.stringify(r)}`);
    }
  }
});

test('dates: Excel date cells, serial numbers and every written form give YYYY-MM-DD', () => {
  const forms: unknown[] = [
    new Date(Date.UTC(1990, 0, 1)), // an Excel date cell (exceljs: UTC midnight)
    32874, // a serial number left without a date format (Chinese built-in formats 27–58)
    '1990-01-01', '1990/1/1', '1990/01/01', '1990.1.1', '19900101', 19900101, '1990年1月1日', '1990年01月01号',
    ' 1990-1-1 ', '１９９０－０１－０１', '1990/1/1 0:00:00', '1990-01-01T00:00:00.000Z',
  ];
  for (const f of forms) assert.equal(value(parseDateCell(f)), '1990-01-01', `form ${String(f)}`);
  assert.equal(value(parseDateCell('2000-02-29')), '2000-02-29');
  assert.equal(value(parseDateCell(null)), undefined);
  assert.equal(value(parseDateCell('  ')), undefined);
});

test('dates: impossible, partial, ambiguous and out-of-range dates are problems in both languages', () => {
  const cases: [unknown, RegExp, RegExp][] = [
    ['1990-02-30', /does not exist/, /不存在/],
    ['19900230', /does not exist/, /不存在/],
    ['1990.01', /needs the day/, /缺少日/],
    ['1990年1月', /needs the day/, /缺少日/],
    ['1/1/1990', /not a date/, /不是有效日期/],
    ['明年', /not a date/, /不是有效日期/],
    [1990, /not a date/, /不是有效日期/], // a year alone is not a serial number
  ];
  for (const [cell, en, zh] of cases) {
    const p = failure(parseDateCell(cell));
    assert.equal(p.code, 'invalid_date');
    assert.match(p.message, en, String(cell));
    assert.match(p.messageZh, zh, String(cell));
  }
  assert.match(failure(parse('birthDate', '2030-01-01')).messageZh, /晚于今天/);
  assert.match(failure(parse('deathDate', '1899-12-31')).message, /before 1900/);
});

test('ID number: text is validated and normalised; a legacy 15-digit number cell is exact and accepted', () => {
  assert.equal(value(parseIdNumberCell(ID_MALE_1990, ctx)), ID_MALE_1990);
  assert.equal(value(parseIdNumberCell(` ${ID_MALE_1990.slice(0, 6)} ${ID_MALE_1990.slice(6)} `, ctx)), ID_MALE_1990);
  assert.equal(value(parseIdNumberCell('11010519491231002x', ctx)), '11010519491231002X');
  assert.equal(value(parseIdNumberCell(110105491231002, ctx)), '11010519491231002X', 'a 15-digit number fits a double exactly');
});

test('ID number: a number Excel rounded is reported, never guessed', () => {
  const forms: unknown[] = [
    Number(ID_MALE_1990), // 1.4010719900101123e17 as a numeric cell: digits 16–18 are gone
    1.40107e17, // what the cell shows, 1.40107E+17
    '1.40107E+17', // the same, copied as text (e.g. from a CSV Excel saved)
    '140107199001011000', // 15 significant digits then zeros, as text
  ];
  for (const f of forms) {
    const p = failure(parseIdNumberCell(f, ctx));
    assert.equal(p.code, 'number_mangled', String(f));
    assert.match(p.message, /Excel stored this ID number as a number and lost digits; format the column as text/);
    assert.match(p.messageZh, /Excel 把身份证号码存成了数字，后几位已丢失；请把该列设置为“文本”格式/);
    assert.doesNotMatch(p.message + p.messageZh, /1401071990010112/, 'no guessed digits');
  }
});

test('ID number: check digit, date and length problems carry parseIdNumber’s reason in both languages', () => {
  const wrongCheck = ID_MALE_1990.slice(0, 17) + (ID_MALE_1990[17] === '1' ? '2' : '1');
  let p = failure(parseIdNumberCell(wrongCheck, ctx));
  assert.equal(p.code, 'id_number');
  assert.match(p.message, /^ID number: check digit is wrong \(expected 0\)$/);
  assert.match(p.messageZh, /^身份证号码校验码错误（应为 0）$/);
  const badDate = '140107199002301234';
  p = failure(parseIdNumberCell(badDate, ctx));
  assert.match(p.message, /birth date 19900230 does not exist/);
  assert.match(p.messageZh, /出生日期 19900230 不存在/);
  p = failure(parseIdNumberCell('1401071990', ctx));
  assert.match(p.messageZh, /应为 18 位/);
  const future = makeIdNumber('140107', '2025-06-16', 1);
  assert.match(failure(parseIdNumberCell(future, ctx)).message, /in the future/);
});

test('division codes: canonical form from 12-digit, prefix, 15-digit grid and number cells; bad formats rejected', () => {
  assert.equal(value(parseDivisionCodeCell('140107001001')), '140107001001');
  assert.equal(value(parseDivisionCodeCell('140107001000')), '140107001');
  assert.equal(value(parseDivisionCodeCell(140107001001)), '140107001001');
  assert.equal(value(parseDivisionCodeCell('140107001001001')), '140107001001001');
  for (const bad of ['14010700100', '140107000001', '1401070010010000', 'abc']) {
    const p = failure(parseDivisionCodeCell(bad));
    assert.equal(p.code, 'invalid_code');
    assert.match(p.message, /not a valid division code/);
    assert.match(p.messageZh, /不是有效的区划代码/);
  }
});

test('the residence code must be a village/community or a grid, not a wider area', () => {
  assert.equal(value(parseResidenceCodeCell('140107001001')), '140107001001');
  assert.equal(value(parseResidenceCodeCell('140107001001001')), '140107001001001');
  const p = failure(parseResidenceCodeCell('140107000000'));
  assert.equal(p.code, 'invalid_code');
  assert.match(p.message, /140107 is a county code; give the village\/community \(12 digits\) or grid \(15 digits\)/);
  assert.match(p.messageZh, /140107 是县级代码，应填写居住的村（社区）12 位代码或网格 15 位代码/);
  assert.match(failure(parseResidenceCodeCell('140107001')).messageZh, /乡镇（街道）代码/);
});

test('phone: digits of a number cell, spaces/hyphens/+86 dropped around a mobile number, landlines kept', () => {
  assert.equal(value(parsePhoneCell(13912345678)), '13912345678');
  assert.equal(value(parsePhoneCell('139 1234 5678')), '13912345678');
  assert.equal(value(parsePhoneCell('+86 139-1234-5678')), '13912345678');
  assert.equal(value(parsePhoneCell('0351-1234567')), '0351-1234567');
});

test('long digit strings in other columns are not trusted once Excel turned them into floats', () => {
  const p = failure(parse('contactCardNo', 6217000010001234567));
  assert.equal(p.code, 'number_mangled');
  assert.match(p.messageZh, /Excel 把连心卡号存成了数字/);
  assert.equal(value(parse('householdKey', 12)), '12');
});

test('labels map to the schema codes, and the codes themselves are accepted', () => {
  assert.equal(value(parse('sex', '女')), 'female');
  assert.equal(value(parse('sex', 'male')), 'male');
  assert.equal(value(parse('maritalStatus', '离婚')), 'divorced');
  assert.equal(value(parse('maritalStatus', '丧偶')), 'widowed');
  assert.equal(value(parse('education', '文盲')), 'none');
  assert.equal(value(parse('education', '中专')), 'vocational');
  assert.equal(value(parse('education', '研究生')), 'postgraduate');
  assert.equal(value(parse('employmentStatus', '在校生')), 'student');
  assert.equal(value(parse('workCapacity', '无')), 'none');
  assert.equal(value(parse('workCapacity', '完全')), 'full');
  assert.equal(value(parse('disabilityCategory', '智力残疾')), 'intellectual');
  assert.equal(value(parse('relationship', '孙女')), 'grandchild');
  assert.equal(value(parse('relationship', '子女')), 'child');
  assert.equal(value(parse('relationship', '兄弟姐妹')), 'sibling');
  assert.equal(value(parse('ethnicity', '汉')), '汉族');
  assert.equal(value(parse('ethnicity', '蒙古族')), '蒙古族');
  for (const [cell, grade] of [['一级', 1], ['四级', 4], [2, 2], ['3', 3], ['３级', 3]] as const) assert.equal(value(parse('disabilityGrade', cell)), grade);
  const p = failure(parse('disabilityGrade', '五级'));
  assert.match(p.messageZh, /一级、二级、三级、四级/);
  const r = failure(parse('relationship', '邻居'));
  assert.equal(r.code, 'unknown_value');
  assert.match(r.message, /unknown value "邻居"; use one of: 户主, 配偶, 子女, 父母, 祖父母, 孙子女, 兄弟姐妹, 其他/);
  assert.match(r.messageZh, /无法识别“邻居”，应为：户主、配偶、子女/);
});

test('tags and illnesses: 、-separated labels → codes; every unknown label is named; vocabularies are configurable', () => {
  assert.deepEqual(value(parse('tags', '独居老人、留守儿童，残疾人;独居老人')), ['elderly_alone', 'left_behind_child', 'disabled']);
  assert.deepEqual(value(parse('seriousIllnesses', '恶性肿瘤、uraemia')), ['malignant_tumour', 'uraemia']);
  const p = failure(parse('tags', '独居老人、五保户、贫困户'));
  assert.equal(p.code, 'unknown_value');
  assert.match(p.message, /unknown tag: "五保户", "贫困户"/);
  assert.match(p.messageZh, /无法识别的标签：“五保户”、“贫困户”/);
  assert.match(failure(parse('seriousIllnesses', '感冒')).messageZh, /无法识别的疾病：“感冒”/);
  const custom = parseContext({ today: TODAY, tags: { wubao: '五保户' } });
  assert.deepEqual(value(COLUMN_BY_KEY.get('tags')!.parse('五保户', custom)), ['wubao']);
});
