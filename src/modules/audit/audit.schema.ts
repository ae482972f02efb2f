// Contracts of the audit log viewer; browser-safe.
import { z } from 'zod';
import { LocalDate } from '../../lib/date.schema.ts';

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string().describe('username, token name or "system"'),
    ip: z.string().nullable(),
    action: z.string().describe('e.g. create, update, delete, reveal, login, login_failed, export'),
    entity: z.string().describe('e.g. user, jurisdiction, session, api_token'),
    entityId: z.string().nullable(),
    jurisdictionCode: z.string().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ListAuditQuery = z.object({
  actor: z.string().trim().max(64).optional().describe('actor name'),
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(50).optional(),
  from: LocalDate.optional().describe('local date, inclusive'),
  to: LocalDate.optional().describe('local date, inclusive'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListAuditQuery = z.input<typeof ListAuditQuery>;

export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditList = z.infer<typeof AuditList>;
