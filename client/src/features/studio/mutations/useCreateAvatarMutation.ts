import { useMutation } from '@apollo/client/react';
import { graphql, makeFragmentData } from '../../../gql';
import { VideoQuality, type CreateAvatarInput, type CreateAvatarMutation as Answer } from '../../../gql/graphql.ts';
import { ratioLabel } from '../../../lib/format.ts';
import { AvatarCard_avatar } from '../AvatarCard.tsx';
import { addToProjectList } from '../projectLists.ts';

const CreateAvatarMutation = graphql(`
  mutation CreateAvatar($input: CreateAvatarInput!) {
    createAvatar(input: $input) {
      __typename
      ... on MutationCreateAvatarSuccess {
        data {
          __typename
          id
          ...AvatarCard_avatar
        }
      }
      ...FormErrors_error
    }
  }
`);

type Input = CreateAvatarInput & { projectId: string; idempotencyKey: string };

/**
 * Starts an avatar. It shows at once as "in progress" (an optimistic avatar with the reference image),
 * first in the project's avatars; the server's PENDING avatar replaces it.
 */
export function useCreateAvatarMutation() {
  const [execute, result] = useMutation(CreateAvatarMutation);
  const createAvatar = async (input: Input, referenceUrl: string | null | undefined) => {
    const name = input.name.trim();
    const optimistic = makeFragmentData(
      {
        id: `optimistic:${input.idempotencyKey}`,
        name,
        status: 'PENDING',
        imageUrl: referenceUrl ?? null,
        videoUrl: null,
        downloadUrl: null,
        failureReason: null,
        aspectRatio: input.aspectRatio ? ratioLabel(input.aspectRatio) : null,
        durationSeconds: input.durationSeconds ?? 5,
        quality: input.quality ?? VideoQuality.Standard,
        progress: null,
        createdAt: new Date().toISOString(),
        project: { __typename: 'Project', id: input.projectId },
      },
      AvatarCard_avatar,
    );
    const optimisticResponse: Answer = {
      createAvatar: {
        __typename: 'MutationCreateAvatarSuccess',
        data: { __typename: 'Avatar', id: `optimistic:${input.idempotencyKey}`, ...optimistic },
      },
    };
    const { data } = await execute({
      variables: { input },
      optimisticResponse: name ? optimisticResponse : undefined,
      update(cache, { data: answer }) {
        const r = answer?.createAvatar;
        if (r && 'data' in r) addToProjectList(cache, input.projectId, 'AVATAR', r.data.id);
      },
    });
    return data?.createAvatar;
  };
  return [createAvatar, result] as const;
}
