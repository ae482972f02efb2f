import type { MessageKey } from './zh.ts';

// Typed against the Chinese dictionary so a missing translation fails the type check.
export const en: Record<MessageKey, string> = {
  'app.name': 'lastmile',
  'app.fullName': '最后一米 · lastmile',
  'app.subtitle': 'Grassroots social assistance and livelihood services',
  'app.version': 'Version {version}',

  'lang.label': 'Language',
  'lang.zh': '中文',
  'lang.en': 'English',

  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.usernameRequired': 'Please enter your username',
  'auth.passwordRequired': 'Please enter your password',
  'auth.mustChangePassword': 'You are still using your initial password. Please change it soon.',

  'nav.menu': 'Open navigation menu',
  'nav.apiDocs': 'API docs',
  'nav.user': 'Current user',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.actions': 'Actions',
  'common.unknownError': 'Something went wrong.',
  'common.backHome': 'Back to home',
  'common.total': '{n} in total',

  'home.title': 'Home',
  'home.greeting': 'Hello, {name}',
  'home.jurisdiction': 'Jurisdiction: {name}',
  'home.counts': 'Divisions and grids in your jurisdiction',
  'home.modules': 'Modules',
  'home.intro':
    'lastmile serves township, village and community staff and grid workers, bringing social assistance and public services the last mile to every household.',
  'home.comingSoon': 'Coming soon',

  'jur.title': 'Jurisdictions',
  'jur.intro':
    'Browse and maintain the administrative divisions and grids of your jurisdiction. Codes follow the national statistical division codes; a grid adds a 3-digit number to its village or community code.',
  'jur.all': 'All',
  'jur.code': 'Code',
  'jur.divisionCode': 'Division code',
  'jur.name': 'Name',
  'jur.level': 'Level',
  'jur.childCount': 'Children',
  'jur.children': '{n} children',
  'jur.search': 'Search divisions by name',
  'jur.searchResult': 'Results for “{q}”',
  'jur.empty': 'No subdivisions',
  'jur.add': 'Add child',
  'jur.addTitle': 'Add a {level} under “{parent}”',
  'jur.addRootTitle': 'Add a province',
  'jur.rename': 'Rename',
  'jur.renameTitle': 'Rename “{name}”',
  'jur.delete': 'Delete',
  'jur.deleteConfirm': 'Delete “{name}”?',
  'jur.deleteHint': 'Divisions with children cannot be deleted.',
  'jur.created': 'Added “{name}”',
  'jur.renamed': 'Renamed to “{name}”',
  'jur.deleted': 'Deleted “{name}”',
  'jur.codeHint': '{length} digits starting with {prefix}, or the full 12-digit division code',
  'jur.codeHintVillage': 'The 12-digit division code, starting with {prefix}',
  'jur.codeHintGrid': '15 digits: the village/community code {prefix} plus a 3-digit grid number',
  'jur.codeHintRoot': '2-digit province code, or the full 12-digit division code',
  'jur.codeRequired': 'Please enter a code',
  'jur.codeInvalid': 'Invalid code, or not under the current division',
  'jur.nameRequired': 'Please enter a name',
  'jur.notFound': 'Division not found',
  'jur.backToList': 'Back to all divisions',

  'level.province': 'Province',
  'level.city': 'City',
  'level.county': 'County',
  'level.township': 'Township / subdistrict',
  'level.village': 'Village / community',
  'level.grid': 'Grid',

  'comingSoon.tag': 'Coming soon',
  'comingSoon.text': 'This module is under construction. When it ships it will provide:',

  'notFound.title': 'Page not found',
  'notFound.text': 'The page you are looking for does not exist or has been removed.',

  'module.home.name': 'Home',
  'module.home.desc': 'Overview: your jurisdiction, division counts and entry points to every module.',
  'module.registry.name': 'Registry',
  'module.registry.desc':
    'Registered and resident population records with household relations and vulnerability flags, cross-checked with police, disability and medical-insurance data: one file per person and household.',
  'module.cases.name': 'Assistance cases',
  'module.cases.desc':
    'Minimum living allowance (dibao), extreme-poverty support, temporary assistance and de-facto-orphan allowances: application, home visit, review, public notice, approval and payment, fully audited.',
  'module.requests.name': 'Help requests',
  'module.requests.desc':
    'Requests for help from the hotline, mini-program or grid workers: intake, assignment, handling and follow-up call, with overdue alerts.',
  'module.campaigns.name': 'Campaigns',
  'module.campaigns.desc':
    'Home-visit plans and records for grid workers; regular visits to elderly people living alone, left-behind children and people with severe disabilities, with automatic ledgers.',
  'module.servicePoints.name': 'Service points',
  'module.servicePoints.desc':
    'Community elderly-care stations, children’s homes and assistance service points: location, opening hours and services, so residents can find help nearby.',
  'module.charities.name': 'Charities & volunteers',
  'module.charities.desc':
    'Registry of charities, social-work agencies and volunteer teams; matches needs with resources and records service hours.',
  'module.jobs.name': 'Public-welfare jobs',
  'module.jobs.desc':
    'Public-welfare job creation and placement, attendance and subsidy payments; records job needs of people in hardship and recommends suitable posts.',
  'module.rescue.name': 'Rescue station',
  'module.rescue.desc':
    'Assistance to homeless people and beggars: intake, identity checks, temporary shelter, medical care, family tracing and escorted return home.',
  'module.monitoring.name': 'Monitoring',
  'module.monitoring.desc':
    'Dynamic monitoring of low-income people: cross-department data matching warns of high medical bills, unemployment or severe illness, so help arrives before it is asked for.',
  'module.dashboards.name': 'Dashboards',
  'module.dashboards.desc':
    'Indicators by division — beneficiaries, payments, requests handled, visit coverage — as charts and exportable reports.',
  'module.policies.name': 'Policies',
  'module.policies.desc':
    'Local assistance standards, eligibility conditions and benefit formulas, applied by division and effective date, with full version history.',
  'module.jurisdictions.name': 'Jurisdictions',
  'module.jurisdictions.desc':
    'Hierarchy of provinces, cities, counties, townships, villages/communities and grids, using the national statistical division codes.',
  'module.admin.name': 'Administration',
  'module.admin.desc': 'Users, roles and data permissions, audit log, backups and system settings.',
};
