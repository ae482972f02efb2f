// Labels of states and channels, and the category name in the current language.
import { OPEN_STATES, type Channel, type RequestState } from '../../../../src/modules/requests/requests.schema.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { useCategories } from './api.ts';

export const stateLabel = (state: string, t: Translate) => t(`request.state.${state as RequestState}`);
export const channelLabel = (channel: string, t: Translate) => t(`request.channel.${channel as Channel}`);
export const isOpenState = (state: string) => (OPEN_STATES as readonly string[]).includes(state);

export const STATE_COLORS: Record<RequestState, string> = {
  new: 'blue',
  assigned: 'geekblue',
  in_progress: 'processing',
  returned: 'volcano',
  transferred: 'purple',
  resolved: 'green',
  visited: 'success',
  merged: 'default',
};

/** code → name in the current language (Chinese from the list row until the categories load). */
export function useCategoryName(): (code: string, fallback?: string) => string {
  const { lang } = useI18n();
  const categories = useCategories();
  return (code, fallback) => {
    const c = categories.data?.items.find((x) => x.code === code);
    return c ? nameIn(c, lang) : (fallback ?? code);
  };
}

export const nameIn = (c: { nameZh: string; nameEn: string }, lang: Lang) => (lang === 'zh' ? c.nameZh : c.nameEn);

/** "还剩 3 小时" / "已超时 2 天" from a deadline. */
export function dueText(dueAt: string | null, t: Translate, now = Date.now()): string {
  if (!dueAt) return '';
  const diff = new Date(dueAt).getTime() - now;
  const hours = Math.abs(diff) / 3_600_000;
  const span = hours >= 48 ? t('request.due.days', { n: Math.floor(hours / 24) }) : hours >= 1 ? t('request.due.hours', { n: Math.floor(hours) }) : t('request.due.minutes', { n: Math.max(1, Math.floor(hours * 60)) });
  return diff < 0 ? t('request.due.overdueBy', { span }) : t('request.due.left', { span });
}
