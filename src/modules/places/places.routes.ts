import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { z } from 'zod';
import { placePermissions as can } from './places.policy.ts';
import { PlaceLocation, PlaceLocationBody } from './places.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['places'];
const params = z.object({ code: CodeParam });

export const placeRoutes: RouteModule = (app, { services }) => {
  app.get('/places/:code/location', { config: { permission: can.read }, schema: { tags, summary: 'Where a place is (WGS-84) / 区划中心点', params, response: { 200: PlaceLocation, ...errors } } },
    async (request) => services.places.get(callerOf(request), request.params.code));
  app.put('/places/:code/location', { config: { permission: can.write }, schema: { tags, summary: 'Set where a place is (any map system in) / 设置区划中心点', params, body: PlaceLocationBody, response: { 200: PlaceLocation, ...errors } } },
    async (request) => services.places.set(callerOf(request), request.params.code, request.body, actorOf(request)));
};
