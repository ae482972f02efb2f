import { Flex, Spin } from 'antd';
import { useI18n } from '../i18n/index.ts';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}
