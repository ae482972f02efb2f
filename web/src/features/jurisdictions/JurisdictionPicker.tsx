import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useState, type CSSProperties } from 'react';
import { JurisdictionList, type Jurisdiction } from '../../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { request } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';

// TreeSelect cannot tell the value '' from "nothing chosen", so "whole system" travels as this key.
const WHOLE_SYSTEM = '*';
const PAGE = { limit: 1000, offset: 0 };

interface TreeNode {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

interface LabeledValue {
  value: string;
  label?: string;
}

export interface JurisdictionPickerProps {
  /** A jurisdiction code; '' is the whole system (only offered with `allowWholeSystem`). */
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Name of the current value, shown until its branch of the tree has been loaded. */
  valueLabel?: string;
  allowWholeSystem?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

const listQuery = (parent: string | undefined) => ({
  queryKey: ['jurisdictions', 'picker', parent ?? ''],
  queryFn: () => request('/jurisdictions', { query: { parent, ...PAGE }, schema: JurisdictionList }),
});

/**
 * Choose a division or grid from the tree the user may see. Starts from the roots of
 * /api/jurisdictions and loads each branch's children when it is opened.
 */
export function JurisdictionPicker({
  value,
  onChange,
  valueLabel,
  allowWholeSystem = false,
  allowClear = false,
  placeholder,
  id,
  style,
  'aria-label': ariaLabel,
}: JurisdictionPickerProps) {
  const { t } = useI18n();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const roots = useQuery(listQuery(undefined));
  const [children, setChildren] = useState<Record<string, Jurisdiction[]>>({});

  const toNode = (j: Jurisdiction, parent?: string): TreeNode => ({
    id: j.code,
    pId: parent,
    value: j.code,
    title: j.name,
    isLeaf: j.level === 'grid' || j.childCount === 0,
  });
  const treeData: TreeNode[] = [
    ...(allowWholeSystem ? [{ id: WHOLE_SYSTEM, value: WHOLE_SYSTEM, title: t('jur.wholeSystem'), isLeaf: true }] : []),
    ...(roots.data?.items ?? []).map((j) => toNode(j)),
    ...Object.entries(children).flatMap(([parent, items]) => items.map((j) => toNode(j, parent))),
  ];

  const loadData = async (node: { value?: string | number }) => {
    const code = String(node.value ?? '');
    if (!code || code === WHOLE_SYSTEM || children[code]) return;
    try {
      const list = await queryClient.fetchQuery(listQuery(code));
      setChildren((prev) => ({ ...prev, [code]: list.items }));
    } catch (error) {
      showError(error);
    }
  };

  let selected: LabeledValue | undefined;
  if (value === '' && allowWholeSystem) selected = { value: WHOLE_SYSTEM, label: t('jur.wholeSystem') };
  else if (value) selected = { value, label: treeData.find((n) => n.value === value)?.title ?? valueLabel ?? value };

  return (
    <TreeSelect<LabeledValue | undefined, TreeNode>
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
      labelInValue
      value={selected}
      onChange={(next) => onChange?.(next === undefined ? undefined : next.value === WHOLE_SYSTEM ? '' : next.value)}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      loading={roots.isPending}
      allowClear={allowClear}
      placeholder={placeholder ?? t('jur.pick')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeNodeLabelProp="title"
      notFoundContent={roots.isError ? t('common.unknownError') : undefined}
      listHeight={320}
    />
  );
}
