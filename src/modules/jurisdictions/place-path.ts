// A place named with its township and village above it ("巨轮街道 / 和平社区 / 第一网格"), so a grid
// or a community is recognisable in lists; counties and wider areas are named alone. Three
// primary-key lookups per row (an IN-list with string_agg scanned the table: 12 ms a page).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export function placePath(code: SQLWrapper): SQL<string | null> {
  return sql<string | null>`nullif(concat_ws(' / ',
    case when length(${code}) > 9 then (select j.name from jurisdictions j where j.code = left(${code}, 9)) end,
    case when length(${code}) > 12 then (select j.name from jurisdictions j where j.code = left(${code}, 12)) end,
    (select j.name from jurisdictions j where j.code = ${code})), '')`;
}
