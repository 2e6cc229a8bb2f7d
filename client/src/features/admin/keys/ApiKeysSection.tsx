import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { Spinner } from '../../../ui/Feedback.tsx';
import { ApiKeyRow } from './ApiKeyRow.tsx';
import { NewApiKeyForm } from './NewApiKeyForm.tsx';

const AdminApiKeysQuery = graphql(`
  query AdminApiKeys {
    apiKeys {
      id
      ...ApiKeyRow_apiKey
    }
  }
`);

/** Partner keys (read-only catalog access), newest first, revoked ones included. */
export function ApiKeysSection() {
  // lastUsedAt moves as partners call: fresh on each visit.
  const { data, loading, error } = useQuery(AdminApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  const keys = data?.apiKeys ?? [];
  return (
    <section aria-labelledby="admin-keys-title">
      <h2 id="admin-keys-title">Partner API keys</h2>
      <NewApiKeyForm />
      {loading && !data ? (
        <Spinner />
      ) : error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : keys.length === 0 ? (
        <p className="empty">No key yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <ApiKeyRow key={k.id} apiKey={k} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
