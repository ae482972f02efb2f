import { Avatar, List, Tag } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { moduleDesc, moduleName, visibleModules } from '../../modules.ts';

/** Every module with one line on what it does, so new staff see what the system is for. */
export function ModuleList() {
  const { t } = useI18n();
  const { roles } = useCurrentUser();
  const modules = visibleModules(roles).filter((m) => m.key !== 'home');
  return (
    <List
      itemLayout="horizontal"
      dataSource={modules}
      rowKey="key"
      renderItem={({ key, path, icon: Icon, ready }) => (
        <List.Item>
          <List.Item.Meta
            avatar={<Avatar icon={<Icon />} style={{ background: ready ? '#1677ff' : '#bfbfbf' }} />}
            title={
              <>
                <Link to={path}>{t(moduleName(key))}</Link>
                {!ready && (
                  <Tag style={{ marginInlineStart: 8 }} variant="filled">
                    {t('home.comingSoon')}
                  </Tag>
                )}
              </>
            }
            description={t(moduleDesc(key))}
          />
        </List.Item>
      )}
    />
  );
}
