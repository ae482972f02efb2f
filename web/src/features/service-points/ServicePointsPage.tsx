// Staff: the service points of one's area, with what they offer and whether they are open now
// (the server scopes the list). Adding and editing points is done through the API for now.
import { Alert, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Catalogue, PointList } from '../../../../src/modules/service-points/service-points.schema.ts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';

type Point = z.infer<typeof PointList>['items'][number];

export function ServicePointsPage() {
  const { lang, t } = useI18n();
  const [type, setType] = useState<string | undefined>();
  const [service, setService] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const catalogue = useQuery({ queryKey: ['service-points', 'catalogue'], queryFn: () => request('/service-points/catalogue', { schema: Catalogue }), staleTime: 300_000 });
  const list = useQuery({
    queryKey: ['service-points', 'list', type, service, page],
    queryFn: () => request('/service-points', { query: { limit: '50', offset: String((page - 1) * 50), ...(type ? { type } : {}), ...(service ? { service } : {}) }, schema: PointList }),
    placeholderData: keepPreviousData,
  });
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'zh' ? x.nameZh : x.nameEn);
  return (
    <div data-testid="service-points-page">
      <PageHeading title={t('sp.list.title')} />
      <Typography.Paragraph type="secondary">
        {t('sp.list.intro')} <Link to="/near">{t('sp.near.title')}</Link>
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('sp.list.type')} style={{ minWidth: 180 }} value={type} onChange={(v) => { setType(v); setPage(1); }} options={(catalogue.data?.types ?? []).map((x) => ({ value: x.code, label: name(x) }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('sp.near.service')} style={{ minWidth: 180 }} value={service} onChange={(v) => { setService(v); setPage(1); }} options={(catalogue.data?.services ?? []).map((x) => ({ value: x.code, label: name(x) }))} />
      </Flex>
      {list.error && <Alert type="error" showIcon message={errorText(list.error, lang, t('sp.list.title'))} />}
      <Table<Point>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('sp.list.name'), dataIndex: 'name', render: (_v, p) => <><div>{p.name}</div><Typography.Text type="secondary">{lang === 'zh' ? p.type.zh : p.type.en}</Typography.Text></> },
          { title: t('sp.list.place'), render: (_v, p) => <><div>{p.jurisdictionName}</div><Typography.Text type="secondary">{p.address}</Typography.Text></> },
          { title: t('sp.list.services'), render: (_v, p) => <Space size={[4, 4]} wrap>{p.services.map((s) => <Tag key={s.code}>{lang === 'zh' ? s.zh : s.en}</Tag>)}</Space> },
          {
            title: t('sp.list.now'),
            render: (_v, p) => (
              <>
                <Tag color={p.openNow.open ? 'green' : 'default'}>{p.openNow.open ? t('sp.near.open') : t('sp.near.closed')}</Tag>
                {p.status === 'temporarily_closed' && <div>{t('sp.near.tempClosed', { reason: p.closedReason ?? '' })}</div>}
                <div>{p.alwaysOpen ? t('sp.near.allDay') : p.openNow.today.map((h) => `${h.opens}–${h.closes}`).join('，') || t('sp.near.closedToday')}</div>
              </>
            ),
          },
          { title: t('sp.list.operator'), render: (_v, p) => p.operator?.name ?? '—' },
          { title: t('sp.list.coords'), render: (_v, p) => <Typography.Text type="secondary">{p.location.lng.toFixed(5)}, {p.location.lat.toFixed(5)}</Typography.Text> },
        ]}
      />
    </div>
  );
}
