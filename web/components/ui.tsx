// Small server-rendered pieces shared by the pages. Every text from a report (test names, messages, branch
// names) is rendered as React text: escaped, never HTML.
import Link from "next/link";
import type { ReactNode } from "react";
import type { StoredVerdict } from "../../core/history/index.ts";
import type { TestHealth } from "../../store/queries.ts";
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

export function Stat({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className={styles.stat}>
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

/** Where a test lives, in one line: suite parts and class without repeats, then the file unless repeated. */
export function testWhere(test: {
  name: string;
  suite: string;
  classname: string;
  file: string | null;
}): string {
  const parts: string[] = [];
  for (const part of [...test.suite.split(" › "), test.classname]) {
    const text = part.trim();
    if (text && text !== test.name.trim() && !parts.includes(text)) parts.push(text);
  }
  const file = test.file?.trim();
  return [parts.join(" › "), file && !parts.includes(file) ? file : ""].filter(Boolean).join(" · ");
}

/** The test's name, and under it where it lives; links to its page when `href` is given. */
export function TestTitle({
  test,
  href,
}: {
  test: { name: string; suite: string; classname: string; file: string | null };
  href?: string;
}) {
  const where = testWhere(test);
  const name = test.name.trim() || "(unnamed test)";
  return (
    <div className={styles.testCell}>
      <div className={styles.testName}>{href ? <Link href={href}>{name}</Link> : name}</div>
      {where ? <div className={styles.testSuite}>{where}</div> : null}
    </div>
  );
}

const VERDICTS: Record<StoredVerdict, { label: string; tone: string }> = {
  passed: { label: "passed", tone: styles.pass as string },
  failed: { label: "failed", tone: styles.fail as string },
  flaky: { label: "flaky", tone: styles.flaky as string },
  "infra-failure": { label: "infrastructure", tone: styles.infra as string },
  "recovered-after-infra-retry": { label: "recovered after infra retry", tone: styles.infra as string },
  skipped: { label: "skipped", tone: styles.skip as string },
};

export function VerdictBadge({ verdict }: { verdict: StoredVerdict }) {
  const { label, tone } = VERDICTS[verdict];
  return <span className={`${styles.badge} ${tone}`}>{label}</span>;
}

const OUTCOMES = {
  passed: { label: "passed", tone: styles.pass },
  "test-failures": { label: "test failures", tone: styles.fail },
  "infra-failure": { label: "infrastructure failure", tone: styles.infra },
} as const;

export function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOMES }) {
  const { label, tone } = OUTCOMES[outcome];
  return <span className={`${styles.badge} ${tone}`}>{label}</span>;
}

const HEALTH = {
  healthy: { label: "healthy", tone: styles.pass },
  flaky: { label: "flaky", tone: styles.flaky },
  broken: { label: "broken", tone: styles.fail },
} as const;

export function HealthBadge({ state }: { state: TestHealth }) {
  const { label, tone } = HEALTH[state];
  return <span className={`${styles.badge} ${tone}`}>{label}</span>;
}
