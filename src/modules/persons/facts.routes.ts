// Routes of the registry facts under a person: supporters, parents' situations, unemployment
// facts, job referrals and employment. Each kind: list (as of a day, or with history), record,
// change (a new row that revises the old), remove (with a reason). Scoped and audited like the
// person's other edits.
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types.ts';
import type { AppDeps } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { bi } from '../../lib/bilingual.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { PersonIdParams } from './persons.schema.ts';
import { personPermissions as can } from './persons.policy.ts';
import { FactParams, FactsQuery, JobEvent, JobEventInput, ParentSituation, ParentSituationInput, RemoveFact, Supporter, SupporterInput, Unemployment, UnemploymentInput } from './facts.schema.ts';
import type { FactKind } from './facts.service.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['persons'];
const Reason = z.string().trim().min(4, bi('state a reason (at least 4 characters)', '请填写理由（至少 4 个字）')).max(200);

const KINDS = [
  { kind: 'supporters', input: SupporterInput, output: Supporter, zh: '法定赡养、抚养、扶养义务人', en: 'legal supporters' },
  { kind: 'parent-situations', input: ParentSituationInput, output: ParentSituation, zh: '父母情况（事实无人抚养）', en: 'parents’ situations' },
  { kind: 'unemployment', input: UnemploymentInput, output: Unemployment, zh: '失业保险情况', en: 'unemployment-insurance facts' },
  { kind: 'job-events', input: JobEventInput, output: JobEvent, zh: '就业推荐与就业', en: 'job referrals and employment' },
] as const;

export function personFactRoutes(app: ZodApp, { services }: AppDeps): void {
  const facts = services.personFacts;
  for (const k of KINDS) {
    const kind = k.kind as FactKind;
    const input = k.input as z.ZodType;
    app.get(`/persons/:id/${kind}`, { config: { permission: can.read }, schema: { tags, summary: `The person’s ${k.en} (as of a day, or with history) / ${k.zh}`, params: PersonIdParams, querystring: FactsQuery, response: { 200: z.object({ items: z.array(k.output) }), ...errors } } },
      async (request) => facts.list(callerOf(request), kind, request.params.id, { asOf: request.query.asOf, retired: request.query.retired === 'true' }) as never);
    app.post(`/persons/:id/${kind}`, { config: { permission: can.write }, schema: { tags, summary: `Record ${k.en} / 登记${k.zh}`, params: PersonIdParams, body: input, response: { 201: k.output, ...errors } } },
      async (request, reply) => reply.status(201).send(await facts.add(callerOf(request), kind, request.params.id, request.body as never, actorOf(request)) as never));
    app.put(`/persons/:id/${kind}/:factId`, { config: { permission: can.write }, schema: { tags, summary: `Change ${k.en}: a new row revises the old (history kept) / 修改${k.zh}`, params: FactParams, body: input, response: { 200: k.output, ...errors } } },
      async (request) => facts.revise(callerOf(request), kind, request.params.id, request.params.factId, request.body as never, actorOf(request)) as never);
    app.post(`/persons/:id/${kind}/:factId/remove`, { config: { permission: can.write }, schema: { tags, summary: `Remove ${k.en} (kept in the history) / 删除${k.zh}`, params: FactParams, body: RemoveFact, response: { 200: k.output, ...errors } } },
      async (request) => facts.remove(callerOf(request), kind, request.params.id, request.params.factId, request.body.reason, actorOf(request)) as never);
  }
  app.post('/persons/:id/supporters/:factId/reveal', { config: { permission: can.reveal }, schema: { tags, summary: 'Reveal a supporter’s full ID number, with a reason (audited) / 查看义务人完整身份证号（记录审计）', params: FactParams, body: z.object({ reason: Reason }), response: { 200: z.object({ field: z.string(), value: z.string().nullable() }), ...errors } } },
    async (request) => facts.revealSupporterId(callerOf(request), request.params.id, request.params.factId, request.body.reason, actorOf(request)));
}
