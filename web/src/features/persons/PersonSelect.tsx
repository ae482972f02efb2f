import { Select } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../../src/modules/persons/persons.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePersonList } from './api.ts';

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** The chosen person's record (household, jurisdiction), for the caller's checks. */
  onPerson?: (person: Person | undefined) => void;
  id?: string;
}

/** Find a registered person by name, pinyin initials, ID number (or last 4) or phone. */
export function PersonSelect({ value, onChange, onPerson, id }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const list = usePersonList({ q, limit: 20, offset: 0 }, q.length > 0);
  const items = q ? (list.data?.items ?? []) : [];

  return (
    <Select<number>
      id={id}
      value={value}
      placeholder={t('member.personPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      loading={list.isFetching}
      notFoundContent={q ? t('registry.empty') : null}
      options={items.map((p) => ({
        value: p.id,
        label: [p.name, p.idNumberMasked, p.jurisdictionName].filter(Boolean).join(' · '),
      }))}
      onChange={(next) => {
        onChange?.(next);
        onPerson?.(items.find((p) => p.id === next));
      }}
    />
  );
}
