export { createPlacesService, type PlacesService } from './places.service.ts';
export { placeRoutes } from './places.routes.ts';
export { placeLocations } from './places.table.ts';
