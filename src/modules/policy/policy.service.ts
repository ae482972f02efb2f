// The policy module's service: parameters as dated data (files loaded into the database, admins
// add dated values with audit), eligibility of a household with explanations, the anonymous
// self-check, and screening results. The engine under engine/ stays pure.
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { isSystemAdmin, onlySystemAdmin } from '../../platform/authz.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { isWithin } from '../../lib/division-code.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as households from '../households/households.store.ts';
import * as places from '../jurisdictions/jurisdictions.store.ts';
import { PARAMETERS, isParameterKey, type ParameterKey } from './engine/parameters.catalog.ts';
import { ParameterIndex, jurisdictionChain, type ParameterEntry, type ParameterSet, type Provenance } from './engine/parameters.ts';
import { checkParameterSet, checkParameterValue } from './engine/parameters.validate.ts';
import { formatParameterValue, type Decision, type ProgramId } from './engine/decision.ts';
import { evaluateHousehold, sortDecisions } from './engine/household-decisions.ts';
import { evaluateWith } from './engine/evaluate.ts';
import type { HouseholdFacts } from './engine/facts.ts';
import { reasons, summarize } from './engine/explain.ts';
import { PROGRAM_LIST, PROGRAMS } from './programs/index.ts';
import { factsFromRegistry } from './registry-facts.ts';
import { factsRowById } from './policy.facts.store.ts';
import { selfCheckFacts } from './self-check.ts';
import * as store from './policy.store.ts';
import type { DecisionView, NewParameterEntry, ScreeningResultsQuery, SelfCheckBody } from './policy.schema.ts';
import type { z } from 'zod';

type NewEntry = z.output<typeof NewParameterEntry>;
type SelfCheck = z.output<typeof SelfCheckBody>;
type ResultsQuery = z.output<typeof ScreeningResultsQuery>;

type Caller = { scope: string; roles: readonly string[] };
const NATIONAL = { zh: '全国', en: 'national' };

export type PolicyService = ReturnType<typeof createPolicyService>;

export function createPolicyService(deps: { db: Db; audit: AuditService; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  let cached: { lastId: number; index: ParameterIndex } | null = null;

  /** The parameter index, rebuilt only when a row was added since (one tiny query per call). */
  async function index(): Promise<ParameterIndex> {
    const lastId = await store.lastParameterId(db);
    if (cached && cached.lastId === lastId) return cached.index;
    const rows = await store.allParameterRows(db);
    cached = { lastId, index: new ParameterIndex(rows.map(store.toEntry)) };
    return cached.index;
  }

  async function nameMap(codes: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set([...codes].filter((c) => c !== ''))];
    const rows = await places.namesOf(db, wanted);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  function provenanceView(p: Provenance | undefined | null, names: Map<string, string>) {
    if (!p) return null;
    return { ...p, jurisdictionName: p.jurisdiction === '' ? NATIONAL.zh : (names.get(p.jurisdiction) ?? p.jurisdiction) };
  }

  function decisionView(d: Decision, names: string[], setNames: Map<string, string>): DecisionView {
    const program = PROGRAMS.get(d.program)!;
    return {
      program: d.program,
      zh: program.zh,
      en: program.en,
      status: d.status,
      amountFen: d.amountFen,
      period: d.period,
      durationMonths: d.durationMonths,
      category: d.category,
      missing: d.missing,
      nearMiss: d.nearMiss,
      subject: d.subject,
      subjectName: d.subject !== null ? (names[d.subject] ?? null) : null,
      summary: summarize(d, program),
      basis: program.basis,
      applyAt: program.applyAt,
      trace: (d.trace ?? []).map((c) => ({
        id: c.id, pass: c.pass, zh: c.zh, en: c.en, basis: c.basis,
        parameters: c.parameters.map((u) => ({ key: u.key, text: u.text, provenance: provenanceView(u.provenance, setNames) })),
      })),
    };
  }

  async function validateAgainstSets(entry: ParameterEntry): Promise<{ key: string; message: string; messageZh: string }[]> {
    const current = await index();
    const candidate = new ParameterIndex([...current.entries, entry]);
    // The entry's own level and every level below it that has values of its own.
    const targets = new Set([entry.jurisdiction, ...candidate.jurisdictions().filter((j) => j !== entry.jurisdiction && j.startsWith(entry.jurisdiction))]);
    const problems = new Map<string, { key: string; message: string; messageZh: string }>();
    for (const j of targets) {
      for (const p of checkParameterSet(candidate.resolve(j, entry.from).values)) problems.set(`${p.key}:${p.message}`, p);
    }
    return [...problems.values()];
  }

  return {
    index,

    programs() {
      return PROGRAM_LIST.map((p) => ({ id: p.id, zh: p.zh, en: p.en, basis: p.basis, level: p.level, applyAt: p.applyAt }));
    },

    async parameters(caller: Caller, query: { jurisdiction?: string; date?: string }) {
      const jurisdiction = query.jurisdiction ?? caller.scope;
      const date = query.date ?? todayLocal(now());
      const set = (await index()).resolve(jurisdiction, date);
      const names = await nameMap([jurisdiction, ...Object.values(set.provenance).map((p) => p!.jurisdiction)]);
      const parameters = (Object.keys(PARAMETERS) as ParameterKey[]).map((key) => {
        const def = PARAMETERS[key] as { kind: string; zh: string; en: string; unit?: string; options?: readonly string[] };
        return {
          key, zh: def.zh, en: def.en, kind: def.kind, unit: def.unit ?? null, options: def.options ? [...def.options] : null,
          value: set.values[key] ?? null,
          display: formatParameterValue(key, set.values[key]),
          provenance: provenanceView(set.provenance[key], names),
        };
      });
      return { jurisdiction, jurisdictionName: jurisdiction === '' ? NATIONAL.zh : (names.get(jurisdiction) ?? jurisdiction), date, parameters, problems: checkParameterSet(set.values) };
    },

    async history(key: string, jurisdiction: string) {
      if (!isParameterKey(key)) throw notFound(`Parameter ${key}`, `参数 ${key}`);
      const rows = await store.parameterHistory(db, key, jurisdictionChain(jurisdiction));
      const names = await nameMap(rows.map((r) => r.jurisdiction));
      return {
        items: rows.map((r) => ({
          id: r.id, key: r.key, jurisdiction: r.jurisdiction, jurisdictionName: r.jurisdiction === '' ? NATIONAL.zh : (names.get(r.jurisdiction) ?? r.jurisdiction),
          from: r.validFrom, value: r.value, display: formatParameterValue(key, r.value), tag: r.tag as ParameterEntry['tag'], source: r.source,
          createdBy: r.createdBy, createdAt: new Date(r.createdAt).toISOString(),
        })),
      };
    },

    async addParameter(caller: Caller, actor: Actor, body: NewEntry) {
      if (!isParameterKey(body.key)) throw validationFailed([{ field: 'key', message: `unknown parameter ${body.key}`, messageZh: `未知参数 ${body.key}` }]);
      // A caller sets values for their own area and below; national values apply to every area,
      // so only an administrator of the whole system sets them.
      if (body.jurisdiction === '' && !isSystemAdmin(caller)) throw onlySystemAdmin('set national parameter values', '设置全国参数值');
      if (!isWithin(body.jurisdiction, caller.scope)) {
        throw new AppError('forbidden', 'You can set parameters only inside your own area', '只能设置本辖区及下级区划的参数');
      }
      if (body.jurisdiction !== '' && !(await places.exists(db, body.jurisdiction))) {
        throw validationFailed([{ field: 'jurisdiction', message: 'unknown jurisdiction', messageZh: '区划不存在' }]);
      }
      const valueProblems = checkParameterValue(body.key, body.value);
      if (valueProblems.length > 0) throw validationFailed(valueProblems.map((p) => ({ field: 'value', message: p.message, messageZh: p.messageZh })));
      const entry: ParameterEntry = { key: body.key, jurisdiction: body.jurisdiction, from: body.from, value: body.value, tag: body.tag, source: body.source };
      const setProblems = await validateAgainstSets(entry);
      if (setProblems.length > 0) throw validationFailed(setProblems.map((p) => ({ field: 'value', message: p.message, messageZh: p.messageZh })));
      const row = await db.transaction(async (tx) => {
        const [inserted] = await store.insertParameters(tx, [{ key: entry.key, jurisdiction: entry.jurisdiction, validFrom: entry.from, value: entry.value, tag: entry.tag, source: entry.source, origin: 'user', createdBy: actor.name }]);
        await audit.record(tx, actor, {
          action: 'policy.parameter.add', entity: 'policy_parameter', entityId: inserted!.id, jurisdictionCode: entry.jurisdiction || null,
          changes: { [entry.key]: { before: null, after: entry.value } }, reason: entry.source,
        });
        return inserted!;
      });
      const names = await nameMap([row.jurisdiction]);
      return {
        id: row.id, key: row.key, jurisdiction: row.jurisdiction, jurisdictionName: row.jurisdiction === '' ? NATIONAL.zh : (names.get(row.jurisdiction) ?? row.jurisdiction),
        from: row.validFrom, value: row.value, display: formatParameterValue(entry.key, row.value), tag: entry.tag, source: row.source,
        createdBy: row.createdBy, createdAt: new Date(row.createdAt).toISOString(),
      };
    },

    /** Every program for one household the caller may see, with explanations, as of a date. */
    async eligibility(caller: Caller, householdId: number, query: { date?: string }) {
      const date = query.date ?? todayLocal(now());
      const household = await households.findInScope(db, householdId, caller.scope);
      if (!household) throw notFound('Household', '该户');
      const row = await factsRowById(db, householdId, date);
      if (!row) throw notFound('Household', '该户');
      const { facts, names } = factsFromRegistry(row, date);
      const set: ParameterSet = (await index()).resolve(household.jurisdictionCode, date);
      const setNames = await nameMap(Object.values(set.provenance).map((p) => p!.jurisdiction));
      const decisions = sortDecisions(evaluateHousehold(facts, date, set, PROGRAM_LIST, { explain: true, placeName: (c) => setNames.get(c) }), PROGRAM_LIST);
      return { householdId, date, jurisdictionCode: household.jurisdictionCode, decisions: decisions.map((d) => decisionView(d, names, setNames)) };
    },

    /**
     * One program for one household as of a date, with its trace: what an assistance case attaches
     * at 审核. `subjectPersonId` picks the member of a person-level program (特困, 事实无人抚养);
     * `temporary` is the 临时救助 application with the year's history. Null without a facts row.
     * Reads with the service's own connection: call it outside a transaction (PGlite has one).
     */
    async decide(q: { householdId: number; program: ProgramId; date: string; subjectPersonId?: number | null; temporary?: HouseholdFacts['temporary'] }): Promise<DecisionView | null> {
      const program = PROGRAMS.get(q.program);
      const row = await factsRowById(db, q.householdId, q.date);
      if (!program || !row) return null;
      const { facts, names, personIds } = factsFromRegistry(row, q.date);
      if (q.subjectPersonId !== undefined && q.subjectPersonId !== null && personIds.includes(q.subjectPersonId)) facts.subject = personIds.indexOf(q.subjectPersonId);
      if (q.temporary) facts.temporary = q.temporary;
      const set = (await index()).resolve(row.jurisdictionCode, q.date);
      const setNames = await nameMap(Object.values(set.provenance).map((p) => p!.jurisdiction));
      const d = evaluateWith(program, facts, q.date, set, { explain: true, placeName: (c) => setNames.get(c) });
      if (d.subject === null && facts.subject !== undefined) d.subject = facts.subject;
      return decisionView(d, names, setNames);
    },

    async publicPlaces() {
      const counties = await places.countiesWithParents(db);
      return { items: counties };
    },

    /** The anonymous self-check: nothing is stored. */
    async selfCheck(body: SelfCheck) {
      const date = todayLocal(now());
      const names = await nameMap([body.countyCode]);
      if (!names.has(body.countyCode)) throw validationFailed([{ field: 'countyCode', message: 'unknown county', messageZh: '区县不存在' }]);
      const set = (await index()).resolve(body.countyCode, date);
      const facts = selfCheckFacts(body, date, set.values['dibao.serious_illnesses'] ?? []);
      const setNames = await nameMap(Object.values(set.provenance).map((p) => p!.jurisdiction));
      const decisions = sortDecisions(evaluateHousehold(facts, date, set, PROGRAM_LIST, { explain: true, placeName: (c) => setNames.get(c) }), PROGRAM_LIST);
      // One line per program: the best decision about any member.
      const best = new Map<string, Decision>();
      // Programs about what the resident did not tell (no emergency, not unemployed) or about
      // current recipients only (medical-aid tiers) are left out rather than answered "needs information".
      const untold = new Set<string>(['medical_aid']);
      if (!facts.temporary) untold.add('temporary');
      if (!facts.unemployment) { untold.add('unemployment_insurance'); untold.add('unemployment_subsidy'); }
      for (const d of decisions) if (!best.has(d.program) && !untold.has(d.program)) best.set(d.program, d);
      const results = [...best.values()].map((d) => {
        const program = PROGRAMS.get(d.program)!;
        const hideAmount = d.program === 'temporary';
        return {
          program: d.program, zh: program.zh, en: program.en, status: d.status,
          amountFen: hideAmount ? null : d.amountFen, period: hideAmount ? null : d.period,
          summary: summarize(hideAmount ? { ...d, amountFen: null } : d, program), reasons: reasons(d), applyAt: program.applyAt,
        };
      });
      return {
        date, countyName: names.get(body.countyCode)!, results,
        notice: { zh: '本测算不保存您填写的任何信息，结果仅供参考，不是审批决定；以乡镇（街道）审核、县级民政部门确认为准。', en: 'Nothing you enter is stored. This is a guide, not a decision: the township review and the county civil-affairs bureau decide.' },
      };
    },

    async runs(caller: Caller) {
      const rows = await store.listRuns(db, caller.scope);
      return { items: rows.map(runView) };
    },

    async results(caller: Caller, runId: number, query: ResultsQuery) {
      const run = await store.findRun(db, runId, caller.scope);
      if (!run) throw notFound('Screening run', '筛查批次');
      return store.listResults(db, runId, caller.scope, query) as Promise<{ total: number; items: never[] }>;
    },
  };
}

export function runView(r: store.RunRow) {
  return {
    id: r.id, programs: r.programs, jurisdictionCode: r.jurisdictionCode, date: r.asOf, status: r.status as 'running' | 'done' | 'failed',
    householdsTotal: r.householdsTotal, householdsDone: r.householdsDone, eligibleCount: r.eligibleCount,
    startedAt: new Date(r.startedAt).toISOString(), finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null, startedBy: r.startedBy,
  };
}
