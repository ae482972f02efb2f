import { AimOutlined, CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, Radio, Select, Tag, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Campaign, Checklist, TargetDetail } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { applyFieldErrors, errorText, useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { codeLabel } from '../persons/labels.ts';
import { PersonTags } from '../persons/PersonTags.tsx';
import { canOrganiseCampaigns, canVisit } from './access.ts';
import { photoUrl, useAssign, useCampaign, useRecordVisit, useTarget, useUploadPhoto, useWorkers } from './api.ts';
import { AssigneeText, TargetStatusTag } from './Ledger.tsx';
import { answerText, questionLabel, resultLabel } from './labels.ts';
import { MAX_UPLOAD_BYTES, shrinkPhoto } from '../../lib/photo.ts';

/** A target on a phone: who and where, the visit form (逐人销号), and every visit so far. */
export function TargetPage() {
  const { t } = useI18n();
  const campaignId = useRouteId();
  const raw = Number(useParams().targetId);
  const targetId = Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
  const campaign = useCampaign(campaignId);
  const target = useTarget(campaignId ?? 0, targetId);
  const fallback = useRecordFallback(targetId === undefined ? undefined : campaignId, campaign.isError || !campaign.data ? campaign : target, t('campaign.targetNotFound'));
  if (fallback || !campaign.data || !target.data) return fallback;
  return <TargetView campaign={campaign.data} target={target.data} />;
}

function TargetView({ campaign, target }: { campaign: Campaign; target: TargetDetail }) {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const open = campaign.status === 'active' && target.status !== 'closed';
  const lastClosing = target.visits.find((v) => v.closes);

  return (
    <div data-testid="target-page" data-status={target.status} style={{ maxWidth: 720 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'list', title: <Link to="/campaigns">{t('module.campaigns.name')}</Link> },
          { key: 'c', title: <Link to={`/campaigns/${campaign.id}/ledger`}>{campaign.name}</Link> },
          { key: 't', title: target.name },
        ]}
      />
      <Flex wrap align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {target.name}
        </Typography.Title>
        <TargetStatusTag target={target} />
      </Flex>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'who', label: t('campaign.person'), children: [codeLabel('sex', target.sex, t), target.age === null ? '' : t('campaign.ageOnStart', { n: target.age })].filter(Boolean).join(' · ') },
          { key: 'id', label: t('person.idNumber'), children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{target.idNumberMasked ?? '—'}</span> },
          ...(target.phoneMasked ? [{ key: 'phone', label: t('person.phone'), children: target.phoneMasked }] : []),
          { key: 'place', label: t('campaign.place'), children: target.jurisdictionName ?? target.jurisdictionCode },
          ...(target.address ? [{ key: 'address', label: t('person.address'), children: target.address }] : []),
          ...(target.tags.length ? [{ key: 'tags', label: t('person.tags'), children: <PersonTags tags={target.tags} /> }] : []),
          { key: 'assignee', label: t('campaign.assignee'), children: canOrganiseCampaigns(user) && campaign.canManage ? <AssignSelect campaignId={campaign.id} target={target} /> : <AssigneeText target={target} /> },
          ...(target.revisitOn ? [{ key: 'revisit', label: t('campaign.revisitOn'), children: <Typography.Text type={target.due ? 'danger' : undefined}>{target.revisitOn}</Typography.Text> }] : []),
        ]}
      />
      {target.status === 'closed' && (
        <Alert
          data-testid="target-closed"
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('campaign.struckOff', { date: target.closedOn ?? '', result: resultLabel(campaign.checklist, lastClosing?.result ?? target.lastResult, lang) })}
        />
      )}
      {campaign.status !== 'active' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('campaign.closedNoVisits')} />}
      {open && canVisit(user) && <VisitForm campaign={campaign} target={target} />}
      <Card size="small" title={t('campaign.visitHistory', { n: target.visits.length })}>
        {target.visits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaign.noVisits')} />
        ) : (
          <Timeline
            items={target.visits.map((v) => ({
              key: v.id,
              color: v.closes ? 'green' : 'orange',
              content: (
                <Flex vertical gap={2}>
                  <Flex wrap gap={8} align="center">
                    <Typography.Text strong>{v.visitedOn}</Typography.Text>
                    <Tag color={v.closes ? 'green' : 'orange'}>{resultLabel(campaign.checklist, v.result, lang)}</Tag>
                    <Typography.Text type="secondary">{v.visitorName}</Typography.Text>
                  </Flex>
                  {campaign.checklist.questions
                    .filter((q) => v.answers[q.code] !== undefined)
                    .map((q) => (
                      <Typography.Text key={q.code}>{`${questionLabel(q, lang)}：${answerText(v.answers[q.code], t)}`}</Typography.Text>
                    ))}
                  {v.notes && <Typography.Text>{v.notes}</Typography.Text>}
                  {(v.location || v.latitude !== null) && (
                    <Typography.Text type="secondary">{[v.location, v.latitude !== null ? `${v.latitude?.toFixed(5)}, ${v.longitude?.toFixed(5)}` : ''].filter(Boolean).join(' · ')}</Typography.Text>
                  )}
                  {v.hasPhoto && (
                    <a href={photoUrl(campaign.id, target.id, v.id)} target="_blank" rel="noreferrer">
                      {t('campaign.viewPhoto')}
                    </a>
                  )}
                </Flex>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}

function AssignSelect({ campaignId, target }: { campaignId: number; target: TargetDetail }) {
  const { t } = useI18n();
  const workers = useWorkers(campaignId);
  const assign = useAssign(campaignId);
  const showError = useShowError();
  const fits = (workers.data?.items ?? []).filter((w) => target.jurisdictionCode.startsWith(w.jurisdictionCode));
  return (
    <Select<number | 'none'>
      size="small"
      style={{ minWidth: 200 }}
      loading={workers.isPending || assign.isPending}
      value={target.assignee?.id ?? 'none'}
      aria-label={t('campaign.assignee')}
      options={[{ value: 'none', label: t('campaign.unassignedTag') }, ...fits.map((w) => ({ value: w.id, label: `${w.name}（${w.jurisdictionCode}）` }))]}
      onChange={(v) => assign.mutate({ targetId: target.id, assigneeUserId: v === 'none' ? null : v }, { onError: showError })}
    />
  );
}

interface VisitValues {
  visitedOn: DayValue;
  result?: string;
  answers?: Record<string, string | boolean | undefined>;
  notes?: string;
  location?: string;
}

const FIELDS = ['visitedOn', 'result', 'notes', 'location', 'longitude'];

/** 登记走访: big controls for a phone; a closing result strikes the person off, another books a re-visit. */
function VisitForm({ campaign, target }: { campaign: Campaign; target: TargetDetail }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const record = useRecordVisit(campaign.id, target.id);
  const upload = useUploadPhoto(campaign.id, target.id);
  const [problem, setProblem] = useState<string>();
  const [coords, setCoords] = useState<{ latitude: number; longitude: number }>();
  const [photo, setPhoto] = useState<{ blob: Blob; preview: string }>();
  const [locating, setLocating] = useState(false);
  const camera = useRef<HTMLInputElement>(null);
  const checklist: Checklist = campaign.checklist;
  const chosenCode = Form.useWatch('result', form);
  const chosen = checklist.results.find((r) => r.code === chosenCode);
  const earliest = target.lastVisitOn && target.lastVisitOn > campaign.startsOn ? target.lastVisitOn : campaign.startsOn;

  const locate = () => {
    if (!navigator.geolocation) {
      void message.warning(t('campaign.noGeolocation'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setCoords({ latitude: Number(pos.coords.latitude.toFixed(6)), longitude: Number(pos.coords.longitude.toFixed(6)) });
      },
      () => {
        setLocating(false);
        void message.warning(t('campaign.noGeolocation'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const pickPhoto = async (files: FileList | null) => {
    const file = files?.[0];
    if (camera.current) camera.current.value = '';
    if (!file) return;
    const { blob } = await shrinkPhoto(file);
    if (blob.size > MAX_UPLOAD_BYTES) {
      void message.error(t('campaign.photoTooBig'));
      return;
    }
    setPhoto({ blob, preview: URL.createObjectURL(blob) });
  };

  const onFinish = async (v: VisitValues) => {
    setProblem(undefined);
    const answers = Object.fromEntries(Object.entries(v.answers ?? {}).filter((e): e is [string, string | boolean] => e[1] !== undefined && e[1] !== ''));
    try {
      const saved = await record.mutateAsync({
        visitedOn: dateOf(v.visitedOn) ?? todayLocal(),
        result: v.result ?? '',
        answers: Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, typeof a === 'string' ? a.trim() : a])),
        notes: v.notes?.trim() || undefined,
        location: v.location?.trim() || undefined,
        ...(coords ?? {}),
      });
      if (photo) {
        try {
          await upload.mutateAsync({ visitId: saved.visit.id, photo: photo.blob });
        } catch (error) {
          void message.error(errorText(error, lang, t('common.unknownError')));
        }
      }
      void message.success(saved.target.status === 'closed' ? t('campaign.savedClosed') : t('campaign.savedRevisit', { date: saved.target.revisitOn ?? '' }));
      form.resetFields();
      setPhoto(undefined);
      setCoords(undefined);
    } catch (error) {
      const answerFields = checklist.questions.map((q) => q.code);
      if (!applyFieldErrors(form, error, lang, FIELDS)) setProblem(errorText(error, lang, t('common.unknownError')));
      // Problems with an answer name it "answers.<code>": put them on that question.
      const fields = (error as { body?: { fields?: { field: string; message: string; messageZh: string }[] } }).body?.fields ?? [];
      form.setFields(
        fields
          .filter((f) => f.field.startsWith('answers.') && answerFields.includes(f.field.slice(8)))
          .map((f) => ({ name: ['answers', f.field.slice(8)], errors: [lang === 'zh' ? f.messageZh : f.message] })),
      );
    }
  };

  return (
    <Card size="small" title={t('campaign.visitTitle')} style={{ marginBottom: 16 }} data-testid="visit-form">
      <Form<VisitValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ visitedOn: toDayValue(todayLocal()) }} requiredMark={false}>
        <Form.Item name="visitedOn" label={t('campaign.visitedOn')} rules={[{ required: true, message: t('campaign.dateRequired') }]}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            inputReadOnly
            allowClear={false}
            size="large"
            disabledDate={(d) => d.format(DATE_FORMAT) > todayLocal() || d.format(DATE_FORMAT) < earliest}
          />
        </Form.Item>
        <Form.Item name="result" label={t('campaign.result')} rules={[{ required: true, message: t('campaign.resultRequired') }]}>
          <Radio.Group style={{ width: '100%' }} data-testid="visit-results">
            <Flex vertical gap={8}>
              {checklist.results.map((r) => (
                <Radio key={r.code} value={r.code} className="lm-visit-choice" data-code={r.code} style={{ fontSize: 16, padding: '6px 0' }}>
                  <span>{lang === 'zh' ? r.label : r.labelEn}</span>{' '}
                  <Tag color={r.closes ? 'green' : 'orange'} style={{ marginInlineStart: 4 }}>
                    {r.closes ? t('campaign.checklist.closes') : t('campaign.revisitAfter', { n: campaign.revisitDays })}
                  </Tag>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        {checklist.questions.map((q) => (
          <Form.Item
            key={q.code}
            name={['answers', q.code]}
            label={questionLabel(q, lang)}
            rules={q.required && chosen?.closes ? [{ required: true, message: t('campaign.answerRequired') }] : []}
          >
            {q.kind === 'yesno' ? (
              <Radio.Group optionType="button" buttonStyle="solid" size="large" options={[{ value: true, label: t('campaign.yes') }, { value: false, label: t('campaign.no') }]} />
            ) : q.kind === 'choice' ? (
              <Radio.Group optionType="button" size="large" options={q.options.map((o) => ({ value: o, label: o }))} />
            ) : (
              <Input.TextArea rows={2} maxLength={500} />
            )}
          </Form.Item>
        ))}
        <Form.Item name="notes" label={t('campaign.notes')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('campaign.notesPlaceholder')} />
        </Form.Item>
        <Form.Item name="location" label={t('campaign.location')} extra={coords ? t('campaign.coords', { lat: coords.latitude, lng: coords.longitude }) : undefined}>
          <Input maxLength={200} placeholder={t('campaign.locationPlaceholder')} suffix={<Button type="text" size="small" icon={<AimOutlined />} loading={locating} onClick={locate} aria-label={t('campaign.locate')} />} />
        </Form.Item>
        <Form.Item label={t('campaign.photo')}>
          <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => void pickPhoto(e.target.files)} data-testid="visit-photo-input" />
          {photo ? (
            <Flex gap={8} align="center">
              <img src={photo.preview} alt={t('campaign.photo')} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 6 }} />
              <Button icon={<DeleteOutlined />} onClick={() => setPhoto(undefined)}>
                {t('campaign.removePhoto')}
              </Button>
            </Flex>
          ) : (
            <Button icon={<CameraOutlined />} size="large" onClick={() => camera.current?.click()}>
              {t('campaign.takePhoto')}
            </Button>
          )}
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={record.isPending || upload.isPending} data-testid="visit-submit">
          {t('campaign.saveVisit')}
        </Button>
      </Form>
    </Card>
  );
}
