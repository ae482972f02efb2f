import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PersonInput } from '../persons/persons.schema.ts';
import { columnLabel, mapHeaders, mapRow, type RowProblem } from './map-rows.ts';
import { EXAMPLE_ID_NUMBERS } from './person-columns.ts';
import { ID_FEMALE_1985, ID_MALE_1990, LEDGER_HEADERS, TODAY, validCells } from './test-fixtures.ts';

const { mapping } = mapHeaders(LEDGER_HEADERS);
const map = (cells: Record<string, unknown>, rowNumber = 2) => mapRow({ rowNumber, cells }, mapping, { today: TODAY });

function problemOf(problems: RowProblem[], column: string): RowProblem {
  const found = problems.filter((p) => p.column === column);
  assert.equal(found.length, 1, `expected one problem in ${column}, got ${JSON.stringify(problems)}`);
  return found[0]!;
}

test('mapHeaders: template headers, aliases, width, spaces, * and (必填) marks, hints in brackets', () => {
  const headers = ['姓名*', ' 身份证号码 ', '性 别', '出生日期（必填）', '手机号', '户籍地代码', '＊居住地区划代码', '家庭住址', '婚姻状况(未婚/已婚/离异/丧偶)', '学历', '户号', '与户主的关系', '身份证\n号码'];
  const m = mapHeaders(headers);
  assert.deepEqual([...m.mapping], [
    ['姓名*', 'name'],
    [' 身份证号码 ', 'idNumber'],
    ['性 别', 'sex'],
    ['出生日期（必填）', 'birthDate'],
    ['手机号', 'phone'],
    ['户籍地代码', 'hukouCode'],
    ['＊居住地区划代码', 'jurisdictionCode'],
    ['家庭住址', 'address'],
    ['婚姻状况(未婚/已婚/离异/丧偶)', 'maritalStatus'],
    ['学历', 'education'],
    ['户号', 'householdKey'],
    ['与户主的关系', 'relationship'],
  ]);
  assert.deepEqual(m.duplicateHeaders, ['身份证\n号码'], 'a second ID column is reported, not silently used');
  assert.deepEqual(m.unknownHeaders, []);
  assert.deepEqual(m.missingRequired, []);
  for (const alias of ['证件号码', '身份证号', '公民身份号码']) assert.equal(mapHeaders([alias]).mapping.get(alias), 'idNumber');
});

test('mapHeaders: unknown headers, missing required columns, our own report columns ignored', () => {
  const m = mapHeaders(['名字', '备注', '身份证号', '结果', '问题说明', '问题说明（英文）', '原行号']);
  assert.equal(m.mapping.get('名字'), 'name');
  assert.deepEqual(m.unknownHeaders, ['备注']);
  assert.deepEqual(m.missingRequired, ['居住地区划代码']);
  assert.deepEqual(m.ignoredHeaders, ['结果', '问题说明', '问题说明（英文）', '原行号']);
});

test('a valid row maps to a PersonInput that PersonInput.parse accepts, plus 户编号 and 与户主关系', () => {
  const r = map(validCells());
  assert.deepEqual(r.problems, []);
  assert.ok(r.input);
  assert.equal(r.example, undefined);
  assert.deepEqual(r.input, {
    name: '王五',
    idNumber: ID_MALE_1990,
    sex: 'male',
    birthDate: '1990-01-01',
    phone: '13912345678',
    hukouCode: '140107001001',
    jurisdictionCode: '140107001001',
    address: '和平社区 5 号楼',
    ethnicity: '汉族',
    maritalStatus: 'married',
    education: 'senior',
    employmentStatus: 'flexible',
    workCapacity: 'partial',
    disabilityCategory: 'physical',
    disabilityGrade: 2,
    seriousIllnesses: ['uraemia', 'leukaemia'],
    tags: ['disabled', 'seriously_ill'],
    contactCardNo: 'LX-0099',
    householdKey: '7',
    relationship: 'head',
  });
  const parsed = PersonInput.parse(r.input);
  assert.equal(parsed.idNumber, ID_MALE_1990);
  assert.equal(parsed.jurisdictionCode, '140107001001');

  const minimal = map({ 姓名: ' 赵六 ', 居住地区划代码: 140107001001 });
  assert.deepEqual(minimal.input, { name: '赵六', jurisdictionCode: '140107001001' });
  PersonInput.parse(minimal.input);
});

test('every problem of a row is reported, each with its column and both languages', () => {
  const r = map({
    ...validCells(),
    姓名: '',
    身份证号: ID_MALE_1990.slice(0, 17) + '9', // wrong check digit
    性别: '女',
    居住地区划代码: '1401070010',
    特殊群体标签: '独居老人、五保户',
    重特大疾病: '感冒',
    与户主关系: '邻居',
    手机号: '12345',
    残疾等级: null,
  }, 7);
  assert.equal(r.rowNumber, 7);
  assert.equal(r.input, undefined);
  const expectations: [string, string, RegExp, RegExp][] = [
    ['姓名', 'required', /required/, /必填/],
    ['身份证号', 'id_number', /check digit is wrong/, /校验码错误/],
    ['居住地区划代码', 'invalid_code', /not a valid division code/, /不是有效的区划代码/],
    ['特殊群体标签', 'unknown_value', /unknown tag: "五保户"/, /无法识别的标签：“五保户”/],
    ['重特大疾病', 'unknown_value', /unknown illness: "感冒"/, /无法识别的疾病：“感冒”/],
    ['与户主关系', 'unknown_value', /unknown value "邻居"/, /无法识别“邻居”/],
    ['手机号', 'invalid', /mobile \(11 digits\) or landline/, /11 位手机号或带区号的固定电话/],
    ['残疾等级', 'invalid', /disability category and grade go together/, /残疾类别与等级须同时填写/],
  ];
  for (const [column, code, en, zh] of expectations) {
    const p = problemOf(r.problems, column);
    assert.equal(p.code, code, column);
    assert.match(p.message, en, column);
    assert.match(p.messageZh, zh, column);
  }
  assert.equal(r.problems.length, expectations.length, JSON.stringify(r.problems));
  assert.equal(problemOf(r.problems, '身份证号').field, 'idNumber');
  assert.ok(!r.problems.some((p) => p.column === '性别'), 'an invalid ID number cannot contradict the sex');
});

test('sex and birth date that contradict the ID number are reported on their own columns', () => {
  const r = map(validCells({ 身份证号: ID_FEMALE_1985, 性别: '男', 出生日期: '1985-05-21' }));
  const sex = problemOf(r.problems, '性别');
  assert.equal(sex.code, 'mismatch');
  assert.match(sex.message, /does not match the ID number \(which says female\)/);
  assert.match(sex.messageZh, /与身份证号码不符（号码显示为女）/);
  const birth = problemOf(r.problems, '出生日期');
  assert.match(birth.message, /which says 1985-05-20/);
  assert.match(birth.messageZh, /号码显示为 1985-05-20/);
  assert.equal(r.problems.length, 2);
});

test('a float-mangled ID number from a numeric cell is reported on the ID column, not guessed', () => {
  const r = map(validCells({ 身份证号: 1.40107199001011e17 }));
  const p = problemOf(r.problems, '身份证号');
  assert.equal(p.code, 'number_mangled');
  assert.match(p.message, /Excel stored this ID number as a number and lost digits/);
  assert.match(p.messageZh, /Excel 把身份证号码存成了数字/);
  assert.equal(r.problems.length, 1, 'no sex/birth mismatch is derived from a guessed number');
});

test('date problems, death before birth, and 户编号 / 与户主关系 that need each other', () => {
  let r = map(validCells({ 出生日期: '1990-13-01', 死亡日期: '2030-01-01' }));
  assert.match(problemOf(r.problems, '出生日期').messageZh, /不存在/);
  assert.match(problemOf(r.problems, '死亡日期').message, /in the future/);

  r = map(validCells({ 死亡日期: '1989-12-31' }));
  const death = problemOf(r.problems, '死亡日期');
  assert.match(death.message, /before the date of birth \(1990-01-01\)/);
  assert.match(death.messageZh, /早于出生日期/);

  r = map(validCells({ 与户主关系: null }));
  assert.match(problemOf(r.problems, '与户主关系').messageZh, /填了户编号时必填/);
  r = map(validCells({ 户编号: '  ' }));
  assert.match(problemOf(r.problems, '户编号').message, /required when 与户主关系/);
  r = map(validCells({ 户编号: null, 与户主关系: null }));
  assert.deepEqual(r.problems, []);
});

test('disability category without grade is reported on the grade, grade without category on the category', () => {
  assert.equal(problemOf(map(validCells({ 残疾等级: null })).problems, '残疾等级').field, 'disabilityGrade');
  assert.equal(problemOf(map(validCells({ 残疾类别: null })).problems, '残疾类别').field, 'disabilityCategory');
});

test('schema limits come through describeIssue in both languages; Excel error cells are named', () => {
  const r = map(validCells({ 姓名: '张'.repeat(51), 现住址: { error: '#REF!' } }));
  const name = problemOf(r.problems, '姓名');
  assert.equal(name.code, 'invalid');
  assert.match(name.message, /50/);
  assert.match(name.messageZh, /50/);
  assert.notEqual(name.message, name.messageZh);
  assert.match(problemOf(r.problems, '现住址').messageZh, /Excel 错误 #REF!/);
  assert.match(problemOf(map(validCells({ 连心卡号: '#N/A' })).problems, '连心卡号').message, /Excel error #N\/A/);
});

test('a missing required column is reported under the template header; callers can name columns by field', () => {
  const m = mapHeaders(['姓名']).mapping;
  const r = mapRow({ rowNumber: 3, cells: { 姓名: '王五' } }, m, { today: TODAY });
  assert.deepEqual(r.problems, [{ column: '居住地区划代码', field: 'jurisdictionCode', message: 'required', messageZh: '必填', code: 'required' }]);
  assert.equal(columnLabel(mapping, 'idNumber'), '身份证号', 'the database side names the file’s header');
  assert.equal(columnLabel(m, 'idNumber'), '公民身份号码');
});

test('the template’s example rows are recognised so they can be skipped', () => {
  const r = map({ 姓名: '张三', 身份证号: EXAMPLE_ID_NUMBERS[0], 居住地区划代码: '140107001001' });
  assert.deepEqual(r.problems, []);
  assert.equal(r.example, true);
  assert.equal(map({ 姓名: '王五', 身份证号: EXAMPLE_ID_NUMBERS[0], 居住地区划代码: '140107001001' }).example, undefined);
});

test('a ledger is an edge too: NUL and lone surrogates in any cell, invisible and direction-control names are row problems; names and addresses come out NFC', () => {
  const nul = map(validCells({ 现住址: '和平社区\u00005 号楼', 姓名: '王\ud800五' }));
  assert.equal(nul.input, undefined);
  assert.match(problemOf(nul.problems, '现住址').message, /NUL character/);
  assert.match(problemOf(nul.problems, '姓名').messageZh, /代理项/);
  assert.match(problemOf(map(validCells({ 姓名: '\u200b\u200b' })).problems, '姓名').messageZh, /须包含可见字符/);
  assert.match(problemOf(map(validCells({ 姓名: '\u202e五王' })).problems, '姓名').message, /text-direction control/);
  const ok = map(validCells({ 姓名: '\ufeff王五\u200b', 现住址: 'Calle Jose\u0301 1' }));
  assert.equal(ok.input?.name, '王五');
  assert.equal(ok.input?.address, 'Calle Jos\u00e9 1');
});
