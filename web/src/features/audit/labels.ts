// Chinese/English names for the audit log's action and entity codes; unknown codes show as-is.
import type { Translate } from '../../i18n/index.ts';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'reveal',
  'login',
  'login_failed',
  'logout',
  'export',
  'password_change',
  'password_reset',
  'unlock',
  'revoke',
  'merge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = ['user', 'session', 'api_token', 'jurisdiction', 'person', 'household'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

const isAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);
const isEntity = (value: string): value is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(value);

export const actionLabel = (action: string, t: Translate): string => (isAction(action) ? t(`audit.action.${action}`) : action);
export const entityLabel = (entity: string, t: Translate): string => (isEntity(entity) ? t(`audit.entity.${entity}`) : entity);

const ACTION_COLOR: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  revoke: 'red',
  reveal: 'purple',
  export: 'purple',
  login_failed: 'orange',
  password_reset: 'gold',
  unlock: 'cyan',
  merge: 'orange',
};
export const actionColor = (action: string): string | undefined => (isAction(action) ? ACTION_COLOR[action] : undefined);
