// The platform's modules, present and to come: one list drives the menu, routes and home page.
import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import { REGISTRY_READERS } from './auth/access.ts';
import { CAMPAIGN_READERS } from './features/campaigns/access.ts';
import { CASE_MODULE_ROLES } from './features/cases/access.ts';
import { PAYMENT_READERS } from './features/payments/access.ts';
import { REQUEST_READERS } from './features/requests/access.ts';
import { FIGURE_READERS } from './features/figures/access.ts';
import type { MessageKey } from './i18n/index.ts';

export interface AppModule {
  key: string;
  path: string;
  icon: ComponentType;
  /** false: routed to the "coming soon" page until it is built. */
  ready: boolean;
  /** Only users holding one of these roles see the module in menus (the server checks access). */
  roles?: readonly string[];
}

export const MODULES = [
  { key: 'home', path: '/', icon: HomeOutlined, ready: true },
  { key: 'registry', path: '/registry', icon: IdcardOutlined, ready: true, roles: REGISTRY_READERS },
  { key: 'cases', path: '/cases', icon: SafetyCertificateOutlined, ready: true, roles: CASE_MODULE_ROLES },
  { key: 'payments', path: '/payments', icon: AccountBookOutlined, ready: true, roles: PAYMENT_READERS },
  { key: 'requests', path: '/requests', icon: MessageOutlined, ready: true, roles: REQUEST_READERS },
  { key: 'campaigns', path: '/campaigns', icon: ScheduleOutlined, ready: true, roles: CAMPAIGN_READERS },
  { key: 'servicePoints', path: '/service-points', icon: EnvironmentOutlined, ready: true, roles: ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker', 'service_point_staff', 'statistics_viewer'] },
  { key: 'charities', path: '/charities', icon: HeartOutlined, ready: false },
  { key: 'jobs', path: '/jobs', icon: SolutionOutlined, ready: false },
  { key: 'rescue', path: '/rescue', icon: MedicineBoxOutlined, ready: false },
  { key: 'monitoring', path: '/monitoring', icon: AlertOutlined, ready: false },
  { key: 'dashboards', path: '/dashboards', icon: BarChartOutlined, ready: true, roles: FIGURE_READERS },
  { key: 'policies', path: '/policies', icon: FileProtectOutlined, ready: true, roles: REGISTRY_READERS },
  { key: 'jurisdictions', path: '/jurisdictions', icon: ApartmentOutlined, ready: true },
  { key: 'admin', path: '/admin', icon: SettingOutlined, ready: true, roles: ['admin'] },
] as const satisfies readonly AppModule[];

export type ModuleKey = (typeof MODULES)[number]['key'];

export const moduleName = (key: ModuleKey): MessageKey => `module.${key}.name`;
export const moduleDesc = (key: ModuleKey): MessageKey => `module.${key}.desc`;

/** The module owning a pathname ("/jurisdictions/14" → jurisdictions). */
export function moduleForPath(pathname: string): ModuleKey | undefined {
  const segment = `/${pathname.split('/')[1] ?? ''}`;
  return MODULES.find((m) => m.path === segment)?.key;
}

/** The modules a user with these roles is offered in the menu and on the home page. */
export function visibleModules(roles: readonly string[]): (typeof MODULES)[number][] {
  return MODULES.filter((m) => {
    const required = (m as AppModule).roles;
    return !required || required.some((r) => roles.includes(r));
  });
}
