import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql, useFragment } from '../gql';
import { errorOf, formErrors, messageOf, NO_ERRORS, type FormErrors } from '../lib/errors.ts';
import { insertIntoList, listHas, nextCursor, removeFromList } from '../lib/connections.ts';
import { uploadImage, ACCEPTED_TYPES } from '../lib/upload.ts';
import { formatBytes, percent, ratioLabel } from '../lib/format.ts';
import { navigate } from '../lib/router.ts';
import { useActionKey } from '../lib/actionKey.ts';
import { Field, FormError, Link, LoadMore, Spinner } from '../components/ui.tsx';
import { AvatarCard, BRollCard, ImageCard } from '../components/MediaCards.tsx';

// A studio shows a page of each list, newest first, and "More …" under a list with more: the next
// page has the same fields (one fragment per list), and the cache appends it (cachePolicies.ts).
const StudioImagesPage = graphql(`
  fragment StudioImagesPage on ProjectImagesConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        status
        nsfw
        imageUrl
        ...ImageFields
      }
    }
  }
`);
const StudioAvatarsPage = graphql(`
  fragment StudioAvatarsPage on ProjectAvatarsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        ...AvatarFields
      }
    }
  }
`);
const StudioBRollsPage = graphql(`
  fragment StudioBRollsPage on ProjectBRollsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        ...BRollFields
      }
    }
  }
`);

const StudioQuery = graphql(`
  query Studio($id: ID!) {
    project(id: $id) {
      id
      name
      images(first: 24) {
        totalCount
        ...StudioImagesPage
      }
      avatars(first: 24) {
        totalCount
        ...StudioAvatarsPage
      }
      bRolls(first: 24) {
        totalCount
        ...StudioBRollsPage
      }
    }
  }
`);

const MoreImagesQuery = graphql(`
  query StudioMoreImages($id: ID!, $after: String!) {
    project(id: $id) {
      id
      images(first: 24, after: $after) {
        ...StudioImagesPage
      }
    }
  }
`);
const MoreAvatarsQuery = graphql(`
  query StudioMoreAvatars($id: ID!, $after: String!) {
    project(id: $id) {
      id
      avatars(first: 24, after: $after) {
        ...StudioAvatarsPage
      }
    }
  }
`);
const MoreBRollsQuery = graphql(`
  query StudioMoreBRolls($id: ID!, $after: String!) {
    project(id: $id) {
      id
      bRolls(first: 24, after: $after) {
        ...StudioBRollsPage
      }
    }
  }
`);

const ProjectUpdatedSubscription = graphql(`
  subscription ProjectUpdated($projectId: ID!) {
    projectUpdated(projectId: $projectId) {
      kind
      subjectId
      project {
        id
        name
      }
      image {
        id
        ...ImageFields
      }
      avatar {
        id
        ...AvatarFields
      }
      bRoll {
        id
        ...BRollFields
      }
    }
  }
`);

const GenerateImageMutation = graphql(`
  mutation GenerateImage($input: GenerateImageInput!) {
    generateImage(input: $input) {
      ... on MutationGenerateImageSuccess {
        data {
          id
          ...ImageFields
        }
      }
      ...MutationErrorFields
    }
  }
`);

const CreateAvatarMutation = graphql(`
  mutation CreateAvatar($input: CreateAvatarInput!) {
    createAvatar(input: $input) {
      ... on MutationCreateAvatarSuccess {
        data {
          id
          ...AvatarFields
        }
      }
      ...MutationErrorFields
    }
  }
`);

const CreateBRollMutation = graphql(`
  mutation CreateBRoll($input: CreateBRollInput!) {
    createBRoll(input: $input) {
      ... on MutationCreateBRollSuccess {
        data {
          id
          ...BRollFields
        }
      }
      ...MutationErrorFields
    }
  }
`);

const DeleteAvatarMutation = graphql(`
  mutation DeleteAvatar($input: DeleteAvatarInput!) {
    deleteAvatar(input: $input) {
      ... on MutationDeleteAvatarSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

const DeleteBRollMutation = graphql(`
  mutation DeleteBRoll($input: DeleteBRollInput!) {
    deleteBRoll(input: $input) {
      ... on MutationDeleteBRollSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

const IMAGE_RATIOS = ['R1_1', 'R3_4', 'R4_3', 'R9_16', 'R16_9'] as const;
const VIDEO_RATIOS = ['R16_9', 'R9_16', 'R1_1', 'R4_3', 'R3_4', 'R21_9'] as const;
type ImageRatio = (typeof IMAGE_RATIOS)[number];
type VideoRatio = (typeof VIDEO_RATIOS)[number];

const EDGE = { IMAGE: 'ProjectImagesConnectionEdge', AVATAR: 'ProjectAvatarsConnectionEdge', BROLL: 'ProjectBRollsConnectionEdge' } as const;

export function StudioScreen({
  projectId,
  initialRef,
  initialAvatarName,
}: {
  projectId: string;
  initialRef?: string | undefined;
  initialAvatarName?: string | undefined;
}) {
  const client = useApolloClient();
  // cache-and-network: a revisit shows the cached studio at once and refreshes it (media URLs are
  // presigned for 15 minutes).
  const { data, loading, error } = useQuery(StudioQuery, { variables: { id: projectId }, fetchPolicy: 'cache-and-network' });
  const projectCacheId = client.cache.identify({ __typename: 'Project', id: projectId });
  const [reference, setReference] = useState<string | undefined>(initialRef);

  // Live: every status change of the project's images, avatars and b-rolls, and new ones.
  useSubscription(ProjectUpdatedSubscription, {
    variables: { projectId },
    onData: ({ client: c, data: result }) => {
      const ev = result.data?.projectUpdated;
      if (!ev || !projectCacheId) return;
      if (ev.kind === 'PROJECT' && !ev.project) {
        navigate('/', true);
        return;
      }
      const typename = ev.kind === 'IMAGE' ? 'Image' : ev.kind === 'AVATAR' ? 'Avatar' : ev.kind === 'BROLL' ? 'BRoll' : undefined;
      if (!typename) return;
      const field = ev.kind === 'IMAGE' ? 'images' : ev.kind === 'AVATAR' ? 'avatars' : 'bRolls';
      const item = ev.kind === 'IMAGE' ? ev.image : ev.kind === 'AVATAR' ? ev.avatar : ev.bRoll;
      if (!item) removeFromList(c.cache, projectCacheId, field, { __typename: typename, id: ev.subjectId });
      else if (!listHas(c.cache, projectCacheId, field, { __typename: typename, id: item.id }))
        insertIntoList(c.cache, projectCacheId, field, { __typename: typename, id: item.id }, EDGE[ev.kind as keyof typeof EDGE]);
    },
  });

  if (loading && !data) return <Spinner />;
  if (error && !data)
    return (
      <p className="form-error" role="alert">
        {error.message}
      </p>
    );
  const project = data?.project;
  if (!project)
    return (
      <section>
        <h1>Project not found</h1>
        <p>
          It may have been deleted. <Link to={{ name: 'projects' }}>Back to projects</Link>
        </p>
      </section>
    );

  const imagesPage = useFragment(StudioImagesPage, project.images);
  const avatarsPage = useFragment(StudioAvatarsPage, project.avatars);
  const bRollsPage = useFragment(StudioBRollsPage, project.bRolls);
  const images = imagesPage.edges.map((e) => e.node);
  const refImage = images.find((i) => i.id === reference);
  return (
    <div className="studio">
      <p className="crumbs">
        <Link to={{ name: 'projects' }}>Projects</Link> / <span>{project.name}</span>
      </p>
      <h1>{project.name}</h1>

      <section aria-labelledby="images-title" className="panel">
        <h2 id="images-title">Reference images</h2>
        <p className="muted">Generate an image from a prompt, upload one or edit one; then pick the reference of your avatar.</p>
        <div className="two-col">
          <GenerateImageForm projectId={projectId} projectCacheId={projectCacheId} />
          <UploadForm projectId={projectId} projectCacheId={projectCacheId} onUploaded={setReference} />
        </div>
        {images.length === 0 ? (
          <p className="empty">No image yet.</p>
        ) : (
          <ul className="grid" aria-label="Images">
            {images.map((img) => (
              <ImageCard
                key={img.id}
                image={img}
                selected={img.id === reference}
                onSelect={setReference}
                onEdited={(i) => insertIntoList(client.cache, projectCacheId, 'images', { __typename: 'Image', id: i.id }, EDGE.IMAGE)}
              />
            ))}
          </ul>
        )}
        {imagesPage.pageInfo.hasNextPage && (
          <LoadMore label="More images" load={() => client.query({ query: MoreImagesQuery, variables: { id: projectId, after: nextCursor(imagesPage)! }, fetchPolicy: 'network-only' })} />
        )}
      </section>

      <section aria-labelledby="avatar-title" className="panel">
        <h2 id="avatar-title">New avatar</h2>
        <AvatarForm projectId={projectId} projectCacheId={projectCacheId} reference={refImage} initialName={initialAvatarName} />
        <h2 id="avatars-title">Avatars ({project.avatars.totalCount})</h2>
        {avatarsPage.edges.length === 0 ? (
          <p className="empty">No avatar yet.</p>
        ) : (
          <ul className="grid" aria-labelledby="avatars-title">
            {avatarsPage.edges.map((e) => (
              <AvatarCard key={e.node.id} avatar={e.node} onDelete={(id) => void deleteItem('Avatar', id)} />
            ))}
          </ul>
        )}
        {avatarsPage.pageInfo.hasNextPage && (
          <LoadMore label="More avatars" load={() => client.query({ query: MoreAvatarsQuery, variables: { id: projectId, after: nextCursor(avatarsPage)! }, fetchPolicy: 'network-only' })} />
        )}
      </section>

      <section aria-labelledby="brolls-title" className="panel">
        <h2 id="brolls-title">B-rolls ({project.bRolls.totalCount})</h2>
        <BRollForm projectId={projectId} projectCacheId={projectCacheId} reference={refImage} />
        {bRollsPage.edges.length === 0 ? (
          <p className="empty">No b-roll yet.</p>
        ) : (
          <ul className="grid" aria-label="B-rolls">
            {bRollsPage.edges.map((e) => (
              <BRollCard key={e.node.id} bRoll={e.node} onDelete={(id) => void deleteItem('BRoll', id)} />
            ))}
          </ul>
        )}
        {bRollsPage.pageInfo.hasNextPage && (
          <LoadMore label="More b-rolls" load={() => client.query({ query: MoreBRollsQuery, variables: { id: projectId, after: nextCursor(bRollsPage)! }, fetchPolicy: 'network-only' })} />
        )}
      </section>
    </div>
  );

  async function deleteItem(typename: 'Avatar' | 'BRoll', id: string) {
    if (!confirm(`Delete this ${typename === 'Avatar' ? 'avatar' : 'b-roll'} and its video?`)) return;
    try {
      const r =
        typename === 'Avatar'
          ? (await client.mutate({ mutation: DeleteAvatarMutation, variables: { input: { id } } })).data?.deleteAvatar
          : (await client.mutate({ mutation: DeleteBRollMutation, variables: { input: { id } } })).data?.deleteBRoll;
      const err = errorOf(r);
      if (err) return alert(err.message);
      removeFromList(client.cache, projectCacheId, typename === 'Avatar' ? 'avatars' : 'bRolls', { __typename: typename, id });
    } catch (err) {
      alert(messageOf(err));
    }
  }
}

function GenerateImageForm({ projectId, projectCacheId }: { projectId: string; projectCacheId: string | undefined }) {
  const [prompt, setPrompt] = useState('');
  const [aspectRatio, setAspectRatio] = useState<ImageRatio>('R3_4');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [idempotencyKey, renewKey] = useActionKey([projectId, prompt, aspectRatio]);
  const [generate, { loading }] = useMutation(GenerateImageMutation, {
    update(cache, { data }) {
      const r = data?.generateImage;
      if (r && 'data' in r) insertIntoList(cache, projectCacheId, 'images', { __typename: 'Image', id: r.data.id }, EDGE.IMAGE);
    },
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = (await generate({ variables: { input: { projectId, prompt, aspectRatio, idempotencyKey } } })).data?.generateImage;
      const err = errorOf(r);
      if (err) return setErrors(formErrors(err, ['prompt', 'aspectRatio']));
      setPrompt('');
      renewKey();
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Generate an image">
      <h3>Generate</h3>
      <Field label="Prompt" error={errors.fields.prompt}>
        {(id, d) => (
          <textarea
            id={id}
            name="prompt"
            rows={3}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            placeholder="Portrait of a smiling nurse, studio light"
            aria-describedby={d}
            aria-invalid={!!errors.fields.prompt}
          />
        )}
      </Field>
      <Field label="Aspect ratio" error={errors.fields.aspectRatio}>
        {(id, d) => (
          <select id={id} value={aspectRatio} onChange={(e) => setAspectRatio(e.target.value as ImageRatio)} aria-describedby={d}>
            {IMAGE_RATIOS.map((r) => (
              <option key={r} value={r}>
                {ratioLabel(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError message={errors.general} />
      <button type="submit" className="btn-primary" disabled={loading}>
        {loading ? 'Sending…' : 'Generate image'}
      </button>
    </form>
  );
}

function UploadForm({ projectId, projectCacheId, onUploaded }: { projectId: string; projectCacheId: string | undefined; onUploaded: (id: string) => void }) {
  const client = useApolloClient();
  const [progress, setProgress] = useState<{ loaded: number; total: number }>();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setErrors(NO_ERRORS);
    setBusy(true);
    setProgress({ loaded: 0, total: file.size });
    try {
      const r = await uploadImage(client, projectId, file, (loaded, total) => setProgress({ loaded, total }));
      if (!r.ok) setErrors(mapUploadErrors(r.error));
      else {
        insertIntoList(client.cache, projectCacheId, 'images', { __typename: 'Image', id: r.image.id }, EDGE.IMAGE);
        onUploaded(r.image.id);
      }
    } catch (err) {
      setErrors({ fields: { file: messageOf(err) } });
    } finally {
      setBusy(false);
      setInputKey((k) => k + 1);
    }
  };

  return (
    <div className="card stack">
      <h3>Upload</h3>
      <Field label="Image file" error={errors.fields.file} hint="JPEG, PNG or WebP, up to 10 MB.">
        {(id, d) => (
          <input
            key={inputKey}
            id={id}
            name="file"
            type="file"
            accept={ACCEPTED_TYPES.join(',')}
            disabled={busy}
            onChange={(e) => void onFile(e.target.files?.[0])}
            aria-describedby={d}
            aria-invalid={!!errors.fields.file}
          />
        )}
      </Field>
      {progress && busy && (
        <div className="progress-row">
          <progress max={100} value={percent(progress.loaded, progress.total)} aria-label="Upload progress" />
          <span>
            {percent(progress.loaded, progress.total)}% of {formatBytes(progress.total)}
          </span>
        </div>
      )}
      <FormError message={errors.general} />
    </div>
  );
}

/** Upload errors concern the file whatever the input field (contentType, byteSize, uploadId). */
function mapUploadErrors(err: Parameters<typeof formErrors>[0]): FormErrors {
  const fe = formErrors(err, ['contentType', 'byteSize', 'uploadId']);
  const msgs = Object.values(fe.fields);
  return msgs.length
    ? { fields: { file: msgs.join(' ') }, ...(fe.general ? { general: fe.general } : {}) }
    : { fields: { file: fe.general ?? 'The upload failed.' } };
}

type RefImage = { id: string; imageUrl?: string | null } | undefined;

function AvatarForm({
  projectId,
  projectCacheId,
  reference,
  initialName,
}: {
  projectId: string;
  projectCacheId: string | undefined;
  reference: RefImage;
  initialName?: string | undefined;
}) {
  const [name, setName] = useState(initialName ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [create, { loading }] = useMutation(CreateAvatarMutation);
  const [key, renewKey] = useActionKey([projectId, name, reference?.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    if (!reference) return setErrors({ fields: { imageId: 'Pick a reference image above first.' } });
    try {
      const r = (
        await create({
          variables: { input: { projectId, name, imageId: reference.id, idempotencyKey: key } },
          // The avatar shows at once as "in progress"; the server's PENDING avatar replaces it.
          optimisticResponse: name.trim()
            ? ({
                createAvatar: {
                  __typename: 'MutationCreateAvatarSuccess',
                  data: {
                    __typename: 'Avatar',
                    id: `optimistic:${key}`,
                    name: name.trim(),
                    status: 'PENDING',
                    imageUrl: reference.imageUrl ?? null,
                    videoUrl: null,
                    failureReason: null,
                    createdAt: new Date().toISOString(),
                  },
                },
              } as never)
            : undefined,
          update(cache, { data }) {
            const res = data?.createAvatar;
            if (res && 'data' in res) insertIntoList(cache, projectCacheId, 'avatars', { __typename: 'Avatar', id: res.data.id }, EDGE.AVATAR);
          },
        })
      ).data?.createAvatar;
      const err = errorOf(r);
      if (err) return setErrors(formErrors(err, ['name', 'imageId']));
      setName('');
      renewKey();
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };

  return (
    <form className="card avatar-form" onSubmit={submit} noValidate aria-label="Create an avatar">
      <div className="ref-preview">
        {reference?.imageUrl ? <img src={reference.imageUrl} alt="Selected reference" /> : <div className="placeholder small" aria-hidden="true" />}
      </div>
      <div className="stack grow">
        <Field label="Avatar name" error={errors.fields.name}>
          {(id, d) => (
            <input
              id={id}
              name="avatar-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Claire, nurse"
              aria-describedby={d}
              aria-invalid={!!errors.fields.name}
            />
          )}
        </Field>
        {errors.fields.imageId ? (
          <p className="field-error" role="alert">
            {errors.fields.imageId}
          </p>
        ) : (
          <p className="muted">{reference ? 'Reference selected.' : 'Pick a reference image above.'}</p>
        )}
        <FormError message={errors.general} />
        <button type="submit" className="btn-primary" disabled={loading}>
          Create avatar
        </button>
      </div>
    </form>
  );
}

function BRollForm({ projectId, projectCacheId, reference }: { projectId: string; projectCacheId: string | undefined; reference: RefImage }) {
  const [name, setName] = useState('');
  const [prompt, setPrompt] = useState('');
  const [durationSeconds, setDuration] = useState(5);
  const [aspectRatio, setAspectRatio] = useState<VideoRatio>('R16_9');
  const [fromImage, setFromImage] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const imageId = fromImage && reference ? reference.id : null;
  const [idempotencyKey, renewKey] = useActionKey([projectId, name, prompt, durationSeconds, aspectRatio, imageId]);
  const [create, { loading }] = useMutation(CreateBRollMutation, {
    update(cache, { data }) {
      const r = data?.createBRoll;
      if (r && 'data' in r) insertIntoList(cache, projectCacheId, 'bRolls', { __typename: 'BRoll', id: r.data.id }, EDGE.BROLL);
    },
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = (await create({ variables: { input: { projectId, name, prompt, durationSeconds, aspectRatio, imageId, idempotencyKey } } })).data?.createBRoll;
      const err = errorOf(r);
      if (err) return setErrors(formErrors(err, ['name', 'prompt', 'durationSeconds', 'aspectRatio', 'imageId']));
      setName('');
      setPrompt('');
      renewKey();
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Create a b-roll">
      <div className="two-col">
        <Field label="B-roll name" error={errors.fields.name}>
          {(id, d) => (
            <input id={id} name="broll-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={d} aria-invalid={!!errors.fields.name} />
          )}
        </Field>
        <div className="two-col tight">
          <Field label="Duration" error={errors.fields.durationSeconds}>
            {(id, d) => (
              <select id={id} value={durationSeconds} onChange={(e) => setDuration(Number(e.target.value))} aria-describedby={d}>
                <option value={5}>5 s</option>
                <option value={10}>10 s</option>
              </select>
            )}
          </Field>
          <Field label="Format" error={errors.fields.aspectRatio}>
            {(id, d) => (
              <select id={id} value={aspectRatio} onChange={(e) => setAspectRatio(e.target.value as VideoRatio)} aria-describedby={d}>
                {VIDEO_RATIOS.map((r) => (
                  <option key={r} value={r}>
                    {ratioLabel(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
      <Field label="What happens in the clip" error={errors.fields.prompt}>
        {(id, d) => (
          <textarea
            id={id}
            name="broll-prompt"
            rows={2}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            placeholder="Slow pan over a sunny pharmacy counter"
            aria-describedby={d}
            aria-invalid={!!errors.fields.prompt}
          />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={fromImage} disabled={!reference} onChange={(e) => setFromImage(e.target.checked)} /> Animate the selected reference
        image
      </label>
      {errors.fields.imageId && (
        <p className="field-error" role="alert">
          {errors.fields.imageId}
        </p>
      )}
      <FormError message={errors.general} />
      <button type="submit" className="btn-primary" disabled={loading}>
        {loading ? 'Sending…' : 'Create b-roll'}
      </button>
    </form>
  );
}
