import { App, Form, Input, Modal } from 'antd';
import { LEVELS, canonicalCode, levelLength, parentCode, type Level } from '../../../../src/lib/division-code.ts';
import type { Jurisdiction } from '../../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { useCreateJurisdiction, useRenameJurisdiction } from './api.ts';

export type FormTarget =
  | { kind: 'create'; parent?: { code: string; name: string; level: Level } }
  | { kind: 'rename'; row: Jurisdiction };

interface Values {
  code: string;
  name: string;
}

/** Create a child division (code + name) or rename one; server field errors land on the inputs. */
export function JurisdictionFormModal({ target, onClose }: { target: FormTarget; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateJurisdiction();
  const rename = useRenameJurisdiction();
  const parent = target.kind === 'create' ? target.parent : undefined;
  const childLevel: Level = parent ? (LEVELS[LEVELS.indexOf(parent.level) + 1] ?? 'grid') : 'province';

  const onError = (error: unknown) => {
    if (!applyFieldErrors(form, error, lang, ['code', 'name'])) showError(error);
  };

  const onFinish = (values: Values) => {
    if (target.kind === 'rename') {
      rename.mutate(
        { code: target.row.code, name: values.name.trim() },
        {
          onSuccess: (row) => {
            void message.success(t('jur.renamed', { name: row.name }));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { code: canonicalCode(values.code) ?? values.code, name: values.name.trim() },
        {
          onSuccess: (row) => {
            void message.success(t('jur.created', { name: row.name }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  // Accept the short prefix or the full 12-digit form, but only directly under the parent.
  const validateCode = (_: unknown, value: string | undefined) => {
    if (!value) return Promise.resolve(); // the "required" rule speaks for empty input
    const code = canonicalCode(value ?? '');
    const fits = code !== undefined && (parent ? parentCode(code) === parent.code : code.length === 2);
    return fits ? Promise.resolve() : Promise.reject(new Error(t('jur.codeInvalid')));
  };

  const codeHint = !parent
    ? t('jur.codeHintRoot')
    : childLevel === 'grid'
      ? t('jur.codeHintGrid', { prefix: parent.code })
      : childLevel === 'village'
        ? t('jur.codeHintVillage', { prefix: parent.code })
        : t('jur.codeHint', { prefix: parent.code, length: levelLength(childLevel) });

  const title =
    target.kind === 'rename'
      ? t('jur.renameTitle', { name: target.row.name })
      : parent
        ? t('jur.addTitle', { parent: parent.name, level: levelLabel(childLevel, lang) })
        : t('jur.addRootTitle');

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="jurisdiction"
        layout="vertical"
        onFinish={onFinish}
        initialValues={target.kind === 'rename' ? { name: target.row.name } : { code: parent?.code ?? '' }}
      >
        {target.kind === 'create' && (
          <Form.Item
            name="code"
            label={t('jur.code')}
            extra={codeHint}
            rules={[{ required: true, message: t('jur.codeRequired') }, { validator: validateCode }]}
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={15} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('jur.name')}
          rules={[{ required: true, whitespace: true, message: t('jur.nameRequired') }, { max: 100 }]}
        >
          <Input autoComplete="off" maxLength={100} autoFocus={target.kind === 'rename'} />
        </Form.Item>
        {/* Lets Enter in either input submit, as in any ordinary form. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
