// The public directory on the phone (no login): the nearest points open now, by service, as a
// list and a sketch map on a plain background (no map tiles: works offline and in tests). The
// address and the WGS-84 coordinates are the directions.
import { Alert, Button, Card, Checkbox, Flex, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Catalogue, NearestAnswer } from '../../../../src/modules/service-points/service-points.schema.ts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/index.ts';

type Answer = z.infer<typeof NearestAnswer>;
type Item = Answer['items'][number];
type Query = { lng: number; lat: number; service?: string; openNow: boolean; radius: number };

const fetchCatalogue = () => request('/public/service-points/catalogue', { schema: Catalogue });
const fetchNearest = (q: Query) => request('/public/service-points/nearest', { query: { lng: String(q.lng), lat: String(q.lat), radius: String(q.radius), openNow: String(q.openNow), ...(q.service ? { service: q.service } : {}) }, schema: NearestAnswer });

/** Points around the caller on a plain square: north up, scaled to the radius. */
function SketchMap({ from, items, radius }: { from: { lng: number; lat: number }; items: Item[]; radius: number }) {
  const { t } = useI18n();
  const size = 280;
  const k = Math.cos((from.lat * Math.PI) / 180);
  const toXY = (p: { lng: number; lat: number }) => {
    const dx = (p.lng - from.lng) * 111_195 * k;
    const dy = (p.lat - from.lat) * 111_195;
    return [size / 2 + (dx / radius) * (size / 2 - 12), size / 2 - (dy / radius) * (size / 2 - 12)] as const;
  };
  return (
    <svg width="100%" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={t('sp.near.map')} data-testid="sp-map" style={{ background: '#f6f8fa', border: '1px solid #d9d9d9', borderRadius: 8, maxWidth: 360 }}>
      <circle cx={size / 2} cy={size / 2} r={size / 2 - 12} fill="none" stroke="#d9d9d9" strokeDasharray="4 4" />
      <circle cx={size / 2} cy={size / 2} r={6} fill="#1677ff"><title>{t('sp.near.you')}</title></circle>
      {items.map((it, i) => {
        const [x, y] = toXY(it.location);
        return (
          <g key={it.id} data-testid="sp-map-point">
            <circle cx={x} cy={y} r={9} fill={it.openNow.open ? '#52c41a' : '#bfbfbf'} />
            <text x={x} y={y + 4} textAnchor="middle" fontSize="10" fill="#fff">{i + 1}</text>
            <title>{it.name}</title>
          </g>
        );
      })}
    </svg>
  );
}

function PointCard({ item, index }: { item: Item; index: number }) {
  const { lang, t } = useI18n();
  const o = item.openNow;
  const hours = o.today.map((h) => `${h.opens}–${h.closes}`).join('，');
  const distance = item.distanceM < 1000 ? t('sp.near.distance', { m: item.distanceM }) : t('sp.near.km', { km: (item.distanceM / 1000).toFixed(1) });
  return (
    <Card size="small" data-testid="sp-item">
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong>{index + 1}. {item.name}</Typography.Text>
        <Tag color={o.open ? 'green' : 'default'}>{o.open ? t('sp.near.open') : t('sp.near.closed')}</Tag>
      </Flex>
      <div>
        <Typography.Text type="secondary">{lang === 'zh' ? item.type.zh : item.type.en} · {distance}</Typography.Text>
      </div>
      <div>{item.address}</div>
      <div>
        {item.alwaysOpen ? t('sp.near.allDay') : hours ? t('sp.near.today', { hours }) : t('sp.near.closedToday')}
        {o.open && o.closesAt && !item.alwaysOpen ? ` · ${t('sp.near.until', { time: o.closesAt })}` : ''}
      </div>
      {o.holiday && <Tag color="orange">{t('sp.near.holiday', { name: lang === 'zh' ? o.holiday.zh : o.holiday.en })}</Tag>}
      {o.dayKind === 'make_up_workday' && <Tag color="blue">{t('sp.near.makeUp')}</Tag>}
      {item.status === 'temporarily_closed' && <Alert type="warning" showIcon message={t('sp.near.tempClosed', { reason: item.closedReason ?? '' })} />}
      <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
        {item.services.map((s) => <Tag key={s.code}>{lang === 'zh' ? s.zh : s.en}</Tag>)}
      </Space>
      {item.phones.map((p) => <div key={p.number}><a href={`tel:${p.number}`}>{p.number}</a>{p.label ? ` (${p.label})` : ''}</div>)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sp.near.coords', { lng: item.location.lng.toFixed(6), lat: item.location.lat.toFixed(6) })}</Typography.Text>
    </Card>
  );
}

export function NearPage() {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Query>();
  const [query, setQuery] = useState<Query | undefined>();
  const [locating, setLocating] = useState(false);
  const [locateFailed, setLocateFailed] = useState(false);
  const catalogue = useQuery({ queryKey: ['public-sp', 'catalogue'], queryFn: fetchCatalogue, staleTime: 300_000 });
  const nearest = useQuery({ queryKey: ['public-sp', 'nearest', query], queryFn: () => fetchNearest(query!), enabled: query !== undefined });
  useEffect(() => {
    const previous = document.title;
    document.title = `${t('sp.near.title')} · ${t('app.name')}`;
    return () => {
      document.title = previous;
    };
  }, [t]);
  // A link may carry the search (?service=hot_water&lng=…&lat=…): "where can I heat my lunch".
  useEffect(() => {
    const p = new URLSearchParams(window.location.search);
    const service = p.get('service') ?? undefined;
    form.setFieldsValue({ openNow: true, radius: 3000, ...(service ? { service } : {}) });
    const lng = Number(p.get('lng'));
    const lat = Number(p.get('lat'));
    if (p.get('lng') && p.get('lat') && Number.isFinite(lng) && Number.isFinite(lat)) {
      form.setFieldsValue({ lng, lat });
      setQuery({ lng, lat, openNow: true, radius: 3000, ...(service ? { service } : {}) });
    }
  }, [form]);
  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        form.setFieldsValue({ lng: Number(pos.coords.longitude.toFixed(6)), lat: Number(pos.coords.latitude.toFixed(6)) });
        void form.validateFields().then((v) => setQuery(v), () => undefined);
      },
      () => {
        setLocating(false);
        setLocateFailed(true);
      },
      { timeout: 10_000 },
    );
  };
  const services = catalogue.data?.services.filter((s) => s.active) ?? [];
  return (
    <div className="lm-sc-page" data-testid="sp-near">
      <main className="lm-sc-box">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          <LanguageSwitch compact />
        </Flex>
        <h1 className="lm-sc-title">{t('sp.near.title')}</h1>
        <Typography.Paragraph type="secondary">{t('sp.near.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => setQuery({ ...v })}>
          {'geolocation' in navigator && (
            <Button onClick={locate} loading={locating} block style={{ marginBottom: 12 }}>{locating ? t('sp.near.locating') : t('sp.near.locate')}</Button>
          )}
          {locateFailed && <Alert type="info" showIcon message={t('sp.near.locateFailed')} style={{ marginBottom: 12 }} />}
          <Flex gap={8}>
            <Form.Item name="lng" label={t('sp.near.lng')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <InputNumber style={{ width: '100%' }} step={0.001} data-testid="sp-lng" />
            </Form.Item>
            <Form.Item name="lat" label={t('sp.near.lat')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <InputNumber style={{ width: '100%' }} step={0.001} data-testid="sp-lat" />
            </Form.Item>
          </Flex>
          <Form.Item name="service" label={t('sp.near.service')}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('sp.near.anyService')} data-testid="sp-service" options={services.map((s) => ({ value: s.code, label: lang === 'zh' ? s.nameZh : s.nameEn }))} />
          </Form.Item>
          <Flex gap={8} align="center" wrap>
            <Form.Item name="radius" label={t('sp.near.radius')} style={{ minWidth: 140 }}>
              <Select options={[1000, 3000, 5000, 10_000].map((m) => ({ value: m, label: m < 1000 ? `${m} m` : t('sp.near.km', { km: m / 1000 }) }))} />
            </Form.Item>
            <Form.Item name="openNow" valuePropName="checked">
              <Checkbox>{t('sp.near.openNow')}</Checkbox>
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" block data-testid="sp-search">{t('sp.near.search')}</Button>
        </Form>
        {nearest.error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={errorText(nearest.error, lang, t('sp.near.none'))} />}
        {nearest.data && (
          <Flex vertical gap={8} style={{ marginTop: 16 }}>
            {nearest.data.items.length === 0 ? (
              <Alert type="info" showIcon message={t('sp.near.none')} />
            ) : (
              <>
                <SketchMap from={nearest.data.from} items={nearest.data.items} radius={nearest.data.radiusM} />
                {nearest.data.items.map((it, i) => <PointCard key={it.id} item={it} index={i} />)}
              </>
            )}
          </Flex>
        )}
        <footer className="lm-sc-footer">
          <Flex gap={16} wrap justify="center">
            <Link to="/self-check">{t('selfCheck.title')}</Link>
            <Link to="/help">{t('request.public.submitLink')}</Link>
            <Link to="/login">{t('selfCheck.staffLogin')}</Link>
          </Flex>
        </footer>
      </main>
    </div>
  );
}
