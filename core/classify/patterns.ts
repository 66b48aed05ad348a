// User-supplied `infra-patterns` and `test-patterns`: one regular expression a line, compiled once when the
// inputs are read, and placed ahead of the built-in table.
import { builtinRules, type FailureKind, type Rule, type RuleSource } from "./rules.ts";

/** An input line that is not a valid regular expression. Names the input, the line and the pattern. */
export class PatternError extends Error {
  readonly inputName: string;
  readonly pattern: string;
  /** 1-based line of the input the pattern was on. */
  readonly line: number;

  constructor(inputName: string, pattern: string, line: number, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super(
      `Input "${inputName}" line ${line}: invalid regular expression ${JSON.stringify(pattern)}${reason}`,
      options,
    );
    this.name = "PatternError";
    this.inputName = inputName;
    this.pattern = pattern;
    this.line = line;
  }
}

export interface UserPattern {
  readonly regex: RegExp;
  /** The line as the user wrote it, for evidence. */
  readonly source: string;
  /** 1-based line of the input. */
  readonly line: number;
}

// `/.../flags` lets users ask for case-insensitivity; anything else is the pattern itself.
const SLASHED = /^\/(.+)\/([a-z]*)$/;

/**
 * Compiles a multi-line input (or its lines) into patterns, skipping blank lines.
 * Throws `PatternError` naming `inputName` and the pattern when a line is not a valid regular expression.
 */
export function compilePatterns(
  inputName: string,
  lines: string | readonly string[],
): readonly UserPattern[] {
  const list = typeof lines === "string" ? lines.split(/\r?\n/) : lines;
  const patterns: UserPattern[] = [];
  list.forEach((raw, index) => {
    const text = raw.trim();
    if (text.length === 0) return;
    const slashed = SLASHED.exec(text);
    try {
      // `g` and `y` make RegExp#test stateful between lines, so they are dropped.
      const regex = slashed
        ? new RegExp(slashed[1] ?? "", slashed[2]?.replace(/[gy]/g, ""))
        : new RegExp(text);
      patterns.push(Object.freeze({ regex, source: text, line: index + 1 }));
    } catch (cause) {
      throw new PatternError(inputName, text, index + 1, { cause });
    }
  });
  return Object.freeze(patterns);
}

export interface UserPatterns {
  readonly infraPatterns?: readonly UserPattern[];
  readonly testPatterns?: readonly UserPattern[];
}

/**
 * The full rule table: user test patterns, user infra patterns, then the built-in rules. User patterns
 * apply to output and failures alike and have no condition: the user knows their suite.
 */
export function buildRules(user: UserPatterns = {}): readonly Rule[] {
  return Object.freeze([
    ...userRules(user.testPatterns ?? [], "test", "test-patterns"),
    ...userRules(user.infraPatterns ?? [], "infra", "infra-patterns"),
    ...builtinRules,
  ]);
}

function userRules(patterns: readonly UserPattern[], kind: FailureKind, source: RuleSource): Rule[] {
  return patterns.map((pattern) =>
    Object.freeze({
      id: `${source}:${pattern.line}`,
      kind,
      pattern: pattern.regex,
      appliesTo: "both" as const,
      condition: null,
      description: `matches ${source} line ${pattern.line}: ${pattern.source}`,
      source,
    }),
  );
}
