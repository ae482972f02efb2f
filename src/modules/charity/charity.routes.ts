// Thin routes of charity projects, donations, goods and stock: authenticate → permission →
// validate → service → present.
import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { charityPermissions as can } from './charity.policy.ts';
import {
  CreateDonationBody, CreateItemBody, CreateProjectBody, CreateStoreBody, Disclosure, Donation, DonationList, IdParams, Item, ItemList, ListDonationsQuery, ListProjectsQuery,
  ListStoresQuery, MovementBody, MovementList, MovementResult, Project, ProjectList, Store, StockView, StoreList,
} from './charity.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['charity'];
const p = (permission: string) => ({ config: { permission } });
const pdf = { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } } };
export const disposition = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const charityRoutes: RouteModule = (app, { services }) => {
  const { projects, donations, stock } = services.charity;

  app.get('/charity/projects', { ...p(can.read), schema: { tags, summary: 'Charity projects of the organisations you see / 慈善项目', querystring: ListProjectsQuery, response: { 200: ProjectList, ...errors } } },
    async (request) => projects.list(callerOf(request), request.query));
  app.post('/charity/projects', { ...p(can.record), schema: { tags, summary: 'Start a charity project / 新建慈善项目', body: CreateProjectBody, response: { 201: Project, ...errors } } },
    async (request, reply) => reply.status(201).send(await projects.create(callerOf(request), request.body, actorOf(request))));
  app.get('/charity/projects/:id', { ...p(can.read), schema: { tags, summary: 'One project / 项目详情', params: IdParams, response: { 200: Project, ...errors } } },
    async (request) => projects.get(callerOf(request), request.params.id));
  app.get('/charity/projects/:id/disclosure', { ...p(can.read), schema: { tags, summary: 'Public disclosure: money in = distributed + committed + balance, goods, households helped / 项目信息公开', params: IdParams, response: { 200: Disclosure, ...errors } } },
    async (request) => projects.disclosure(callerOf(request), request.params.id));

  app.get('/charity/donations', { ...p(can.read), schema: { tags, summary: 'Donations received / 捐赠台账', querystring: ListDonationsQuery, response: { 200: DonationList, ...errors } } },
    async (request) => donations.list(callerOf(request), request.query));
  app.post('/charity/donations', { ...p(can.record), schema: { tags, summary: 'Record a donation of money or goods; issues the next receipt number / 登记捐赠（开具票据）', body: CreateDonationBody, response: { 201: Donation, ...errors } } },
    async (request, reply) => reply.status(201).send(await donations.create(callerOf(request), request.body, actorOf(request))));
  app.get('/charity/donations/:id', { ...p(can.read), schema: { tags, summary: 'One donation / 捐赠详情', params: IdParams, response: { 200: Donation, ...errors } } },
    async (request) => donations.get(callerOf(request), request.params.id));
  app.get('/charity/donations/:id/receipt', { ...p(can.read), schema: { tags, summary: 'The 捐赠票据 as PDF / 捐赠票据', params: IdParams, response: { ...pdf, ...errors } } },
    async (request, reply) => {
      const doc = await donations.receipt(callerOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', disposition(doc.fileName)).send(doc.body as never);
    });

  app.get('/charity/items', { ...p(can.read), schema: { tags, summary: 'The goods catalogue / 物资目录', response: { 200: ItemList, ...errors } } },
    async () => stock.items());
  app.post('/charity/items', { ...p(can.record), schema: { tags, summary: 'Add an item and unit to the catalogue / 新增物资', body: CreateItemBody, response: { 201: Item, ...errors } } },
    async (request, reply) => reply.status(201).send(await stock.createItem(request.body, actorOf(request))));

  app.get('/charity/stores', { ...p(can.read), schema: { tags, summary: 'Stores (warehouses, service points) of the organisations you see / 仓库', querystring: ListStoresQuery, response: { 200: StoreList, ...errors } } },
    async (request) => stock.stores(callerOf(request), request.query.organisationId));
  app.post('/charity/stores', { ...p(can.record), schema: { tags, summary: 'Add a store of an organisation / 新增仓库', body: CreateStoreBody, response: { 201: Store, ...errors } } },
    async (request, reply) => reply.status(201).send(await stock.createStore(callerOf(request), request.body, actorOf(request))));
  app.get('/charity/stores/:id/stock', { ...p(can.read), schema: { tags, summary: 'What a store holds / 库存', params: IdParams, response: { 200: StockView, ...errors } } },
    async (request) => stock.stock(callerOf(request), request.params.id));
  app.get('/charity/stores/:id/movements', { ...p(can.read), schema: { tags, summary: 'The stock ledger of a store, newest first / 出入库台账', params: IdParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: MovementList, ...errors } } },
    async (request) => stock.movements(callerOf(request), request.params.id, request.query.limit));
  app.post('/charity/stores/:id/movements', { ...p(can.record), schema: { tags, summary: 'Stock in, out, transfer or loss (with reason); never below zero / 出入库、调拨、报损', params: IdParams, body: MovementBody, response: { 200: MovementResult, ...errors } } },
    async (request) => stock.move(callerOf(request), request.params.id, request.body, actorOf(request)));
};
