import { fireEvent } from '@testing-library/react';
import { renderField } from '../__testUtils__/renderField';
import { ManifestsField } from './ManifestsField';

describe('ManifestsField', () => {
  it('is a plain text area of the rows asked for, which keeps its height whatever is pasted', () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const field = renderField(ManifestsField, {
        path: ['manifests'],
        uiOptions: { rows: 20 },
      });
      const area = field.container.querySelector('textarea#root_manifests')!;
      expect(area).not.toBeNull();
      expect(area.getAttribute('rows')).toBe('20');
      // Material UI's growing text area renders a hidden twin to measure itself: none here.
      expect(field.container.querySelectorAll('textarea')).toHaveLength(1);
      const pasted = Array.from(
        { length: 200 },
        (_, i) => `key${i}: value`,
      ).join('\n');
      fireEvent.change(area, { target: { value: pasted } });
      expect(field.value()).toBe(pasted);
      fireEvent.change(area, { target: { value: '' } });
      expect(field.value()).toBeUndefined();
      // No deprecated prop, no layout loop: nothing on the console.
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
