// The kinds of organisation the social-force features work with, as stable codes with labels
// (browser-safe: the web's forms and the API's schemas read the same list).
export const ORGANISATION_KINDS = {
  charity: { zh: '慈善组织', en: 'Charitable organisation' },
  foundation: { zh: '基金会', en: 'Foundation' },
  social_organisation: { zh: '社会组织', en: 'Social organisation' },
  social_work: { zh: '社工机构', en: 'Social-work agency' },
  volunteer: { zh: '志愿服务组织', en: 'Volunteer organisation' },
  enterprise: { zh: '爱心企业', en: 'Caring enterprise' },
  public_institution: { zh: '机关事业单位', en: 'Government body or public institution' },
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;
export const ORGANISATION_KIND_CODES = Object.keys(ORGANISATION_KINDS) as [OrganisationKind, ...OrganisationKind[]];

// Charity status under the Charity Law: none, 登记为慈善组织 (registered as one from the start) or
// 认定为慈善组织 (an existing social organisation recognised as one).
export const CHARITY_STATUSES = {
  none: { zh: '非慈善组织', en: 'Not a charitable organisation' },
  registered: { zh: '登记为慈善组织', en: 'Registered as a charitable organisation' },
  recognised: { zh: '认定为慈善组织', en: 'Recognised as a charitable organisation' },
} as const;
export type CharityStatus = keyof typeof CHARITY_STATUSES;
export const CHARITY_STATUS_CODES = Object.keys(CHARITY_STATUSES) as [CharityStatus, ...CharityStatus[]];
