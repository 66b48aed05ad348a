// Fits a Markdown document made of sections into a platform limit (65,535 characters for a comment, 1 MiB
// for a job summary). Sections are pure builders; this module only decides how much of each to show.
//
// Shrinking order, each step taken only when the previous one was not enough:
// 1. shorten per-item text: every section is re-planned with the next, smaller text cap;
// 2. cut lists from the bottom: every list starts at its floor (`minItems`), then lists are filled with
//    items in priority order, highest first, each up to the first item that does not fit; a cut list
//    says how many items it left out;
// 3. drop whole sections, lowest priority first, when even their floors do not fit; a section dropped on
//    the way that fits once a bigger one is gone comes back.
// A note saying what was cut closes the document; its worst case is reserved before filling, so adding it
// can never push the document over the limit. Items and sections are atomic: nothing is ever cut inside
// one, so code spans, fences and HTML blocks stay balanced.

export interface SectionPlan {
  /** Heading, intro, table header. */
  readonly head: readonly string[];
  readonly itemCount: number;
  /** Lines of one item (a list entry, a table row). */
  item(index: number): readonly string[];
  /** Lines saying how many items were left out; asked only when some were. */
  more(omitted: number, shown: number): readonly string[];
  /** Closing lines (`</details>`). */
  readonly tail: readonly string[];
}

export interface Section {
  /** The reader's word for it, used in the cut note: "failed tests". */
  readonly name: string;
  /** Higher survives longer. */
  readonly priority: number;
  /** Never dropped (the outcome, the totals). */
  readonly required: boolean;
  /** Fewest items worth showing: below it the section is dropped rather than shown (a top-10 with none). */
  readonly minItems: number;
  /** The section with untrusted text cut to `textCap` characters per field. */
  plan(textCap: number): SectionPlan;
}

export interface ListCut {
  readonly name: string;
  readonly omitted: number;
  readonly total: number;
}

export interface Cuts {
  /** The text cap in force when it is smaller than the normal one, else null. */
  readonly textCap: number | null;
  readonly lists: readonly ListCut[];
  readonly dropped: readonly string[];
}

export interface FitOptions {
  readonly limit: number;
  /** Size of a text in the limit's unit (UTF-16 code units, UTF-8 bytes). */
  readonly measure: (text: string) => number;
  /** Text caps to try, largest (the normal display cap) first. */
  readonly textCaps: readonly [number, ...number[]];
  /** Lines of the note that says what was cut. Must only shrink as cuts shrink (fewer names, lower counts). */
  readonly cutNote: (cuts: Cuts) => readonly string[];
}

/** Renders the sections, in order, shrunk until the whole document fits `options.limit`. */
export function fitSections(sections: readonly Section[], options: FitOptions): string {
  const { textCaps } = options;
  for (const [level, textCap] of textCaps.entries()) {
    const note = level === 0 ? [] : options.cutNote({ textCap, lists: [], dropped: [] });
    const whole = renderWhole(sections, textCap, note, options);
    if (whole !== null) return whole;
  }
  const smallest = textCaps[textCaps.length - 1] ?? textCaps[0];
  return renderCut(sections, smallest, smallest === textCaps[0] ? null : smallest, options);
}

/** Every section with every item, or null as soon as the running size passes the limit. */
function renderWhole(
  sections: readonly Section[],
  textCap: number,
  note: readonly string[],
  options: FitOptions,
): string | null {
  const blocks: string[][] = [];
  // Blocks are joined by a blank line and the document ends with a newline: each block costs its lines
  // (each with its newline) plus one, and the document one less than the sum.
  let size = -1;
  const plans = sections.map((section) => section.plan(textCap));
  for (const lines of [...plans.map((plan) => linesOf(plan, plan.itemCount)), note.values()]) {
    const block: string[] = [];
    for (const line of lines) {
      size += options.measure(line) + 1;
      if (size > options.limit) return null;
      block.push(line);
    }
    if (block.length > 0) {
      size += 1;
      blocks.push(block);
    }
  }
  return size <= options.limit ? join(blocks) : null;
}

interface Block {
  readonly section: Section;
  readonly plan: SectionPlan;
  /** Head, tail and the blank line that separates the block from the next. */
  readonly fixedCost: number;
  /** Items rendered so far, and the cost of each. */
  readonly items: (readonly string[])[];
  readonly itemCosts: number[];
  /** Items shown, and their total cost. */
  shown: number;
  itemsCost: number;
  dropped: boolean;
}

function renderCut(
  sections: readonly Section[],
  textCap: number,
  shortenedTo: number | null,
  options: FitOptions,
): string {
  const linesCost = (lines: readonly string[]) =>
    lines.reduce((sum, line) => sum + options.measure(line) + 1, 0);
  const blocks: Block[] = sections.map((section) => {
    const plan = section.plan(textCap);
    return {
      section,
      plan,
      fixedCost: linesCost(plan.head) + linesCost(plan.tail) + 1,
      items: [],
      itemCosts: [],
      shown: 0,
      itemsCost: 0,
      dropped: false,
    };
  });
  // Items are rendered only when they are about to be shown: a run with a million failures renders the
  // few hundred that fit, not the million.
  const itemCost = (block: Block, index: number): number => {
    while (block.items.length <= index) {
      const item = block.plan.item(block.items.length);
      block.items.push(item);
      block.itemCosts.push(linesCost(item));
    }
    return block.itemCosts[index] ?? 0;
  };
  const moreCost = (block: Block, shown: number) =>
    shown < block.plan.itemCount ? linesCost(block.plan.more(block.plan.itemCount - shown, shown)) : 0;
  const blockCost = (block: Block) => block.fixedCost + block.itemsCost + moreCost(block, block.shown);
  const costWithOneMore = (block: Block) =>
    block.fixedCost + block.itemsCost + itemCost(block, block.shown) + moreCost(block, block.shown + 1);
  const showOneMore = (block: Block) => {
    block.itemsCost += itemCost(block, block.shown);
    block.shown += 1;
  };

  // Reserve the note's worst case: every list cut to nothing and every optional section dropped.
  const worstNote = options.cutNote({
    textCap: shortenedTo,
    lists: blocks.map(({ section, plan }) => ({
      name: section.name,
      omitted: plan.itemCount,
      total: plan.itemCount,
    })),
    dropped: blocks.filter((block) => !block.section.required).map((block) => block.section.name),
  });
  const budget = options.limit + 1 - (linesCost(worstNote) + 1);

  for (const block of blocks) {
    while (block.shown < Math.min(block.section.minItems, block.plan.itemCount)) showOneMore(block);
  }
  let total = blocks.reduce((sum, block) => sum + blockCost(block), 0);

  // Drop whole sections, lowest priority first (later in the document first on ties), until floors fit.
  const dropOrder = blocks
    .filter((block) => !block.section.required)
    .toSorted((a, b) => a.section.priority - b.section.priority || blocks.indexOf(b) - blocks.indexOf(a));
  for (const block of dropOrder) {
    if (total <= budget) break;
    total -= blockCost(block);
    block.dropped = true;
  }
  if (total > budget) {
    throw new RangeError(`the required report sections alone exceed the limit of ${options.limit}`);
  }
  // A small section dropped on the way to freeing room for a big one comes back if it still fits.
  for (const block of dropOrder.toReversed()) {
    if (block.dropped && total + blockCost(block) <= budget) {
      total += blockCost(block);
      block.dropped = false;
    }
  }

  // Fill lists, highest priority first (earlier in the document first on ties), each from its top down to
  // the first item that does not fit.
  const fillOrder = blocks
    .filter((block) => !block.dropped)
    .toSorted((a, b) => b.section.priority - a.section.priority || blocks.indexOf(a) - blocks.indexOf(b));
  for (const block of fillOrder) {
    while (block.shown < block.plan.itemCount) {
      const current = blockCost(block);
      const next = costWithOneMore(block);
      if (total - current + next > budget) break;
      total += next - current;
      showOneMore(block);
    }
  }

  const kept = blocks.filter((block) => !block.dropped);
  const note = options.cutNote({
    textCap: shortenedTo,
    lists: kept
      .filter((block) => block.shown < block.plan.itemCount)
      .map(({ section, plan, shown }) => ({
        name: section.name,
        omitted: plan.itemCount - shown,
        total: plan.itemCount,
      })),
    dropped: blocks.filter((block) => block.dropped).map((block) => block.section.name),
  });
  const rendered = kept.map((block) => [...linesOf(block.plan, block.shown, block.items)]);
  return join([...rendered, [...note]].filter((lines) => lines.length > 0));
}

function* linesOf(
  plan: SectionPlan,
  shown: number,
  rendered: readonly (readonly string[])[] = [],
): Generator<string> {
  yield* plan.head;
  for (let i = 0; i < shown; i++) yield* rendered[i] ?? plan.item(i);
  if (shown < plan.itemCount) yield* plan.more(plan.itemCount - shown, shown);
  yield* plan.tail;
}

function join(blocks: readonly (readonly string[])[]): string {
  return `${blocks.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
