import { useNavigate } from 'react-router';
import { studioHref } from '../../app/paths.ts';
import type { FormErrorsState } from '../../lib/useFormErrors.ts';
import type { ProjectChoiceState } from '../library/AddToProjectDialog.tsx';
import { useUploadImageMutation } from '../studio/mutations/useUploadImageMutation.ts';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

/**
 * "Make my own version": a new avatar of the user's, generated from this one's reference image. Its reference
 * is copied into the chosen project's studio (createUpload → PUT → registerUpload), which opens with it picked
 * and the name filled in; "Create avatar" there starts the (priced) generation. The price is the server's
 * estimate from its price table (`quote(input: { kind: AVATAR })`), never a number of the client's.
 */
export function MakeOwnVersion(props: {
  avatar: { name: string; imageUrl: string | null | undefined };
  /** USD, from the server's quote. */
  price: number;
  choice: ProjectChoiceState;
  form: FormErrorsState;
  setBusy: (busy: boolean) => void;
  onDone: () => void;
}) {
  const navigate = useNavigate();
  const upload = useUploadImageMutation();
  const { avatar, form } = props;
  const price = usd.format(props.price);

  const make = async () => {
    const { imageUrl } = avatar;
    if (!imageUrl) {
      form.set({ fields: {}, general: 'This avatar has no reference image to start from.' });
      return;
    }
    props.setBusy(true);
    const copied = await form.run(async () => {
      const project = await props.choice.resolve();
      if (!project || !('data' in project)) return project;
      const res = await fetch(imageUrl);
      if (!res.ok) throw new Error(`Could not read the avatar's image (HTTP ${res.status}).`);
      const up = await upload(project.data.id, await res.blob());
      if (!up.ok) return { message: up.error.message };
      return { data: { projectId: project.data.id, imageId: up.image.id } };
    });
    props.setBusy(false);
    if (!copied) return;
    props.onDone();
    void navigate(studioHref(copied.data.projectId, { ref: copied.data.imageId, avatarName: avatar.name }));
  };

  return (
    <div className="own-version">
      <h3>Or make your own version</h3>
      <p className="muted">
        A new avatar generated from its reference image in the chosen project: about{' '}
        <strong data-testid="own-version-price">{price}</strong> (estimate) and a few minutes.
      </p>
      <button type="button" onClick={() => void make()}>
        Make my own version · {price}
      </button>
    </div>
  );
}
