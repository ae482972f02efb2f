export { caseRoutes } from './cases.routes.ts';
export { createCasesService, type CasesService } from './cases.service.ts';
export { assistanceCases, caseEvents, caseVisits, reserveFunds } from './cases.table.ts';
export { caseFigures } from './cases.figures.ts';
