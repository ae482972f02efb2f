// The campaign ledger (台账) as .xlsx with exceljs's streaming writer (constant memory): one row
// per target in the caller's scope and filter, with the last visit's result and answers. ID numbers
// and phones are masked unless the caller may reveal and asked to; every export is audited.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { ageOn } from '../../lib/age.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { activeCodes } from '../persons/vocabulary.store.ts';
import { labelOf } from '../persons/persons.labels.ts';
import * as store from './campaigns.store.ts';
import type { CampaignsService, Caller } from './campaigns.service.ts';
import type { Checklist, TargetFilter } from './campaigns.schema.ts';

export const STATUS_LABELS_ZH: Record<string, string> = { pending: '未走访', revisit: '待复访', closed: '已销号' };
const PAGE = 1000;

export async function exportLedger(
  deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; campaigns: CampaignsService },
  caller: Caller,
  campaignId: number,
  filter: TargetFilter,
  reveal: boolean,
  actor: Actor,
): Promise<{ stream: Readable; done: Promise<number>; fileName: string }> {
  const campaign = await deps.campaigns.load(caller, campaignId);
  const checklist = campaign.checklist as Checklist;
  const resultLabel = new Map(checklist.results.map((r) => [r.code, r.label]));
  const tags = await activeCodes(deps.db, 'tag');
  const today = deps.campaigns.today();

  // Audited before the first row: an export cut off half-way has still shown what it showed.
  await deps.db.transaction((tx) =>
    deps.audit.record(tx, actor, {
      action: 'export',
      entity: 'campaign',
      entityId: campaignId,
      jurisdictionCode: caller.scope || campaign.jurisdictionCode,
      reason: `${reveal ? 'REVEALED' : 'masked'} ledger export of ${campaign.name}; filter ${JSON.stringify({ ...filter, q: filter.q ? '(search)' : undefined })}`,
    }),
  );

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'lastmile';
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns: [string, number][] = [
    ['序号', 6], ['姓名', 12], ['公民身份号码', 22], ['性别', 6], ['年龄', 6], ['联系电话', 15], ['所在区划', 28], ['区划代码', 17], ['现住址', 28],
    ['特殊群体标签', 18], ['责任人', 14], ['状态', 8], ['走访次数', 8], ['最近走访日期', 12], ['最近走访结果', 16], ['复访日期', 12], ['销号日期', 12],
    ...checklist.questions.map((q): [string, number] => [q.label, Math.max(10, q.label.length * 2 + 4)]),
    ['走访人', 12], ['备注', 30],
  ];
  sheet.columns = columns.map(([, width]) => ({ width }));
  const title = sheet.addRow([`${campaign.name}（${campaign.startsOn} 至 ${campaign.endsOn}）台账 · 导出于 ${today}${reveal ? '' : ' · 身份证号码和电话已脱敏'}`]);
  title.font = { bold: true };
  title.commit();
  const head = sheet.addRow(columns.map(([h]) => h));
  head.font = { bold: true };
  head.commit();

  const done = (async () => {
    let afterId = 0;
    let count = 0;
    for (;;) {
      const { items } = await store.listTargets(deps.db, campaignId, caller.scope, filter, today, caller.id, { limit: PAGE, afterId, withTotal: false });
      if (items.length === 0 || out.destroyed) break;
      const last = await store.answersOf(deps.db, items.flatMap((t) => (t.lastVisitId ? [t.lastVisitId] : [])));
      for (const t of items) {
        const id = reveal ? deps.sensitive.decrypt(t.idNumberEnc) : deps.sensitive.masked('id_number', t.idNumberEnc);
        const phone = reveal ? deps.sensitive.decrypt(t.phoneEnc) : deps.sensitive.masked('phone', t.phoneEnc);
        const visit = t.lastVisitId ? last.get(t.lastVisitId) : undefined;
        const answer = (code: string) => {
          const a = visit?.answers[code];
          return a === true ? '是' : a === false ? '否' : typeof a === 'string' ? a : '';
        };
        sheet
          .addRow([
            ++count, t.name, id ?? '', labelOf('sex', t.sex), t.birthDate ? ageOn(t.birthDate, campaign.startsOn) : '', phone ?? '',
            t.jurisdictionName ?? '', t.jurisdictionCode, t.address ?? '', t.tags.map((c) => tags.get(c) ?? c).join('、'),
            t.assigneeName ?? '未分配', STATUS_LABELS_ZH[t.status] ?? t.status, t.visitCount, t.lastVisitOn ?? '',
            t.lastResult ? (resultLabel.get(t.lastResult) ?? t.lastResult) : '', t.revisitOn ?? '', t.closedOn ?? '',
            ...checklist.questions.map((q) => answer(q.code)), visit?.visitorName ?? '', visit?.notes ?? '',
          ])
          .commit();
      }
      afterId = items[items.length - 1]!.id;
    }
    await workbook.commit();
    return count;
  })();
  done.catch((err: unknown) => out.destroy(err as Error));
  const fileName = `${campaign.name}-台账-${today}.xlsx`;
  return { stream: out, done, fileName };
}
