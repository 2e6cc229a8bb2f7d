// Descriptions of the types, fields and arguments the relay plugin generates (connections, edges, PageInfo, Node).
export const relayDocs = {
  nodeTypeOptions: { description: 'An object that can be fetched by its global ID through `node` or `nodes`.' },
  idFieldOptions: { description: 'The opaque global ID of this object: pass it to `node(id:)` or to mutations.' },
  pageInfoTypeOptions: {
    description: 'Where a page sits in its connection: whether more items exist, and its cursors.',
  },
  pageInfoFieldOptions: { description: 'Cursors and "more items" flags of this page.' },
  hasNextPageFieldOptions: {
    description: 'True when items exist after this page (fetch them with `after: endCursor`).',
  },
  hasPreviousPageFieldOptions: {
    description: 'True when items exist before this page (fetch them with `before: startCursor`).',
  },
  startCursorFieldOptions: { description: 'The cursor of the first item of this page; null when the page is empty.' },
  endCursorFieldOptions: { description: 'The cursor of the last item of this page; null when the page is empty.' },
  cursorFieldOptions: { description: 'An opaque cursor of this item: pass it as `after` or `before`.' },
  nodeFieldOptions: { description: 'The item.' },
  beforeArgOptions: { description: 'Return items before this cursor (from `pageInfo.startCursor` or an edge).' },
  afterArgOptions: { description: 'Return items after this cursor (from `pageInfo.endCursor` or an edge).' },
  firstArgOptions: {
    description:
      'Return at most this many items from the start (after `after`): default 20, at most 100 (more is capped), ' +
      'unless the field says otherwise.',
  },
  lastArgOptions: {
    description:
      'Return at most this many items from the end (before `before`): default 20, at most 100 (more is capped), ' +
      'unless the field says otherwise.',
  },
  defaultConnectionTypeOptions: {
    description: 'A page of items in a stable order (Relay cursor connection): read `edges` and `pageInfo`.',
  },
  defaultEdgeTypeOptions: { description: 'One item of a connection page, with its cursor.' },
} as const;
