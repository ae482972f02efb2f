import { CameraOutlined, DeleteOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, DatePicker, Flex, Form, Input, Progress, Select, Switch, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyFieldErrors, errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { useCaseMissing } from './CaseMissing.tsx';
import { useCase, useCaseAction, useUploadAttachment } from './api.ts';
import { ProgramTag, StateTag } from './CaseTags.tsx';
import { VISIT_KINDS, visitKindLabel, type VisitKind } from './labels.ts';
import { MAX_UPLOAD_BYTES, shrinkPhoto, sizeText } from '../../lib/photo.ts';
import './cases.css';

interface Values {
  kind: VisitKind;
  visitedOn: DayValue;
  investigators: { name?: string; userId?: number }[];
  location?: string;
  findings: string;
  familyConfirmed: boolean;
  confirmedBy?: string;
}

interface Photo {
  key: string;
  blob: Blob;
  fileName: string;
  preview: string;
}

const FIELDS = ['kind', 'visitedOn', 'investigators', 'location', 'findings', 'familyConfirmed', 'confirmedBy'];
const needsTwo = (kind: VisitKind | undefined) => kind === 'home_visit' || kind === 'county_visit';

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => resolve('');
    reader.readAsDataURL(blob);
  });

/**
 * 入户调查 on a phone: big fields, at least two investigators (the user first), the date, what
 * was found, the family's signature, and photos taken with the camera, uploaded with the record.
 */
export function VisitPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const id = useRouteId();
  const [params] = useSearchParams();
  const query = useCase(id);
  const { run, isPending } = useCaseAction();
  const upload = useUploadAttachment();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [problem, setProblem] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const kind = Form.useWatch('kind', form);

  const missing = useCaseMissing(id, query.error);
  const fallback = useRecordFallback(id, query, t('case.notFound'), { to: '/cases', label: t('case.backToQueue') });
  if (missing) return missing;
  if (fallback || !query.data) return fallback;
  const c = query.data;
  const initialKind: VisitKind = params.get('kind') === 'county_visit' ? 'county_visit' : 'home_visit';
  const allowed = c.actions.includes(initialKind === 'county_visit' ? 'county_visit' : 'visit');

  const addPhotos = async (files: FileList | null) => {
    const added: Photo[] = [];
    for (const file of Array.from(files ?? [])) {
      const { blob, fileName } = await shrinkPhoto(file);
      if (blob.size > MAX_UPLOAD_BYTES) {
        void message.error(t('case.attachments.tooBig', { name: file.name }));
        continue;
      }
      added.push({ key: `${Date.now()}-${added.length}-${file.name}`, blob, fileName, preview: await dataUrl(blob) });
    }
    setPhotos((prev) => [...prev, ...added]);
    for (const input of [camera.current, album.current]) if (input) input.value = '';
  };

  const onFinish = async (v: Values) => {
    setProblem(undefined);
    const investigators = v.investigators
      .map((i) => ({ ...i, name: i.name?.trim() ?? '' }))
      .filter((i) => i.name)
      .map((i) => (i.userId && i.name === user.displayName ? { userId: i.userId, name: i.name } : { name: i.name }));
    let saved;
    try {
      const before = new Set(c.visits.map((x) => x.id));
      saved = await run(c.id, 'visits', {
        kind: v.kind,
        visitedOn: dateOf(v.visitedOn) ?? todayLocal(),
        investigators,
        findings: v.findings.trim(),
        familyConfirmed: v.familyConfirmed,
        confirmedBy: v.familyConfirmed ? v.confirmedBy?.trim() || undefined : undefined,
        location: v.location?.trim() || undefined,
      });
      const visit = saved.visits.filter((x) => !before.has(x.id)).sort((a, b) => b.id - a.id)[0];
      // The record is saved; now its photos, one by one (a weak signal may fail one, not the record).
      let failed = 0;
      for (const [i, p] of photos.entries()) {
        setProgress(Math.round((i / photos.length) * 100));
        try {
          await upload.mutateAsync({ id: c.id, file: p.blob, fileName: p.fileName, kind: 'photo', visitId: visit?.id });
        } catch (error) {
          failed++;
          void message.error(errorText(error, lang, t('common.unknownError')));
        }
      }
      setProgress(undefined);
      if (failed > 0) void message.warning(t('case.visit.photosFailed', { n: failed }));
      void message.success(t('case.visit.saved'));
      void navigate(`/cases/${c.id}`);
    } catch (error) {
      setProgress(undefined);
      if (!applyFieldErrors(form, error, lang, FIELDS)) setProblem(errorText(error, lang, t('common.unknownError')));
    }
  };

  return (
    <div data-testid="visit-page" className="lm-visit-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'cases', title: <Link to="/cases">{t('module.cases.name')}</Link> },
          { key: 'case', title: <Link to={`/cases/${c.id}`}>{c.caseNo}</Link> },
          { key: 'visit', title: t('case.visit.title') },
        ]}
      />
      <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
        {t('case.visit.title')}
      </Typography.Title>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {c.applicantName}
        </Typography.Text>
        <ProgramTag program={c.program} />
        <StateTag state={c.state} />
        {c.jurisdictionName && <Typography.Text type="secondary">{c.jurisdictionName}</Typography.Text>}
      </Flex>
      {!allowed && <Alert type="warning" showIcon title={t('case.visit.notNow')} style={{ marginBottom: 16 }} />}

      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        scrollToFirstError
        disabled={!allowed}
        initialValues={{
          kind: initialKind,
          visitedOn: toDayValue(todayLocal()),
          investigators: [{ name: user.displayName, userId: user.id }, { name: '' }],
          familyConfirmed: false,
        }}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // The list's own rule (two investigators) is re-checked as names are typed, once it has failed.
          if ((changed.investigators || changed.kind) && form.getFieldError(['investigators']).length > 0) {
            void form.validateFields([['investigators']]).catch(() => undefined);
          }
        }}
      >
        <Form.Item name="kind" label={t('case.visit.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={VISIT_KINDS.filter((k) => k !== 'county_visit' || c.separatelyRegistered).map((k) => ({ value: k, label: visitKindLabel(k, t) }))}
          />
        </Form.Item>
        <Form.Item name="visitedOn" label={t('case.visit.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>

        <Form.List
          name="investigators"
          rules={[
            {
              validator: async (_, list: Values['investigators'] | undefined) => {
                const named = (list ?? []).filter((i) => i.name?.trim()).length;
                if (named < (needsTwo(form.getFieldValue('kind') as VisitKind) ? 2 : 1)) throw new Error(t('case.visit.twoInvestigators'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('case.visit.investigators')} required extra={needsTwo(kind) ? t('case.visit.investigatorsHint') : undefined}>
              <Flex vertical gap={8} data-testid="visit-investigators-input">
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'userId']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} noStyle>
                      <Input placeholder={t('case.visit.investigatorN', { n: i + 1 })} maxLength={50} autoComplete="off" aria-label={t('case.visit.investigatorN', { n: i + 1 })} id={`investigator-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />}
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })} block>
                  {t('case.visit.addInvestigator')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            </Form.Item>
          )}
        </Form.List>

        <Form.Item name="location" label={t('case.visit.location')}>
          <Input maxLength={200} autoComplete="off" placeholder={t('case.visit.locationPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('case.visit.findings')}
          rules={[{ required: true, whitespace: true, message: t('case.visit.findingsRequired') }, { min: 2, message: t('case.visit.findingsRequired') }]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount placeholder={t('case.visit.findingsPlaceholder')} />
        </Form.Item>

        <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
          <Form.Item name="familyConfirmed" valuePropName="checked" noStyle>
            <Switch aria-label={t('case.visit.familyConfirmed')} data-testid="visit-family-confirmed" />
          </Form.Item>
          <Typography.Text style={{ fontSize: 16 }}>{t('case.visit.familyConfirmed')}</Typography.Text>
        </Flex>
        <Form.Item noStyle dependencies={['familyConfirmed']}>
          {() =>
            form.getFieldValue('familyConfirmed') ? (
              <Form.Item name="confirmedBy" label={t('case.visit.confirmedBy')}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            ) : (
              needsTwo(kind) && <Alert type="warning" showIcon title={t('case.visit.confirmHint')} style={{ marginBottom: 16 }} />
            )
          }
        </Form.Item>

        <Form.Item label={t('case.visit.photos')} extra={t('case.visit.photosHint')}>
          <Flex vertical gap={8}>
            <Flex gap={8}>
              <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()} style={{ flex: 1 }}>
                {t('case.visit.takePhoto')}
              </Button>
              <Button icon={<PictureOutlined />} onClick={() => album.current?.click()} style={{ flex: 1 }}>
                {t('case.visit.pickPhoto')}
              </Button>
            </Flex>
            <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => void addPhotos(e.target.files)} data-testid="visit-camera" />
            <input ref={album} type="file" accept="image/*" multiple style={{ display: 'none' }} onChange={(e) => void addPhotos(e.target.files)} data-testid="visit-album" />
            {photos.length > 0 && (
              <ul className="lm-visit-photos" data-testid="visit-photos">
                {photos.map((p) => (
                  <li key={p.key}>
                    {p.preview && <img src={p.preview} alt={p.fileName} />}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                      {sizeText(p.blob.size)}
                    </Typography.Text>
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => setPhotos((prev) => prev.filter((x) => x.key !== p.key))} />
                  </li>
                ))}
              </ul>
            )}
          </Flex>
        </Form.Item>

        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="visit-error" />}
        {progress !== undefined && <Progress percent={progress} size="small" style={{ marginBottom: 12 }} />}
        <Flex vertical gap={8}>
          <Button type="primary" htmlType="submit" block loading={isPending || progress !== undefined} data-testid="visit-submit">
            {t('case.visit.submit')}
          </Button>
          <Button block disabled={false} onClick={() => void navigate(`/cases/${c.id}`)}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
