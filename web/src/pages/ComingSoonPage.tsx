import { ToolOutlined } from '@ant-design/icons';
import { Button, Result, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import { moduleDesc, moduleName, type ModuleKey } from '../modules.ts';

/** Placeholder for a module that is planned but not built yet: says what it will do. */
export function ComingSoonPage({ module }: { module: ModuleKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      icon={<ToolOutlined />}
      title={
        <>
          {t(moduleName(module))} <Tag color="orange">{t('comingSoon.tag')}</Tag>
        </>
      }
      subTitle={
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <Typography.Paragraph type="secondary">{t('comingSoon.text')}</Typography.Paragraph>
          <Typography.Paragraph>{t(moduleDesc(module))}</Typography.Paragraph>
        </div>
      }
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
