import { fireEvent, screen, within } from '@testing-library/react';

/** Opens a Material UI select by its id; returns its (newest) list of options. */
export function openSelect(id: string): HTMLElement {
  const select = document.getElementById(id);
  if (!select) throw new Error(`no select with id ${id}`);
  fireEvent.mouseDown(select);
  const lists = screen.getAllByRole('listbox');
  return lists[lists.length - 1];
}

/** The texts of a select's options. */
export function optionsOf(id: string): string[] {
  const list = openSelect(id);
  const texts = within(list)
    .getAllByRole('option')
    .map(o => o.textContent ?? '');
  fireEvent.keyDown(list, { key: 'Escape' });
  return texts;
}

/** Chooses an option of a select by its text (a string matches the whole text). */
export function choose(id: string, option: string | RegExp) {
  fireEvent.click(within(openSelect(id)).getByRole('option', { name: option }));
}
