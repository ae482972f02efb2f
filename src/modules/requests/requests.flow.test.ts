// Help requests through the HTTP API: a 连心卡 call found by card number or phone, routed to the
// grid worker, taken, resolved and followed up; rework after an unsatisfied follow-up; transfers
// that always name a target and a reason; routing rules; attachments and the caller's phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_PHONES } from '../../../test/support/sensitive-samples.ts';
import { clock, COMMUNITY, GRID_1, GRID_2, HOUR, requestsApp, TOWNSHIP, type World } from './requests.fixtures.ts';

let w: World;
before(async () => {
  w = await requestsApp('2025-09-15T09:00:00+08:00');
});
after(() => w.t.close());

const actions = (r: { events: { action: string }[] }) => r.events.map((e) => e.action);
const later = (ms: number) => {
  clock.at = new Date(clock.at.getTime() + ms);
};

test('a 连心卡 call: the caller is found by card number or phone, the request goes to the grid worker, who takes and resolves it; the follow-up closes it', async () => {
  const { as } = w;
  const personId = await w.person({ name: '刘桂芳', phone: SAMPLE_PHONES[0], contactCardNo: 'LXK-0044' });
  const byCard = await as.township.get('/api/requests/callers?cardNo=LXK-0044');
  assert.equal(byCard.status, 200, JSON.stringify(byCard.body));
  const [caller] = byCard.body.items;
  assert.equal(caller.id, personId);
  assert.equal(caller.phoneMasked, '139****5678');
  assert.deepEqual(caller.gridWorkers.map((u: { displayName: string }) => u.displayName), ['和平社区网格员']);
  const byPhone = await as.township.get(`/api/requests/callers?phone=${SAMPLE_PHONES[0]}`);
  assert.deepEqual(byPhone.body.items.map((p: { id: number }) => p.id), [personId]);
  assert.deepEqual((await as.otherCounty.get('/api/requests/callers?cardNo=LXK-0044')).body.items, [], 'another county does not find her');

  const created = await as.township.post('/api/requests', { channel: 'hotline_card', categoryCode: 'living_help', description: '燃气灶打不着火，独居老人做不了饭', personId });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const r = created.body;
  assert.equal(r.state, 'assigned');
  assert.equal(r.jurisdictionCode, GRID_1);
  assert.equal(r.assignee.displayName, '和平社区网格员');
  assert.equal(r.person.name, '刘桂芳');
  assert.match(r.trackingCode, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  // 生活求助: a response within 2 hours, resolution within 48.
  assert.equal(r.responseDueAt, new Date(clock.at.getTime() + 2 * HOUR).toISOString());
  assert.equal(r.resolutionDueAt, new Date(clock.at.getTime() + 48 * HOUR).toISOString());
  assert.equal(r.dueAt, r.responseDueAt);
  assert.deepEqual(actions(r), ['create', 'route']);
  assert.equal(r.events[1].data.assigneeName, '和平社区网格员');

  // The grid worker's phone list: open requests, overdue first.
  const mine = await as.grid.get('/api/requests?status=open');
  assert.ok(mine.body.items.some((x: { id: number }) => x.id === r.id));
  later(30 * 60_000);
  const taken = await as.grid.post(`/api/requests/${r.id}/take`, {});
  assert.equal(taken.status, 200, JSON.stringify(taken.body));
  assert.equal(taken.body.state, 'in_progress');
  assert.equal(taken.body.respondedAt, clock.at.toISOString());
  assert.equal(taken.body.dueAt, r.resolutionDueAt, 'now the resolution deadline counts');
  assert.equal((await as.grid.post(`/api/requests/${r.id}/take`, {})).status, 409, 'taken twice');

  later(3 * HOUR);
  const resolved = await as.grid.post(`/api/requests/${r.id}/resolve`, { note: '联系燃气站更换打火针，已恢复使用' });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  assert.equal(resolved.body.state, 'resolved');
  assert.equal(resolved.body.dueAt, null);
  assert.equal(resolved.body.overdue, false);

  later(24 * HOUR);
  assert.equal((await as.township.post(`/api/requests/${r.id}/follow-up`, { satisfaction: 6, solved: true })).status, 400);
  const visited = await as.township.post(`/api/requests/${r.id}/follow-up`, { satisfaction: 5, comment: '很满意，谢谢网格员', solved: true });
  assert.equal(visited.status, 200, JSON.stringify(visited.body));
  assert.equal(visited.body.state, 'visited');
  assert.equal(visited.body.satisfaction, 5);
  assert.deepEqual(actions(visited.body), ['create', 'route', 'take', 'resolve', 'follow_up']);
  // Every update says who and when.
  assert.deepEqual(visited.body.events.map((e: { actorName: string }) => e.actorName), ['巨轮街道审核员', '巨轮街道审核员', '和平社区网格员', '和平社区网格员', '巨轮街道审核员']);
  assert.ok(visited.body.events.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at))));
  assert.equal((await as.township.post(`/api/requests/${r.id}/follow-up`, { satisfaction: 5, solved: true })).status, 409, 'followed up once');
  // No call-back number was left: the registry's phone is for those who may reveal it there.
  assert.equal((await as.grid.post(`/api/requests/${r.id}/reveal-contact`, { reason: '回电了解老人近况' })).body.value, null);
  assert.equal((await as.county.post(`/api/requests/${r.id}/reveal-contact`, { reason: '回电了解老人近况' })).body.value, SAMPLE_PHONES[0]);
});

test('an unsatisfied follow-up returns the request for rework with a new deadline', async () => {
  const { as } = w;
  const r = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'facility_repair', description: '3 号楼楼道灯不亮', jurisdictionCode: GRID_1, address: '和平社区 3 号楼 2 单元' })).body;
  await as.grid.post(`/api/requests/${r.id}/take`, {});
  await as.grid.post(`/api/requests/${r.id}/resolve`, { note: '已更换灯泡' });
  later(HOUR);
  const returned = await as.community.post(`/api/requests/${r.id}/follow-up`, { satisfaction: 2, comment: '第二天又不亮了', solved: false });
  assert.equal(returned.status, 200, JSON.stringify(returned.body));
  assert.equal(returned.body.state, 'returned');
  assert.equal(returned.body.satisfaction, 2);
  // 设施报修: 72 hours again from the follow-up.
  assert.equal(returned.body.dueAt, new Date(clock.at.getTime() + 72 * HOUR).toISOString());
  assert.equal(returned.body.events.at(-1).action, 'return');
  assert.equal((await as.grid.post(`/api/requests/${r.id}/take`, { note: '联系电工检查线路' })).body.state, 'in_progress');
  assert.equal((await as.grid.post(`/api/requests/${r.id}/resolve`, { note: '更换了老化的开关和线路' })).body.state, 'resolved');
  assert.equal((await as.community.post(`/api/requests/${r.id}/follow-up`, { satisfaction: 4, solved: true })).body.state, 'visited');
});

test('a transfer always names a target and a reason: up a level, to another place, to a department, to a user', async () => {
  const { as } = w;
  const r = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'mediation', description: '楼上楼下因篮球噪音发生纠纷', jurisdictionCode: GRID_1 })).body;
  assert.equal(r.state, 'assigned');
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('纠纷现场')]);
  const attached = await w.t.app.inject({ method: 'POST', url: `/api/requests/${r.id}/attachments?fileName=scene.jpg`, headers: { ...as.grid.session.headers, 'content-type': 'image/jpeg' }, payload: photo });
  assert.equal(attached.statusCode, 200, attached.body);
  const noReason = await as.grid.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'up' } });
  assert.equal(noReason.status, 400);
  assert.deepEqual(noReason.body.fields.map((f: { field: string }) => f.field), ['reason']);
  const noTarget = await as.grid.post(`/api/requests/${r.id}/transfer`, { reason: '不归我管' });
  assert.equal(noTarget.status, 400);
  assert.equal(noTarget.body.fields[0].field, 'target');

  const up = await as.grid.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'up' }, reason: '涉及两个网格，需社区协调' });
  assert.equal(up.status, 200, JSON.stringify(up.body));
  assert.equal(up.body.state, 'transferred');
  assert.equal(up.body.handlerCode, COMMUNITY);
  assert.equal(up.body.assignee, null);
  const ev = up.body.events.at(-1);
  assert.deepEqual([ev.action, ev.note, ev.data.from.handlerCode, ev.data.to.handlerCode], ['transfer', '涉及两个网格，需社区协调', GRID_1, COMMUNITY]);

  // The community moves it to the grid it belongs to: routed again, to that grid's worker.
  const moved = await as.community.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'place', jurisdictionCode: GRID_2 }, reason: '纠纷双方住在第二网格' });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.jurisdictionCode, GRID_2);
  assert.equal(moved.body.assignee.displayName, '和平社区第二网格网格员');
  assert.equal((await as.grid.get(`/api/requests/${r.id}`)).status, 404, 'grid 1 no longer sees it');
  assert.equal((await as.grid2.get(`/api/requests/${r.id}`)).status, 200);
  // Its files move with it: kept under the new place, opened by the new grid's worker.
  const [file] = await w.t.services.attachments.list([{ kind: 'help_request', ids: [r.id] }]);
  assert.equal(file?.jurisdictionCode, GRID_2);
  assert.deepEqual((await w.t.app.inject({ method: 'GET', url: `/api/requests/${r.id}/attachments/${file!.id}`, headers: as.grid2.session.headers })).rawPayload, photo);
  // A grid worker cannot send it to a place outside their grid.
  const outside = await as.grid2.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'place', jurisdictionCode: GRID_1 }, reason: '测试越权' });
  assert.equal(outside.status, 400);

  const dept = await as.grid2.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'department', department: '街道司法所', level: 'township' }, reason: '需司法所人民调解员介入' });
  assert.equal(dept.status, 200, JSON.stringify(dept.body));
  assert.deepEqual([dept.body.handlerCode, dept.body.department, dept.body.assignee], [TOWNSHIP, '街道司法所', null]);

  // A user whose area does not cover the place cannot be handed it; one whose area does can.
  const wrongUser = await as.township.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'user', userId: w.userIds.grid_worker }, reason: '交第一网格' });
  assert.equal(wrongUser.status, 400);
  assert.equal(wrongUser.body.fields[0].field, 'target.userId');
  const toUser = await as.township.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'user', userId: w.userIds.heping_social }, reason: '社区社工牵头调解' });
  assert.equal(toUser.body.assignee.displayName, '和平社区社工');
  assert.equal(toUser.body.handlerCode, COMMUNITY);

  // The county is the top: "up" from there has nowhere to go.
  await as.county.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'department', department: '区信访局', level: 'county' }, reason: '调解未果，移交区信访局' });
  const top = await as.county.post(`/api/requests/${r.id}/transfer`, { target: { kind: 'up' }, reason: '再向上' });
  assert.equal(top.status, 409);
  assert.match(top.body.messageZh, /已在县级/);
  const detail = (await as.county.get(`/api/requests/${r.id}`)).body;
  assert.equal(detail.events.filter((e: { action: string }) => e.action === 'transfer').length, 5);
});

test('routing rules: the most specific place wins, then the category’s own rule; without anyone there it waits in that level’s queue', async () => {
  const { as } = w;
  const grid = await as.grid.post('/api/request-routes', { categoryCode: 'mediation', jurisdictionCode: TOWNSHIP, handlerLevel: 'township', handlerRole: 'township_reviewer' });
  assert.equal(grid.status, 403, 'grid workers do not set rules');
  const other = await as.county.post('/api/request-routes', { categoryCode: 'mediation', jurisdictionCode: '140109', handlerLevel: 'township', handlerRole: 'township_reviewer' });
  assert.equal(other.status, 400, 'not in the county approver’s area');

  const township = await as.county.post('/api/request-routes', { categoryCode: 'mediation', jurisdictionCode: TOWNSHIP, handlerLevel: 'township', handlerRole: 'township_reviewer', department: '街道综治中心' });
  assert.equal(township.status, 200, JSON.stringify(township.body));
  const med1 = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'mediation', description: '邻里因停车位争执', jurisdictionCode: GRID_1 })).body;
  assert.deepEqual([med1.handlerCode, med1.assignee?.displayName, med1.department], [TOWNSHIP, '巨轮街道审核员', '街道综治中心']);

  const community = await as.county.post('/api/request-routes', { categoryCode: 'mediation', jurisdictionCode: COMMUNITY, handlerLevel: 'village', handlerRole: 'social_worker' });
  const med2 = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'mediation', description: '邻里因晾衣争执', jurisdictionCode: GRID_1 })).body;
  assert.deepEqual([med2.handlerCode, med2.assignee?.displayName], [COMMUNITY, '和平社区社工'], 'the community’s rule is more specific');

  // A rule for every category in the county, naming a department only: nobody is assigned, it waits at the community.
  const everything = await as.county.post('/api/request-routes', { jurisdictionCode: '140107', handlerLevel: 'village', department: '社区居委会' });
  const repair = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'facility_repair', description: '消防栓没有水', jurisdictionCode: GRID_1 })).body;
  assert.deepEqual([repair.state, repair.handlerCode, repair.department, repair.assignee], ['new', COMMUNITY, '社区居委会', null]);
  const listed = (await as.county.get('/api/request-routes')).body;
  assert.equal(listed.items.length, 3);
  assert.deepEqual(listed.defaultRule, { handlerLevel: 'grid', handlerRole: 'grid_worker', department: null });
  assert.deepEqual((await as.otherCounty.get('/api/request-routes')).body.items, [], 'another county sees none of them');
  assert.equal((await as.otherCounty.del(`/api/request-routes/${township.body.id}`)).status, 404);
  for (const rule of [township, community, everything]) assert.equal((await as.county.del(`/api/request-routes/${rule.body.id}`)).status, 204);

  // No rule: the grid's grid worker; a grid without one keeps it in the grid's queue.
  const noWorker = (await as.community.post('/api/requests', { channel: 'walk_in', categoryCode: 'errand', description: '帮忙在网上办理养老保险资格认证', jurisdictionCode: '140107001001003' })).body;
  assert.deepEqual([noWorker.state, noWorker.handlerCode, noWorker.assignee], ['new', '140107001001003', null]);
  assert.equal(noWorker.events[1].data.ruleId, null);
});

test('attachments are kept encrypted and downloads audited; the caller’s phone is revealed only with a reason', async () => {
  const { as } = w;
  const r = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'safety_hazard', description: '楼道电线裸露', jurisdictionCode: GRID_1, contactName: '王师傅', contactPhone: SAMPLE_PHONES[1] })).body;
  assert.equal(r.contactPhoneMasked, '137****1111');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo-bytes')]);
  const up = await w.t.app.inject({ method: 'POST', url: `/api/requests/${r.id}/attachments?fileName=${encodeURIComponent('现场照片.png')}`, headers: { ...as.grid.session.headers, 'content-type': 'image/png' }, payload: png });
  assert.equal(up.statusCode, 200, up.body);
  const [file] = up.json().attachments;
  assert.deepEqual([file.fileName, file.mimeType, file.sizeBytes], ['现场照片.png', 'image/png', png.length]);
  const text = await w.t.app.inject({ method: 'POST', url: `/api/requests/${r.id}/attachments?fileName=x.png`, headers: { ...as.grid.session.headers, 'content-type': 'image/png' }, payload: Buffer.from('not a png') });
  assert.equal(text.statusCode, 415);
  const down = await w.t.app.inject({ method: 'GET', url: `/api/requests/${r.id}/attachments/${file.id}`, headers: as.grid.session.headers });
  assert.equal(down.statusCode, 200);
  assert.deepEqual(down.rawPayload, png);
  assert.equal((await w.t.app.inject({ method: 'GET', url: `/api/requests/${r.id}/attachments/${file.id}`, headers: as.otherCounty.session.headers })).statusCode, 404);

  assert.equal((await as.grid.post(`/api/requests/${r.id}/reveal-contact`, {})).status, 400);
  const revealed = await as.grid.post(`/api/requests/${r.id}/reveal-contact`, { reason: '回电确认处理时间' });
  assert.equal(revealed.body.value, SAMPLE_PHONES[1]);
  const audit = (await as.admin.get(`/api/audit?entity=help_request&entityId=${r.id}&action=reveal`)).body;
  assert.equal(audit.items[0].reason, '回电确认处理时间');
});

test('a request can open a social-assistance case (主动发现): the case links back to it', async () => {
  const { as } = w;
  const personId = await w.person({ name: '赵建军', jurisdictionCode: GRID_1 });
  const r = (await as.township.post('/api/requests', { channel: 'hotline_card', categoryCode: 'living_help', description: '家中失火，生活无着', personId })).body;
  const bad = await as.county.post(`/api/requests/${r.id}/open-case`, { program: 'temporary' });
  assert.equal(bad.status, 400, 'a 临时救助 needs its category, cause and amount');
  const opened = await as.county.post(`/api/requests/${r.id}/open-case`, { program: 'temporary', category: 'emergency', causeKind: 'fire', causeEventOn: '2025-01-01', cause: '家中失火', requestedFen: 300_000 });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  assert.match(opened.body.caseNo, /^LS-2025-140107-\d{6}$/);
  assert.equal(opened.body.request.caseId, opened.body.caseId);
  assert.equal(opened.body.request.events.at(-1).action, 'open_case');
  const c = (await as.county.get(`/api/cases/${opened.body.caseId}`)).body;
  assert.deepEqual([c.channel, c.sourceRef, c.applicantPersonId], ['help_request', `help_request:${r.id}`, personId]);
  assert.equal((await as.county.post(`/api/requests/${r.id}/open-case`, { program: 'temporary', category: 'emergency', causeKind: 'fire', causeEventOn: '2025-01-01', cause: '家中失火', requestedFen: 300_000 })).status, 409);
  const anonymous = (await as.grid.post('/api/requests', { channel: 'patrol', categoryCode: 'living_help', description: '路边发现老人迷路', jurisdictionCode: GRID_1 })).body;
  const noPerson = await as.county.post(`/api/requests/${anonymous.id}/open-case`, { program: 'temporary', category: 'emergency', causeKind: 'stranded', causeEventOn: '2025-01-01', cause: '迷路', requestedFen: 10_000 });
  assert.equal(noPerson.status, 400);
  assert.equal(noPerson.body.fields[0].field, 'personId');
});
