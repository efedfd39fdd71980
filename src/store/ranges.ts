// What the columns of both databases can hold, for the layers above to validate input
// against: a value outside fails on PostgreSQL (22003, 22008) while SQLite would take it.

/** Row ids are `Int` in prisma/models.prisma: PostgreSQL `integer`, at most 2^31 - 1. */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * Instants both databases store and compare alike: PostgreSQL has no year 0, and
 * SQLite compares ISO-8601 text, which holds four-digit years only.
 */
export const MIN_INSTANT = new Date("0001-01-01T00:00:00.000Z");
export const MAX_INSTANT = new Date("9999-12-31T23:59:59.999Z");
