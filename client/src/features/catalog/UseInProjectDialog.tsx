import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { catalogAvatarHref, paths, signInHref } from '../../app/paths.ts';
import { AddToProjectDialog } from '../library/AddToProjectDialog.tsx';
import { MakeOwnVersion } from './MakeOwnVersion.tsx';

const CatalogAvatarQuery = graphql(`
  query CatalogAvatar($id: ID!) {
    node(id: $id) {
      id
      ... on Avatar {
        name
        imageUrl
      }
    }
    quote(input: { kind: AVATAR }) {
      estimatedCost
    }
  }
`);

/**
 * A public avatar's "Use in project": signed in, "Add to project" links it (free) and "Make my own version"
 * is the priced alternative; signed out, it asks to sign in and comes back to this avatar (`?avatar=`).
 */
export function UseInProjectDialog(props: { avatarId: string; signedIn: boolean; onClose: () => void }) {
  const { data, loading } = useQuery(CatalogAvatarQuery, { variables: { id: props.avatarId } });
  const node = data?.node;
  const avatar = node && 'name' in node ? node : undefined;
  const price = data?.quote.estimatedCost;
  if (loading && !data) return null;
  if (!avatar || price === undefined || !props.signedIn)
    return <PlainDialog avatarId={props.avatarId} name={avatar?.name} onClose={props.onClose} />;
  return (
    <AddToProjectDialog
      avatar={avatar}
      intro={
        <p className="muted">
          Adding it is free: the catalog's avatar itself is listed in your project, nothing is generated.
        </p>
      }
      onClose={props.onClose}
      extra={(choice, form, setBusy) => (
        <MakeOwnVersion
          avatar={avatar}
          price={price}
          choice={choice}
          form={form}
          setBusy={setBusy}
          onDone={props.onClose}
        />
      )}
    />
  );
}

/** Signed out (sign in first, then back here), or an avatar that is no longer in the catalog. */
function PlainDialog(props: { avatarId: string; name: string | undefined; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const back = catalogAvatarHref(props.avatarId);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="use-title" onClose={props.onClose} onCancel={props.onClose}>
      <div className="stack">
        {props.name ? (
          <>
            <h2 id="use-title">Add “{props.name}” to a project</h2>
            <p className="muted">Sign in to add it to one of your projects; you will come back to this avatar.</p>
            <div className="actions">
              <Link className="btn btn-primary" to={signInHref(back)}>
                Sign in to add it
              </Link>
              <Link className="btn" to={signInHref(back, paths.signUp)}>
                Create an account
              </Link>
              <button type="button" onClick={props.onClose}>
                Cancel
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id="use-title">Avatar not found</h2>
            <p className="muted">It is no longer in the catalog.</p>
            <div className="actions">
              <button type="button" onClick={props.onClose}>
                Close
              </button>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
