import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';

/** Clipboard API where allowed (https, localhost); otherwise the old select-and-copy. */
async function copyText(text: string, fallbackInput: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackInput) return false;
    fallbackInput.select();
    return document.execCommand('copy');
  }
}

/**
 * The secret is shown this once: the server keeps only a hash. The modal does not close on a
 * stray click, and says plainly that the token cannot be shown again.
 */
export function TokenCreatedModal({ name, token, onClose }: { name: string; token: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const inputId = 'created-token';

  const copy = async () => {
    const ok = await copyText(token, document.getElementById(inputId) as HTMLTextAreaElement | null);
    if (ok) void message.success(t('tokens.copied'));
    else void message.warning(t('tokens.copyFailed'));
  };

  return (
    <Modal
      open
      title={t('tokens.createdTitle', { name })}
      mask={{ closable: false }}
      keyboard={false}
      onCancel={onClose}
      footer={[
        <Button key="copy" icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('tokens.copy')}
        </Button>,
        <Button key="done" type="primary" onClick={onClose}>
          {t('tokens.saved')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('tokens.showOnce')} style={{ marginBottom: 16 }} />
      <Input.TextArea
        id={inputId}
        data-testid="created-token"
        value={token}
        readOnly
        autoSize
        aria-label={t('tokens.token')}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('tokens.usage')} <Typography.Text code>Authorization: Bearer …</Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
