// Export of a person list to .xlsx with exceljs's streaming writer (constant memory). Values are
// masked unless the caller may reveal and asked to; every export is audited with its filter.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { fullDivisionCode } from '../../lib/division-code.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { activeCodes } from './vocabulary.store.ts';
import { GRADE_LABELS_ZH, labelOf } from './persons.labels.ts';
import * as store from './persons.store.ts';
import type { PersonsService } from './persons.service.ts';

const COLUMNS = [
  ['姓名', 14], ['公民身份号码', 22], ['性别', 6], ['出生日期', 12], ['联系电话', 15], ['居住地区划代码', 18], ['居住地', 16],
  ['现住址', 30], ['民族', 8], ['婚姻状况', 8], ['文化程度', 10], ['就业状况', 12], ['劳动能力', 12], ['残疾类别', 8], ['残疾等级', 8],
  ['重特大疾病', 16], ['特殊群体标签', 24], ['连心卡号', 14], ['户编号', 10],
] as const;

export async function exportPersons(
  deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; persons: PersonsService },
  caller: { scope: string },
  filter: { q?: string | undefined; tag?: string | undefined; under?: string | undefined },
  reveal: boolean,
  actor: Actor,
): Promise<{ stream: Readable; done: Promise<number> }> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('人员名单');
  sheet.columns = COLUMNS.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const [tags, illnesses] = await Promise.all([activeCodes(deps.db, 'tag'), activeCodes(deps.db, 'illness')]);
  const term = filter.q ? deps.persons.searchTerm(filter.q) : undefined;
  // Audited before the first row: an export cut off half-way has still shown what it showed.
  // The search text itself may be an ID number or phone, so only its presence is recorded.
  await deps.db.transaction((tx) =>
    deps.audit.record(tx, actor, {
      action: 'export',
      entity: 'person',
      jurisdictionCode: caller.scope || null,
      reason: `${reveal ? 'REVEALED' : 'masked'} export; filter ${JSON.stringify({ ...filter, q: filter.q ? '(search)' : undefined })}`,
    }),
  );

  const done = (async () => {
    let afterId = 0;
    let count = 0;
    for (;;) {
      const { items } = await store.search(deps.db, {
        scope: caller.scope,
        ...(term ? { term } : {}),
        ...(filter.tag ? { tag: filter.tag } : {}),
        ...(filter.under ? { under: filter.under } : {}),
        afterId,
        limit: 1000,
        offset: 0,
        withTotal: false,
      });
      if (items.length === 0 || out.destroyed) break;
      for (const p of items) {
        const id = reveal ? deps.sensitive.decrypt(p.idNumberEnc) : deps.sensitive.masked('id_number', p.idNumberEnc);
        const phone = reveal ? deps.sensitive.decrypt(p.phoneEnc) : deps.sensitive.masked('phone', p.phoneEnc);
        sheet.addRow([
          p.name, id ?? '', labelOf('sex', p.sex), p.birthDate ?? '', phone ?? '', fullDivisionCode(p.jurisdictionCode), p.jurisdictionName ?? '',
          p.address ?? '', p.ethnicity ?? '', labelOf('maritalStatus', p.maritalStatus), labelOf('education', p.education), labelOf('employmentStatus', p.employmentStatus),
          labelOf('workCapacity', p.workCapacity), labelOf('disabilityCategory', p.disabilityCategory), p.disabilityGrade ? GRADE_LABELS_ZH[p.disabilityGrade] : '',
          p.seriousIllnesses.map((c) => illnesses.get(c) ?? c).join('、'), p.tags.map((c) => tags.get(c) ?? c).join('、'), p.contactCardNo ?? '', p.householdId ?? '',
        ]).commit();
        count++;
      }
      afterId = items[items.length - 1]!.id;
    }
    await workbook.commit();
    return count;
  })();
  done.catch((err: unknown) => out.destroy(err as Error));
  return { stream: out, done };
}
