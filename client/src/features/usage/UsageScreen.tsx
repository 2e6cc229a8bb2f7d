import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { UsagePeriod } from '../../gql/graphql.ts';
import { formatUsd } from '../../lib/format.ts';
import { Spinner } from '../../ui/Feedback.tsx';
import { SpendChart } from './SpendChart.tsx';

const UsageQuery = graphql(`
  query UsageScreen($period: UsagePeriod!) {
    me {
      id
      usage(period: $period) {
        period
        generations
        succeeded
        failed
        pending
        totalCost
        byModel {
          model
          count
          succeeded
          cost
        }
        byDay {
          day
          generations
          cost
        }
      }
    }
  }
`);

const PERIODS: Record<UsagePeriod, string> = { DAY: 'Today', WEEK: 'This week', MONTH: 'This month', ALL: 'All time' };

/** What the signed-in user generated and what it cost, by period, by model and per day. */
export function UsageScreen() {
  const [period, setPeriod] = useState<UsagePeriod>(UsagePeriod.Month);
  const { data, previousData, loading, error } = useQuery(UsageQuery, { variables: { period } });
  const usage = (data ?? previousData)?.me?.usage;
  return (
    <section className="stack" aria-labelledby="usage-title">
      <div className="row-between">
        <h1 id="usage-title">Usage</h1>
        <div role="group" aria-label="Period" className="segmented">
          {Object.entries(PERIODS).map(([p, label]) => (
            <button
              key={p}
              type="button"
              aria-pressed={p === period}
              onClick={() => setPeriod(Object.values(UsagePeriod).find((v) => v === p) ?? period)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {error && !usage && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {!usage ? (
        loading && <Spinner />
      ) : (
        <>
          <dl className="stats card" aria-busy={loading}>
            <div>
              <dt>Spent</dt>
              <dd data-testid="usage-total">{formatUsd(usage.totalCost)}</dd>
            </div>
            <div>
              <dt>Generations</dt>
              <dd>{usage.generations}</dd>
            </div>
            <div>
              <dt>Succeeded · failed · in progress</dt>
              <dd>
                {usage.succeeded} · {usage.failed} · {usage.pending}
              </dd>
            </div>
          </dl>
          <div className="card">
            <h2>Spend per day</h2>
            <SpendChart days={usage.byDay} />
          </div>
          <div className="card">
            <h2>By model</h2>
            {usage.byModel.length === 0 ? (
              <p className="muted">Nothing generated in this period.</p>
            ) : (
              <table className="usage-table">
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Generations</th>
                    <th scope="col">Succeeded</th>
                    <th scope="col">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.byModel.map((m) => (
                    <tr key={m.model}>
                      <td>{m.model}</td>
                      <td>{m.count}</td>
                      <td>{m.succeeded}</td>
                      <td>{formatUsd(m.cost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <p className="muted">Estimates in USD from the price table; only succeeded generations are billed.</p>
        </>
      )}
    </section>
  );
}

export default UsageScreen;
