import { ApiOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { moduleForPath, moduleName, visibleModules } from '../modules.ts';

/** Side navigation; real links, so middle-click and "open in new tab" work. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { roles } = useCurrentUser();
  const current = moduleForPath(pathname);

  const items: MenuProps['items'] = [
    ...visibleModules(roles).map(({ key, path, icon: Icon }) => ({
      key,
      icon: <Icon />,
      label: <Link to={path}>{t(moduleName(key))}</Link>,
    })),
    { type: 'divider' },
    {
      key: 'api-docs',
      icon: <ApiOutlined />,
      label: (
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t('nav.apiDocs')}
        </a>
      ),
    },
  ];

  return (
    <nav aria-label={t('nav.menu')}>
      <Menu
        mode="inline"
        selectedKeys={current ? [current] : []}
        items={items}
        onClick={onNavigate}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
