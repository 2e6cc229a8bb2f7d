// GraphiQL's default tabs: one example operation each, with its variables. examples.test.ts validates every
// document against schema.graphql, so a schema change that breaks an example fails the tests.
export interface Example {
  /** The tab's title: the operation's name, as GraphiQL shows it. */
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

const catalog = `# Better Ads GraphQL API. Opened from the signed-in app, Headers hold your token:
#   {"Authorization": "Bearer <token>"}
# (subscriptions get it as connectionParams.authorization). Each tab holds an example.

# The public catalog (anyone): tags of one category are OR-ed, categories AND-ed;
# facets count the avatars each tag would match.
query CatalogByTags($tags: [String!], $first: Int) {
  publicAvatars(tags: $tags, first: $first) {
    ... on PublicAvatarConnection {
      totalCount
      edges {
        node {
          id
          name
          videoUrl
          tags {
            slug
            name
          }
        }
      }
      facets {
        tag {
          slug
          name
          category {
            slug
          }
        }
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on UnknownTagsError {
      message
      slugs
    }
    ... on Error {
      message
    }
  }
}
`;

const myProjects = `# Your projects (signed in), with a few of their images and avatars: their IDs feed the other tabs.
query MyProjects {
  me {
    name
    projects(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          updatedAt
          images(first: 3) {
            edges {
              node {
                id
                status
              }
            }
          }
          avatars(first: 3) {
            totalCount
            edges {
              node {
                id
                name
                status
              }
            }
          }
        }
      }
    }
  }
}
`;

const createAvatar = `# Animates one of your SUCCEEDED images into an avatar video. Billed: it starts a generation.
# Send the same idempotencyKey again when retrying; a new one per new avatar.
mutation CreateAvatar($input: CreateAvatarInput!) {
  createAvatar(input: $input) {
    ... on MutationCreateAvatarSuccess {
      data {
        id
        name
        status
      }
    }
    ... on ValidationError {
      message
      fieldErrors {
        path
        message
      }
    }
    ... on GenerationLimitError {
      message
      kind
      retryAfter
    }
    ... on Error {
      message
    }
  }
}
`;

const projectUpdates = `# Live changes of one of your projects over WebSocket: run it, then work in the app.
subscription ProjectUpdates($projectId: ID!) {
  projectUpdated(projectId: $projectId) {
    kind
    subjectId
    project {
      name
    }
    avatar {
      id
      status
      progress {
        elapsedSeconds
        etaSeconds
      }
    }
    image {
      id
      status
    }
    bRoll {
      id
      status
    }
    export {
      id
      status
    }
  }
}
`;

const PROJECT_ID = '<a project id from MyProjects>';

export const examples: readonly Example[] = [
  { name: 'CatalogByTags', query: catalog, variables: { tags: ['femme'], first: 12 } },
  { name: 'MyProjects', query: myProjects },
  {
    name: 'CreateAvatar',
    query: createAvatar,
    variables: {
      input: {
        projectId: PROJECT_ID,
        imageId: '<a SUCCEEDED image id from MyProjects>',
        name: 'Camille',
        idempotencyKey: 'graphiql-example-1',
      },
    },
  },
  { name: 'ProjectUpdates', query: projectUpdates, variables: { projectId: PROJECT_ID } },
];

/** The headers editor's text: the signed-in user's token, or nothing when signed out. */
export function headersFor(token: string | null): string {
  return token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : '';
}

/** GraphiQL's `defaultTabs`: every example, with `headers`. */
export function exampleTabs(headers: string): { query: string; variables: string | null; headers: string }[] {
  return examples.map((e) => ({
    query: e.query,
    variables: e.variables ? JSON.stringify(e.variables, null, 2) : null,
    headers,
  }));
}
