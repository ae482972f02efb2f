import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { jurisdictionPermissions as can } from './jurisdictions.policy.ts';
import {
  CodePathParams,
  CodeParam,
  CreateJurisdictionBody,
  Jurisdiction,
  JurisdictionList,
  JurisdictionWithPath,
  LevelCounts,
  ListJurisdictionsQuery,
  UpdateJurisdictionBody,
} from './jurisdictions.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };

export const jurisdictionRoutes: RouteModule = (app, { services }) => {
  const service = services.jurisdictions;
  const tags = ['jurisdictions'];

  app.get(
    '/jurisdictions',
    {
      config: { permission: can.read },
      schema: {
        tags,
        summary: 'List jurisdictions in your scope / 查询辖区内区划',
        querystring: ListJurisdictionsQuery,
        response: { 200: JurisdictionList, ...errors },
      },
    },
    async (request) => service.list(callerOf(request), request.query),
  );

  app.get(
    '/jurisdictions/counts',
    {
      config: { permission: can.read },
      schema: {
        tags,
        summary: 'Count nodes by level / 按层级统计区划数量',
        querystring: z.object({ under: CodeParam.optional() }),
        response: { 200: LevelCounts, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return { scope: request.query.under ?? caller.scope, counts: await service.countByLevel(caller, request.query.under) };
    },
  );

  app.get(
    '/jurisdictions/:code',
    {
      config: { permission: can.read },
      schema: {
        tags,
        summary: 'One jurisdiction with its ancestors / 区划详情',
        params: CodePathParams,
        response: { 200: JurisdictionWithPath, ...errors },
      },
    },
    async (request) => service.get(callerOf(request), request.params.code),
  );

  app.post(
    '/jurisdictions',
    {
      config: { permission: can.write },
      schema: {
        tags,
        summary: 'Add a division or grid / 新增区划或网格',
        body: CreateJurisdictionBody,
        response: { 201: Jurisdiction, ...errors, 409: ApiErrorBody },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await service.create(callerOf(request), request.body, actorOf(request)));
    },
  );

  app.patch(
    '/jurisdictions/:code',
    {
      config: { permission: can.write },
      schema: {
        tags,
        summary: 'Rename / 修改名称',
        params: CodePathParams,
        body: UpdateJurisdictionBody,
        response: { 200: Jurisdiction, ...errors },
      },
    },
    async (request) => {
      return service.rename(callerOf(request), request.params.code, request.body.name, actorOf(request));
    },
  );

  app.delete(
    '/jurisdictions/:code',
    {
      config: { permission: can.write },
      schema: {
        tags,
        summary: 'Delete a node without children / 删除无下级的区划',
        params: CodePathParams,
        response: { 204: z.null(), ...errors, 409: ApiErrorBody },
      },
    },
    async (request, reply) => {
      await service.remove(callerOf(request), request.params.code, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
