import type { HTMLAttributes, ReactNode } from 'react';
import { LoadMore } from './Feedback.tsx';

/** A grid of a list's items (or what to say when it is empty), and a "More …" button while the list has more. */
export function PagedList<T>(props: {
  items: readonly T[];
  empty: string;
  listProps: HTMLAttributes<HTMLUListElement>;
  children: (item: T) => ReactNode;
  more?: { label: string; load: () => Promise<unknown> } | undefined;
}) {
  return (
    <>
      {props.items.length === 0 ? (
        <p className="empty">{props.empty}</p>
      ) : (
        <ul className="grid" {...props.listProps}>
          {props.items.map(props.children)}
        </ul>
      )}
      {props.more && <LoadMore label={props.more.label} load={props.more.load} />}
    </>
  );
}
