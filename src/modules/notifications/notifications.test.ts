// The notification centre, through the API and live over real HTTP: a step notifies the user it
// concerns (not the one who did it, not anyone else), in the step's transaction; read state is
// per user; an open page receives it as a server-sent event when it commits, and catches up after
// a reconnect (Last-Event-ID).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clock, GRID_1, requestsApp, type World } from './../requests/requests.fixtures.ts';

let w: World;
before(async () => {
  w = await requestsApp('2025-10-20T08:00:00+08:00');
});
after(() => w.t.close());

const later = (ms: number) => {
  clock.at = new Date(clock.at.getTime() + ms);
};

async function newRequest(description = '楼道灯坏了', categoryCode = 'facility_repair') {
  const res = await w.as.grid.post('/api/requests', { channel: 'patrol', categoryCode, description, jurisdictionCode: GRID_1 });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: number; trackingCode: string };
}

test('assigning a request notifies its new handler only; read state is theirs alone', async () => {
  const { as, userIds } = w;
  const before2 = (await as.community.get('/api/notifications')).body;
  const r = await newRequest();
  const assigned = await as.township.post(`/api/requests/${r.id}/assign`, { userId: userIds.heping_social });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));

  const mine = (await as.community.get('/api/notifications')).body;
  assert.equal(mine.unread, before2.unread + 1);
  const n = mine.items[0];
  assert.equal(n.kind, 'request.assigned');
  assert.equal(n.subjectKind, 'help_request');
  assert.equal(n.subjectId, r.id);
  assert.equal(n.link, `/requests/${r.id}`);
  assert.equal(n.readAt, null);
  assert.match(n.titleZh, new RegExp(`诉求 ${r.trackingCode} 已派给您办理`));
  assert.match(n.titleEn, /assigned to you/);
  // The dispatcher (who did it) and the grid worker are not told.
  for (const other of [as.township, as.grid]) {
    assert.ok(!(await other.get('/api/notifications')).body.items.some((x: { subjectId: number }) => x.subjectId === r.id));
  }
  // Someone else's id marks nothing; the owner marks it read.
  assert.deepEqual((await as.grid.post('/api/notifications/read', { ids: [n.id] })).body.marked, 0);
  assert.equal((await as.community.get('/api/notifications?unread=true')).body.items[0].id, n.id);
  const read = (await as.community.post('/api/notifications/read', { ids: [n.id] })).body;
  assert.deepEqual(read, { marked: 1, unread: mine.unread - 1 });
  assert.ok(!(await as.community.get('/api/notifications?unread=true')).body.items.some((x: { id: number }) => x.id === n.id));
  assert.equal((await as.community.post('/api/notifications/read', {})).body.unread, 0);
});

test('a request escalated past its deadline notifies the staff of the level it reached', async () => {
  const { as } = w;
  const r = await newRequest('燃气管道有异味', 'safety_hazard');
  const was = (await as.community.get('/api/notifications')).body.unread;
  later(2 * 60 * 60_000);
  await w.t.services.jobs.enqueue(w.t.services.requests.escalateJob, {});
  const { createWorker } = await import('../../platform/jobs/index.ts');
  const { jobDefinitions } = await import('../../app/services.ts');
  const { createLogger } = await import('../../platform/logger.ts');
  await createWorker({ db: w.t.database.db, definitions: jobDefinitions(w.t.services), log: createLogger('silent') }).drain();
  const list = (await as.community.get('/api/notifications')).body;
  assert.equal(list.unread, was + 1);
  assert.equal(list.items[0].kind, 'request.escalated');
  assert.equal(list.items[0].subjectId, r.id);
  assert.match(list.items[0].titleZh, /逾期未办，已升级到本级/);
  // The county is not told of a step to the community.
  assert.ok(!(await as.county.get('/api/notifications')).body.items.some((x: { subjectId: number }) => x.subjectId === r.id));
});

test('a notification posted in a transaction that rolls back reaches nobody, not even a live page', async () => {
  const { t, userIds } = w;
  const seen: number[] = [];
  const stop = await t.services.notifications.follow({ id: userIds.grid_worker_2! }, undefined, (items) => seen.push(...items.map((i) => i.id)));
  try {
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        await t.services.notifications.post(tx, { to: { userIds: [userIds.grid_worker_2!] }, kind: 'test.rolled_back', subject: { kind: 'help_request', id: 1 }, title: { zh: '不应出现', en: 'must not appear' } });
        throw new Error('step failed');
      }),
      /step failed/,
    );
    await t.database.db.transaction((tx) => t.services.notifications.post(tx, { to: { userIds: [userIds.grid_worker_2!] }, kind: 'test.committed', subject: { kind: 'help_request', id: 1 }, title: { zh: '应出现', en: 'must appear' } }));
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const list = (await w.as.grid2.get('/api/notifications')).body.items as { id: number; kind: string }[];
    assert.ok(!list.some((n) => n.kind === 'test.rolled_back'));
    assert.deepEqual(seen, [list.find((n) => n.kind === 'test.committed')!.id]);
  } finally {
    stop();
  }
});

/** Reads server-sent events from a real HTTP response until `count` notifications arrived. */
async function readEvents(res: Response, count: number): Promise<{ id: number; notification: { id: number; kind: string; subjectId: number }; unread: number }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const out: { id: number; notification: { id: number; kind: string; subjectId: number }; unread: number }[] = [];
  let buffer = '';
  const deadline = setTimeout(() => reader.cancel(), 10_000);
  try {
    while (out.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: notification$/m.test(block) && id && data) out.push({ id: Number(id), ...JSON.parse(data) });
      }
    }
  } finally {
    clearTimeout(deadline);
    await reader.cancel().catch(() => {});
  }
  return out;
}

test('an open page gets the notification live over HTTP when the step commits, and what it missed on reconnect', async () => {
  const { t, as, userIds } = w;
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const headers = { cookie: as.community.session.headers.cookie! };
  const stream = await fetch(`${address}/api/notifications/stream`, { headers });
  assert.equal(stream.status, 200);
  assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
  const events = readEvents(stream, 1);
  const r = await newRequest('路灯不亮');
  await new Promise((resolve) => setTimeout(resolve, 100)); // the stream is subscribed
  await as.township.post(`/api/requests/${r.id}/assign`, { userId: userIds.heping_social });
  const [live] = await events;
  assert.ok(live, 'no event arrived');
  assert.equal(live.notification.kind, 'request.assigned');
  assert.equal(live.notification.subjectId, r.id);
  assert.equal(live.id, live.notification.id);

  // Away from the page, two more arrive; reconnecting with Last-Event-ID delivers both, in order.
  const r2 = await newRequest('井盖缺失');
  const r3 = await newRequest('垃圾未清运');
  await as.township.post(`/api/requests/${r2.id}/assign`, { userId: userIds.heping_social });
  await as.township.post(`/api/requests/${r3.id}/assign`, { userId: userIds.heping_social });
  const again = await fetch(`${address}/api/notifications/stream`, { headers: { ...headers, 'last-event-id': String(live.id) } });
  const missed = await readEvents(again, 2);
  assert.deepEqual(missed.map((e) => e.notification.subjectId), [r2.id, r3.id]);

  // Without a session there is no stream.
  assert.equal((await fetch(`${address}/api/notifications/stream`)).status, 401);
});
