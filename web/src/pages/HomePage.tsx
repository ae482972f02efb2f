import { Typography } from 'antd';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { LevelCountCards } from '../features/home/LevelCountCards.tsx';
import { ModuleList } from '../features/home/ModuleList.tsx';
import { useI18n } from '../i18n/index.ts';

export function HomePage() {
  const user = useCurrentUser();
  const { t } = useI18n();
  return (
    <div data-testid="home-page">
      <PageHeading title={t('home.title')}>
        <Typography.Paragraph style={{ fontSize: 16, margin: 0 }}>
          {t('home.greeting', { name: user.displayName })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('home.jurisdiction', { name: user.jurisdictionName })}</Typography.Text>
      </PageHeading>
      <LevelCountCards under={user.jurisdictionCode} />
      <section>
        <Typography.Title level={4}>{t('home.modules')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <ModuleList />
      </section>
    </div>
  );
}
