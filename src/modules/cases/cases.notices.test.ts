// A case step tells the colleague it concerns through the notification centre, by case number.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_MATERIALS, casesApp, household, type World } from './cases.fixtures.ts';

let w: World;
before(async () => {
  w = await casesApp('2025-09-01');
});
after(() => w.t.close());

test('putting a case on a colleague’s desk notifies that colleague, not the one who did it', async () => {
  const { as, userIds } = w;
  const h = await household(w.t, { members: [{ name: '通知甲', birthDate: '1966-06-06' }], code: '140107001001001' });
  const created = await as.township.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as number;
  const was = (await as.social.get('/api/notifications')).body.unread as number;
  assert.equal((await as.township.post(`/api/cases/${id}/assign`, { userId: userIds.julun_social })).status, 200);

  const list = (await as.social.get('/api/notifications')).body;
  assert.equal(list.unread, was + 1);
  const n = list.items[0];
  assert.deepEqual([n.kind, n.subjectKind, n.subjectId, n.link], ['case.assign', 'assistance_case', id, `/cases/${id}`]);
  assert.equal(n.titleZh, `低保案件 ${created.body.caseNo} 已派给您办理`);
  assert.ok(!n.titleZh.includes('通知甲'), 'no name in a notification');
  assert.ok(!(await as.township.get('/api/notifications')).body.items.some((x: { subjectId: number }) => x.subjectId === id));
});
