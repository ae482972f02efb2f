// Permissions are declared per action in each module's `<name>.policy.ts` with the roles that
// hold them. Every non-public API route names one permission in `config.permission`; the
// authentication hook checks it, and app start-up fails for a route that declares none.
import { AppError } from './errors.ts';
import { ROLE_NAMES, type RoleName } from '../lib/roles.ts';

export type PermissionSpec = { roles: readonly RoleName[]; zh: string; en: string };
export type Policy<M extends string, A extends string> = { module: M; actions: Record<A, PermissionSpec> };

export const ALL_ROLES: readonly RoleName[] = ROLE_NAMES;

const registry = new Map<string, PermissionSpec>();

/** Declare a module's actions; returns permission names like `jurisdictions.write`. */
export function definePolicy<const M extends string, const A extends string>(
  module: M,
  actions: Record<A, PermissionSpec>,
): { [K in A]: `${M}.${K}` } {
  const names = {} as { [K in A]: `${M}.${K}` };
  for (const [action, spec] of Object.entries(actions) as [A, PermissionSpec][]) {
    const name = `${module}.${action}` as `${M}.${A}`;
    registry.set(name, spec);
    names[action] = name as never;
  }
  return names;
}

export function permissionSpec(name: string): PermissionSpec | undefined {
  return registry.get(name);
}

export function allPermissions(): [string, PermissionSpec][] {
  return [...registry.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function rolesHolding(permission: string): readonly RoleName[] {
  return registry.get(permission)?.roles ?? [];
}

export function hasPermission(user: { roles: readonly string[] }, permission: string): boolean {
  const spec = registry.get(permission);
  return !!spec && user.roles.some((r) => spec.roles.includes(r as RoleName));
}

export function assertPermission(user: { roles: readonly string[] }, permission: string): void {
  if (hasPermission(user, permission)) return;
  const spec = registry.get(permission);
  throw new AppError(
    'forbidden',
    `You may not ${spec?.en ?? permission}`,
    `无权${spec?.zh ?? permission}`,
  );
}
