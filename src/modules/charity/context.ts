// What the social-force services share: the database, the audit log, the organisations registry
// (who acts for which organisation) and the clock.
import type { Db } from '../../platform/db/client.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import type { AuthUser } from '../auth/auth.service.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import type { AttachmentsService } from '../attachments/index.ts';

export type Caller = Pick<AuthUser, 'id' | 'kind' | 'scope' | 'roles'>;
export type CharityDeps = { db: Db; audit: AuditService; organisations: OrganisationsService; sensitive: SensitiveFields; attachments: AttachmentsService; now?: () => Date };
