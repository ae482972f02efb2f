// A small world for the fuzzer to work in, so its requests reach the services and not only the
// validators: families in the grid worker's grid and in another county, cases at several steps,
// payment plans with a generated month and a batch, a campaign with targets, help requests and
// a council meeting. Families and plans go through the services; the rest through the API.
import { makeIdNumber } from '../../../src/lib/id-number.ts';
import { todayLocal } from '../../../src/lib/local-date.ts';
import type { Services } from '../../../src/app/services.ts';
import type { Db } from '../../../src/platform/db/client.ts';
import { caseWithPlan, family } from '../../../src/modules/payments/test-fixtures.ts';
import { CHECKLIST_PRESETS } from '../../../src/modules/campaigns/campaigns.schema.ts';

export type Call = (method: string, url: string, body?: unknown) => Promise<{ status: number; json: any }>;

const GRID = '140107001001001';
const VILLAGE = '140107001001';

export async function populate(services: Services, db: Db, call: Call): Promise<string[]> {
  const problems: string[] = [];
  const expect = async (what: string, p: Promise<{ status: number; json: any }>) => {
    const res = await p;
    if (res.status >= 300) problems.push(`${what}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    return res.json;
  };
  const today = todayLocal();
  const month = today.slice(0, 7);
  // Families with plans in 杏花岭区; one family in 万柏林区 (out of the grid worker's reach).
  const families = [];
  for (let i = 0; i < 6; i++) families.push(await family(services, i < 5 ? VILLAGE : '140109001001', `模糊${i}`));
  for (const f of families.slice(0, 3)) await caseWithPlan(db, services.audit, f, VILLAGE, { amountFen: 45_000, fromMonth: `${Number(month.slice(0, 4)) - 1}-01` });
  await expect('batch', call('POST', '/api/payments/batches', { countyCode: '140107', month }));
  // People in the grid worker's grid, with households and cases.
  const people: number[] = [];
  for (let i = 0; i < 4; i++) {
    const p = await expect('person', call('POST', '/api/persons', { name: `网格${i}`, idNumber: makeIdNumber('140107', `19${60 + i}-05-0${i + 1}`, 700 + i), jurisdictionCode: GRID, address: `幸福路${i}号`, phone: `1380000${String(1000 + i)}` }));
    if (p?.id) people.push(p.id);
  }
  for (const id of people.slice(0, 3)) await expect('household', call('POST', '/api/households', { jurisdictionCode: GRID, headPersonId: id, bankName: '中国农业银行', bankAccount: `6228480012345${String(id).padStart(6, '0')}`, accountHolder: '户主' }));
  if (people.length >= 3) {
    const dibao = await expect('case', call('POST', '/api/cases', { program: 'dibao', applicantPersonId: people[0], channel: 'application', materialsReceived: ['application_form', 'id_card', 'hukou_book', 'income_proof', 'property_declaration'], dataCheckAuthorised: true, promiseSigned: true }));
    if (dibao?.id) {
      await expect('investigate', call('POST', `/api/cases/${dibao.id}/start-investigation`, {}));
      await expect('visit', call('POST', `/api/cases/${dibao.id}/visits`, { kind: 'home_visit', visitedOn: today, investigators: [{ name: '王调查' }, { name: '李调查' }], findings: '入户核实', familyConfirmed: true, confirmedBy: '户主' }));
    }
    await expect('temporary case', call('POST', '/api/cases', { program: 'temporary', applicantPersonId: people[1], channel: 'application', category: 'emergency', causeKind: 'fire', causeEventOn: today, cause: '厨房起火', requestedFen: 50_000 }));
    await expect('tekun case', call('POST', '/api/cases', { program: 'tekun', applicantPersonId: people[2], channel: 'application', materialsReceived: ['application_form'], promiseSigned: true }));
  }
  // A campaign with targets, help requests, a council meeting, a routing rule.
  const campaign = await expect('campaign', call('POST', '/api/campaigns', { name: '模糊专项', jurisdictionCode: '140107', startsOn: `${month.slice(0, 4)}-01-01`, endsOn: `${month.slice(0, 4)}-12-31`, checklist: CHECKLIST_PRESETS.vaccination.checklist }));
  if (campaign?.id) await expect('targets', call('POST', `/api/campaigns/${campaign.id}/targets/build`, { criteria: { under: '140107' } }));
  for (const [i, category] of ['facility_repair', 'facility_repair'].entries()) {
    await expect('request', call('POST', '/api/requests', { channel: 'patrol', categoryCode: category, description: `楼道灯坏了${i}`, jurisdictionCode: GRID, contactName: '韩同名', contactPhone: '13900001111' }));
  }
  await expect('public request', call('POST', '/api/public/requests', { categoryCode: 'facility_repair', description: '路灯不亮', jurisdictionCode: VILLAGE, contactName: '路人' }));
  await expect('meeting', call('POST', '/api/council-meetings', { jurisdictionCode: VILLAGE, heldOn: today, title: '民意直通车', attendees: [{ name: '王书记' }] }));
  return problems;
}
