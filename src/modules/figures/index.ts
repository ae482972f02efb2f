export { createFiguresService, type FiguresService } from './figures.service.ts';
export { figureRoutes } from './figures.routes.ts';
export { defineFigures, type FigureDefinition, type SourceParams } from './figure.ts';
