// Charity projects (慈善项目) and their public disclosure. A project belongs to one organisation,
// serves an area inside the organisation's, and may name partner organisations; a 公开募捐 filing
// number needs an organisation with 公开募捐资格.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import { todayLocal } from '../../lib/local-date.ts';
import * as orgStore from '../organisations/organisations.store.ts';
import * as store from './charity.store.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Caller, CharityDeps } from './context.ts';
import type { CreateProjectBody, Project } from './charity.schema.ts';

const NOT_FOUND = () => notFound('Project', '该慈善项目');

export function createProjectsService(deps: CharityDeps) {
  const { db, audit, organisations } = deps;
  const now = deps.now ?? (() => new Date());

  async function present(row: store.ProjectRow): Promise<Project> {
    const names = await store.organisationNames(db, row.partnerIds);
    return {
      id: row.id,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      name: row.name,
      purpose: row.purpose,
      cause: row.cause as Project['cause'],
      goalFen: row.goalFen,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      jurisdictionCode: row.jurisdictionCode,
      fundraisingFilingNo: row.fundraisingFilingNo,
      criteria: row.criteria ?? null,
      partners: row.partnerIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      status: row.status as Project['status'],
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function getRow(caller: Caller, id: number) {
    const viewer = await organisations.viewerOf(caller);
    const row = await store.findProject(db, id, viewer);
    if (!row) throw NOT_FOUND();
    return row;
  }

  return {
    async create(caller: Caller, body: CreateProjectBody, actor: Actor): Promise<Project> {
      const id = await db.transaction(async (tx) => {
        const { viewer, organisation } = await organisations.actingFor(tx, caller, body.organisationId);
        const problems: FieldProblem[] = [];
        if (!organisation.active) throw new AppError('conflict', 'The organisation is deactivated', '该组织已停用');
        if (!isWithin(body.jurisdictionCode, organisation.jurisdictionCode)) problems.push({ field: 'jurisdictionCode', message: "must lie inside the organisation's area", messageZh: '须在该组织服务区域内' });
        if (body.endsOn && body.endsOn < body.startsOn) problems.push({ field: 'endsOn', message: 'before the start', messageZh: '早于开始日期' });
        // Charity Law art. 22–24: a public fundraising plan is filed by an organisation with the qualification.
        if (body.fundraisingFilingNo && !organisation.publicFundraising) problems.push({ field: 'fundraisingFilingNo', message: 'the organisation has no public-fundraising qualification', messageZh: '该组织不具有公开募捐资格，不能填写公开募捐备案编号' });
        const partners = [...new Set(body.partnerIds)];
        for (const [i, pid] of partners.entries()) {
          if (pid === organisation.id) problems.push({ field: `partnerIds.${i}`, message: 'the organisation itself', messageZh: '不能是本组织' });
          else if (!(await orgStore.find(tx, pid, { ...viewer, organisationOnly: false, scope: '' }))) problems.push({ field: `partnerIds.${i}`, message: 'no such organisation', messageZh: '组织不存在' });
        }
        if (problems.length) throw validationFailed(problems);
        const projectId = await store.insertProject(tx, {
          organisationId: organisation.id,
          name: body.name,
          purpose: body.purpose,
          cause: body.cause,
          goalFen: body.goalFen ?? null,
          startsOn: body.startsOn,
          endsOn: body.endsOn ?? null,
          jurisdictionCode: body.jurisdictionCode,
          fundraisingFilingNo: body.fundraisingFilingNo ?? null,
          criteria: body.criteria ?? null,
          partnerIds: partners,
          createdBy: caller.kind === 'user' ? caller.id : null,
        });
        await audit.record(tx, actor, { action: 'create', entity: 'charity_project', entityId: projectId, jurisdictionCode: body.jurisdictionCode, changes: { name: { before: null, after: body.name }, organisationId: { before: null, after: organisation.id }, goalFen: { before: null, after: body.goalFen ?? null } } });
        return projectId;
      });
      return present((await getRow(caller, id))!);
    },

    async get(caller: Caller, id: number) {
      return present(await getRow(caller, id));
    },

    async list(caller: Caller, q: { organisationId?: number | undefined; limit: number; offset: number }) {
      const viewer = await organisations.viewerOf(caller);
      const { items, total } = await store.listProjects(db, viewer, q);
      return { items: await Promise.all(items.map(present)), total };
    },

    /**
     * What the Charity Law asks a charity to disclose per project, from the ledgers: money in,
     * money out (delivered, committed), the balance to the 分, goods in and out at their value,
     * and how many households and people were helped (counts only).
     */
    async disclosure(caller: Caller, id: number) {
      const row = await getRow(caller, id);
      const [m] = await queryRows<Record<string, number>>(db, sql`
        select
          coalesce((select sum(amount_fen) from donations where project_id = ${id} and kind = 'money'), 0)::bigint as received,
          (select count(*) from donations where project_id = ${id} and kind = 'money')::int as donations,
          coalesce((select sum(amount_fen) from donations where project_id = ${id} and kind = 'goods'), 0)::bigint as goods_in,
          coalesce((select sum(r.amount_fen) from distribution_recipients r join distributions d on d.id = r.distribution_id where d.project_id = ${id} and d.kind = 'money' and r.status = 'delivered'), 0)::bigint as distributed,
          coalesce((select sum(r.amount_fen) from distribution_recipients r join distributions d on d.id = r.distribution_id where d.project_id = ${id} and d.kind = 'money' and r.status = 'pending'), 0)::bigint as committed,
          coalesce((select sum(r.value_fen) from distribution_recipients r join distributions d on d.id = r.distribution_id where d.project_id = ${id} and d.kind = 'goods' and r.status = 'delivered'), 0)::bigint as goods_out,
          (select count(distinct r.household_id) from distribution_recipients r join distributions d on d.id = r.distribution_id where d.project_id = ${id} and r.status = 'delivered')::int as households,
          (select count(distinct m.person_id) from household_members m where m.left_at is null and m.household_id in (
             select r.household_id from distribution_recipients r join distributions d on d.id = r.distribution_id where d.project_id = ${id} and r.status = 'delivered'))::int as persons`);
      const n = (k: string) => Number(m![k] ?? 0);
      return {
        projectId: row.id,
        name: row.name,
        organisationName: row.organisationName,
        fundraisingFilingNo: row.fundraisingFilingNo,
        asOf: todayLocal(now()),
        moneyReceivedFen: n('received'),
        moneyDonations: n('donations'),
        moneyDistributedFen: n('distributed'),
        moneyCommittedFen: n('committed'),
        moneyBalanceFen: n('received') - n('distributed') - n('committed'),
        goodsReceivedValueFen: n('goods_in'),
        goodsDistributedValueFen: n('goods_out'),
        householdsHelped: n('households'),
        personsHelped: n('persons'),
      };
    },
  };
}
