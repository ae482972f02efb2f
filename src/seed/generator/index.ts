// Demo/benchmark data generator: deterministic synthetic households for lastmile. Pure functions,
// no database and no I/O; a loader streams `generateHouseholds` into the registry.
export { Random, mix32, weightedTable, type WeightedTable } from './random.ts';
export { pickName, pickSurname, pickGivenName, pickEthnicity, generationOf, SURNAME_LIST, type Sex } from './names.ts';
export { demoResidences, type Residence } from './residences.ts';
export {
  generateHouseholds,
  generateHousehold,
  householdsPerCounty,
  DEFAULT_TODAY,
  HOUSEHOLDS_PER_COUNTY_CAPACITY,
  LOW_INCOME_LINE_FEN,
  NEAR_DIBAO_LINE_FEN,
  type GenerateHouseholdsOptions,
  type GeneratedHousehold,
  type GeneratedMember,
  type GeneratedPerson,
  type GeneratedIncome,
  type GeneratedAsset,
  type GeneratedExpense,
  type HouseholdShape,
} from './households.ts';
