import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicTextProblem } from './public-text.ts';

test('ID numbers and phone numbers in a wish text are found, however written', () => {
  assert.equal(publicTextProblem('想要一个新书包，身份证140107201001011234'), 'id_number');
  assert.equal(publicTextProblem('证号 14010720100101123X'), 'id_number');
  assert.equal(publicTextProblem('联系 13912345678'), 'phone');
  assert.equal(publicTextProblem('电话 139 1234 5678'), 'phone');
  assert.equal(publicTextProblem('电话１３９１２３４５６７８'), 'phone');
  assert.equal(publicTextProblem('座机 0351-4123456'), 'phone');
});

test('ordinary wishes pass, numbers and all', () => {
  assert.equal(publicTextProblem('希望有一套 36 色水彩笔和 2 本绘本'), undefined);
  assert.equal(publicTextProblem('想要一台收音机，预算 200 元，2026 年春节前'), undefined);
});
