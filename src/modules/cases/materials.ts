// The materials an application needs, per program, and the one-time notice (一次性告知) that
// lists everything still missing at once, so an applicant never makes a second trip for a
// paper nobody mentioned the first time. Pure; the list is what most county guides ask for.
import type { CaseProgram } from './workflow/states.ts';

export type Material = { code: string; zh: string; en: string; required: boolean; received: boolean };
type Item = Omit<Material, 'received'>;

const item = (code: string, zh: string, en: string, required = true): Item => ({ code, zh, en, required });

const APPLICATION = item('application_form', '书面申请书', 'Written application');
const ID = item('id_card', '申请人及家庭成员居民身份证', 'ID cards of the applicant and members');
const HUKOU = item('hukou_book', '户口簿或居住证', 'Hukou book or residence permit');
const INCOME = item('income_proof', '家庭成员收入情况说明或证明', 'Statement or proof of the members’ income');
const PROPERTY = item('property_declaration', '家庭财产申报表', 'Declaration of household property');
const DISABILITY = item('disability_cert', '残疾证（如有）', 'Disability certificate (if any)', false);
const MEDICAL = item('medical_records', '病历、诊断证明（如有）', 'Medical records and diagnosis (if any)', false);

const LISTS: Record<CaseProgram, Item[]> = {
  dibao: [APPLICATION, ID, HUKOU, INCOME, PROPERTY, DISABILITY, MEDICAL],
  tekun: [APPLICATION, ID, HUKOU, INCOME, PROPERTY, item('supporter_info', '法定赡养、抚养、扶养义务人情况说明', 'Statement on the legal supporters'), DISABILITY, item('self_care_assessment', '生活自理能力评估材料（如有）', 'Self-care assessment (if any)', false)],
  temporary: [APPLICATION, ID, HUKOU, item('cause_proof', '事由证明（火灾、事故、疾病等）', 'Proof of the cause (fire, accident, illness …)')],
  fcu: [
    item('application_form', '监护人书面申请', 'Written application by the guardian'),
    item('child_id', '儿童户口簿或身份证', 'The child’s hukou book or ID card'),
    item('guardian_id', '监护人身份证件', 'The guardian’s ID card'),
    item('parent_situation_proof', '父母情况证明（死亡、失踪、重残、重病、服刑在押、失联等）', 'Proof of the parents’ situation (death, disappearance, disability, illness, detention, lost contact …)'),
  ],
};

/** 支出型 临时救助 also needs the bills and the income (there is an income test). */
const EXPENDITURE_EXTRA = [item('expense_receipts', '医疗、教育等支出票据', 'Receipts of medical, education or other spending'), INCOME];

/** The checklist for a new application, every item not yet received. */
export function materialsFor(program: CaseProgram, category?: string | null): Material[] {
  const list = program === 'temporary' && category === 'expenditure' ? [...LISTS.temporary, ...EXPENDITURE_EXTRA] : LISTS[program];
  return list.map((m) => ({ ...m, received: false }));
}

/** Mark the codes received (unknown codes are ignored by the caller's validation, not here). */
export function markReceived(list: Material[], received: readonly string[], notReceived: readonly string[] = []): Material[] {
  return list.map((m) => (received.includes(m.code) ? { ...m, received: true } : notReceived.includes(m.code) ? { ...m, received: false } : m));
}

export function missingRequired(list: readonly Material[]): Material[] {
  return list.filter((m) => m.required && !m.received);
}

export type MaterialsNotice = { missing: { code: string; zh: string; en: string }[]; zh: string; en: string };

/**
 * 一次性告知: every required item still missing, and the promise and authorisation when unsigned,
 * in one notice. Null when nothing is missing.
 */
export function materialsNotice(list: readonly Material[], signed: { promiseSigned: boolean; dataCheckAuthorised: boolean }): MaterialsNotice | null {
  const missing = missingRequired(list).map(({ code, zh, en }) => ({ code, zh, en }));
  if (!signed.promiseSigned) missing.push({ code: 'promise', zh: '申请人承诺书（承诺所提供信息真实、完整）', en: 'The applicant’s promise that the information is true and complete' });
  if (!signed.dataCheckAuthorised) missing.push({ code: 'data_check_authorisation', zh: '家庭经济状况核对授权书', en: 'Authorisation to check the household’s finances' });
  if (missing.length === 0) return null;
  return {
    missing,
    zh: `一次性告知：您的申请尚缺以下材料，请一次性补齐：${missing.map((m, i) => `${i + 1}. ${m.zh}`).join('；')}。`,
    en: `One-time notice: your application still lacks the following; please bring them all at once: ${missing.map((m, i) => `${i + 1}. ${m.en}`).join('; ')}.`,
  };
}
