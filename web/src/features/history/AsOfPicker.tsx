import { Button, DatePicker, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, toDayValue } from '../../lib/dates.ts';

/** 按日期查看: pick a past day to see the record as it stood then; clear to return to now. */
export function AsOfPicker({ value, onChange }: { value: string | undefined; onChange: (date: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <Flex wrap align="center" gap={8} title={t('history.asOfHint')}>
      <Typography.Text>{t('history.asOf')}</Typography.Text>
      <DatePicker
        aria-label={t('history.asOf')}
        format={DATE_FORMAT}
        value={toDayValue(value) ?? null}
        disabledDate={isFutureDay}
        onChange={(date) => onChange(dateOf(date))}
        inputReadOnly
        data-testid="as-of-picker"
      />
      {value && (
        <Button size="small" onClick={() => onChange(undefined)}>
          {t('history.asOfClear')}
        </Button>
      )}
    </Flex>
  );
}
