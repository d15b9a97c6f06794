import { LocatedProblem } from '../preview/problemPaths';
import { FieldPropsLike, fieldPath, fieldProblems } from './fieldContext';

/** The set-up every list-valued field shares: its id, its items, its problems, its writing. */
export interface ListField<T> {
  id: string;
  items: T[];
  problems: LocatedProblem[];
  /** An empty list is written as no list: the values leave the setting out. */
  set: (next: T[]) => void;
}

export function listField<T>(
  props: FieldPropsLike & {
    formData?: T[];
    onChange: (value: T[] | undefined) => void;
  },
  name: string,
): ListField<T> {
  const path = fieldPath(props, [name]);
  return {
    id: props.idSchema?.$id ?? `root_${name}`,
    items: props.formData ?? [],
    problems: fieldProblems(props, path),
    set: next => props.onChange(next.length > 0 ? next : undefined),
  };
}
