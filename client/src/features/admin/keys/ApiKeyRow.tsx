import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { confirmAction } from '../confirmAction.ts';
import { useRevokeApiKeyMutation } from '../mutations/useRevokeApiKeyMutation.ts';

export const ApiKeyRow_apiKey = graphql(`
  fragment ApiKeyRow_apiKey on ApiKey {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`);

const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString() : '—');

/** One partner key: never its secret, only its prefix; when it was last used; revoke. */
export function ApiKeyRow(props: { apiKey: FragmentType<typeof ApiKeyRow_apiKey> }) {
  const key = getFragmentData(ApiKeyRow_apiKey, props.apiKey);
  const [revoke, { loading }] = useRevokeApiKeyMutation();
  return (
    <tr data-testid="api-key" data-revoked={key.revokedAt ? 'true' : 'false'}>
      <td>{key.name}</td>
      <td>
        <code>{key.prefix}…</code>
      </td>
      <td>{key.scopes.join(', ')}</td>
      <td>{when(key.createdAt)}</td>
      <td>{key.lastUsedAt ? when(key.lastUsedAt) : 'Never'}</td>
      <td>
        {key.revokedAt ? (
          <span className="badge badge-failed">Revoked {when(key.revokedAt)}</span>
        ) : (
          <button
            type="button"
            className="btn-small btn-danger"
            disabled={loading}
            aria-label={`Revoke ${key.name}`}
            onClick={() =>
              void confirmAction(`Revoke the key “${key.name}”? Partners using it are refused at once.`, () =>
                revoke(key.id),
              )
            }
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
