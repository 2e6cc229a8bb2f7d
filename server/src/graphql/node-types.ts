// The object types that implement Node, named once: global IDs of any other type are refused before
// a resolver sees them. schema/index.ts checks this list against the built schema at start-up.
export const NODE_TYPES: ReadonlySet<string> = Object.freeze(
  new Set(['ApiKey', 'Avatar', 'BRoll', 'Image', 'Project', 'ProjectExport', 'Tag', 'TagCategory', 'User']),
);
