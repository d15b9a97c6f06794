import { fireEvent } from '@testing-library/react';

/** Types text into the input of that id, as one change (what RJSF fields react to). */
export function typeInto(id: string, text: string) {
  const input = document.getElementById(id);
  if (!input) throw new Error(`no input with id ${id}`);
  fireEvent.change(input, { target: { value: text } });
}
