// Turning API errors into what the user sees: a toast in the current language, or field errors.
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useI18n, type Lang } from '../i18n/index.ts';
import { ApiError } from './client.ts';

export function errorText(error: unknown, lang: Lang, fallback: string): string {
  if (error instanceof ApiError) return lang === 'zh' ? error.body.messageZh : error.body.message;
  return fallback;
}

/** Returns a function that shows any error as an antd message in the current language. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { lang, t } = useI18n();
  return useCallback(
    (error: unknown) => void message.error(errorText(error, lang, t('common.unknownError'))),
    [message, lang, t],
  );
}

/**
 * Puts per-field validation messages on the matching form fields. The server may name a field
 * by path ("body.name"); the last segment is the form field. Returns false when nothing matched,
 * so the caller can fall back to a toast.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: Lang, formFields: string[]): boolean {
  if (!(error instanceof ApiError) || !error.body.fields?.length) return false;
  const byField = new Map<string, string[]>();
  for (const f of error.body.fields) {
    const name = f.field.split(/[./]/).pop() ?? f.field;
    if (formFields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), lang === 'zh' ? f.messageZh : f.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
