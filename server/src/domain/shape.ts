/**
 * Which columns and relations a reader wants (a Prisma selection, e.g. the one a GraphQL query plans),
 * so a use case that returns rows loads what its caller reads in the same statement.
 */
export interface Shape<Select, Include> {
  select?: Select;
  include?: Include;
}
