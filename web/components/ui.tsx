// Small server-rendered pieces shared by the pages. Every text from a report (test names, messages, branch
// names) is rendered as React text: escaped, never HTML.
import Link from "next/link";
import type { ReactNode } from "react";
import type { StoredVerdict } from "../../core/history/index.ts";
import type { FailureText, TestHealth } from "../../store/queries.ts";
import { joinShown, type NamedTest, shortSha, testName, testWhere } from "../lib/format.ts";
import styles from "./ui.module.css";

export { styles };

export function Card({
  title,
  note,
  children,
  id,
}: {
  title: string;
  note?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  return (
    <section className={styles.card} id={id} aria-label={title}>
      <div className={styles.cardHead}>
        <h2>{title}</h2>
        {note ? <span className={styles.cardNote}>{note}</span> : null}
      </div>
      <div className={styles.cardBody}>{children}</div>
    </section>
  );
}

/** The head of a page: a way back, the title, what it is about, and the filters on the right. */
export function PageHead({
  back,
  title,
  titleTestId,
  subtitle,
  meta,
  aside,
}: {
  back?: { href: string; label: string };
  title: ReactNode;
  titleTestId?: string;
  subtitle?: ReactNode;
  /** Short facts, each in a <span>, in one wrapping line. */
  meta?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div className={styles.pageHead}>
      <div className={styles.pageTitle}>
        {back ? (
          <div className={styles.back}>
            <Link href={back.href}>← {back.label}</Link>
          </div>
        ) : null}
        <h1 data-testid={titleTestId}>{title}</h1>
        {subtitle ? <div className={styles.subtitle}>{subtitle}</div> : null}
        {meta ? <div className={styles.meta}>{meta}</div> : null}
      </div>
      {aside ? <div className={styles.filters}>{aside}</div> : null}
    </div>
  );
}

/** A figure with its label and what it counts; `inset` inside a card, otherwise a tile of its own. */
export function Stat({
  label,
  value,
  note,
  inset = false,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  inset?: boolean;
}) {
  return (
    <div className={inset ? styles.figure : styles.stat}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue}>{value}</div>
      {note ? <div className={styles.statNote}>{note}</div> : null}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.empty}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}

export interface Column<Row> {
  readonly label: string;
  readonly numeric?: boolean;
  /**
   * A share of the table's width (CSS), so that the same columns line up from one card to the next; a
   * column still grows to fit what cannot wrap (a badge, a number) on a narrow screen.
   */
  readonly width?: string;
  readonly render: (row: Row) => ReactNode;
  /** Shown on hover: what a figure is made of. */
  readonly title?: (row: Row) => string | undefined;
}

/**
 * A table of rows, or `empty` when there is none. It scrolls sideways inside its card on a narrow screen
 * rather than squeezing its first column to a letter a line.
 */
export function Table<Row>({
  rows,
  columns,
  rowKey,
  empty,
  testId,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string | number;
  empty?: ReactNode;
  testId?: string;
}) {
  if (rows.length === 0 && empty) return empty;
  return (
    <div className={styles.tableScroll}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                className={column.numeric ? "number" : undefined}
                style={column.width ? { width: column.width } : undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td
                  key={column.label}
                  className={column.numeric ? "number" : undefined}
                  title={column.title?.(row)}
                >
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The first column of a table of tests: the name linking to the test's page, where it lives, and `more`. */
export function testColumn<Row extends NamedTest & { readonly testKey: string }>(
  href: (testKey: string) => string,
  more?: (row: Row) => ReactNode,
): Column<Row> {
  return {
    label: "Test",
    render: (row) => (
      <>
        <TestTitle test={row} href={href(row.testKey)} />
        {more?.(row)}
      </>
    ),
  };
}

/**
 * The test's name, and under it where it lives; links to its page when `href` is given. Long names are cut
 * to two lines in lists; the whole name is in the tooltip.
 */
export function TestTitle({ test, href }: { test: NamedTest; href?: string }) {
  const where = testWhere(test);
  const name = testName(test);
  return (
    <div className={styles.testCell}>
      <div className={styles.testName} title={name}>
        {href ? <Link href={href}>{name}</Link> : name}
      </div>
      {where ? (
        <div className={styles.testSuite} title={where}>
          {where}
        </div>
      ) : null}
    </div>
  );
}

/** A second, quieter line under a cell's value. */
export function Sub({ children }: { children: ReactNode }) {
  return <div className={styles.faint}>{children}</div>;
}

/** A failure as stored: type and message (the type once, when the message starts with it), details folded. */
export function FailureMessage({ failure }: { failure: Omit<FailureText, "id" | "fingerprint"> }) {
  const message = failure.message?.trim() ?? "";
  const type = failure.type?.trim() ?? "";
  const text = type && !message.startsWith(type) ? joinShown([type, message], ": ") : message;
  return (
    <>
      <div className={styles.message}>{text || <span className={styles.faint}>(no message)</span>}</div>
      {failure.signature ? (
        <Sub>
          infrastructure: <code>{failure.signature}</code>
        </Sub>
      ) : null}
      {failure.details ? (
        <details className={styles.details}>
          <summary>details</summary>
          <pre>{failure.details}</pre>
        </details>
      ) : null}
    </>
  );
}

/** An infrastructure signature (or a classification rule), what it means, and the output line that showed it. */
export function Signature({
  signature,
  description,
  line,
  tag,
}: {
  signature: string;
  description: string;
  line?: string | null;
  /** Before the signature, on its line: what kind of evidence it is. */
  tag?: ReactNode;
}) {
  return (
    <div className={styles.signature}>
      {tag ? <>{tag} </> : null}
      <code>{signature}</code>
      {description ? <Sub>{description}</Sub> : null}
      {line ? <div className={styles.message}>{line}</div> : null}
    </div>
  );
}

/** A commit by its short hash, and the pull request it belongs to. */
export function Commit({ sha, pullRequest }: { sha: string | null; pullRequest?: number | null }) {
  return (
    <>
      <code title={sha ?? undefined}>{shortSha(sha)}</code>
      {pullRequest ? <Sub>PR #{pullRequest}</Sub> : null}
    </>
  );
}

const TONES = {
  pass: styles.pass,
  fail: styles.fail,
  flaky: styles.flaky,
  infra: styles.infra,
  skip: styles.skip,
} as const;

export type Tone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`${styles.badge} ${TONES[tone]}`}>{children}</span>;
}

const VERDICTS: Record<StoredVerdict, { label: string; tone: Tone }> = {
  passed: { label: "passed", tone: "pass" },
  failed: { label: "failed", tone: "fail" },
  flaky: { label: "flaky", tone: "flaky" },
  "infra-failure": { label: "infrastructure", tone: "infra" },
  "recovered-after-infra-retry": { label: "recovered after infra retry", tone: "infra" },
  skipped: { label: "skipped", tone: "skip" },
};

/** A test's result in one run. */
export function VerdictBadge({ verdict }: { verdict: StoredVerdict }) {
  const { label, tone } = VERDICTS[verdict];
  return <Badge tone={tone}>{label}</Badge>;
}

const OUTCOMES = {
  passed: { label: "passed", tone: "pass" },
  "test-failures": { label: "test failures", tone: "fail" },
  "infra-failure": { label: "infrastructure failure", tone: "infra" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

/** How a run or an attempt ended. */
export function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOMES }) {
  const { label, tone } = OUTCOMES[outcome];
  return <Badge tone={tone}>{label}</Badge>;
}

const HEALTH = {
  healthy: { label: "healthy", tone: "pass" },
  flaky: { label: "flaky", tone: "flaky" },
  broken: { label: "broken", tone: "fail" },
} as const satisfies Record<TestHealth, { label: string; tone: Tone }>;

/** A test's state now: healthy, flaky or broken. */
export function HealthBadge({ state }: { state: TestHealth }) {
  const { label, tone } = HEALTH[state];
  return <Badge tone={tone}>{label}</Badge>;
}
