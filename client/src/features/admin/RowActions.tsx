/** A row's Edit (or Rename) and Delete buttons, both named after what they act on for screen readers. */
export function EditDeleteButtons(props: {
  name: string;
  edit: 'Rename' | 'Edit';
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  return (
    <>
      <button type="button" className="btn-small" onClick={props.onEdit} aria-label={`${props.edit} ${props.name}`}>
        {props.edit}
      </button>
      <button
        type="button"
        className="btn-small btn-danger"
        onClick={props.onDelete}
        disabled={props.deleting}
        aria-label={`Delete ${props.name}`}
      >
        Delete
      </button>
    </>
  );
}
