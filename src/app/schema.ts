// Every table, for drizzle's typed queries and for drizzle-kit's migration generator.
export { jurisdictions } from '../modules/jurisdictions/jurisdictions.table.ts';
export { users, sessions, apiTokens, loginThrottles } from '../modules/auth/auth.table.ts';
export { auditLog, auditChain, auditLogIdSeq } from '../modules/audit/audit.table.ts';
export { jobs } from '../platform/jobs/jobs.table.ts';
export { persons, registryHistory, vocabularies } from '../modules/persons/persons.table.ts';
export {
  households,
  householdMembers,
  householdIncomes,
  householdAssets,
  householdExpenses,
} from '../modules/households/households.table.ts';
export { imports } from '../modules/imports/imports.table.ts';
export { policyParameters, screeningRuns, screeningResults } from '../modules/policy/policy.table.ts';
export { assistanceCases, caseEvents, caseVisits, reserveFunds } from '../modules/cases/cases.table.ts';
export { paymentPlans, paymentBatches, payments, overpayments } from '../modules/payments/payments.table.ts';
export { campaigns, campaignTargets, campaignVisits } from '../modules/campaigns/campaigns.table.ts';
export {
  requestCategories,
  requestRoutes,
  councilMeetings,
  helpRequests,
  helpRequestEvents,
  helpRequestFollowers,
} from '../modules/requests/requests.table.ts';
export { attachments } from '../modules/attachments/attachments.table.ts';
export { notifications } from '../modules/notifications/notifications.table.ts';
export { personSupporters, personParentSituations, personUnemployment, personJobEvents } from '../modules/persons/facts.table.ts';
export { organisations, organisationUsers } from '../modules/organisations/organisations.table.ts';
export { servicePointTypes, serviceCatalogue, servicePoints, servicePointServices, servicePointVisits, servicePointConsultations, servicePointMealSettlements, servicePointMeals } from '../modules/service-points/service-points.table.ts';
export { placeLocations } from '../modules/places/places.table.ts';
export { charityProjects, receiptCounters, donations, goodsItems, charityStores, stockBalances, stockMovements, distributions, distributionRecipients, wishes } from '../modules/charity/charity.table.ts';
