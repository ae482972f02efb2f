import { CheckCircleFilled, CloseCircleOutlined, CopyOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { inLang } from '../policy/labels.ts';
import { ActionModal } from './ActionModal.tsx';
import { useCaseAction, type CaseDetail } from './api.ts';
import { OPEN_STATES } from './labels.ts';

/**
 * 材料清单 with the 一次性告知: every required paper still missing, plus the promise and the
 * data-check authorisation when unsigned, said once so the applicant need not come back twice.
 */
export function MaterialsSection({ c }: { c: CaseDetail }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  // The notice matters while the application is being decided.
  const notice = (OPEN_STATES as readonly string[]).includes(c.state) ? c.materialsNotice : null;
  const copy = () => {
    if (!notice) return;
    void navigator.clipboard?.writeText(inLang(notice, lang)).then(() => void message.success(t('case.materials.copied')), () => undefined);
  };
  return (
    <Flex vertical gap={8} data-testid="case-materials">
      {notice ? (
        <Alert
          type="warning"
          showIcon
          data-testid="materials-notice"
          title={t('case.materials.noticeTitle', { n: notice.missing.length })}
          description={
            <Flex vertical gap={4}>
              <Typography.Text>{inLang(notice, lang)}</Typography.Text>
              <div>
                <Button size="small" icon={<CopyOutlined />} onClick={copy}>
                  {t('case.materials.copy')}
                </Button>
              </div>
            </Flex>
          }
        />
      ) : (
        c.kind === 'application' && !c.materialsNotice && <Alert type="success" showIcon title={t('case.materials.complete')} />
      )}
      <ul className="lm-plain-list">
        {c.materials.map((m) => (
          <li key={m.code} className="lm-trace-item" data-material={m.code} data-received={String(m.received)}>
            <span className="lm-trace-icon">
              {m.received ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('case.materials.received')} />
              ) : m.required ? (
                <CloseCircleOutlined style={{ color: '#ff4d4f' }} aria-label={t('case.materials.missing')} />
              ) : (
                <MinusCircleOutlined style={{ color: '#bfbfbf' }} aria-label={t('case.materials.optional')} />
              )}
            </span>
            <Typography.Text>{inLang(m, lang)}</Typography.Text>
          </li>
        ))}
        {[
          { key: 'promise', ok: c.promiseSigned, label: t('case.materials.promise') },
          { key: 'dataCheck', ok: c.dataCheckAuthorised, label: t('case.materials.dataCheck') },
        ].map((s) => (
          <li key={s.key} className="lm-trace-item" data-material={s.key} data-received={String(s.ok)}>
            <span className="lm-trace-icon">
              {s.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleOutlined style={{ color: '#ff4d4f' }} />}
            </span>
            <Typography.Text>{s.label}</Typography.Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

interface Values {
  received: string[];
  promiseSigned: boolean;
  dataCheckAuthorised: boolean;
}

/** 材料补正 (and 补齐手续 after 先行救助): tick what has now been handed in. */
export function MaterialsModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const { run } = useCaseAction();
  const title = c.prepaidFen > 0 ? t('case.action.paperwork') : t('case.action.materials');
  return (
    <ActionModal<Values>
      title={title}
      okText={t('common.save')}
      hint={c.prepaidFen > 0 && c.paperworkDueOn ? t('case.hint.paperwork', { date: c.paperworkDueOn }) : t('case.hint.materials')}
      fields={['received', 'promiseSigned', 'dataCheckAuthorised']}
      initialValues={{ received: c.materials.filter((m) => m.received).map((m) => m.code), promiseSigned: c.promiseSigned, dataCheckAuthorised: c.dataCheckAuthorised }}
      onClose={onClose}
      onDone={() => void message.success(t('case.action.done', { action: title }))}
      submit={(v) => {
        const received = v.received ?? [];
        return run(c.id, 'materials', {
          received,
          notReceived: c.materials.filter((m) => m.received && !received.includes(m.code)).map((m) => m.code),
          promiseSigned: v.promiseSigned,
          dataCheckAuthorised: v.dataCheckAuthorised,
        });
      }}
    >
      <Form.Item name="received" label={t('case.materials.title')}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {c.materials.map((m) => (
            <Checkbox key={m.code} value={m.code}>
              {inLang(m, lang)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="promiseSigned" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('case.materials.promise')}</Checkbox>
      </Form.Item>
      <Form.Item name="dataCheckAuthorised" valuePropName="checked">
        <Checkbox>{t('case.materials.dataCheck')}</Checkbox>
      </Form.Item>
    </ActionModal>
  );
}
