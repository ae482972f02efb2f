export { userRoutes } from './users.routes.ts';
export { createUsersService, type UsersService } from './users.service.ts';
export { userPermissions } from './users.policy.ts';
