/** A text input's error state and helper text from the common checks' messages about it. */
export function problemProps(messages: readonly string[]): {
  error: boolean;
  helperText: string;
} {
  return { error: messages.length > 0, helperText: messages.join(' ') };
}
