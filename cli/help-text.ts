// The help's option lines, written from the settings tables: `  --flag <x>      help`, continued lines under
// the help's column.
export function optionLines(flag: string, help: readonly string[]): string {
  return help.map((line, index) => `  ${(index === 0 ? flag : "").padEnd(33)}${line}`).join("\n");
}
