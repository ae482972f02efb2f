// A figure's rows to .xlsx with exceljs's streaming writer: a title row naming the figure, period
// and place, then the rows (masked unless revealed) and a total that equals the figure.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FiguresService } from './figures.service.ts';

type Opened = Awaited<ReturnType<FiguresService['openExport']>>;

const COLUMNS = [['地区代码', 16], ['地区', 16], ['日期', 12], ['类别', 14], ['姓名', 12], ['公民身份号码', 22], ['金额（元）', 14], ['是否达标', 8], ['备注', 24], ['编号', 22]] as const;

export function writeFigureXlsx(opened: Opened): { stream: Readable; done: Promise<number> } {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('明细');
  const { def, period, place } = opened;
  sheet.columns = COLUMNS.map(([, width]) => ({ width }));
  sheet.addRow([`${def.nameZh}（${def.unit}）`, `${place.name} ${place.code}`, def.timing === 'now' ? `截至 ${period.to}` : `${period.from} 至 ${period.to}`, opened.reveal ? '完整信息' : '已脱敏']).commit();
  const header = sheet.addRow(COLUMNS.map(([h]) => h));
  header.font = { bold: true };
  header.commit();
  const done = (async () => {
    let count = 0;
    let fen = 0;
    for await (const page of opened.pages()) {
      if (out.destroyed) break;
      for (const r of page) {
        sheet.addRow([r.jurisdictionCode, r.placeName ?? '', r.onDate ?? '', def.category?.labels?.[r.category ?? '']?.zh ?? r.category ?? '', r.name ?? '', r.idNumber ?? '',
          r.amountFen === null ? '' : r.amountFen / 100, r.hit === null ? '' : r.hit ? '是' : '否', r.note ?? '', r.ref]).commit();
        count++;
        fen += r.amountFen ?? 0;
      }
    }
    sheet.addRow(['合计', `${count} 条`, '', '', '', '', fen / 100]).commit();
    await workbook.commit();
    return count;
  })();
  done.catch((err: unknown) => out.destroy(err as Error));
  return { stream: out, done };
}
