import { asNexusMethod } from "nexus";
import { GraphQLScalarType, type ValueNode } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { MAX_INSTANT, MIN_INSTANT } from "../../store/ranges.ts";

/** graphql-scalars' DateTime, limited to the instants both databases store (year 0 parses, PostgreSQL has none). */
function storable(value: Date): Date {
  if (value < MIN_INSTANT || value > MAX_INSTANT) {
    throw new TypeError(`DateTime must lie between ${MIN_INSTANT.toISOString()} and ${MAX_INSTANT.toISOString()}, got ${value.toISOString()}`);
  }
  return value;
}

const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: `${DateTimeResolver.description} Input must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.`,
  parseValue: (value: unknown) => storable(DateTimeResolver.parseValue(value) as Date),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => storable(DateTimeResolver.parseLiteral(ast, variables) as Date),
});

export const DateTime = asNexusMethod(DateTimeScalar, "dateTime", "Date");
