import { Fragment, ReactNode } from 'react';
import { AddButton } from './RowButtons';
import { LocatedProblem, problemsUnder } from '../preview/problemPaths';

/** What one row of a list gets: its place, the problems below it, and its own edits. */
export interface ListRow<T> {
  index: number;
  problems: LocatedProblem[];
  onChange: (item: T) => void;
  onRemove: () => void;
}

/**
 * The rows of a list-valued input and its add button. Each row replaces or removes only its
 * own item and sees only the problems below its index, relative to it.
 */
export function ListRows<T>(props: {
  items: readonly T[];
  problems: readonly LocatedProblem[];
  onChange: (next: T[]) => void;
  renderRow: (item: T, row: ListRow<T>) => ReactNode;
  addLabel: string;
  newItem: () => T;
}) {
  const { items, onChange } = props;
  return (
    <>
      {items.map((item, i) => (
        // Keyed by place, as the form keys list items: a row keeps its input state.
        <Fragment key={i}>
          {props.renderRow(item, {
            index: i,
            problems: problemsUnder(props.problems, [i]),
            onChange: next =>
              onChange(items.map((old, j) => (j === i ? next : old))),
            onRemove: () => onChange(items.filter((_, j) => j !== i)),
          })}
        </Fragment>
      ))}
      <AddButton
        label={props.addLabel}
        onClick={() => onChange([...items, props.newItem()])}
      />
    </>
  );
}
