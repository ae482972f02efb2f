// Times are stored as UTC instants; staff read them as Beijing time whatever the browser's zone.
const TIME_ZONE = 'Asia/Shanghai';

const withSeconds = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-05-01 14:03" (or with ":22" seconds) in Asia/Shanghai; '' for a missing or bad value. */
export function formatDateTime(iso: string | null | undefined, seconds = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(withSeconds.formatToParts(date).map((p) => [p.type, p.value]));
  const time = `${part.hour}:${part.minute}${seconds ? `:${part.second}` : ''}`;
  return `${part.year}-${part.month}-${part.day} ${time}`;
}

/** True when an ISO instant lies in the future (a lockout or expiry still in force). */
export function isFuture(iso: string | null | undefined): boolean {
  if (!iso) return false;
  const time = new Date(iso).getTime();
  return !Number.isNaN(time) && time > Date.now();
}
