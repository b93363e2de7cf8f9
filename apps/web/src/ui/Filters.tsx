interface SelectProps<T extends string> {
  label: string;
  value: T | undefined;
  /** Value → visible text, in the order shown. */
  options: Readonly<Record<T, string>>;
  /** The first option, "All", stands for no filter (`undefined`); leave it out with `all={false}`. */
  all?: boolean;
  onChange: (value: T | undefined) => void;
}

/** A labelled select in a filter bar. */
export function FilterSelect<T extends string>({
  label,
  value,
  options,
  all = true,
  onChange,
}: SelectProps<T>) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {all && <option value="">All</option>}
        {(Object.entries(options) as [T, string][]).map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled checkbox in a filter bar. */
export function FilterCheckbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** A labelled date in a filter bar; cleared, it stands for no filter (`undefined`). */
export function FilterDate({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      {label}
      <input type="date" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} />
    </label>
  );
}
