import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { UsagePeriod } from '../../../gql/graphql.ts';
import { nextCursor } from '../../../lib/connections.ts';
import { LoadMore, Spinner } from '../../../ui/Feedback.tsx';
import { UserUsageRow } from './UserUsageRow.tsx';

const PAGE_SIZE = 20;

const UsageByUserQuery = graphql(`
  query AdminUsageByUser($period: UsagePeriod!, $first: Int!, $after: String) {
    usageByUser(period: $period, first: $first, after: $after) {
      __typename
      ... on UserUsageConnection {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            userId
            ...UserUsageRow_usage
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const PERIODS: Record<UsagePeriod, string> = {
  [UsagePeriod.Day]: 'Today',
  [UsagePeriod.Week]: 'This week',
  [UsagePeriod.Month]: 'This month',
  [UsagePeriod.All]: 'All time',
};

/** Who generated what, most expensive first (estimated USD of SUCCEEDED generations, UTC periods). */
export function UsageByUserSection() {
  const [period, setPeriod] = useState<UsagePeriod>(UsagePeriod.Month);
  const { data, loading, error, fetchMore } = useQuery(UsageByUserQuery, {
    variables: { period, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.usageByUser;
  const conn = result?.__typename === 'UserUsageConnection' ? result : undefined;
  return (
    <section aria-labelledby="admin-usage-title">
      <h2 id="admin-usage-title">Usage by user</h2>
      <div className="field">
        <label htmlFor="admin-usage-period">Period</label>
        <select
          id="admin-usage-period"
          value={period}
          onChange={(e) => setPeriod(Object.values(UsagePeriod).find((p) => p === e.target.value) ?? period)}
        >
          {Object.values(UsagePeriod).map((p) => (
            <option key={p} value={p}>
              {PERIODS[p]}
            </option>
          ))}
        </select>
      </div>
      {loading && !data ? (
        <Spinner />
      ) : error || (result && !conn) ? (
        <p className="form-error" role="alert">
          {error?.message ?? (result && 'message' in result ? result.message : '')}
        </p>
      ) : !conn?.edges.length ? (
        <p className="empty">Nobody generated anything in this period.</p>
      ) : (
        <>
          <p className="muted">{conn.totalCount} users with generations</p>
          <div className="table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Generations</th>
                  <th scope="col">Succeeded</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Pending</th>
                  <th scope="col">Cost</th>
                  <th scope="col">By model</th>
                </tr>
              </thead>
              <tbody>
                {conn.edges.map((e) => (
                  <UserUsageRow key={e.node.userId} row={e.node} />
                ))}
              </tbody>
            </table>
          </div>
          {conn.pageInfo.hasNextPage && (
            <LoadMore
              label="More users"
              load={() => fetchMore({ variables: { period, first: PAGE_SIZE, after: nextCursor(conn) } })}
            />
          )}
        </>
      )}
    </section>
  );
}
