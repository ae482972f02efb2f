// Scoping (grid / community / county), duplicate suggestion and merge, and automatic escalation up
// the jurisdiction tree when a deadline passes (the job, on an injected clock).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../platform/logger.ts';
import { createWorker } from '../../platform/jobs/index.ts';
import { jobDefinitions } from '../../app/services.ts';
import { SAMPLE_PHONES } from '../../../test/support/sensitive-samples.ts';
import { clock, COMMUNITY, GRID_1, GRID_2, HOUR, requestsApp, TOWNSHIP, type World } from './requests.fixtures.ts';

let w: World;
before(async () => {
  w = await requestsApp('2025-10-20T08:00:00+08:00');
});
after(() => w.t.close());

const later = (ms: number) => {
  clock.at = new Date(clock.at.getTime() + ms);
};
const ids = (list: { items: { id: number }[] }) => list.items.map((x) => x.id);

/** Run the escalation job the way the worker does. */
async function runEscalation(): Promise<void> {
  await w.t.services.jobs.enqueue(w.t.services.requests.escalateJob, {});
  const worker = createWorker({ db: w.t.database.db, definitions: jobDefinitions(w.t.services), log: createLogger('silent') });
  await worker.drain();
}

test('a grid worker sees their grid, the community its grids, the county everything; another county nothing', async () => {
  const { as } = w;
  const inGrid1 = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'facility_repair', description: '井盖松动', jurisdictionCode: GRID_1 })).body;
  const inGrid2 = (await as.community.post('/api/requests', { channel: 'walk_in', categoryCode: 'policy_consult', description: '咨询高龄津贴', jurisdictionCode: GRID_2 })).body;
  const elsewhere = (await as.township.post('/api/requests', { channel: 'walk_in', categoryCode: 'other', description: '其他社区的诉求', jurisdictionCode: '140107001002' })).body;
  assert.equal((await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'other', description: '越界登记', jurisdictionCode: GRID_2 })).status, 400);

  const grid = ids((await as.grid.get('/api/requests?status=all')).body);
  assert.ok(grid.includes(inGrid1.id) && !grid.includes(inGrid2.id) && !grid.includes(elsewhere.id));
  const grid2 = ids((await as.grid2.get('/api/requests?status=all')).body);
  assert.ok(grid2.includes(inGrid2.id) && !grid2.includes(inGrid1.id));
  const community = ids((await as.community.get('/api/requests?status=all')).body);
  assert.ok(community.includes(inGrid1.id) && community.includes(inGrid2.id) && !community.includes(elsewhere.id));
  const county = ids((await as.county.get('/api/requests?status=all')).body);
  assert.ok([inGrid1.id, inGrid2.id, elsewhere.id].every((id) => county.includes(id)));
  assert.deepEqual((await as.otherCounty.get('/api/requests?status=all')).body.items, []);
  assert.equal((await as.grid.get(`/api/requests/${inGrid2.id}`)).status, 404);
  assert.equal((await as.otherCounty.get(`/api/requests/${inGrid1.id}`)).status, 404);
  assert.equal((await as.otherCounty.post(`/api/requests/${inGrid1.id}/take`, {})).status, 404);
  const under = ids((await as.county.get(`/api/requests?status=all&under=${GRID_2}`)).body);
  assert.ok(under.includes(inGrid2.id) && !under.includes(inGrid1.id));
});

test('duplicates are suggested (same person; same place and category) and merged: the merged one points to the kept one, its caller follows it, its timeline stays', async () => {
  const { as } = w;
  const personId = await w.person({ name: '孙大爷', phone: SAMPLE_PHONES[0], contactCardNo: 'LXK-0101' });
  const first = (await as.township.post('/api/requests', { channel: 'hotline_card', categoryCode: 'living_help', description: '下水道堵了', personId })).body;
  later(3 * HOUR);
  const second = (await as.township.post('/api/requests', { channel: 'hotline_card', categoryCode: 'living_help', description: '厨房下水道堵塞，再次来电', personId })).body;
  assert.deepEqual(second.duplicates.map((d: { id: number; reason: string }) => [d.id, d.reason]), [[first.id, 'same_person']]);
  const light1 = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'safety_hazard', description: '路灯电线裸露', jurisdictionCode: GRID_1, address: '和平街 12 号' })).body;
  const light2 = (await as.township.post('/api/requests', { channel: 'hotline_card', categoryCode: 'safety_hazard', description: '和平街路灯漏电', jurisdictionCode: GRID_1, contactName: '李女士', contactPhone: SAMPLE_PHONES[1] })).body;
  assert.ok(light2.duplicates.some((d: { id: number; reason: string }) => d.id === light1.id && d.reason === 'same_place'));
  assert.ok((await as.grid.get(`/api/requests/${light2.id}/duplicates`)).body.items.some((d: { id: number }) => d.id === light1.id));

  assert.equal((await as.grid.post(`/api/requests/${light2.id}/merge`, { intoId: light1.id, reason: '同一路灯' })).status, 403, 'grid workers do not merge');
  assert.equal((await as.community.post(`/api/requests/${light2.id}/merge`, { intoId: light2.id, reason: '自身' })).status, 400);
  const merged = await as.community.post(`/api/requests/${light2.id}/merge`, { intoId: light1.id, reason: '同一路灯，合并办理' });
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  const kept = merged.body;
  assert.equal(kept.id, light1.id);
  assert.deepEqual(kept.merged, [{ id: light2.id, trackingCode: light2.trackingCode }]);
  assert.deepEqual(kept.followers.map((f: { name: string; phoneMasked: string; sourceTrackingCode: string }) => [f.name, f.phoneMasked, f.sourceTrackingCode]), [['李女士', '137****1111', light2.trackingCode]]);
  // The kept request's timeline holds the merged one's updates too.
  assert.ok(kept.events.some((e: { requestId: number; action: string }) => e.requestId === light2.id && e.action === 'create'));
  assert.ok(kept.events.some((e: { requestId: number; action: string }) => e.requestId === light1.id && e.action === 'merge'));
  const gone = (await as.community.get(`/api/requests/${light2.id}`)).body;
  assert.deepEqual([gone.state, gone.mergedInto], ['merged', { id: light1.id, trackingCode: light1.trackingCode }]);
  assert.equal((await as.community.post(`/api/requests/${light2.id}/merge`, { intoId: light1.id, reason: '再合并' })).status, 409);
  // The caller of the merged request follows the kept one with their own tracking code.
  const tracked = await w.t.app.inject({ method: 'GET', url: `/api/public/requests/${light2.trackingCode}` });
  assert.deepEqual([tracked.json().state, tracked.json().mergedInto], [kept.state, light1.trackingCode]);

  // Merging into a request that was itself merged is refused; merge chains collapse onto the kept one.
  const light3 = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'safety_hazard', description: '路灯又漏电', jurisdictionCode: GRID_1 })).body;
  assert.equal((await as.community.post(`/api/requests/${light3.id}/merge`, { intoId: light2.id, reason: '合并' })).status, 409);
  const followed = (await as.community.post(`/api/requests/${light1.id}/merge`, { intoId: light3.id, reason: '以最新一条为准' })).body;
  assert.deepEqual(followed.merged.map((m: { id: number }) => m.id).sort(), [light1.id, light2.id].sort());
  assert.equal(followed.events.filter((e: { action: string }) => e.action === 'create').length, 3);
});

test('past its deadline a request moves up one level at a time — grid, community, street, county — each step recorded; the county is the top', async () => {
  const { as } = w;
  const r = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'safety_hazard', description: '燃气管道有异味', jurisdictionCode: GRID_1 })).body;
  assert.equal(r.handlerCode, GRID_1);
  // 安全隐患: 1 hour to respond. Before then nothing moves.
  later(50 * 60_000);
  await runEscalation();
  assert.equal((await as.grid.get(`/api/requests/${r.id}`)).body.escalationLevel, 0);

  const path = [COMMUNITY, TOWNSHIP, '140107'];
  for (const [i, code] of path.entries()) {
    later(61 * 60_000);
    await runEscalation();
    const now = (await as.county.get(`/api/requests/${r.id}`)).body;
    assert.equal(now.handlerCode, code, `step ${i + 1}`);
    assert.equal(now.escalationLevel, i + 1);
    assert.equal(now.overdue, true);
    assert.equal(now.assignee.displayName, '和平社区网格员', 'the grid worker keeps working on it');
    const ev = now.events.at(-1);
    assert.deepEqual([ev.action, ev.actorName, ev.data.to, ev.data.breached], ['escalate', 'system', code, 'response']);
  }
  later(5 * HOUR);
  await runEscalation();
  const top = (await as.county.get(`/api/requests/${r.id}`)).body;
  assert.equal(top.handlerCode, '140107');
  assert.equal(top.escalationLevel, 3);
  assert.equal(top.nextEscalationAt, null);
  // Overdue first in the county's list, and counted.
  const list = (await as.county.get('/api/requests?status=open&overdue=true')).body;
  assert.ok(list.items.some((x: { id: number; overdue: boolean }) => x.id === r.id && x.overdue));
  const figures = (await as.county.get('/api/requests/figures')).body;
  assert.ok(figures.overdue >= 1 && figures.escalated >= 1);
});

test('a request taken in time escalates only when its resolution deadline passes', async () => {
  const { as } = w;
  const r = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'living_help', description: '独居老人家中停水', jurisdictionCode: GRID_1 })).body;
  later(HOUR);
  assert.equal((await as.grid.post(`/api/requests/${r.id}/take`, {})).status, 200);
  later(10 * HOUR);
  await runEscalation();
  assert.equal((await as.grid.get(`/api/requests/${r.id}`)).body.escalationLevel, 0);
  later(40 * HOUR); // past 48 hours from intake
  await runEscalation();
  const moved = (await as.grid.get(`/api/requests/${r.id}`)).body;
  assert.deepEqual([moved.escalationLevel, moved.handlerCode, moved.events.at(-1).data.breached], [1, COMMUNITY, 'resolution']);
  // Resolved requests are never escalated.
  await as.grid.post(`/api/requests/${r.id}/resolve`, { note: '协调物业恢复供水' });
  later(100 * HOUR);
  await runEscalation();
  assert.equal((await as.grid.get(`/api/requests/${r.id}`)).body.escalationLevel, 1);
});

test('the open list comes in deadline order (overdue first); “mine” is what is assigned to me', async () => {
  const { as } = w;
  const slow = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'other', description: '小区宣传栏破损', jurisdictionCode: GRID_1 })).body;
  const fast = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'safety_hazard', description: '电动车楼道充电', jurisdictionCode: GRID_1 })).body;
  const list = (await as.grid.get('/api/requests?status=open&limit=200')).body.items as { id: number; dueAt: string; overdue: boolean }[];
  const dues = list.map((x) => x.dueAt);
  assert.deepEqual(dues, [...dues].sort(), 'deadline order');
  assert.ok(list.findIndex((x) => x.id === fast.id) < list.findIndex((x) => x.id === slow.id));
  const firstNotOverdue = list.findIndex((x) => !x.overdue);
  assert.ok(list.slice(firstNotOverdue).every((x) => !x.overdue), 'overdue ones come first');
  const mine = (await as.grid.get('/api/requests?status=open&mine=true&limit=200')).body.items as { assignee: { id: number } | null }[];
  assert.ok(mine.length > 0 && mine.every((x) => x.assignee?.id === w.userIds.grid_worker));
  assert.deepEqual((await as.community.get('/api/requests?status=open&mine=true')).body.items, []);
  const assignees = (await as.community.get(`/api/requests/assignees?jurisdictionCode=${GRID_1}`)).body.items.map((u: { displayName: string }) => u.displayName);
  assert.ok(assignees.includes('和平社区网格员') && assignees.includes('和平社区社工') && !assignees.includes('和平社区第二网格网格员'));
});
