// Thin routes of 微心愿; the wall is public (no login) and shows nothing personal.
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { charityPermissions as can } from './charity.policy.ts';
import { IdParams } from './charity.schema.ts';
import { ClaimWishBody, CountsQuery, CreateWishBody, FulfilWishBody, ListWishesQuery, Wall, WallQuery, Wish, WishCounts, WishList } from './wishes.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['wishes'];
const p = (permission: string) => ({ config: { permission } });

export const wishRoutes: RouteModule = (app, { services }) => {
  const w = services.charity.wishes;
  app.get('/wishes/wall', { config: { public: true }, schema: { tags, summary: 'The public wish wall: text, kind, budget, community, status — nothing personal / 微心愿墙（公开）', querystring: WallQuery, response: { 200: Wall, 400: ApiErrorBody } } },
    async (request) => w.wall(request.query));
  app.get('/wishes', { ...p(can.wishes), schema: { tags, summary: 'Wishes of your area (an organisation: those it posted) / 微心愿列表', querystring: ListWishesQuery, response: { 200: WishList, ...errors } } },
    async (request) => w.list(callerOf(request), request.query));
  app.get('/wishes/counts', { ...p(can.wishes), schema: { tags, summary: 'Posted / claimed / fulfilled by community / 微心愿统计', querystring: CountsQuery, response: { 200: WishCounts, ...errors } } },
    async (request) => w.counts(callerOf(request), request.query.under));
  app.post('/wishes', { ...p(can.wishes), schema: { tags, summary: 'Post a wish (a text with an ID or phone number is refused) / 发布微心愿', body: CreateWishBody, response: { 201: Wish, ...errors } } },
    async (request, reply) => reply.status(201).send(await w.create(callerOf(request), request.body, actorOf(request))));
  app.post('/wishes/:id/claim', { ...p(can.wishes), schema: { tags, summary: 'Record who claimed it (contact sealed, never public) / 认领', params: IdParams, body: ClaimWishBody, response: { 200: Wish, ...errors } } },
    async (request) => w.claim(callerOf(request), request.params.id, request.body, actorOf(request)));
  app.post('/wishes/:id/fulfil', { ...p(can.wishes), schema: { tags, summary: 'Confirm it was fulfilled / 确认实现', params: IdParams, body: FulfilWishBody, response: { 200: Wish, ...errors } } },
    async (request) => w.fulfil(callerOf(request), request.params.id, request.body, actorOf(request)));
};
