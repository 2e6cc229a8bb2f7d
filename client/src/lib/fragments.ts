import { graphql } from '../gql';

/** Every mutation's expected failure, as errorOf/formErrors read it: its message, and a ValidationError's field paths. */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error {
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
  }
`);

export const ImageFields = graphql(`
  fragment ImageFields on Image {
    id
    status
    source
    prompt
    imageUrl
    failureReason
    nsfw
    width
    height
    createdAt
  }
`);

export const AvatarFields = graphql(`
  fragment AvatarFields on Avatar {
    id
    name
    status
    imageUrl
    videoUrl
    failureReason
    createdAt
  }
`);

export const BRollFields = graphql(`
  fragment BRollFields on BRoll {
    id
    name
    prompt
    source
    status
    thumbnailUrl
    videoUrl
    failureReason
    durationSeconds
    aspectRatio
    createdAt
  }
`);
