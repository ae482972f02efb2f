// The composition root: builds every module's service from the shared database once, so HTTP
// routes, the CLI and jobs all run the same services.
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import type { KeyRing } from '../platform/crypto/field-crypto.ts';
import { createSensitiveFields, type SensitiveFields } from '../platform/crypto/sensitive.ts';
import { createJobQueue, type JobDefinition, type JobQueue } from '../platform/jobs/index.ts';
import { createAuthService, createTokensService, type AuthService, type TokensService } from '../modules/auth/index.ts';
import { anchorJob, createAuditService, type AuditService } from '../modules/audit/index.ts';
import { createJurisdictionsService, type JurisdictionsService } from '../modules/jurisdictions/index.ts';
import { createUsersService, type UsersService } from '../modules/users/index.ts';
import { createPersonFactsService, createPersonsService, type PersonFactsService, type PersonsService } from '../modules/persons/index.ts';
import { createHouseholdsService, type HouseholdsService } from '../modules/households/index.ts';
import { createImportsService, type ImportsService } from '../modules/imports/index.ts';
import { createPolicyService, type PolicyService } from '../modules/policy/index.ts';
import { createPaymentsService, type PaymentsService } from '../modules/payments/index.ts';
import { createCasesService, type CasesService } from '../modules/cases/index.ts';
import { createCampaignsService, type CampaignsService } from '../modules/campaigns/index.ts';
import { createRequestsService, type RequestsService } from '../modules/requests/index.ts';
import { createAttachmentsService, type AttachmentsService } from '../modules/attachments/index.ts';
import { createNotificationsService, type NotificationsService } from '../modules/notifications/index.ts';
import { createOrganisationsService, type OrganisationsService } from '../modules/organisations/index.ts';
import { createServicePointsService, type ServicePointsService } from '../modules/service-points/index.ts';
import { createPlacesService, type PlacesService } from '../modules/places/index.ts';
import { charityFigures, createCharityService, type CharityService } from '../modules/charity/index.ts';
import { purgeSessionsJob } from '../modules/auth/auth.jobs.ts';
import { createFiguresService, type FigureDefinition, type FiguresService } from '../modules/figures/index.ts';
import { paymentFigures } from '../modules/payments/index.ts';
import { caseFigures } from '../modules/cases/index.ts';
import { requestFigures } from '../modules/requests/index.ts';
import { campaignFigures } from '../modules/campaigns/index.ts';
import { policyFigures } from '../modules/policy/index.ts';

/** Every module's figures (a module adds its `<name>.figures.ts` list here). */
export const FIGURES: readonly FigureDefinition[] = [...paymentFigures, ...caseFigures, ...requestFigures, ...campaignFigures, ...policyFigures, ...charityFigures];

export type Services = {
  audit: AuditService;
  auth: AuthService;
  tokens: TokensService;
  users: UsersService;
  jurisdictions: JurisdictionsService;
  persons: PersonsService;
  personFacts: PersonFactsService;
  households: HouseholdsService;
  imports: ImportsService;
  policy: PolicyService;
  cases: CasesService;
  payments: PaymentsService;
  campaigns: CampaignsService;
  requests: RequestsService;
  attachments: AttachmentsService;
  notifications: NotificationsService;
  organisations: OrganisationsService;
  servicePoints: ServicePointsService;
  places: PlacesService;
  figures: FiguresService;
  charity: CharityService;
  sensitive: SensitiveFields;
  jobs: JobQueue;
  /** Writes the audit chains' signed heads to the anchor file (and the log). */
  anchorJob: ReturnType<typeof anchorJob>;
};

export function createServices(config: Config, database: Database, keyRing: KeyRing, options: { now?: () => Date } = {}): Services {
  const { db } = database;
  const clock = options.now ? { now: options.now } : {};
  const audit = createAuditService({ db, keys: keyRing.audit, ...clock });
  const sensitive = createSensitiveFields(keyRing);
  const auth = createAuthService({ db, audit, sessionHours: config.sessionHours, sessionCacheMs: config.sessionCacheSeconds * 1000, login: config.login, demoMode: config.seedDemo, ...clock });
  const jobs = createJobQueue(db);
  const policy = createPolicyService({ db, audit, ...clock });
  // Files and photos of every module, in one table the key rotation walks.
  const attachments = createAttachmentsService({ db, sensitive, audit, ...clock });
  // The in-app notification centre every module posts to, live to open pages over LISTEN.
  const notifications = createNotificationsService({ db, database, ...clock });
  // Who acts for which organisation: every social-force ledger asks the one registry.
  const organisations = createOrganisationsService({ db, audit, sensitive });
  const cases = createCasesService({ db, audit, sensitive, policy, attachments, notifications, ...clock });
  return {
    audit,
    auth,
    tokens: createTokensService({ db, audit, ...clock }),
    users: createUsersService({ db, audit, auth, sensitive, ...clock }),
    jurisdictions: createJurisdictionsService({ db, audit }),
    persons: createPersonsService({ db, audit, sensitive, ...clock }),
    personFacts: createPersonFactsService({ db, audit, sensitive, ...clock }),
    households: createHouseholdsService({ db, audit, sensitive, ...clock }),
    imports: createImportsService({ db, sensitive, audit, jobs, fileDays: config.importFileDays, limits: config.uploads, ...clock }),
    policy,
    cases,
    payments: createPaymentsService({ db, audit, sensitive, policy, ...clock }),
    campaigns: createCampaignsService({ db, audit, sensitive, attachments, jobs, uploadLimits: config.uploads, ...clock }),
    // Help requests can open assistance cases (主动发现), through the cases service.
    requests: createRequestsService({ db, audit, sensitive, attachments, notifications, cases, ...clock }),
    attachments,
    notifications,
    // Service points (服务阵地) and the public directory of them.
    servicePoints: createServicePointsService({ db, audit, parameters: () => policy.index(), ...clock }),
    // Where places are (a community's centre point), for coverage and maps.
    places: createPlacesService({ db, audit, ...clock }),
    figures: createFiguresService({ db, audit, sensitive, figures: FIGURES, cacheSeconds: { closed: config.figuresCacheSeconds, open: Math.min(60, config.figuresCacheSeconds) }, ...clock }),
    organisations,
    charity: createCharityService({ db, audit, organisations, sensitive, attachments, policy, ...clock }),
    sensitive,
    jobs,
    anchorJob: anchorJob(audit, config.audit.anchorFile),
  };
}

/** Every job type any module defines; the worker runs these. */
export function jobDefinitions(services: Services): JobDefinition[] {
  return [purgeSessionsJob(services.auth), services.anchorJob, ...services.imports.jobs, ...services.campaigns.jobs, ...services.cases.jobs, ...services.requests.jobs] as JobDefinition[];
}

/** Housekeeping enqueued at start and then every `everyMs`; each process may do it, duplicates are skipped. */
export function scheduleHousekeeping(services: Services, everyMs = 3_600_000, anchorEveryMs = 3_600_000): () => void {
  const enqueue = () => {
    services.jobs.enqueueUnlessPending(purgeSessionsJob(services.auth), {}).catch(() => undefined);
    services.jobs.enqueueUnlessPending(services.imports.purgeFilesJob, {}).catch(() => undefined);
    // Reviews (复核) that came due: opened once; a case with a review under way is skipped.
    services.jobs.enqueueUnlessPending(services.cases.openDueReviewsJob, {}).catch(() => undefined);
    if (anchorEveryMs > 0) services.jobs.enqueueUnlessPending(services.anchorJob, {}).catch(() => undefined);
  };
  void enqueue();
  const timer = setInterval(enqueue, everyMs);
  timer.unref();
  // Help requests past their deadline move one level up: checked every 5 minutes (limits are hours).
  const escalate = setInterval(() => services.jobs.enqueueUnlessPending(services.requests.escalateJob, {}).catch(() => undefined), Math.min(everyMs, 300_000));
  escalate.unref();
  // Signed heads of the audit chains, kept outside the database (0: off).
  const anchor = anchorEveryMs > 0 ? setInterval(() => services.jobs.enqueueUnlessPending(services.anchorJob, {}).catch(() => undefined), anchorEveryMs) : undefined;
  anchor?.unref();
  return () => {
    clearInterval(timer);
    clearInterval(escalate);
    clearInterval(anchor);
  };
}
