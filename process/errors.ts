// What a caught value says, for warnings and error messages: an Error's message, anything else as text.
export function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
