import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import { isWithin } from '../../../../src/lib/division-code.ts';
import type { JurisdictionWithPath } from '../../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';

/** 全部 › ancestors › current. Ancestors outside the user's scope are shown but not linked. */
export function JurisdictionBreadcrumb({ current }: { current?: JurisdictionWithPath }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const crumbs = current ? [...current.path, current] : [];
  const items = [
    { key: 'all', title: current ? <Link to="/jurisdictions">{t('jur.all')}</Link> : t('jur.all') },
    ...crumbs.map((node, i) => {
      const linkable = i < crumbs.length - 1 && isWithin(node.code, user.jurisdictionCode);
      return {
        key: node.code,
        title: linkable ? <Link to={`/jurisdictions/${node.code}`}>{node.name}</Link> : node.name,
      };
    }),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}
