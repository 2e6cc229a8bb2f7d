// Longer descriptions of project.ts's types and operations (kept apart so project.ts stays one screen of code).
import { operationDoc, WHO } from '../docs.ts';

const NOT_FOUND = "NotFoundError (missing, malformed or someone else's project), ValidationError.";

export const projectDocs = {
  Project:
    'A workspace of yours: its studio images, the avatars made in it or added to it, its b-rolls and exports. ' +
    "Only its owner sees it; someone else's project is null, as a missing one.",
  projects: 'Your projects, newest first.',
  name: 'Display name, 1–100 characters (trimmed).',
  project: operationDoc("One of your projects by global ID; null when it is missing or someone else's.", {
    who: WHO.user,
  }),
  createProject: operationDoc('Creates an empty project.', { who: WHO.user, errors: 'ValidationError.' }),
  renameProject: operationDoc('Renames a project.', { who: WHO.user, errors: NOT_FOUND }),
  deleteProject: operationDoc(
    'Deletes the project with its images, the avatars made in it, its b-rolls and exports, rows and stored ' +
      'objects; avatars only added to it stay where they were made. projectUpdated subscribers hear of it.',
    { who: WHO.user, errors: NOT_FOUND },
  ),
  kind: 'What a ProjectEvent is about; the field of the same name carries its new state.',
  kinds: {
    PROJECT: { description: 'The project itself (renamed, or deleted: `project` null).' },
    AVATAR: { description: 'An avatar made in or added to the project: see `avatar`.' },
    IMAGE: { description: 'A studio image: see `image`.' },
    BROLL: { description: 'A b-roll: see `bRoll`.' },
    EXPORT: { description: 'A project export: see `export`.' },
  },
  projectUpdated: operationDoc(
    'Every change in one of your projects: its images, avatars and b-rolls (status, progress, name, ' +
      'deletion), exports, and the project itself. Over WebSocket (graphql-ws).',
    { who: WHO.user, errors: "NotFoundError as a GraphQL error for a missing or someone else's project." },
  ),
} as const;
