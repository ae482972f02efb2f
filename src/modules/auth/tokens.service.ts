// API tokens for machine clients: one role, one jurisdiction inside the creator's, revocable.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import { ROLE_NAMES } from '../users/users.schema.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { apiTokens, users } from './auth.table.ts';
import { hashToken } from './auth.service.ts';
import * as store from './auth.store.ts';
import type { ApiToken } from './auth.schema.ts';

type Row = typeof apiTokens.$inferSelect & { createdByName: string | null };

function present(row: Row): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    jurisdictionCode: row.jurisdictionCode ?? '',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdBy: row.createdByName ?? '',
  };
}

export type TokensService = ReturnType<typeof createTokensService>;

export function createTokensService(deps: { db: Db; audit: AuditService; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const select = () =>
    db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        tokenHash: apiTokens.tokenHash,
        role: apiTokens.role,
        jurisdictionCode: apiTokens.jurisdictionCode,
        createdBy: apiTokens.createdBy,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
        createdByName: users.username,
      })
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdBy));

  return {
    async list(caller: { scope: string }): Promise<ApiToken[]> {
      const rows = await select()
        .where(caller.scope === '' ? undefined : withinScope(apiTokens.jurisdictionCode, caller.scope))
        .orderBy(desc(apiTokens.id));
      return rows.map(present);
    },

    async create(
      caller: { id: number; scope: string; kind: string },
      input: { name: string; role: string; jurisdictionCode: string; expiresInDays?: number | undefined },
      actor: Actor,
    ): Promise<ApiToken & { token: string }> {
      if (!(ROLE_NAMES as readonly string[]).includes(input.role)) {
        throw validationFailed([{ field: 'role', message: `unknown role ${input.role}`, messageZh: `未知角色 ${input.role}` }]);
      }
      const code = input.jurisdictionCode;
      if (!isWithin(code, caller.scope) || (code !== '' && !(await store.findJurisdictionName(db, code)))) {
        throw validationFailed([
          { field: 'jurisdictionCode', message: 'must be an existing jurisdiction inside yours', messageZh: '须为本辖区内已存在的区划' },
        ]);
      }
      const token = `lm_${randomBytes(32).toString('base64url')}`;
      const row = await db.transaction(async (tx) => {
        const inserted = await store.insertToken(tx, {
          name: input.name,
          tokenHash: hashToken(token),
          role: input.role,
          jurisdictionCode: code === '' ? null : code,
          createdBy: caller.kind === 'user' ? caller.id : null,
          expiresAt: input.expiresInDays ? new Date(now().getTime() + input.expiresInDays * 86_400_000) : null,
        });
        await audit.record(tx, actor, {
          action: 'create',
          entity: 'api_token',
          entityId: inserted.id,
          jurisdictionCode: inserted.jurisdictionCode,
          changes: { name: { before: null, after: input.name }, role: { before: null, after: input.role } },
        });
        return inserted;
      });
      return { ...present({ ...row, createdByName: actor.name }), token };
    },

    async revoke(caller: { scope: string }, id: number, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(apiTokens)
          .where(and(eq(apiTokens.id, id), caller.scope === '' ? undefined : withinScope(apiTokens.jurisdictionCode, caller.scope)))
          .for('update');
        if (!row) throw notFound('API token', '接口令牌');
        if (row.revokedAt) throw new AppError('conflict', 'Already revoked', '该令牌已吊销');
        await tx.update(apiTokens).set({ revokedAt: now() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
        await audit.record(tx, actor, { action: 'revoke', entity: 'api_token', entityId: id, jurisdictionCode: row.jurisdictionCode });
      });
    },
  };
}
