// Finds where a failure happened from its text (stack trace, assertion output) when the report has no
// file/line attribute. Each language's frame shape is one row; the first frame that belongs to the test
// (not to a library or the runtime) wins.

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

interface FrameShape {
  readonly language: string;
  readonly pattern: RegExp;
}

const FRAME_SHAPES: readonly FrameShape[] = [
  // at com.acme.OrderTest.pays(OrderTest.java:42), at app//com.acme.OrderTest.pays(...) (Java 9+ loader prefix)
  {
    language: "jvm",
    pattern: /^\s*at (?:[\w.@-]+\/+)?([\w$.]+)\.[\w$<>-]+\(([\w$-]+\.(?:java|kt|groovy|scala)):(\d+)\)/gm,
  },
  // at Context.<anonymous> (/repo/test/order.test.js:12:5)   at file:///repo/test/order.test.mjs:3:9
  // ❯ tests/order.test.js:2:1 (vitest)
  {
    language: "js",
    pattern: /^\s*(?:at (?:.*?\()?|❯ )(?:file:\/\/)?([^\s()]+?\.(?:[cm]?[jt]sx?)):(\d+):\d+\)?\s*$/gm,
  },
  // tests/test_order.py:12: AssertionError
  { language: "python", pattern: /^([^\s:]+\.py):(\d+): /gm },
  // File "tests/test_order.py", line 12, in test_pays
  { language: "python", pattern: /File "([^"]+\.py)", line (\d+)/g },
  //     order_test.go:12: got 1, want 2
  { language: "go", pattern: /^\s*([\w./-]+\.go):(\d+)(?::| \+0x)/gm },
  // # ./spec/order_spec.rb:12:in `block (2 levels) in <top (required)>'
  { language: "ruby", pattern: /(\.?\/?[\w./-]+\.rb):(\d+)/g },
  // at /repo/tests/order.cpp:23   /repo/tests/order_test.cc:23
  { language: "native", pattern: /((?:[A-Za-z]:)?[\w./\\-]+\.(?:c|cc|cpp|cxx|h|hh|hpp)):(\d+)/g },
  // /repo/tests/OrderTest.php:12
  { language: "php", pattern: /((?:[A-Za-z]:)?[\w./\\-]+\.php):(\d+)/g },
  // src/order.rs:12:5
  { language: "rust", pattern: /([\w./-]+\.rs):(\d+):\d+/g },
];

const LIBRARY_PATH =
  /node_modules|node:|internal\/|site-packages|dist-packages|\/usr\/(?:lib|include)|vendor\//;
const LIBRARY_CLASS =
  /^(?:java|javax|jdk|sun|kotlin|org\.junit|org\.opentest4j|org\.assertj|org\.apache\.maven)\./;

/**
 * The location in `text` that most likely belongs to the test. `testFile` (when the report declares it)
 * and `classname` (the JVM class) are preferred over any other frame.
 */
export function locateFailure(
  text: string | null,
  hints: { readonly testFile: string | null; readonly classname: string },
): SourceLocation | null {
  if (!text) return null;
  // Only the head matters, and regexes over a 64 KiB trace per failure would cost more than they give.
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  let fallback: SourceLocation | null = null;
  for (const shape of FRAME_SHAPES) {
    shape.pattern.lastIndex = 0;
    for (const match of head.matchAll(shape.pattern)) {
      const location = toLocation(shape, match);
      if (!location) continue;
      if (shape.language === "jvm") {
        const frameClass = match[1] ?? "";
        if (frameClass === hints.classname || frameClass.startsWith(`${hints.classname}$`)) return location;
        if (!fallback && !LIBRARY_CLASS.test(frameClass)) fallback = location;
        continue;
      }
      if (hints.testFile && sameFile(location.file, hints.testFile)) return location;
      if (!fallback && !LIBRARY_PATH.test(location.file)) fallback = location;
    }
    if (fallback) return fallback;
  }
  return fallback;
}

function toLocation(shape: FrameShape, match: RegExpMatchArray): SourceLocation | null {
  const file = shape.language === "jvm" ? match[2] : match[1];
  const line = Number(shape.language === "jvm" ? match[3] : match[2]);
  if (!file || !Number.isInteger(line) || line <= 0) return null;
  return { file, line };
}

function sameFile(a: string, b: string): boolean {
  const strip = (path: string) => path.replace(/^\.\//, "").replaceAll("\\", "/");
  const x = strip(a);
  const y = strip(b);
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}
