// Ids of rows kept in 32-bit integer columns (users, API tokens, routing rules): a larger number
// can name no row, and PostgreSQL refuses it as out of range (a 500), so the schema refuses it first.
import { z } from 'zod';

export const INT4_MAX = 2_147_483_647;

/** A user id in a JSON body. */
export const UserId = z.number().int().positive().max(INT4_MAX);

/** An id in a path or query string (text, coerced) for a table with 32-bit ids. */
export const Int4IdParam = z.coerce.number().int().positive().max(INT4_MAX);
