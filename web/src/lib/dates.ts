// Local dates ('YYYY-MM-DD', Asia/Shanghai) and months ('YYYY-MM') as antd date pickers want
// them (dayjs values). The one place the UI touches dayjs directly.
import dayjs, { type Dayjs } from 'dayjs';
import { todayLocal } from '../../../src/lib/local-date.ts';

export type DayValue = Dayjs;
export const DATE_FORMAT = 'YYYY-MM-DD';
export const MONTH_FORMAT = 'YYYY-MM';

export const toDayValue = (date: string | null | undefined): Dayjs | undefined => (date ? dayjs(date) : undefined);
export const dateOf = (value: Dayjs | null | undefined): string | undefined => value?.format(DATE_FORMAT);
export const monthOf = (value: Dayjs | null | undefined): string | undefined => value?.format(MONTH_FORMAT);

/** For `disabledDate`: days after today in China cannot have happened yet. */
export const isFutureDay = (value: Dayjs): boolean => value.format(DATE_FORMAT) > todayLocal();
export const isFutureMonth = (value: Dayjs): boolean => value.format(MONTH_FORMAT) > todayLocal().slice(0, 7);

export { todayLocal };
