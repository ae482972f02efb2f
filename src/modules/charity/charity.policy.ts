// Who may use the social-force ledgers. An organisation user works only for its own organisation
// (the service checks that); staff for organisations serving in or over their area. The benefit
// ledger is people's data: staff only, never an organisation.
import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker'] as const;

export const charityPermissions = definePolicy('charity', {
  read: { roles: [...STAFF, 'grid_worker', 'service_point_staff', 'organisation', 'statistics_viewer'], zh: '查看慈善项目、捐赠、库存与发放', en: 'see charity projects, donations, stock and distributions' },
  record: { roles: [...STAFF, 'organisation'], zh: '登记慈善项目、捐赠、库存变动与发放', en: 'record charity projects, donations, stock movements and distributions' },
  sign: { roles: [...STAFF, 'grid_worker', 'service_point_staff', 'organisation'], zh: '登记发放签收', en: 'record that a household signed for a delivery' },
  wishes: { roles: [...STAFF, 'grid_worker', 'organisation'], zh: '发布、认领登记和确认微心愿', en: 'post 微心愿, record their claims and fulfilment' },
  benefits: { roles: [...STAFF, 'grid_worker', 'statistics_viewer'], zh: '查看家庭和个人受助台账（政府与慈善）', en: 'see the benefit ledger of a household or person (government and charity)' },
});
