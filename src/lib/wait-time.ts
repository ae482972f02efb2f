// How long to wait before trying again, said properly in both languages ("43 seconds" / "43 秒",
// "2 minutes" / "2 分钟"): rate limits and login back-off both tell people when to retry.
export type WaitText = { en: string; zh: string };

/** A wait of `ms` milliseconds, rounded up to whole seconds, minutes or hours and minutes. */
export function waitText(ms: number): WaitText {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { en: `${seconds} second${seconds === 1 ? '' : 's'}`, zh: `${seconds} 秒` };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return { en: `${minutes} minute${minutes === 1 ? '' : 's'}`, zh: `${minutes} 分钟` };
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return {
    en: `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`,
    zh: `${hours} 小时${rest ? ` ${rest} 分钟` : ''}`,
  };
}
