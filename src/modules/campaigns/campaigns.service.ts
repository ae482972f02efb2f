// Campaigns (专项行动): a list of people built from the registry or imported, each assigned to the
// grid worker of their grid, visited, and struck off (逐人销号) only by a result that closes;
// other results schedule a re-visit. Figures are counted live from the targets, inside the
// caller's jurisdiction. Knows nothing of HTTP.
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import { ageOn } from '../../lib/age.ts';
import { addDays, todayLocal } from '../../lib/local-date.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import type { AuthUser } from '../auth/auth.service.ts';
import { findJurisdictionName } from '../auth/auth.store.ts';
import { activeCodes } from '../persons/vocabulary.store.ts';
import { rolesHolding } from '../../platform/authz.ts';
import * as store from './campaigns.store.ts';
import type { campaigns } from './campaigns.table.ts';
import { campaignPermissions } from './campaigns.policy.ts';
import type { ImportInput } from './campaigns.import.ts';
import { createCampaignImports } from './campaigns.import-job.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../imports/upload-limits.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { rollUp, rollUpCodes, withPercent } from './progress.ts';
import type { Campaign, CampaignImportJob, Checklist, CriteriaView, Progress, Target, TargetDetail, Visit } from './campaigns.schema.ts';
import type { z } from 'zod';
import type {
  CreateCampaignBody as CreateSchema,
  ChecklistInput as ChecklistSchema,
  ListCampaignsQuery as ListSchema,
  ListTargetsQuery as ListTargetsSchema,
  TargetCriteria as CriteriaSchema,
  UpdateCampaignBody as UpdateSchema,
  VisitBody as VisitSchema,
} from './campaigns.schema.ts';

export type Caller = Pick<AuthUser, 'id' | 'kind' | 'scope' | 'roles'> & { displayName?: string };
type Criteria = z.output<typeof CriteriaSchema>;

const NOT_FOUND = () => notFound('Campaign', '该专项行动');
const TARGET_NOT_FOUND = () => notFound('Target', '该走访对象');
export { MAX_ATTACHMENT_BYTES as MAX_PHOTO_BYTES } from '../attachments/index.ts';

/** Codes for checklist items left without one (r1, r2… / q1, q2…), labels in English defaulting to the Chinese. */
export function normaliseChecklist(input: z.output<typeof ChecklistSchema>): Checklist {
  const codes = (items: { code?: string | undefined }[], prefix: string) => {
    const used = new Set(items.flatMap((i) => (i.code ? [i.code] : [])));
    let n = 0;
    return items.map((i) => {
      if (i.code) return i.code;
      let code: string;
      do code = `${prefix}${++n}`;
      while (used.has(code));
      used.add(code);
      return code;
    });
  };
  const resultCodes = codes(input.results, 'r');
  const questionCodes = codes(input.questions, 'q');
  return {
    results: input.results.map((r, i) => ({ code: resultCodes[i]!, label: r.label, labelEn: r.labelEn || r.label, closes: r.closes })),
    questions: input.questions.map((q, i) => ({
      code: questionCodes[i]!,
      label: q.label,
      labelEn: q.labelEn || q.label,
      kind: q.kind,
      options: q.kind === 'choice' ? [...new Set(q.options ?? [])] : [],
      required: q.required,
    })),
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;

export function createCampaignsService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; attachments: AttachmentsService; jobs: JobQueue; uploadLimits?: UploadLimits; now?: () => Date }) {
  const { db, audit, sensitive, attachments } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => todayLocal(now());
  const listImports = createCampaignImports({ db, sensitive, audit, jobs: deps.jobs, limits: deps.uploadLimits ?? DEFAULT_UPLOAD_LIMITS, today });
  const visitorRoles = () => rolesHolding(campaignPermissions.visit).filter((r) => r !== 'admin');

  /** The caller's area covers the whole campaign: they may change it. */
  const covers = (caller: Caller, code: string) => isWithin(code, caller.scope);

  function presentCampaign(row: store.CampaignWithPlace, counts: store.CountRow | undefined, caller: Caller): Campaign {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      revisitDays: row.revisitDays,
      status: row.status as Campaign['status'],
      checklist: row.checklist as Checklist,
      criteria: (row.criteria as CriteriaView | null) ?? null,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      canManage: covers(caller, row.jurisdictionCode),
      counts: withPercent(counts ?? { total: 0, closed: 0, revisit: 0, pending: 0, unassigned: 0, due: 0 }),
    };
  }

  function presentTarget(row: store.TargetRowFull, startsOn: string): Target {
    return {
      id: row.id,
      campaignId: row.campaignId,
      personId: row.personId,
      name: row.name,
      sex: (row.sex as Target['sex']) ?? null,
      age: row.birthDate ? ageOn(row.birthDate, startsOn) : null,
      idNumberMasked: sensitive.masked('id_number', row.idNumberEnc),
      phoneMasked: sensitive.masked('phone', row.phoneEnc),
      address: row.address,
      tags: row.tags,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? '', jurisdictionCode: row.assigneeCode ?? '' },
      status: row.status as Target['status'],
      visitCount: row.visitCount,
      lastVisitOn: row.lastVisitOn,
      lastResult: row.lastResult,
      revisitOn: row.revisitOn,
      due: row.status === 'revisit' && row.revisitOn !== null && row.revisitOn <= today(),
      closedOn: row.closedOn,
    };
  }

  function presentVisit(v: store.VisitRow & { hasPhoto: boolean }): Visit {
    return {
      id: v.id,
      visitedOn: v.visitedOn,
      result: v.result,
      closes: v.closes,
      answers: v.answers as Visit['answers'],
      notes: v.notes,
      location: v.location,
      latitude: v.latitude,
      longitude: v.longitude,
      hasPhoto: v.hasPhoto,
      visitorName: v.visitorName,
      createdAt: v.createdAt.toISOString(),
    };
  }

  async function load(caller: Caller, id: number, tx: DbOrTx = db, lock = false): Promise<store.CampaignWithPlace> {
    const row = await store.findCampaign(tx, id, caller.scope, lock);
    if (!row) throw NOT_FOUND();
    return row;
  }

  async function loadManaged(caller: Caller, id: number, tx: DbOrTx = db): Promise<store.CampaignWithPlace> {
    const row = await load(caller, id, tx, true);
    if (!covers(caller, row.jurisdictionCode)) {
      throw new AppError('beyond_authority', 'This campaign covers more than your jurisdiction: only its organisers may change it', '该专项行动的范围超出您的辖区，只有发起单位可以修改');
    }
    return row;
  }

  async function loadTarget(caller: Caller, campaign: store.CampaignRow, targetId: number, tx: DbOrTx = db): Promise<store.TargetRowFull> {
    const row = await store.findTarget(tx, campaign.id, targetId, caller.scope);
    if (!row) throw TARGET_NOT_FOUND();
    return row;
  }

  /** Problems of the criteria against a campaign area (the place must lie inside it; tags must exist). */
  async function criteriaProblems(criteria: Criteria, area: string, prefix = 'criteria'): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (criteria.under !== undefined && !isWithin(criteria.under, area)) {
      problems.push({ field: `${prefix}.under`, message: 'must lie inside the campaign area', messageZh: '须在专项行动的区域范围内' });
    }
    if (criteria.tags?.length) {
      const known = await activeCodes(db, 'tag');
      const unknown = criteria.tags.filter((t) => !known.has(t));
      if (unknown.length) problems.push({ field: `${prefix}.tags`, message: `unknown: ${unknown.join(', ')}`, messageZh: `未知标签：${unknown.join('、')}` });
    }
    return problems;
  }

  const storedCriteria = (c: Criteria, area: string): CriteriaView & { under: string } => ({
    under: c.under ?? area,
    ...(c.minAge !== undefined ? { minAge: c.minAge } : {}),
    ...(c.maxAge !== undefined ? { maxAge: c.maxAge } : {}),
    ...(c.tags?.length ? { tags: c.tags, tagMode: c.tagMode } : {}),
    ...(c.sex ? { sex: c.sex } : {}),
  });

  async function areaProblems(caller: Caller, code: string, field = 'jurisdictionCode'): Promise<FieldProblem[]> {
    if (!isWithin(code, caller.scope)) return [{ field, message: 'outside your jurisdiction', messageZh: '不在本辖区范围内' }];
    if (!(await findJurisdictionName(db, code))) return [{ field, message: `unknown jurisdiction ${code}`, messageZh: `区划代码 ${code} 不存在` }];
    return [];
  }

  function figuresRoot(caller: Caller, campaign: store.CampaignRow): string {
    return caller.scope.length > campaign.jurisdictionCode.length ? caller.scope : campaign.jurisdictionCode;
  }

  const service = {
    async create(caller: Caller, body: z.output<typeof CreateSchema>, actor: Actor): Promise<Campaign> {
      const problems = await areaProblems(caller, body.jurisdictionCode);
      if (body.criteria) problems.push(...(await criteriaProblems(body.criteria, body.jurisdictionCode)));
      if (problems.length) throw validationFailed(problems);
      const checklist = normaliseChecklist(body.checklist);
      const criteria = body.criteria ? storedCriteria(body.criteria, body.jurisdictionCode) : null;
      const id = await db.transaction(async (tx) => {
        const row = await store.insertCampaign(tx, {
          name: body.name,
          description: body.description ?? null,
          jurisdictionCode: body.jurisdictionCode,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          revisitDays: body.revisitDays,
          checklist,
          criteria,
          createdBy: actor.name,
        });
        const built = criteria ? await store.buildTargets(tx, row, criteria, caller.scope) : undefined;
        await audit.record(tx, actor, {
          action: 'campaign.create',
          entity: 'campaign',
          entityId: row.id,
          jurisdictionCode: row.jurisdictionCode,
          reason: `${row.name}${built ? `; ${built.added} targets from ${JSON.stringify(criteria)}` : ''}`,
        });
        return row.id;
      });
      return service.get(caller, id);
    },

    async preview(caller: Caller, body: { jurisdictionCode: string; startsOn: string; criteria: Criteria }) {
      const problems = [...(await areaProblems(caller, body.jurisdictionCode)), ...(await criteriaProblems(body.criteria, body.jurisdictionCode))];
      if (problems.length) throw validationFailed(problems);
      return store.previewCount(db, body.jurisdictionCode, storedCriteria(body.criteria, body.jurisdictionCode), body.startsOn, caller.scope);
    },

    async list(caller: Caller, q: z.output<typeof ListSchema>) {
      const { items, total } = await store.listCampaigns(db, { scope: caller.scope, q: q.q, status: q.status, limit: q.limit, offset: q.offset });
      const counts = await store.countsByCampaign(db, items.map((c) => c.id), caller.scope, today());
      return { items: items.map((c) => presentCampaign(c, counts.get(c.id), caller)), total };
    },

    async get(caller: Caller, id: number): Promise<Campaign> {
      const row = await load(caller, id);
      const counts = await store.countsByCampaign(db, [id], caller.scope, today());
      return presentCampaign(row, counts.get(id), caller);
    },

    async update(caller: Caller, id: number, patch: z.output<typeof UpdateSchema>, actor: Actor): Promise<Campaign> {
      await db.transaction(async (tx) => {
        const row = await loadManaged(caller, id, tx);
        if (patch.endsOn !== undefined && patch.endsOn < row.startsOn) {
          throw validationFailed([{ field: 'endsOn', message: 'must not be before the start date', messageZh: '不能早于开始日期' }]);
        }
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        const values: Partial<typeof campaigns.$inferInsert> = {};
        for (const key of ['name', 'description', 'endsOn', 'revisitDays', 'status'] as const) {
          const next = patch[key];
          if (next === undefined || next === row[key]) continue;
          changes[key] = { before: row[key], after: next };
          (values as Record<string, unknown>)[key] = next;
        }
        if (Object.keys(changes).length === 0) return;
        await store.updateCampaign(tx, id, values);
        await audit.record(tx, actor, { action: 'campaign.update', entity: 'campaign', entityId: id, jurisdictionCode: row.jurisdictionCode, changes });
      });
      return service.get(caller, id);
    },

    /** Add the persons matching a registry query (set-based); people already listed stay as they are. */
    async build(caller: Caller, id: number, criteria: Criteria, actor: Actor) {
      const started = performance.now();
      return db.transaction(async (tx) => {
        const campaign = await loadManaged(caller, id, tx);
        const problems = await criteriaProblems(criteria, campaign.jurisdictionCode);
        if (problems.length) throw validationFailed(problems);
        const stored = storedCriteria(criteria, campaign.jurisdictionCode);
        const { matched, added } = await store.buildTargets(tx, campaign, stored, caller.scope);
        if (!campaign.criteria) await store.updateCampaign(tx, id, { criteria: stored });
        await audit.record(tx, actor, { action: 'campaign.build', entity: 'campaign', entityId: id, jurisdictionCode: campaign.jurisdictionCode, reason: `${added} targets added from ${JSON.stringify(stored)}` });
        return { added, alreadyListed: matched - added, seconds: Math.round(performance.now() - started) / 1000 };
      });
    },

    jobs: [listImports.job],

    /** Starts a list import in the background (202); its status and report come from importStatus. */
    async importTargets(caller: Caller, id: number, input: ImportInput, actor: Actor): Promise<CampaignImportJob> {
      const campaign = await loadManaged(caller, id);
      return listImports.start(campaign, caller, input, actor);
    },

    async importStatus(caller: Caller, id: number, importId: number): Promise<CampaignImportJob> {
      await load(caller, id);
      return listImports.get(caller, id, importId);
    },

    async autoAssign(caller: Caller, id: number, under: string | undefined, actor: Actor) {
      return db.transaction(async (tx) => {
        const campaign = await load(caller, id, tx, true);
        const area = under ?? (caller.scope.length > campaign.jurisdictionCode.length ? caller.scope : campaign.jurisdictionCode);
        if (!isWithin(area, campaign.jurisdictionCode) && !isWithin(campaign.jurisdictionCode, area)) {
          throw validationFailed([{ field: 'under', message: 'must lie inside the campaign area', messageZh: '须在专项行动的区域范围内' }]);
        }
        const assigned = await store.autoAssign(tx, campaign, area, caller.scope);
        const counts = await store.countsByPlace(tx, id, caller.scope, today());
        const stillUnassigned = counts.filter((c) => c.code.startsWith(area)).reduce((n, c) => n + c.unassigned, 0);
        if (assigned > 0) {
          await audit.record(tx, actor, { action: 'campaign.assign', entity: 'campaign', entityId: id, jurisdictionCode: area || campaign.jurisdictionCode, reason: `${assigned} targets assigned to their grid workers` });
        }
        return { assigned, stillUnassigned };
      });
    },

    async progress(caller: Caller, id: number): Promise<Progress> {
      const campaign = await load(caller, id);
      const root = figuresRoot(caller, campaign);
      const leaves = await store.countsByPlace(db, id, caller.scope, today());
      const names = await store.placeNames(db, rollUpCodes(root, leaves));
      const { root: total, rows } = rollUp(root, leaves, names);
      return { asOf: today(), root: total, rows };
    },

    async targets(caller: Caller, id: number, q: z.output<typeof ListTargetsSchema>) {
      const campaign = await load(caller, id);
      const { limit, offset, ...filter } = q;
      const { items, total } = await store.listTargets(db, id, caller.scope, filter, today(), caller.id, { limit, offset });
      return { items: items.map((t) => presentTarget(t, campaign.startsOn)), total };
    },

    async target(caller: Caller, id: number, targetId: number): Promise<TargetDetail> {
      const campaign = await load(caller, id);
      const row = await loadTarget(caller, campaign, targetId);
      const visits = await store.visitsOf(db, targetId);
      return { ...presentTarget(row, campaign.startsOn), visits: visits.map(presentVisit) };
    },

    async assign(caller: Caller, id: number, targetId: number, assigneeUserId: number | null, actor: Actor): Promise<Target> {
      await db.transaction(async (tx) => {
        const campaign = await load(caller, id, tx);
        const target = await loadTarget(caller, campaign, targetId, tx);
        await store.lockTarget(tx, targetId);
        if (assigneeUserId !== null) {
          const user = await store.findUser(tx, assigneeUserId);
          const fits =
            user &&
            !user.disabled &&
            user.jurisdictionCode !== null &&
            isWithin(user.jurisdictionCode, caller.scope) &&
            isWithin(target.jurisdictionCode, user.jurisdictionCode) &&
            user.roles.some((r) => visitorRoles().includes(r as never));
          if (!fits) {
            throw validationFailed([{ field: 'assigneeUserId', message: 'not a worker responsible for this person’s place in your jurisdiction', messageZh: '不是本辖区内负责该对象所在区划的工作人员' }]);
          }
        }
        if (target.assigneeId === assigneeUserId) return;
        await store.setAssignee(tx, targetId, assigneeUserId);
        await audit.record(tx, actor, {
          action: 'campaign.assign',
          entity: 'campaign_target',
          entityId: targetId,
          jurisdictionCode: target.jurisdictionCode,
          changes: { assigneeUserId: { before: target.assigneeId, after: assigneeUserId } },
        });
      });
      const campaign = await load(caller, id);
      return presentTarget(await loadTarget(caller, campaign, targetId), campaign.startsOn);
    },

    /** A visit: a closing result strikes the target off; any other schedules a re-visit. */
    async visit(caller: Caller, id: number, targetId: number, body: z.output<typeof VisitSchema>, actor: Actor) {
      const day = today();
      const visitId = await db.transaction(async (tx) => {
        const campaign = await load(caller, id, tx);
        const target = await loadTarget(caller, campaign, targetId, tx);
        const locked = (await store.lockTarget(tx, targetId))!;
        if (campaign.status !== 'active') throw new AppError('conflict', 'The campaign is closed: no more visits', '该专项行动已结束，不能再登记走访');
        if (locked.status === 'closed') {
          throw new AppError('conflict', `Already struck off on ${locked.closedOn}`, `该对象已于 ${locked.closedOn} 销号`);
        }
        const checklist = campaign.checklist as Checklist;
        const problems: FieldProblem[] = [];
        if (body.visitedOn > day) problems.push({ field: 'visitedOn', message: 'must not be in the future', messageZh: '不能晚于今天' });
        if (body.visitedOn < campaign.startsOn) problems.push({ field: 'visitedOn', message: `must not be before the campaign start (${campaign.startsOn})`, messageZh: `不能早于专项行动开始日期（${campaign.startsOn}）` });
        if (locked.lastVisitOn && body.visitedOn < locked.lastVisitOn) {
          problems.push({ field: 'visitedOn', message: `must not be before the last visit (${locked.lastVisitOn})`, messageZh: `不能早于上次走访日期（${locked.lastVisitOn}）` });
        }
        const result = checklist.results.find((r) => r.code === body.result);
        if (!result) problems.push({ field: 'result', message: `not a result of this campaign: ${body.result}`, messageZh: `不是本专项行动的走访结果：${body.result}` });
        const answers: Record<string, string | boolean> = {};
        for (const [code, value] of Object.entries(body.answers)) {
          const question = checklist.questions.find((q) => q.code === code);
          if (!question) {
            problems.push({ field: `answers.${code}`, message: 'no such question', messageZh: '没有这个问题' });
            continue;
          }
          if (value === '') continue;
          if (question.kind === 'yesno' ? typeof value !== 'boolean' : typeof value !== 'string') {
            problems.push({ field: `answers.${code}`, message: question.kind === 'yesno' ? 'answer yes or no' : 'answer in words', messageZh: question.kind === 'yesno' ? '请选择是或否' : '请填写文字' });
          } else if (question.kind === 'choice' && !question.options.includes(value as string)) {
            problems.push({ field: `answers.${code}`, message: `choose one of ${question.options.join(', ')}`, messageZh: `请从 ${question.options.join('、')} 中选择` });
          } else answers[code] = value;
        }
        // A closing visit met the person: the required questions must be answered.
        if (result?.closes) {
          for (const q of checklist.questions) {
            if (q.required && answers[q.code] === undefined && !problems.some((p) => p.field === `answers.${q.code}`)) problems.push({ field: `answers.${q.code}`, message: `${q.labelEn} is required`, messageZh: `请填写“${q.label}”` });
          }
        }
        if ((body.latitude === undefined) !== (body.longitude === undefined)) {
          problems.push({ field: 'longitude', message: 'latitude and longitude go together', messageZh: '经度和纬度须同时填写' });
        }
        if (problems.length) throw validationFailed(problems);
        const closes = result!.closes;
        const visit = await store.insertVisit(tx, {
          campaignId: id,
          targetId,
          visitedOn: body.visitedOn,
          result: result!.code,
          closes,
          answers,
          notes: body.notes || null,
          location: body.location || null,
          latitude: body.latitude ?? null,
          longitude: body.longitude ?? null,
          visitorUserId: caller.kind === 'user' ? caller.id : null,
          visitorName: caller.displayName ?? actor.name,
        });
        const revisitOn = closes ? null : addDays(body.visitedOn, campaign.revisitDays);
        await store.recordOutcome(tx, targetId, { visitId: visit.id, visitedOn: body.visitedOn, result: result!.code, closes, revisitOn });
        await audit.record(tx, actor, {
          action: closes ? 'campaign.strike_off' : 'campaign.visit',
          entity: 'campaign_target',
          entityId: targetId,
          jurisdictionCode: target.jurisdictionCode,
          changes: { status: { before: locked.status, after: closes ? 'closed' : 'revisit' }, ...(revisitOn ? { revisitOn: { before: locked.revisitOn, after: revisitOn } } : {}) },
          reason: `${campaign.name}: ${result!.label} (${body.visitedOn})`,
        });
        return visit.id;
      });
      const detail = await service.target(caller, id, targetId);
      const { visits, ...target } = detail;
      return { visit: visits.find((v) => v.id === visitId)!, target };
    },

    // The visit's photo is kept by the attachments module, owned by ('campaign_visit', visit id):
    // one per visit, a new one replaces it.
    async putPhoto(caller: Caller, id: number, targetId: number, visitId: number, content: Buffer | undefined, actor: Actor) {
      const photo = { content, kind: 'photo', accept: 'photo', field: 'photo' } as const;
      await db.transaction(async (tx) => {
        const campaign = await load(caller, id, tx);
        const target = await loadTarget(caller, campaign, targetId, tx);
        const visit = await store.findVisit(tx, targetId, visitId);
        if (!visit) throw notFound('Visit', '该走访记录');
        const checked = attachments.check(photo);
        const owner = { kind: store.VISIT_PHOTO_OWNER, id: visitId, jurisdictionCode: target.jurisdictionCode };
        await attachments.replace(tx, owner, { ...photo, checked, fileName: `visit-${visitId}` }, caller.kind === 'user' ? caller.id : null);
        await audit.record(tx, actor, { action: 'campaign.photo', entity: 'campaign_visit', entityId: visitId, jurisdictionCode: target.jurisdictionCode, reason: `${checked.mediaType}, ${checked.sizeBytes} bytes, sha256 ${checked.sha256.slice(0, 16)}` });
      });
    },

    async getPhoto(caller: Caller, id: number, targetId: number, visitId: number, actor: Actor) {
      const campaign = await load(caller, id);
      const target = await loadTarget(caller, campaign, targetId);
      const visit = await store.findVisit(db, targetId, visitId);
      const owners = [{ kind: store.VISIT_PHOTO_OWNER, ids: visit ? [visitId] : [] }];
      const photo = (await attachments.list(owners)).findLast((a) => a.kind === 'photo');
      if (!photo) throw notFound('Photo', '该照片');
      const file = await attachments.open(owners, photo.id, actor, { jurisdictionCode: target.jurisdictionCode, label: campaign.name });
      return { mimeType: file.meta.mediaType, content: file.content };
    },

    async workers(caller: Caller, id: number) {
      const campaign = await load(caller, id);
      const rows = await store.workers(db, campaign, caller.scope, visitorRoles());
      return { items: rows.map((r) => ({ id: r.id, name: r.name, jurisdictionCode: r.jurisdictionCode, roles: r.roles, open: r.open })) };
    },

    async dueRevisits(caller: Caller, q: { mine: boolean; limit: number }) {
      const { items, total } = await store.dueRevisits(db, caller.scope, today(), q.mine ? caller.id : undefined, q.limit);
      return { items: items.map((t) => ({ ...presentTarget(t, t.startsOn!), campaignName: t.campaignName! })), total };
    },

    /** For the export: the campaign, checked against the caller's scope. */
    load,
    presentTarget,
    today,
  };
  return service;
}

