import { DownloadOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Image, Select, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { attachmentDataUrl, downloadAttachment, useUploadAttachment, type Attachment, type CaseDetail } from './api.ts';
import { ATTACHMENT_KINDS, attachmentKindLabel, type AttachmentKind } from './labels.ts';
import { MAX_UPLOAD_BYTES, shrinkPhoto, sizeText } from '../../lib/photo.ts';

/** One file: name, kind, size; open a photo in the page or download (both audited by the server). */
export function AttachmentRow({ caseId, a }: { caseId: number; a: Attachment }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [preview, setPreview] = useState<string>();
  const [busy, setBusy] = useState<'view' | 'download'>();
  const run = async (what: 'view' | 'download') => {
    setBusy(what);
    try {
      if (what === 'view') setPreview(await attachmentDataUrl(caseId, a));
      else await downloadAttachment(caseId, a);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <li className="lm-trace-item" data-attachment={a.fileName}>
      <span className="lm-trace-icon">
        <PaperClipOutlined />
      </span>
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text>{a.fileName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Tag style={{ marginInlineEnd: 6 }}>{attachmentKindLabel(a.kind, t)}</Tag>
          {sizeText(a.sizeBytes)} · {formatDateTime(a.createdAt)}
        </Typography.Text>
      </Flex>
      <Flex gap={4} style={{ flex: 'none' }}>
        {a.mimeType.startsWith('image/') && (
          <Button size="small" icon={<EyeOutlined />} loading={busy === 'view'} onClick={() => void run('view')} aria-label={t('case.attachments.view', { name: a.fileName })} />
        )}
        <Button size="small" icon={<DownloadOutlined />} loading={busy === 'download'} onClick={() => void run('download')} aria-label={t('case.attachments.download', { name: a.fileName })} />
      </Flex>
      {preview && (
        <Image
          src={preview}
          alt={a.fileName}
          style={{ display: 'none' }}
          preview={{ open: true, onOpenChange: (open) => !open && setPreview(undefined) }}
        />
      )}
    </li>
  );
}

/** 附件: signed forms, scans and photos of the case; uploads (≤ 5 MB, photos shrunk first) where the step allows. */
export function AttachmentsSection({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const upload = useUploadAttachment();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttachmentKind>('material');
  const canAttach = c.actions.includes('attach');

  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const { blob, fileName } = await shrinkPhoto(file);
      if (blob.size > MAX_UPLOAD_BYTES) {
        void message.error(t('case.attachments.tooBig', { name: file.name }));
        continue;
      }
      try {
        await upload.mutateAsync({ id: c.id, file: blob, fileName, kind });
        void message.success(t('case.attachments.uploaded', { name: fileName }));
      } catch (error) {
        showError(error);
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <Flex vertical gap={8} data-testid="case-attachments">
      {canAttach && (
        <Flex wrap gap={8} align="center">
          <Select<AttachmentKind>
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            aria-label={t('case.attachments.kind')}
            options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: attachmentKindLabel(k, t) }))}
          />
          <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
            {t('case.attachments.upload')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('case.attachments.hint')}
          </Typography.Text>
          <input ref={input} type="file" accept="image/*,application/pdf" multiple style={{ display: 'none' }} onChange={(e) => void onFiles(e.target.files)} data-testid="attachment-input" />
        </Flex>
      )}
      {c.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.attachments.empty')} />
      ) : (
        <ul className="lm-plain-list">
          {c.attachments.map((a) => (
            <AttachmentRow key={a.id} caseId={c.id} a={a} />
          ))}
        </ul>
      )}
    </Flex>
  );
}
