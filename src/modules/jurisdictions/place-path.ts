// A place named with its township and village above it ("巨轮街道 / 和平社区 / 第一网格"), so a grid
// or a community is recognisable in lists; counties and wider areas are named alone.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export function placePath(code: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(select string_agg(j.name, ' / ' order by length(j.code)) from jurisdictions j
    where j.code in (left(${code}, 9), left(${code}, 12), ${code}) and (length(j.code) >= 9 or j.code = ${code}))`;
}
