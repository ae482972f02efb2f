// Permissions are declared per action in each module's `<name>.policy.ts` with the roles that
// hold them. Every non-public API route names one permission in `config.permission`; the
// authentication hook checks it, and app start-up fails for a route that declares none.
import { AppError } from './errors.ts';
import { ROLE_NAMES, type RoleName } from '../lib/roles.ts';

/**
 * `wholeSystem`: a system-wide setting (one row for every area, e.g. request categories): held
 * only by a holder of one of `roles` whose scope is the whole system (''), never by the same role
 * scoped to a county.
 */
export type PermissionSpec = { roles: readonly RoleName[]; zh: string; en: string; wholeSystem?: boolean };
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

type Holder = { roles: readonly string[]; scope: string };

export function hasPermission(user: Holder, permission: string): boolean {
  const spec = registry.get(permission);
  if (!spec || !user.roles.some((r) => spec.roles.includes(r as RoleName))) return false;
  return !spec.wholeSystem || user.scope === '';
}

/** An administrator of the whole system: the only one who changes what applies to every area. */
export function isSystemAdmin(user: Holder): boolean {
  return user.roles.includes('admin') && user.scope === '';
}

/** The refusal for a change that applies to every area, asked by anyone but a system administrator. */
export function onlySystemAdmin(en: string, zh: string): AppError {
  return new AppError('forbidden', `Only an administrator of the whole system may ${en}: it applies to every area`, `仅全系统管理员可${zh}（对所有地区生效）`);
}

export function assertPermission(user: Holder, permission: string): void {
  if (hasPermission(user, permission)) return;
  const spec = registry.get(permission);
  if (spec?.wholeSystem && user.roles.some((r) => spec.roles.includes(r as RoleName))) throw onlySystemAdmin(spec.en, spec.zh);
  throw new AppError(
    'forbidden',
    `You may not ${spec?.en ?? permission}`,
    `无权${spec?.zh ?? permission}`,
  );
}
