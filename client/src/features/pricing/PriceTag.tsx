import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { QuoteInput } from '../../gql/graphql.ts';
import { formatUsd } from '../../lib/format.ts';
import { useDebounced } from '../../lib/useDebounced.ts';

const QuoteQuery = graphql(`
  query Quote($input: QuoteInput!) {
    quote(input: $input) {
      estimatedCost
    }
  }
`);

/** The price of what the form would ask for, from the server's price table; asked again as the inputs settle. */
export function PriceTag({ input, label = 'Estimated cost' }: { input: QuoteInput; label?: string }) {
  // Compared as text: a form builds a new object on every render.
  const asked = useDebounced(JSON.stringify(input), 250);
  const { data, previousData, error } = useQuery(QuoteQuery, {
    variables: { input: JSON.parse(asked) as QuoteInput },
  });
  const cost = (data ?? previousData)?.quote.estimatedCost;
  const settled = asked === JSON.stringify(input) && !!data;
  return (
    <p className="price" data-testid="price" data-settled={settled} aria-live="polite">
      {label}: <strong>{error && !data ? 'unavailable' : cost === undefined ? '…' : formatUsd(cost)}</strong>
    </p>
  );
}
