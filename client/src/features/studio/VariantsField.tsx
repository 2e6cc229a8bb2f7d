import { Field } from '../../ui/Field.tsx';

/** How many variants one request makes (the API's `count`, 1–4); each is priced and counted as a generation. */
export const VARIANT_COUNTS = [1, 2, 3, 4] as const;

export function VariantsField(props: { value: number; onChange: (count: number) => void; error?: string | undefined }) {
  return (
    <Field label="Variants" error={props.error}>
      {(id, d) => (
        <select
          id={id}
          value={props.value}
          onChange={(e) => props.onChange(VARIANT_COUNTS.find((n) => String(n) === e.target.value) ?? 1)}
          aria-describedby={d}
        >
          {VARIANT_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? '1 (single)' : `${n} side by side`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
