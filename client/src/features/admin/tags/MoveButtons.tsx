/** "Move up" / "Move down" for one item of an ordered list. */
export function MoveButtons(props: { name: string; first: boolean; last: boolean; onMove: (by: -1 | 1) => void }) {
  return (
    <>
      <button
        type="button"
        className="btn-small"
        disabled={props.first}
        onClick={() => props.onMove(-1)}
        aria-label={`Move ${props.name} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn-small"
        disabled={props.last}
        onClick={() => props.onMove(1)}
        aria-label={`Move ${props.name} down`}
      >
        ↓
      </button>
    </>
  );
}
