// The schema engine reads PostgreSQL's catalogs to diff a database against the schema, and some
// catalog columns have the one-byte type "char" (pg_constraint.contype, …). @prisma/adapter-pg
// refuses that type ("Column type 'char' could not be deserialized"); pg already hands its value
// over as a one-letter string, so we report it to the engine as a Character column.
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlResultSet } from "@prisma/driver-adapter-utils";

const charTypeId = 18;
const textTypeId = 25;

interface PgQueryable {
  performIO?: (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
}

export function readingCatalogChars(adapter: SqlDriverAdapter): void {
  const queryable = adapter as unknown as PgQueryable;
  const performIO = queryable.performIO?.bind(adapter);
  if (!performIO) return; // not adapter-pg
  // queryRaw calls performIO synchronously, so the columns found belong to the call in progress.
  let charColumnsOfCall: number[] | undefined;
  queryable.performIO = async (query) => {
    const sink = charColumnsOfCall;
    const result = await performIO(query);
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== charTypeId) return;
      field.dataTypeID = textTypeId;
      sink?.push(index);
    });
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query): Promise<SqlResultSet> => {
    const charColumns: number[] = [];
    charColumnsOfCall = charColumns;
    const pending = queryRaw(query);
    charColumnsOfCall = undefined;
    const result = await pending;
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}
