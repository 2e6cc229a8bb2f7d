import { useNavigate } from 'react-router';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import { paths } from '../../app/paths.ts';
import { showExport } from './exportCache.ts';
import { addedFromElsewhere, leaveProjectAvatars } from '../library/links.ts';
import { addToProjectList, removeFromProjectList } from './projectLists.ts';

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
        ...ImageCard_image
      }
      avatar {
        id
        ...AvatarCard_avatar
      }
      bRoll {
        id
        ...BRollCard_bRoll
      }
      export {
        id
        ...ExportPanel_export
      }
    }
  }
`);

/**
 * Live: every change of the project, its images, avatars and b-rolls. Apollo writes the event's
 * objects into the cache (normalized by id), so a status change needs nothing more; what is left is
 * the lists: a new item joins its list, a deleted one leaves it, and a deleted project sends you home.
 * Renders nothing.
 */
export function ProjectUpdatedSubscriber({ projectId }: { projectId: string }) {
  const navigate = useNavigate();
  useSubscription(ProjectUpdatedSubscription, {
    variables: { projectId },
    onData: ({ client, data: result }) => {
      const ev = result.data?.projectUpdated;
      if (!ev) return;
      if (ev.kind === 'PROJECT') {
        if (!ev.project) void navigate(paths.projects, { replace: true });
        return;
      }
      if (ev.kind === 'EXPORT') {
        showExport(client.cache, projectId, ev.export?.id ?? null, ev.subjectId);
        return;
      }
      const item = ev.kind === 'IMAGE' ? ev.image : ev.kind === 'AVATAR' ? ev.avatar : ev.bRoll;
      if (item) addToProjectList(client.cache, projectId, ev.kind, item.id);
      // Removed from this project only (it was added from elsewhere) or deleted: only a deleted one leaves the cache.
      else if (ev.kind === 'AVATAR' && addedFromElsewhere(client.cache, projectId, ev.subjectId))
        leaveProjectAvatars(client.cache, projectId, ev.subjectId);
      else removeFromProjectList(client.cache, projectId, ev.kind, ev.subjectId);
    },
  });
  return null;
}
