// Text at the edge: NUL and lone surrogates anywhere in a request are a 400 naming the field (in
// both languages, and in GeoReport's format under /open311), never a 500; everything else is
// stored NFC; names made of invisible characters or carrying direction controls are refused; and
// every date a route takes lies within 1900-01-01 … 2100-12-31.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKLIST_PRESETS } from '../src/modules/campaigns/campaigns.schema.ts';
import { createTestApp, type Session, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Session;
before(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
after(() => t.close());

const COMMUNITY = '140107001001';
type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; payload?: unknown; headers?: Record<string, string> };

async function send(req: Req, session: Session | null = admin) {
  return t.app.inject({ ...req, headers: { ...(session?.headers ?? {}), ...(req.headers ?? {}) } } as never);
}

/** A 400 in the API's error shape naming `field`, with a Chinese message. */
async function refused(req: Req, field: string, message: RegExp, session: Session | null = admin) {
  const res = await send(req, session);
  assert.equal(res.statusCode, 400, `${req.method} ${req.url}: ${res.body}`);
  const body = res.json();
  assert.equal(body.error, 'validation_failed');
  assert.equal(typeof body.requestId, 'string');
  const problem = body.fields?.find((f: { field: string }) => f.field === field);
  assert.ok(problem, `${req.method} ${req.url}: no problem named ${field} in ${res.body}`);
  assert.match(problem.message, message);
  assert.match(problem.messageZh, /[\u4e00-\u9fff]/);
  return body;
}

/** Open311 answers [{ code, description }] naming the parameter. */
async function refusedGeo(req: Req, field: string) {
  const res = await send(req, null);
  assert.equal(res.statusCode, 400, `${req.method} ${req.url}: ${res.body}`);
  const [error] = res.json();
  assert.equal(error.code, 400);
  assert.match(error.description, new RegExp(`参数有误：${field} `));
}

const NUL = /NUL character/;
const SURROGATE = /lone UTF-16 surrogate/;

// ── NUL and lone surrogates ──

test('public routes: NUL in the login name, a help request’s description, an Open311 query or form post → 400, not 500', async () => {
  await refused({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } }, 'username', NUL, null);
  await refused({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'pa\ud800ss' } }, 'password', SURROGATE, null);
  await refused(
    { method: 'POST', url: '/api/public/requests', payload: { categoryCode: 'facility_repair', description: '楼道灯坏了\u0000', jurisdictionCode: COMMUNITY, contactName: '韩同名' } },
    'description', NUL, null,
  );
  await refusedGeo({ method: 'GET', url: '/open311/v2/requests.json?service_code=%00' }, 'service_code');
  await refusedGeo({ method: 'GET', url: '/open311/v2/services/%00.json' }, 'code');
  await refusedGeo({
    method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'service_code=facility_repair&description=%E7%81%AF%00&address_string=x',
  }, 'description');
});

test('staff routes: NUL in a search, a path parameter and a nested body field; a lone surrogate in an audited reason', async () => {
  await refused({ method: 'GET', url: '/api/persons?q=%00' }, 'q', NUL);
  await refused({ method: 'GET', url: '/api/jurisdictions/14%00' }, 'code', NUL);
  // The audit chain's reproduction: a lone surrogate in `reason` used to be hashed as sent and stored as U+FFFD.
  await refused({ method: 'PATCH', url: '/api/persons/1', payload: { address: '幸福路1号', reason: '\ud800' } }, 'reason', SURROGATE);
  await refused({
    method: 'POST', url: '/api/council-meetings',
    payload: { jurisdictionCode: COMMUNITY, heldOn: '2025-06-10', title: '民意直通车', attendees: [{ name: '王书记' }, { name: '陈\u0000主任' }] },
  }, 'attendees.1.name', NUL);
});

test('object keys, header values and absurd nesting are checked too; every problem is listed', async () => {
  await refused({ method: 'POST', url: '/api/campaigns/1/targets/1/visits', payload: { visitedOn: '2025-01-01', result: 'done', answers: { 'a\u0000b': 'x' } } }, 'answers.a\\u0000b', NUL);
  await refused({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x' }, headers: { 'user-agent': 'probe\u0000' } }, 'header.user-agent', NUL, null);
  let deep: unknown = 'x';
  for (let i = 0; i < 100; i++) deep = [deep];
  await refused({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x', extra: deep } }, `extra${'.0'.repeat(63)}`, /nested too deeply/, null);
  const body = await refused({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000', password: 'b\udc00' } }, 'username', NUL, null);
  assert.deepEqual(body.fields.map((f: { field: string }) => f.field), ['username', 'password']);
  assert.match(body.messageZh, /username：不能包含空字符/);
});

test('a campaign target list with a NUL in a name is a row problem, not a 500', async () => {
  const created = await send({ method: 'POST', url: '/api/campaigns', payload: { name: '名单导入', jurisdictionCode: '140107', startsOn: '2025-01-01', endsOn: '2025-12-31', checklist: CHECKLIST_PRESETS.vaccination.checklist } });
  assert.equal(created.statusCode, 201, created.body);
  const csv = Buffer.from('姓名,出生日期\n王\u0000秀英,1949-12-31\n', 'utf8');
  const started = await send({ method: 'POST', url: `/api/campaigns/${created.json().id}/targets/import?fileName=list.csv`, headers: { 'content-type': 'text/csv' }, payload: csv });
  assert.equal(started.statusCode, 202, started.body);
  // The import runs as a job: run it, then read its report.
  const { createWorker } = await import('../src/platform/jobs/index.ts');
  const { jobDefinitions } = await import('../src/app/services.ts');
  const { createLogger } = await import('../src/platform/logger.ts');
  await createWorker({ db: t.database.db, definitions: jobDefinitions(t.services), log: createLogger('silent') }).drain();
  const res = await send({ method: 'GET', url: started.json().statusUrl });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'done', res.body);
  const [row] = res.json().report.rows;
  assert.equal(row.outcome, 'unmatched');
  assert.match(row.messageZh, /不能包含空字符/);
});

// ── NFC ──

test('text is stored NFC: a decomposed é is stored composed and found either way', async () => {
  const decomposed = 'Jose\u0301 Garci\u0301a';
  const composed = decomposed.normalize('NFC');
  assert.notEqual(decomposed, composed);
  const res = await send({ method: 'POST', url: '/api/persons', payload: { name: decomposed, jurisdictionCode: COMMUNITY, address: `Calle Jose\u0301 1` } });
  assert.equal(res.statusCode, 201, res.body);
  const person = res.json();
  assert.equal(person.name, composed);
  assert.equal(person.address, 'Calle Jos\u00e9 1');
  for (const q of [composed, decomposed]) {
    const found = (await send({ method: 'GET', url: `/api/persons?q=${encodeURIComponent(q)}` })).json();
    assert.deepEqual(found.items.map((p: { id: number }) => p.id), [person.id], `search for ${JSON.stringify(q)}`);
  }
});

// ── names ──

const INVISIBLE_ONLY = /visible characters/;
const BIDI = /text-direction control/;

test('names: zero-width-only names and direction overrides are refused wherever a person’s name is entered; names are trimmed', async () => {
  await refused({ method: 'POST', url: '/api/persons', payload: { name: '\u200b\u200c\u2060', jurisdictionCode: COMMUNITY } }, 'name', INVISIBLE_ONLY);
  await refused({ method: 'POST', url: '/api/persons', payload: { name: '\u202e三张', jurisdictionCode: COMMUNITY } }, 'name', BIDI);
  await refused({ method: 'POST', url: '/api/persons', payload: { name: '张\u200b三', jurisdictionCode: COMMUNITY } }, 'name', /invisible characters/);
  await refused({ method: 'PATCH', url: '/api/persons/1', payload: { name: '\u2067王五\u2069' } }, 'name', BIDI);
  await refused({ method: 'POST', url: '/api/users', payload: { username: 'rtl_user', displayName: 'admin\u202egnp.exe', password: 'Xk9#mQ2!vLp7', jurisdictionCode: '140107', roles: ['grid_worker'] } }, 'displayName', BIDI);
  await refused({ method: 'POST', url: '/api/public/requests', payload: { categoryCode: 'facility_repair', description: '楼道灯坏了', jurisdictionCode: COMMUNITY, contactName: '\u200b' } }, 'contactName', INVISIBLE_ONLY, null);
  await refused({
    method: 'POST', url: '/api/council-meetings',
    payload: { jurisdictionCode: COMMUNITY, heldOn: '2025-06-10', title: '民意直通车', attendees: [{ name: '\u202d王书记' }] },
  }, 'attendees.0.name', BIDI);
  await refusedGeo({
    method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `service_code=facility_repair&description=x&address_string=x&first_name=${encodeURIComponent('\u202e明')}`,
  }, 'first_name');

  const res = await send({ method: 'POST', url: '/api/persons', payload: { name: '\ufeff 褚小明\u200b ', jurisdictionCode: COMMUNITY } });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().name, '褚小明');
  // Names with a middle dot and Latin names are names.
  assert.equal((await send({ method: 'POST', url: '/api/persons', payload: { name: '阿卜杜拉·买买提', jurisdictionCode: COMMUNITY } })).statusCode, 201);
});

// ── dates ──

const RANGE = /must lie between 1900-01(-01)? and 2100-12(-31)?/;
const campaign = (startsOn: string, endsOn = '2100-12-31') => ({
  name: '日期测试', jurisdictionCode: '140107', startsOn, endsOn, checklist: CHECKLIST_PRESETS.vaccination.checklist,
});
const selfCheck = (separationDate: string) => ({
  countyCode: '140107', area: 'urban', members: [{ relationship: 'head', age: 40 }], monthlyIncomeYuan: 600,
  unemployment: { contributionMonths: 24, separation: 'involuntary', separationDate, registered: true },
});

/** Requests that are valid but for the date: each reached the database (500) or was accepted. */
const DATED: { name: string; field: string; req: (date: string) => Req; session?: 'none' }[] = [
  { name: 'audit from', field: 'from', req: (d) => ({ method: 'GET', url: `/api/audit?from=${d}` }) },
  { name: 'audit to', field: 'to', req: (d) => ({ method: 'GET', url: `/api/audit?to=${d}` }) },
  { name: 'reviews due', field: 'date', req: (d) => ({ method: 'GET', url: `/api/cases/reviews/due?date=${d}` }) },
  { name: 'publicity from', field: 'from', req: (d) => ({ method: 'GET', url: `/api/cases/publicity?from=${d}&to=2100-12-31` }) },
  { name: 'publicity to', field: 'to', req: (d) => ({ method: 'GET', url: `/api/cases/publicity?from=1900-01-01&to=${d}` }) },
  { name: 'parameters in force', field: 'date', req: (d) => ({ method: 'GET', url: `/api/policy/parameters?date=${d}` }) },
  { name: 'payments by month', field: 'month', req: (d) => ({ method: 'GET', url: `/api/payments?month=${d.slice(0, 7)}` }) },
  { name: 'person birth date', field: 'birthDate', req: (d) => ({ method: 'POST', url: '/api/persons', payload: { name: '欧阳晓明', jurisdictionCode: COMMUNITY, birthDate: d } }) },
  { name: 'campaign start', field: 'startsOn', req: (d) => ({ method: 'POST', url: '/api/campaigns', payload: campaign(d) }) },
  { name: 'campaign preview', field: 'startsOn', req: (d) => ({ method: 'POST', url: '/api/campaigns/preview', payload: { jurisdictionCode: '140107', startsOn: d, criteria: { minAge: 80 } } }) },
  { name: 'council meeting', field: 'heldOn', req: (d) => ({ method: 'POST', url: '/api/council-meetings', payload: { jurisdictionCode: COMMUNITY, heldOn: d, title: '民意直通车', attendees: [{ name: '王书记' }] } }) },
  { name: 'public self-check', field: 'unemployment.separationDate', req: (d) => ({ method: 'POST', url: '/api/public/self-check', payload: selfCheck(d) }), session: 'none' },
];

test('dates: 0000-01-01 and 2101-01-01 are a 400 naming the field on every route that took them; the bounds are accepted', async () => {
  for (const route of DATED) {
    const session = route.session === 'none' ? null : admin;
    for (const date of ['0000-01-01', '2101-01-01']) await refused(route.req(date), route.field, RANGE, session);
  }
  for (const route of DATED.filter((r) => r.req('1900-01-01').method === 'GET')) {
    for (const date of ['1900-01-01', '2100-12-31']) assert.equal((await send(route.req(date))).statusCode, 200, `${route.name} ${date}`);
  }
});

test('Open311 start_date and end_date: year 0000, 2101 and non-dates → 400 in GeoReport’s format', async () => {
  for (const [field, value] of [['start_date', '0000-01-01'], ['end_date', '2101-01-01T00:00:00Z'], ['start_date', '2025-02-30T00:00:00+08:00'], ['end_date', 'yesterday']] as const) {
    await refusedGeo({ method: 'GET', url: `/open311/v2/requests.json?${field}=${encodeURIComponent(value)}` }, field);
  }
  const ok = await send({ method: 'GET', url: '/open311/v2/requests.json?start_date=1900-01-01&end_date=2100-12-31T23:59:59%2B08:00' }, null);
  assert.equal(ok.statusCode, 200, ok.body);
});

// Every date or month field any operation declares, found in the OpenAPI document, so a new
// route with an unchecked date fails here.
type JsonSchema = { type?: string | string[]; format?: string; pattern?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; $ref?: string };
const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

function dateFields(schema: JsonSchema | undefined, resolve: (s: JsonSchema) => JsonSchema, path: string[] = [], seen = new Set<JsonSchema>()): { path: string[]; month: boolean }[] {
  if (!schema) return [];
  const s = resolve(schema);
  if (seen.has(s)) return [];
  seen.add(s);
  if (s.format === 'date') return [{ path, month: false }];
  if (s.pattern === MONTH_PATTERN) return [{ path, month: true }];
  const out: { path: string[]; month: boolean }[] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...dateFields(v, resolve, [...path, k], seen));
  if (s.items) out.push(...dateFields(s.items, resolve, [...path, '0'], seen));
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) out.push(...dateFields(alt, resolve, path, seen));
  return out;
}

function place(path: string[], value: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return head === '0' ? [place(rest, value)] : { [head!]: place(rest, value) };
}

test('every date and month field in the OpenAPI document refuses 0000 and 2101, naming the field', async () => {
  const doc = (await send({ method: 'GET', url: '/api/docs/json' })).json();
  const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(s.$ref.split('/').slice(1).reduce((o: Record<string, unknown>, k) => o[k] as Record<string, unknown>, doc) as JsonSchema) : s);
  let checked = 0;
  for (const [path, item] of Object.entries<Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const url = path.replace(/\{\w+\}/g, '1');
      const targets: { where: 'query' | 'body'; path: string[]; month: boolean }[] = [];
      for (const p of op.parameters ?? []) if (p.in === 'query') targets.push(...dateFields(p.schema, resolve, [p.name]).map((f) => ({ ...f, where: 'query' as const })));
      const json = op.requestBody?.content['application/json']?.schema;
      targets.push(...dateFields(json, resolve).map((f) => ({ ...f, where: 'body' as const })));
      for (const target of targets) {
        for (const year of ['0000', '2101']) {
          const value = target.month ? `${year}-01` : `${year}-01-01`;
          const req: Req = target.where === 'query'
            ? { method: method.toUpperCase() as Req['method'], url: `${url}?${target.path[0]}=${value}` }
            : { method: method.toUpperCase() as Req['method'], url, payload: place(target.path, value) };
          const session = path.startsWith('/api/public') || path.startsWith('/open311') ? null : admin;
          await refused(req, target.path.join('.'), RANGE, session);
          checked++;
        }
      }
    }
  }
  assert.ok(checked >= 60, `only ${checked} date fields found`);
});
