import { z } from 'zod';
import { PointIn, PointOut } from '../../lib/geo/schema.ts';

export const PlaceLocationBody = z.object({ location: PointIn, kind: z.enum(['centroid', 'office']).default('centroid') });
export const PlaceLocation = z.object({ jurisdictionCode: z.string(), name: z.string().nullable(), location: PointOut, kind: z.enum(['centroid', 'office']), updatedAt: z.string() });
