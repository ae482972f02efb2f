// Builds realistic ledger files (.xlsx, Chinese headers as staff write them) from generated
// households, for import tests and benchmarks.
import ExcelJS from 'exceljs';
import { fullDivisionCode } from '../../src/lib/division-code.ts';
import { PERSON_LABELS_ZH } from '../../src/modules/persons/persons.labels.ts';
import { demoResidences, generateHouseholds } from '../../src/seed/generator/index.ts';

export const LEDGER_HEADERS = ['姓名*', '公民身份号码', '性别', '出生日期', '联系电话', '居住地区划代码*', '现住址', '民族', '户编号', '与户主关系'];

export type LedgerRow = (string | null)[];

/** Rows of `count` generated households (seed fixed), residences limited to codes starting with `under`. */
export function ledgerRows(count: number, options: { seed?: number; under?: string } = {}): LedgerRow[] {
  const residences = demoResidences().filter((r) => r.code.startsWith(options.under ?? ''));
  const rows: LedgerRow[] = [];
  for (const h of generateHouseholds({ seed: options.seed ?? 7, count, residences })) {
    for (const m of h.members) {
      const p = m.person;
      rows.push([
        p.name, p.idNumber ?? null, PERSON_LABELS_ZH.sex[p.sex as 'male'], p.birthDate ?? null, p.phone ?? null,
        fullDivisionCode(p.jurisdictionCode), p.address ?? null, p.ethnicity ?? null, h.key, PERSON_LABELS_ZH.relationship[m.relationship as 'head'],
      ]);
    }
  }
  return rows;
}

export async function writeLedger(file: string, rows: LedgerRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('人员台账');
  ws.addRow(LEDGER_HEADERS).commit();
  for (const r of rows) ws.addRow(r).commit();
  await wb.commit();
}
