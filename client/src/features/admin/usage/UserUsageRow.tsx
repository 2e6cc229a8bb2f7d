import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const UserUsageRow_usage = graphql(`
  fragment UserUsageRow_usage on UserUsage {
    userId
    email
    name
    usage {
      generations
      succeeded
      failed
      pending
      totalCost
      byModel {
        model
        count
        cost
      }
    }
  }
`);

export const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/** One user's generations and estimated cost in the period, with the models they used. */
export function UserUsageRow(props: { row: FragmentType<typeof UserUsageRow_usage> }) {
  const { email, name, usage } = getFragmentData(UserUsageRow_usage, props.row);
  return (
    <tr data-testid="user-usage" data-email={email}>
      <td>
        {name}
        <br />
        <span className="muted">{email}</span>
      </td>
      <td>{usage.generations}</td>
      <td>{usage.succeeded}</td>
      <td>{usage.failed}</td>
      <td>{usage.pending}</td>
      <td>{usd(usage.totalCost)}</td>
      <td>
        <ul className="plain-list">
          {usage.byModel.map((m) => (
            <li key={m.model}>
              <code>{m.model}</code> × {m.count} · {usd(m.cost)}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
