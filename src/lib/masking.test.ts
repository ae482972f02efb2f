import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskBankAccount, maskIdNumber, maskName, maskPhone, maskText, maskValue } from './masking.ts';

test('maskIdNumber keeps the first 4 and last 4 characters', () => {
  assert.equal(maskIdNumber('140107199001011234'), '1401**********1234');
  assert.equal(maskIdNumber('11010519491231002X'), '1101**********002X');
  assert.equal(maskIdNumber('110105491231002'), '1101*******1002', 'legacy 15-digit');
  assert.equal(maskIdNumber('123456789'), '1234*6789');
  assert.equal(maskIdNumber('12345678'), '********', 'shorter than 9 → all masked');
  assert.equal(maskIdNumber('1'), '*');
  assert.equal(maskIdNumber(''), '');
});

test('maskPhone: mobiles, landlines and anything else', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone(' 138 1234 5678 '), '138****5678');
  assert.equal(maskPhone('+8613812345678'), '+86138****5678');
  assert.equal(maskPhone('+86 138-1234-5678'), '+86 138****5678');
  assert.equal(maskPhone('0351-1234567'), '0351-***4567');
  assert.equal(maskPhone('010-12345678'), '010-****5678');
  assert.equal(maskPhone('(0351)1234567'), '(0351)***4567');
  assert.equal(maskPhone('95588-1-2'), '955****-2', 'other: first 3 and last 2');
  assert.equal(maskPhone('1234567'), '*******', 'shorter than 8 → all masked');
  assert.equal(maskPhone(''), '');
});

test('maskBankAccount keeps first and last 4 digits, one * per hidden digit, no spaces', () => {
  assert.equal(maskBankAccount('6222021234567890123'), '6222***********0123');
  assert.equal(maskBankAccount('6222 0212 3456 7890 123'), '6222***********0123');
  assert.equal(maskBankAccount('6222-0212-3456-7890'), '6222********7890');
  assert.equal(maskBankAccount('12345678'), '********');
  assert.equal(maskBankAccount(''), '');
});

test('maskName: Chinese names keep the first (and last, from 3 characters) character', () => {
  assert.equal(maskName('张'), '*');
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('张三丰'), '张*丰');
  assert.equal(maskName('欧阳娜娜'), '欧**娜');
  assert.equal(maskName(' 张 三 '), '张*', 'spaces inside a Chinese name do not reveal it');
  assert.equal(maskName('𠮷野家'), '𠮷*家', 'a character outside the BMP counts as one');
  assert.equal(maskName('阿依古丽·买买提'), '阿***·买**', 'interpunct names mask each part');
  assert.equal(maskName(''), '');
});

test('maskName: Latin names keep the first letter of each word', () => {
  assert.equal(maskName('John Smith'), 'J*** S****');
  assert.equal(maskName('Jean-Luc Picard'), 'J***-L** P*****');
  assert.equal(maskName('Anna'), 'A***');
  assert.equal(maskName('A'), '*');
});

test('maskText keeps the first character and hides the length', () => {
  assert.equal(maskText('太原市小店区坞城路 92 号'), '太***');
  assert.equal(maskText('x'), 'x***');
  assert.equal(maskText('   '), '');
  assert.equal(maskText(''), '');
});

test('maskValue dispatches by kind; null stays null and empty stays empty', () => {
  assert.equal(maskValue('id_number', '140107199001011234'), '1401**********1234');
  assert.equal(maskValue('phone', '13812345678'), '138****5678');
  assert.equal(maskValue('bank_account', '6222021234567890123'), '6222***********0123');
  assert.equal(maskValue('name', '张三丰'), '张*丰');
  assert.equal(maskValue('text', '低保边缘户'), '低***');
  for (const kind of ['id_number', 'phone', 'bank_account', 'name', 'text'] as const) {
    assert.equal(maskValue(kind, null), null, kind);
    assert.equal(maskValue(kind, ''), '', kind);
  }
});
