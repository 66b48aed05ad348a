import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CacheKeyError,
  PatternError,
  STATE,
  addCounts,
  buildRules,
  checkKeyPrefix,
  classifyAttempt,
  compilePatterns,
  defaultKeyPrefix,
  emptyCounts,
  exponentialBackoff,
  formatSuitePath,
  messageOf,
  outputValues,
  reportPathFor,
  restoreImageCache,
  retry,
  saveImageCache,
  saveModes,
  setOutputs,
  testCasesOf
} from "./chunks/chunk-24X6XB3M.js";
import {
  error,
  getInput,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  summary,
  warning
} from "./chunks/chunk-Z54VKEA3.js";
import {
  __commonJS,
  __toESM
} from "./chunks/chunk-HANBNIMK.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open3 = tokens[token.tokensIndex];
          open3.type = "text";
          open3.value = literal;
          open3.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open3.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open3 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open3);
          push(open3);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// action/main.ts
import { readFileSync } from "node:fs";
import { isAbsolute as isAbsolute4, relative as relative2, resolve as resolve6, sep as sep3 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// core/report/fit-sections.ts
function fitSections(sections, options) {
  const { textCaps } = options;
  for (const [level, textCap] of textCaps.entries()) {
    const note = level === 0 ? [] : options.cutNote({ textCap, lists: [], dropped: [] });
    const whole = renderWhole(sections, textCap, note, options);
    if (whole !== null) return whole;
  }
  const smallest = textCaps[textCaps.length - 1] ?? textCaps[0];
  return renderCut(sections, smallest, smallest === textCaps[0] ? null : smallest, options);
}
function renderWhole(sections, textCap, note, options) {
  const blocks = [];
  let size = -1;
  const plans = sections.map((section) => section.plan(textCap));
  for (const lines2 of [...plans.map((plan) => linesOf(plan, plan.itemCount)), note.values()]) {
    const block = [];
    for (const line of lines2) {
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
function renderCut(sections, textCap, shortenedTo, options) {
  const linesCost = (lines2) => lines2.reduce((sum, line) => sum + options.measure(line) + 1, 0);
  const blocks = sections.map((section) => {
    const plan = section.plan(textCap);
    return {
      section,
      plan,
      fixedCost: linesCost(plan.head) + linesCost(plan.tail) + 1,
      items: [],
      itemCosts: [],
      shown: 0,
      itemsCost: 0,
      dropped: false
    };
  });
  const itemCost = (block, index) => {
    while (block.items.length <= index) {
      const item = block.plan.item(block.items.length);
      block.items.push(item);
      block.itemCosts.push(linesCost(item));
    }
    return block.itemCosts[index] ?? 0;
  };
  const moreCost = (block, shown) => shown < block.plan.itemCount ? linesCost(block.plan.more(block.plan.itemCount - shown, shown)) : 0;
  const blockCost = (block) => block.fixedCost + block.itemsCost + moreCost(block, block.shown);
  const costWithOneMore = (block) => block.fixedCost + block.itemsCost + itemCost(block, block.shown) + moreCost(block, block.shown + 1);
  const showOneMore = (block) => {
    block.itemsCost += itemCost(block, block.shown);
    block.shown += 1;
  };
  const worstNote = options.cutNote({
    textCap: shortenedTo,
    lists: blocks.map(({ section, plan }) => ({
      name: section.name,
      omitted: plan.itemCount,
      total: plan.itemCount
    })),
    dropped: blocks.filter((block) => !block.section.required).map((block) => block.section.name)
  });
  const budget = options.limit + 1 - (linesCost(worstNote) + 1);
  for (const block of blocks) {
    while (block.shown < Math.min(block.section.minItems, block.plan.itemCount)) showOneMore(block);
  }
  let total = blocks.reduce((sum, block) => sum + blockCost(block), 0);
  const dropOrder = blocks.filter((block) => !block.section.required).toSorted((a, b) => a.section.priority - b.section.priority || blocks.indexOf(b) - blocks.indexOf(a));
  for (const block of dropOrder) {
    if (total <= budget) break;
    total -= blockCost(block);
    block.dropped = true;
  }
  if (total > budget) {
    throw new RangeError(`the required report sections alone exceed the limit of ${options.limit}`);
  }
  for (const block of dropOrder.toReversed()) {
    if (block.dropped && total + blockCost(block) <= budget) {
      total += blockCost(block);
      block.dropped = false;
    }
  }
  const fillOrder = blocks.filter((block) => !block.dropped).toSorted((a, b) => b.section.priority - a.section.priority || blocks.indexOf(a) - blocks.indexOf(b));
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
    lists: kept.filter((block) => block.shown < block.plan.itemCount).map(({ section, plan, shown }) => ({
      name: section.name,
      omitted: plan.itemCount - shown,
      total: plan.itemCount
    })),
    dropped: blocks.filter((block) => block.dropped).map((block) => block.section.name)
  });
  const rendered = kept.map((block) => [...linesOf(block.plan, block.shown, block.items)]);
  return join([...rendered, [...note]].filter((lines2) => lines2.length > 0));
}
function* linesOf(plan, shown, rendered = []) {
  yield* plan.head;
  for (let i = 0; i < shown; i++) yield* rendered[i] ?? plan.item(i);
  if (shown < plan.itemCount) yield* plan.more(plan.itemCount - shown, shown);
  yield* plan.tail;
}
function join(blocks) {
  return `${blocks.map((lines2) => lines2.join("\n")).join("\n\n")}
`;
}

// core/report/markdown.ts
var ZERO_WIDTH_SPACE = "\u200B";
var INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
var NEWLINES = /[ \t]*(?:\r\n|\r|\n|\u2028|\u2029)[ \t]*/g;
function plainLine(text) {
  return text.replace(NEWLINES, " \u23CE ").replace(/\t/g, " ").replace(INVISIBLE, "");
}
function truncateText(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
  return `${text.slice(0, end)}\u2026`;
}
var HTML_ENTITIES = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
var INLINE_TOKEN = /[\\`*_{}[\]()!|~$]|[<>&]|@(?=[\p{L}\p{N}])|#(?=\d)|\bGH-(?=\d)|\b(?:https?|ftp|mailto|xmpp):|\bwww\./giu;
var BLOCK_START = /^(\s*)(?:([#+=-])|(\d+)([.)]))/;
function escapeMarkdown(text) {
  const escaped = plainLine(text).replace(INLINE_TOKEN, (token) => {
    const entity = HTML_ENTITIES[token];
    if (entity) return entity;
    if (token.length === 1 && token !== "@" && token !== "#") return `\\${token}`;
    if (/^GH-$/i.test(token)) return `${token.slice(0, 2)}${ZERO_WIDTH_SPACE}-`;
    if (/^www\.$/i.test(token)) return `${token.slice(0, 3)}${ZERO_WIDTH_SPACE}.`;
    return `${token}${ZERO_WIDTH_SPACE}`;
  });
  return escaped.replace(
    BLOCK_START,
    (_match, space, mark, digits, dot) => mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`
  );
}
function codeSpan(text, options = {}) {
  let body = plainLine(text);
  if (options.table) {
    body = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, "\\|");
  }
  const longestRun = (body.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = "`".repeat(longestRun + 1);
  if (body === "") return "` `";
  const pad = /^[`\s]|[`\s]$/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function formatCount(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function plural(count, singular, pluralForm = `${singular}s`) {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) bytes += 1;
    else if (code < 2048) bytes += 2;
    else if (code >= 55296 && code <= 56319 && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
function isLowSurrogate(code) {
  return code >= 56320 && code <= 57343;
}

// core/report/parse-summary.ts
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const seconds2 = ms / 1e3;
  if (seconds2 < 60) return `${seconds2.toFixed(seconds2 < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds2 / 60);
  return `${minutes} min ${Math.round(seconds2 - minutes * 60)} s`;
}

// core/report/test-text.ts
function testTitle(test) {
  const suite = formatSuitePath(test.suitePath);
  const parts = [suite, test.classname, test.name].map((part) => part.trim()).filter((part) => part);
  return parts.filter((part, index) => part !== parts[index - 1]).join(" \u203A ") || "(unnamed test)";
}
function testLocation(test) {
  const file = test.failure?.file ?? test.file;
  if (!file) return null;
  const line = test.failure?.file && test.failure.line !== null ? test.failure.line : null;
  return { file, line };
}
function formatLocation(location) {
  return location.line === null ? location.file : `${location.file}:${location.line}`;
}
function failureHeadline(failure) {
  if (!failure) return null;
  const message = firstLine(failure.message) ?? firstLine(failure.details);
  const type = failure.type?.trim() || null;
  if (!message) return type;
  return type && !message.startsWith(type) ? `${type}: ${message}` : message;
}
function firstLine(text) {
  if (!text) return null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return null;
}
function testDurationMs(test) {
  return test.attempts.at(-1)?.durationMs ?? test.durationMs;
}
function attemptHistory(test) {
  return test.attempts.map(
    (result) => result.flaky && result.status === "passed" ? `passed after a re-run in attempt ${result.attempt}` : `${result.status} in attempt ${result.attempt}`
  ).join(", ");
}

// core/report/annotations.ts
var ANNOTATION_LIMITS = { perLevelPerStep: 10, perJob: 50 };
var TITLE_CAP = 200;
var MESSAGE_CAP = 4e3;
var DETAIL_LINES = 20;
function annotationsFor(run, options = {}) {
  const max = Math.max(
    0,
    Math.min(options.max ?? ANNOTATION_LIMITS.perLevelPerStep, ANNOTATION_LIMITS.perLevelPerStep)
  );
  const errors = [
    ...run.tests.filter((test) => test.verdict === "failed").map((test) => testAnnotation(test, "error", "Failed")),
    ...run.tests.filter((test) => test.verdict === "infra-failure").map((test) => testAnnotation(test, "error", "Failed on infrastructure")),
    ...run.attemptFailures.map(
      (failure) => ({
        level: "error",
        title: failure.kind === "infra" ? "The test command failed on infrastructure" : "The test command failed",
        message: truncateText(
          [failure.evidence.description, failure.evidence.line].filter((part) => part).join(": "),
          MESSAGE_CAP
        )
      })
    )
  ];
  const warnings = run.tests.filter((test) => test.verdict === "flaky").map((test) => testAnnotation(test, "warning", "Flaky"));
  const annotations = [...errors.slice(0, max), ...warnings.slice(0, max)];
  const omittedErrors = Math.max(0, errors.length - max);
  const omittedWarnings = Math.max(0, warnings.length - max);
  if (omittedErrors + omittedWarnings > 0) {
    const omitted = [
      omittedErrors > 0 ? `${plural(omittedErrors, "more failure")}` : null,
      omittedWarnings > 0 ? `${plural(omittedWarnings, "more flaky test")}` : null
    ].filter((part) => part !== null);
    annotations.push({
      level: "notice",
      title: "More test results than annotations",
      message: `${omitted.join(" and ")} not annotated: GitHub shows ${formatCount(ANNOTATION_LIMITS.perLevelPerStep)} annotations of each kind per step. The job summary lists them.`
    });
  }
  return annotations;
}
function testAnnotation(test, level, label) {
  const location = testLocation(test);
  const lines2 = [];
  if (test.verdict === "infra-failure" && test.evidence) {
    lines2.push(`${test.evidence.description} (${test.evidence.rule})`);
    if (test.evidence.line) lines2.push(test.evidence.line);
  } else {
    if (test.verdict === "flaky") lines2.push(attemptHistory(test));
    const headline = failureHeadline(test.failure);
    if (headline) lines2.push(headline);
    const details = test.failure?.details?.split(/\r\n|\r|\n/).slice(0, DETAIL_LINES).join("\n").trimEnd();
    if (details && details !== headline) lines2.push(details);
  }
  return {
    level,
    title: truncateText(`${label}: ${testTitle(test)}`, TITLE_CAP),
    message: truncateText(lines2.join("\n") || label, MESSAGE_CAP),
    ...location ? { file: location.file } : {},
    ...location?.line ? { line: location.line } : {}
  };
}

// core/report/run-report.ts
var MARKDOWN_LIMITS = { comment: 65535, summary: 1048576 };
var TEXT_CAPS = [500, 200, 80];
var TITLE_CAP2 = 200;
var NOTICE_CAP = 1e3;
var COMMENT_KEY_CAP = 100;
var DEFAULT_SLOWEST_COUNT = 10;
var EVIDENCE_PER_ATTEMPT = 3;
function commentMarker(commentKey = "default") {
  const key = commentKey.slice(0, COMMENT_KEY_CAP).replace(/[^A-Za-z0-9_.:/-]/g, "-").replace(/-{2,}/g, "-").replace(/^-|-$/g, "") || "default";
  return `<!-- seamwatch:report:${key} -->`;
}
function renderRunReport(run, options) {
  const { target } = options;
  const sections = [
    headerSection(run, options),
    totalsSection(run),
    attemptsSection(run.attempts),
    failedSection(run.tests),
    infraFailedSection(run.tests),
    flakySection(run.tests),
    recoveredSection(run.tests),
    slowestSection(run.tests, options.slowestCount ?? DEFAULT_SLOWEST_COUNT),
    slowSection(run.tests, options.slowTestSeconds),
    imagesSection(options.imagesSection ?? null)
  ].filter((section) => section !== null);
  return fitSections(sections, {
    limit: MARKDOWN_LIMITS[target],
    measure: target === "summary" ? utf8Length : (text) => text.length,
    textCaps: TEXT_CAPS,
    cutNote: (cuts) => cutNote(target, cuts)
  });
}
function headerSection(run, options) {
  return fixedSection("outcome", true, () => {
    const lines2 = [];
    if (options.target === "comment") lines2.push(commentMarker(options.commentKey));
    lines2.push(`## ${escapeMarkdown(truncateText(options.title?.trim() || "seamwatch", TITLE_CAP2))}`, "");
    lines2.push(`**${outcomeLine(run)}**`);
    if (options.notice) lines2.push("", `> \u2139\uFE0F ${escapeMarkdown(truncateText(options.notice, NOTICE_CAP))}`);
    return lines2;
  });
}
function outcomeLine(run) {
  const { totals } = run;
  const last = run.attempts.at(-1);
  const attemptsText = plural(run.attempts.length, "attempt");
  if (run.outcome === "infra-failure") {
    const cause = last?.classification.infraFailures[0]?.evidence.description;
    return `\u26A0\uFE0F Infrastructure failure after ${attemptsText}${cause ? `: ${escapeMarkdown(cause)}` : ""}`;
  }
  if (run.outcome === "test-failures") {
    const parts2 = [];
    if (totals.failed > 0) parts2.push(`\u274C ${plural(totals.failed, "test")} failed`);
    else {
      const commandFailure = run.attemptFailures.find((failure) => failure.kind === "test");
      const cause = commandFailure ? `: ${evidenceText(commandFailure.evidence, TEXT_CAPS[0])}` : "";
      parts2.push(`\u274C The test command failed${cause}`);
    }
    if (totals.infraFailed > 0) parts2.push(`${formatCount(totals.infraFailed)} failed on infrastructure`);
    if (totals.flaky > 0) parts2.push(`${formatCount(totals.flaky)} flaky`);
    return parts2.join(" \xB7 ");
  }
  if (totals.tests === 0) return "\u2705 The test command passed, but no tests were reported";
  const ran = totals.passed + totals.flaky;
  const parts = [
    totals.skipped > 0 ? `\u2705 ${plural(ran, "test")} passed, ${formatCount(totals.skipped)} skipped` : `\u2705 ${ran === 1 ? "1 test" : `All ${formatCount(ran)} tests`} passed`
  ];
  if (totals.flaky > 0) parts.push(`${formatCount(totals.flaky)} flaky`);
  if (totals.recovered > 0) {
    parts.push(`${formatCount(totals.recovered)} recovered after an infrastructure retry`);
  }
  return parts.join(" \xB7 ");
}
function totalsSection(run) {
  return fixedSection("totals", true, () => {
    const { totals } = run;
    const columns = [
      ["Tests", formatCount(totals.tests)],
      ["Passed", formatCount(totals.passed)],
      ["Failed", formatCount(totals.failed)],
      ["Skipped", formatCount(totals.skipped)],
      ["Flaky", formatCount(totals.flaky)],
      ["Recovered after infra retry", formatCount(totals.recovered)]
    ];
    if (totals.infraFailed > 0) columns.push(["Failed on infrastructure", formatCount(totals.infraFailed)]);
    columns.push(["Attempts", formatCount(run.attempts.length)], ["Time", formatDuration(totals.durationMs)]);
    return [
      `| ${columns.map(([name]) => name).join(" | ")} |`,
      `| ${columns.map(() => "---:").join(" | ")} |`,
      `| ${columns.map(([, value]) => value).join(" | ")} |`
    ];
  });
}
function attemptsSection(attempts) {
  return listSection({
    name: "attempts",
    priority: 90,
    minItems: 1,
    entries: attempts,
    head: () => [
      "### Attempts",
      "",
      "| Attempt | Duration | Outcome | Classification | Evidence |",
      "| ---: | ---: | --- | --- | --- |"
    ],
    item: (attempt, cap) => [
      `| ${attempt.number} | ${formatDuration(attempt.durationMs)} | ${escapeMarkdown(attemptOutcome(attempt))} | ${attemptClassification(attempt)} | ${attemptEvidence(attempt, cap)} |`
    ],
    noun: "attempts"
  });
}
function attemptOutcome(attempt) {
  const ended = attempt.timedOut ? "timed out" : attempt.signal ? `killed by ${attempt.signal}` : attempt.exitCode === null ? "no exit code" : `exit code ${attempt.exitCode}`;
  const { junit } = attempt;
  if (junit.files === 0) return `${ended}, no JUnit report`;
  const failed = junit.counts.failed + junit.counts.errored;
  const unreadable = junit.unreadableFiles + junit.incompleteFiles;
  const broken = unreadable > 0 ? `, ${plural(unreadable, "report")} unreadable or cut short` : "";
  return `${ended}, ${plural(junit.counts.tests, "test")}, ${formatCount(failed)} failed${broken}`;
}
function attemptClassification(attempt) {
  switch (attempt.classification.outcome) {
    case "passed":
      return "\u2705 passed";
    case "test-failures":
      return "\u274C test failures";
    case "infra-failure":
      return attempt.retried ? "\u26A0\uFE0F infrastructure, retried" : "\u26A0\uFE0F infrastructure";
  }
}
function attemptEvidence(attempt, cap) {
  const { infraFailures, testFailures } = attempt.classification;
  const groups = /* @__PURE__ */ new Map();
  for (const failure of [...infraFailures, ...testFailures]) {
    const group = groups.get(failure.evidence.rule);
    if (group) group.count += 1;
    else groups.set(failure.evidence.rule, { evidence: failure.evidence, count: 1 });
  }
  if (groups.size === 0) return "\u2014";
  const shown = [...groups.values()].slice(0, EVIDENCE_PER_ATTEMPT).map(({ evidence, count }) => {
    const times = count > 1 ? ` \xD7${formatCount(count)}` : "";
    const line = evidence.line ? ` ${codeSpan(truncateText(evidence.line, cap), { table: true })}` : "";
    return `${codeSpan(truncateText(evidence.rule, cap), { table: true })}${times}${line}`;
  });
  const rest = groups.size - shown.length;
  if (rest > 0) shown.push(`+${plural(rest, "more rule")}`);
  return shown.join("<br>");
}
function failedSection(tests) {
  const failed = tests.filter((test) => test.verdict === "failed");
  return testListSection({
    name: "failed tests",
    priority: 80,
    tests: failed,
    heading: `### \u274C Failed tests (${formatCount(failed.length)})`,
    intro: null,
    detail: (test, cap) => headlineSpan(test, cap)
  });
}
function infraFailedSection(tests) {
  const infra = tests.filter((test) => test.verdict === "infra-failure");
  return testListSection({
    name: "tests that failed on infrastructure",
    priority: 75,
    tests: infra,
    heading: `### \u26A0\uFE0F Failed on infrastructure (${formatCount(infra.length)})`,
    intro: "Never passed, and every failure matched an infrastructure signature.",
    detail: (test, cap) => test.evidence ? evidenceText(test.evidence, cap) : headlineSpan(test, cap)
  });
}
function flakySection(tests) {
  const flaky = tests.filter((test) => test.verdict === "flaky");
  return testListSection({
    name: "flaky tests",
    priority: 60,
    tests: flaky,
    heading: `### \u{1F501} Flaky tests (${formatCount(flaky.length)})`,
    intro: "Failed, then passed: they did not fail the run.",
    summary: (test) => attemptHistory(test),
    detail: (test, cap) => headlineSpan(test, cap)
  });
}
function recoveredSection(tests) {
  const recovered = tests.filter((test) => test.verdict === "recovered-after-infra-retry");
  return testListSection({
    name: "tests recovered after an infrastructure retry",
    priority: 50,
    tests: recovered,
    heading: `### \u{1F6E0}\uFE0F Recovered after an infrastructure retry (${formatCount(recovered.length)})`,
    intro: "Failed for infrastructure, then passed on a retry: not flaky.",
    summary: (test) => attemptHistory(test),
    detail: (test, cap) => test.evidence ? evidenceText(test.evidence, cap) : headlineSpan(test, cap)
  });
}
function slowestSection(tests, count) {
  const slowest = slowestTests(tests, count);
  if (slowest.length === 0) return null;
  return listSection({
    name: "slowest tests",
    priority: 30,
    // A top ten cut to three misleads: the table is shown whole or not at all.
    minItems: slowest.length,
    entries: slowest,
    head: () => [
      `### \u{1F422} Slowest ${plural(slowest.length, "test")}`,
      "",
      "| # | Test | Time |",
      "| ---: | --- | ---: |"
    ],
    item: (test, cap, index) => [
      `| ${index + 1} | ${escapeMarkdown(truncateText(testTitle(test), cap))} | ${formatDuration(testDurationMs(test))} |`
    ],
    noun: "slow tests"
  });
}
function slowSection(tests, slowTestSeconds) {
  if (slowTestSeconds === null) return null;
  const thresholdMs = slowTestSeconds * 1e3;
  const slow = tests.filter((test) => test.verdict !== "skipped" && testDurationMs(test) >= thresholdMs).toSorted((a, b) => testDurationMs(b) - testDurationMs(a));
  return testListSection({
    name: "tests over the slow-test threshold",
    priority: 35,
    tests: slow,
    heading: `### \u{1F40C} Tests that took ${slowTestSeconds} s or more (${formatCount(slow.length)})`,
    intro: null,
    summary: (test) => formatDuration(testDurationMs(test)),
    detail: () => null
  });
}
function imagesSection(markdown) {
  const lines2 = markdown?.replace(/\s+$/, "").split(/\r?\n/);
  if (!lines2 || lines2.every((line) => line.trim() === "")) return null;
  return fixedSection("images", false, () => lines2, 40);
}
function fixedSection(name, required, lines2, priority = Number.POSITIVE_INFINITY) {
  return {
    name,
    priority,
    required,
    minItems: 0,
    plan: (cap) => ({ head: lines2(cap), itemCount: 0, item: () => [], more: () => [], tail: [] })
  };
}
function listSection(spec) {
  return {
    name: spec.name,
    priority: spec.priority,
    required: false,
    minItems: spec.minItems,
    plan: (cap) => {
      const head = spec.head(cap);
      return {
        head,
        itemCount: spec.entries.length,
        item: (index) => {
          const entry = spec.entries[index];
          return entry === void 0 ? [] : spec.item(entry, cap, index);
        },
        // A blank line ends the list or table, so the count cannot become one of its rows.
        more: (omitted, shown) => [
          ...shown > 0 || head.at(-1) !== "" ? [""] : [],
          shown === 0 ? `${formatCount(omitted)} ${spec.noun} not listed, to fit the size limit.` : `\u2026and ${formatCount(omitted)} more ${spec.noun}.`
        ],
        tail: []
      };
    }
  };
}
function testListSection(spec) {
  if (spec.tests.length === 0) return null;
  return listSection({
    name: spec.name,
    priority: spec.priority,
    minItems: 0,
    entries: spec.tests,
    head: () => [spec.heading, "", ...spec.intro ? [spec.intro, ""] : []],
    item: (test, cap) => {
      const location = testLocation(test);
      const parts = [`**${escapeMarkdown(truncateText(testTitle(test), cap))}**`];
      if (spec.summary) parts.push(spec.summary(test));
      if (location) parts.push(codeSpan(truncateText(formatLocation(location), cap)));
      const detail = spec.detail(test, cap);
      return detail ? [`- ${parts.join(" \xB7 ")}\\`, `  ${detail}`] : [`- ${parts.join(" \xB7 ")}`];
    },
    noun: spec.name
  });
}
function headlineSpan(test, cap) {
  const headline = failureHeadline(test.failure);
  return headline ? codeSpan(truncateText(headline, cap)) : null;
}
function evidenceText(evidence, cap) {
  const rule = codeSpan(truncateText(evidence.rule, cap));
  return evidence.line ? `${rule} ${codeSpan(truncateText(evidence.line, cap))}` : rule;
}
function slowestTests(tests, count) {
  const top = [];
  if (count <= 0) return top;
  for (const test of tests) {
    if (test.verdict === "skipped") continue;
    const duration = testDurationMs(test);
    if (top.length === count && duration <= testDurationMs(top[top.length - 1])) continue;
    const index = top.findIndex((other) => duration > testDurationMs(other));
    top.splice(index === -1 ? top.length : index, 0, test);
    if (top.length > count) top.pop();
  }
  return top;
}
function cutNote(target, cuts) {
  const limit = target === "comment" ? `GitHub's limit of ${formatCount(MARKDOWN_LIMITS.comment)} characters for a comment` : "GitHub's limit of 1 MiB for a job summary";
  const parts = [`\u2702\uFE0F **Shortened to fit ${limit}.**`];
  if (cuts.textCap !== null) parts.push(`Names and messages are cut to ${cuts.textCap} characters.`);
  if (cuts.lists.length > 0) {
    const lists = cuts.lists.map(
      (cut) => `${formatCount(cut.omitted)} of ${formatCount(cut.total)} ${cut.name}`
    );
    parts.push(`Not listed: ${lists.join(", ")}.`);
  }
  if (cuts.dropped.length > 0) parts.push(`Left out: ${cuts.dropped.join(", ")}.`);
  return [`> ${parts.join(" ")}`];
}

// action/inputs.ts
import { createHash } from "node:crypto";
import { statSync as statSync2 } from "node:fs";
import { resolve as resolve5 } from "node:path";

// action/run-suite.ts
import { mkdir as mkdir2, mkdtemp, open as open2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname as dirname3, join as join4 } from "node:path";
import { setTimeout as realSleep } from "node:timers/promises";

// core/junit/placeholders.ts
function placeholder(kind, scope, phase) {
  return Object.freeze({ kind, scope, phase });
}
var JVM_SETUP_NAMES = /* @__PURE__ */ new Set(["initializationError", "classMethod", "null"]);
function jvmClassLevel(candidate) {
  const { name, classname } = candidate;
  if (classname === "") return null;
  if (name === "executionError") return placeholder("class setup", "class", "teardown");
  if (JVM_SETUP_NAMES.has(name) || name === "" || name === classname) {
    return placeholder("class setup", "class", "setup");
  }
  return null;
}
function jvmReservedName(candidate) {
  if (candidate.classname === "") return null;
  if (candidate.name === "executionError") return placeholder("class setup", "class", "teardown");
  if (candidate.name === "initializationError" || candidate.name === "classMethod") {
    return placeholder("class setup", "class", "setup");
  }
  return null;
}
var BEFORE_HOOK = /"before (?:all|each)" hook(?: for "| in "|:|$)/;
var AFTER_HOOK = /"after (?:all|each)" hook(?: for "| in "|:|$)/;
function hookEntry(candidate) {
  const title = `${candidate.name}
${candidate.classname}`;
  const scope = candidate.file ? "file" : "suite";
  if (BEFORE_HOOK.test(title)) return placeholder("hook", scope, "setup");
  if (AFTER_HOOK.test(title)) return placeholder("hook", scope, "teardown");
  return null;
}
function pytestCollectionError(candidate) {
  if (candidate.classname !== "" || candidate.name === "") return null;
  if (!/^collection failure\b/i.test(candidate.message ?? "")) return null;
  return placeholder("collection", "module", "setup");
}
function goPackageLevel(candidate) {
  const { name, message } = candidate;
  const packageLevel = name === "TestMain" || /^\[(?:build|setup) failed\]$/.test(name) || name === "Failure" && message === "Runtime error";
  if (!packageLevel) return null;
  const afterTests = /^(?:PASS|FAIL|ok)\s*$|^--- (?:PASS|FAIL): /m.test(candidate.details ?? "");
  return placeholder("package", "suite", afterTests ? "teardown" : "setup");
}
function jestSuiteFailedToRun(candidate) {
  if (candidate.classname !== "Test suite failed to run") return null;
  return placeholder("file load", "file", "setup");
}
function vitestFileLoad(candidate) {
  if (candidate.name === "" || candidate.name !== candidate.classname) return null;
  return placeholder("file load", "file", "setup");
}
var suiteLevelError = placeholder("suite", "suite", "setup");
function toSetupPlaceholder(recognised) {
  return Object.freeze({ kind: recognised.kind, scope: recognised.scope });
}
function standsFor(entry, test) {
  switch (entry.placeholder?.scope) {
    case "class":
      return test.classname === entry.classname || test.classname.startsWith(`${entry.classname}$`);
    case "file": {
      const file = entry.file ?? entry.name;
      return file !== "" && (test.file === file || test.classname === file || test.suitePath[0] === file);
    }
    case "module":
      return test.classname === entry.name || test.classname.startsWith(`${entry.name}.`);
    case "suite":
      return entry.suitePath.every((part, index) => test.suitePath[index] === part);
    default:
      return false;
  }
}

// core/run/merge-attempts.ts
function mergeAttempts(attempts) {
  const last = attempts.at(-1);
  if (!last) throw new RangeError("mergeAttempts needs at least one attempt");
  const tests = mergeTests(attempts);
  const attemptFailures = [...last.classification.testFailures, ...last.classification.infraFailures].filter(
    (failure) => failure.test === null
  );
  const genuine = tests.some((test) => test.verdict === "failed") || attemptFailures.some((failure) => failure.kind === "test");
  const infra = last.classification.infraFailures.length > 0;
  const outcome = last.classification.outcome === "passed" ? "passed" : genuine ? "test-failures" : infra ? "infra-failure" : "passed";
  return Object.freeze({
    outcome,
    tests,
    totals: totalsOf(tests, attempts),
    attempts,
    attemptFailures: Object.freeze(attemptFailures)
  });
}
function mergeTests(attempts) {
  const byId = /* @__PURE__ */ new Map();
  for (const [index, attempt] of attempts.entries()) {
    const classified = classifiedByTest(attempt);
    for (const test of attempt.testCases) {
      let entry = byId.get(test.id);
      if (!entry) {
        entry = { identity: test, results: [], placeholder: null, lastSeen: index };
        byId.set(test.id, entry);
      }
      entry.results.push(resultOf(attempt.number, test, classified.get(test.id)));
      entry.placeholder ??= test.placeholder ?? null;
      entry.lastSeen = index;
    }
  }
  const verdicts = /* @__PURE__ */ new Map();
  for (const entry of byId.values()) {
    if (!entry.placeholder) verdicts.set(entry, verdictOf(entry.results));
  }
  for (const entry of byId.values()) {
    if (entry.placeholder) verdicts.set(entry, placeholderVerdict(entry, attempts, byId, verdicts));
  }
  return Object.freeze(
    [...byId.values()].map((entry) => mergeTest(entry, verdicts.get(entry) ?? verdictOf(entry.results)))
  );
}
function classifiedByTest(attempt) {
  const map = /* @__PURE__ */ new Map();
  for (const failure of [...attempt.classification.testFailures, ...attempt.classification.infraFailures]) {
    if (failure.test && !map.has(failure.test.id)) map.set(failure.test.id, failure);
  }
  return map;
}
function resultOf(attempt, test, classified) {
  const failing = test.status === "failed" || test.status === "errored";
  return Object.freeze({
    attempt,
    status: test.status,
    flaky: test.flaky,
    durationMs: test.durationMs,
    // A within-report flaky pass keeps the failure of its failed re-run, so the flake can be shown.
    failure: failing ? classified?.failure ?? test.failure : test.flaky ? test.failure : null,
    // Unclassified failures are genuine: nothing proved them infrastructure.
    kind: failing ? classified?.kind ?? "test" : null,
    evidence: failing ? classified?.evidence ?? null : null
  });
}
function mergeTest(entry, verdict) {
  const { identity, results } = entry;
  const shown = shownResult(verdict, results);
  return Object.freeze({
    id: identity.id,
    suitePath: identity.suitePath,
    classname: identity.classname,
    name: identity.name,
    file: identity.file,
    placeholder: entry.placeholder,
    verdict,
    attempts: Object.freeze(results),
    failure: shown?.failure ?? null,
    evidence: shown?.evidence ?? null,
    durationMs: results.reduce((sum, result) => sum + result.durationMs, 0)
  });
}
function verdictOf(results) {
  const passedAt = results.flatMap((result, index) => result.status === "passed" ? [index] : []);
  const genuineFailure = results.some((result) => result.kind === "test");
  const firstInfra = results.findIndex((result) => result.kind === "infra");
  if (passedAt.length > 0) {
    if (genuineFailure || results.some((result) => result.flaky)) return "flaky";
    if (firstInfra >= 0 && passedAt.some((index) => index > firstInfra)) return "recovered-after-infra-retry";
    return "passed";
  }
  if (genuineFailure) return "failed";
  if (firstInfra >= 0) return "infra-failure";
  return "skipped";
}
function placeholderVerdict(entry, attempts, byId, verdicts) {
  const own = verdictOf(entry.results);
  const failedOnly = own === "failed" || own === "infra-failure";
  if (entry.lastSeen === attempts.length - 1 || !failedOnly) return own;
  const cleared = own === "failed" ? "flaky" : "recovered-after-infra-retry";
  const placeholder2 = { ...entry.identity, placeholder: entry.placeholder };
  const later = attempts.slice(entry.lastSeen + 1);
  let ran = false;
  let passed = false;
  for (const attempt of later) {
    for (const test of attempt.testCases) {
      if (test.placeholder || !standsFor(placeholder2, test)) continue;
      const found = byId.get(test.id);
      const verdict = found ? verdicts.get(found) : void 0;
      if (verdict === void 0) continue;
      ran = true;
      if (verdict === "failed" || verdict === "infra-failure") return "superseded";
      if (verdict !== "skipped") passed = true;
    }
  }
  if (ran) return passed ? cleared : own;
  if (later.some((attempt) => attempt.classification.testFailures.length > 0)) return "superseded";
  const ranAndPassed = later.some(
    (attempt) => attempt.classification.outcome === "passed" && attempt.classification.testsRan
  );
  return ranAndPassed ? cleared : own;
}
function shownResult(verdict, results) {
  switch (verdict) {
    case "failed":
      return results.findLast((result) => result.kind === "test");
    case "flaky":
      return results.find((result) => result.kind === "test") ?? results.find((result) => result.flaky);
    case "infra-failure":
      return results.findLast((result) => result.kind === "infra");
    case "recovered-after-infra-retry":
      return results.find((result) => result.kind === "infra");
    case "superseded":
      return results.findLast((result) => result.kind !== null);
    default:
      return void 0;
  }
}
function countsAsTest(test) {
  return !test.placeholder || test.verdict !== "recovered-after-infra-retry" && test.verdict !== "superseded";
}
function totalsOf(tests, attempts) {
  const counted = tests.filter(countsAsTest);
  const count = (...verdicts) => counted.filter((test) => verdicts.includes(test.verdict)).length;
  return Object.freeze({
    tests: counted.length,
    passed: count("passed", "recovered-after-infra-retry"),
    failed: count("failed"),
    skipped: count("skipped"),
    flaky: count("flaky"),
    recovered: tests.filter((test) => test.verdict === "recovered-after-infra-retry").length,
    infraFailed: count("infra-failure"),
    durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0)
  });
}

// core/run/record-attempt.ts
function summarizeJunit(files) {
  return Object.freeze({
    files: files.length,
    incompleteFiles: files.filter((file) => file.incomplete).length,
    unreadableFiles: files.filter((file) => file.error !== null && !file.incomplete).length,
    counts: files.reduce((sum, file) => addCounts(sum, file.counts), emptyCounts)
  });
}
function shouldRetry(attempt, policy) {
  return attempt.classification.outcome === "infra-failure" && attempt.number < policy.maxAttempts;
}
function recordAttempt(input) {
  const { evidence } = input;
  return Object.freeze({
    number: input.number,
    durationMs: input.durationMs,
    exitCode: evidence.exitCode,
    signal: evidence.signal,
    timedOut: evidence.timedOut,
    junit: summarizeJunit(evidence.junitFiles),
    testCases: Object.freeze(evidence.junitFiles.flatMap(testCasesOf)),
    classification: input.classification,
    retried: input.retried
  });
}

// action/attempt-reports.ts
import { copyFile, mkdir, rename, stat as stat2, unlink } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, join as join2, normalize as normalize2, resolve as resolve3, sep as sep2 } from "node:path";

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path) {
  let normalized = normalize(path);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
  return path.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
  return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
  if (resolvePaths) path = resolve(path);
  if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
  if (path === ".") return "";
  const needsSeperator = path[path.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path = directoryPath || ".";
  if (filters.every((filter) => filter(path, true))) paths.push(path);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path, (error2, resolvedPath) => {
    if (error2) return queue.dequeue(suppressErrors ? null : error2, state);
    fs.stat(resolvedPath, (error$1, stat3) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat3.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat3, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path);
    const stat3 = fs.statSync(resolvedPath);
    if (stat3.isDirectory() && isRecursive(path, resolvedPath, state)) return;
    callback$1(stat3, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error2, callback$1, output, suppressErrors) {
  if (error2 && !suppressErrors) callback$1(error2, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error2, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error2, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error2, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error2)) {
      this.onQueueEmpty(error2, output);
      if (error2) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error2, state) => this.callbackInvoker(state, error2, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path)) continue;
        this.pushDirectory(path, paths, filters);
        this.walkDirectory(this.state, path, path, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path, this.state, (stat3, resolvedPath) => {
          if (stat3.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path) => isMatch(path));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path) {
  return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path) {
  var _result$parts;
  const result = import_picomatch.default.scan(path, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory2) => {
      const path = format(p, isDirectory2);
      const matches = matcher(path) && !ignore(path);
      if (matches) log(`matched ${path}`);
      return matches;
    } : (p, isDirectory2) => {
      const path = format(p, isDirectory2);
      return matcher(path) && !ignore(path);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative3] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative3) : [];
}

// action/attempt-reports.ts
var defaultJunitPatterns = Object.freeze([
  "**/junit*.xml",
  "**/TEST-*.xml",
  "**/test-results/**/*.xml",
  "**/reports/**/*.xml"
]);
var IGNORED = ["**/node_modules/**", "**/.git/**"];
async function findReports(patterns, cwd, excludeDir = null) {
  const excluded = excludeDir === null ? null : resolve3(cwd, excludeDir) + sep2;
  const ignore = [...IGNORED, ...patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1))];
  const found = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    if (!isDynamicPattern(pattern)) {
      if (await isFile(resolve3(cwd, pattern))) found.add(pattern);
      continue;
    }
    const matches = await glob(pattern, {
      cwd,
      onlyFiles: true,
      expandDirectories: false,
      absolute: isAbsolute2(pattern),
      ignore
    });
    for (const match of matches.sort()) found.add(match);
  }
  return [...found].filter((path) => excluded === null || !resolve3(cwd, path).startsWith(excluded));
}
async function setAside(paths, cwd, dir) {
  let moved = 0;
  for (const path of paths) {
    const from = resolve3(cwd, path);
    const to = join2(dir, asideName(path));
    await mkdir(dirname2(to), { recursive: true });
    try {
      await rename(from, to);
    } catch (cause) {
      const code = cause.code;
      if (code === "ENOENT") continue;
      if (code !== "EXDEV") throw cause;
      await copyFile(from, to);
      await unlink(from);
    }
    moved++;
  }
  return moved;
}
function asideName(path) {
  if (isAbsolute2(path)) return join2("_absolute", path);
  return normalize2(path).split(sep2).map((segment) => segment === ".." ? "__" : segment).join(sep2);
}
async function isFile(path) {
  try {
    return (await stat2(path)).isFile();
  } catch (cause) {
    const code = cause.code;
    return code !== "ENOENT" && code !== "ENOTDIR";
  }
}

// action/read-junit.ts
import { open } from "node:fs/promises";
import { isAbsolute as isAbsolute3, resolve as resolve4 } from "node:path";

// core/xml/scan-xml.ts
import { isUtf8 } from "node:buffer";
var XmlSyntaxError = class extends Error {
  line;
  column;
  constructor(message, line, column) {
    super(message);
    this.name = "XmlSyntaxError";
    this.line = line;
    this.column = column;
  }
};
var LT = 60;
var GT = 62;
var SLASH = 47;
var BANG = 33;
var QUESTION = 63;
var EQUALS = 61;
var QUOTE = 34;
var APOS = 39;
var AMP = 38;
var NEWLINE = 10;
var CDATA_END = Buffer.from("]]>");
var COMMENT_END = Buffer.from("-->");
var INSTRUCTION_END = Buffer.from("?>");
var EMPTY = Buffer.alloc(0);
var JOIN_HEAD = 64 * 1024;
var BOM = Buffer.from([239, 187, 191]);
function isSpace(code) {
  return code === 32 || code === 10 || code === 9 || code === 13;
}
function isNameEnd(code) {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === GT || code === SLASH || code === EQUALS;
}
function startsWith(buf, at, ascii) {
  if (at + ascii.length > buf.length) return false;
  for (let k = 0; k < ascii.length; k++) if (buf[at + k] !== ascii.charCodeAt(k)) return false;
  return true;
}
function decodeUtf8(buf, start, end) {
  return buf.utf8Slice?.(start, end) ?? buf.toString("utf8", start, end);
}
var LINE_BREAK_OR_TAB = /\r\n?|[\n\t]/g;
function normalizeAttributeWhitespace(raw) {
  return raw.replace(LINE_BREAK_OR_TAB, " ");
}
var TAB = 9;
var CR = 13;
var NAMED_ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeEntities(raw) {
  let amp = raw.indexOf("&");
  if (amp === -1) return raw;
  let out = "";
  let last = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi === -1) break;
    if (semi - amp <= 10) {
      const replacement = decodeReference(raw.slice(amp + 1, semi));
      if (replacement !== void 0) {
        out += raw.slice(last, amp) + replacement;
        last = semi + 1;
      }
    }
    amp = raw.indexOf("&", amp + 1);
  }
  return last === 0 ? raw : out + raw.slice(last);
}
function decodeReference(ref) {
  if (ref.charCodeAt(0) !== 35) return NAMED_ENTITIES[ref];
  const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
  const radix = hex ? 16 : 10;
  let codePoint = 0;
  let k = hex ? 2 : 1;
  if (k >= ref.length) return void 0;
  for (; k < ref.length; k++) {
    const digit = digitValue(ref.charCodeAt(k));
    if (digit >= radix) return void 0;
    codePoint = codePoint * radix + digit;
  }
  if (codePoint <= 0 || codePoint > 1114111 || codePoint >= 55296 && codePoint <= 57343)
    return void 0;
  return String.fromCodePoint(codePoint);
}
function digitValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return 99;
}
var KNOWN_NAMES = [
  "testsuites",
  "testsuite",
  "testcase",
  "failure",
  "error",
  "skipped",
  "system-out",
  "system-err",
  "properties",
  "property",
  "flakyFailure",
  "flakyError",
  "rerunFailure",
  "rerunError",
  "stackTrace",
  "name",
  "classname",
  "time",
  "file",
  "line",
  "message",
  "type",
  "value",
  "status",
  "result",
  "tests",
  "failures",
  "errors",
  "assertions",
  "class"
].map((name) => ({ name, bytes: Buffer.from(name) }));
var KNOWN_BY_LENGTH = [];
for (const known of KNOWN_NAMES) {
  const sameLength = KNOWN_BY_LENGTH[known.bytes.length] ?? [];
  sameLength.push(known);
  KNOWN_BY_LENGTH[known.bytes.length] = sameLength;
}
function readName(buf, start, end) {
  const length = end - start;
  for (const known of KNOWN_BY_LENGTH[length] ?? []) {
    const bytes = known.bytes;
    if (bytes[0] !== buf[start]) continue;
    let k = 1;
    while (k < length && bytes[k] === buf[start + k]) k++;
    if (k === length) return known.name;
  }
  return decodeUtf8(buf, start, end);
}
var XmlScanner = class {
  constructor(handler) {
    this.handler = handler;
  }
  handler;
  /** Set by the handler: when false, text is skipped without being decoded. */
  wantText = false;
  buffer = EMPTY;
  /** The scratch buffer `buffer` lives in (null when it is the caller's chunk), and the free one. */
  backing = null;
  spare = EMPTY;
  position = 0;
  /** Bytes of a character cut at the end of the last chunk, held back until the next one. */
  pending = EMPTY;
  mode = 0 /* Content */;
  open = [];
  sawRoot = false;
  rootClosed = false;
  sawAnything = false;
  tagStart = 0;
  bomChecked = false;
  bytesBefore = 0;
  // Position bookkeeping: line and column of buffer[0], updated whenever consumed input is dropped.
  baseLine = 1;
  baseColumn = 1;
  /** Scans a chunk. The chunk is not kept after the call returns, so the caller may reuse its memory. */
  write(chunk) {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pending.length > 0) {
      const need = Math.min(bytes.length, sequenceLength(this.pending[0]) - this.pending.length);
      const head = Buffer.concat([this.pending, bytes.subarray(0, need)]);
      this.pending = EMPTY;
      bytes = bytes.subarray(need);
      if (head.length < sequenceLength(head[0])) {
        this.pending = head;
        return;
      }
      this.writeComplete(head);
    }
    this.writeComplete(bytes);
  }
  writeComplete(input) {
    let bytes = input;
    if (!this.bomChecked) {
      if (bytes.length < 3 && BOM.subarray(0, bytes.length).equals(bytes)) {
        this.pending = Buffer.from(bytes);
        return;
      }
      this.bomChecked = true;
      if (bytes.length >= 3 && BOM.equals(bytes.subarray(0, 3))) bytes = bytes.subarray(3);
    }
    const complete = completeLength(bytes);
    const invalidAt = isUtf8(bytes.subarray(0, complete)) ? -1 : firstInvalidUtf8Offset(bytes, complete);
    const usable = invalidAt === -1 ? complete : invalidAt;
    this.feed(bytes.subarray(0, usable));
    if (invalidAt !== -1) {
      const offset = this.bytesBefore + this.buffer.length;
      throw this.errorAt(this.buffer.length, `invalid UTF-8 at byte offset ${offset}`);
    }
    this.pending = complete < bytes.length ? Buffer.from(bytes.subarray(complete)) : EMPTY;
    if (this.backing === null && this.position < this.buffer.length) this.keepTail();
  }
  /** Copies the unconsumed tail of the caller's chunk into scratch memory: the caller may reuse its chunk. */
  keepTail() {
    const tail = this.buffer.subarray(this.position);
    const target = this.spare.length >= tail.length ? this.spare : Buffer.allocUnsafe(Math.max(tail.length, 64 * 1024));
    target.set(tail, 0);
    this.dropConsumed();
    this.spare = EMPTY;
    this.backing = target;
    this.buffer = target.subarray(0, tail.length);
  }
  /** Signals end of input; throws XmlSyntaxError if the document is empty, truncated or malformed. */
  end() {
    if (this.pending.length > 0 && this.bomChecked) {
      throw this.errorAt(this.buffer.length, `invalid UTF-8: the file ends inside a character`);
    }
    this.scan(true);
    if (this.mode === 1 /* CData */) throw this.errorAt(this.position, "unexpected end of file inside CDATA");
    if (this.mode === 2 /* Comment */)
      throw this.errorAt(this.position, "unexpected end of file inside a comment");
    if (this.position < this.buffer.length) {
      throw this.errorAt(this.position, "unexpected end of file inside markup");
    }
    if (!this.sawRoot) {
      throw this.errorAt(this.position, this.sawAnything ? "no root element" : "empty file");
    }
    if (this.open.length > 0) {
      const names = this.open.slice(-3).reverse().map((name) => `<${name}>`).join(" in ");
      throw this.errorAt(this.position, `unexpected end of file: ${names} not closed`);
    }
  }
  /** An error positioned at the tag being reported to the handler (for errors the handler raises). */
  errorAtTag(message) {
    return this.errorAt(this.tagStart, message);
  }
  /**
   * Scans new bytes after the unconsumed tail of the previous ones. Copying a whole chunk behind the tail
   * showed up in profiles, so only the chunk's head is joined to the tail; once the token that straddles
   * the boundary is done, scanning moves on in the chunk itself.
   */
  feed(bytes) {
    if (this.position > 0) this.dropConsumed();
    const tail = this.buffer.length;
    if (tail === 0 || bytes.length <= JOIN_HEAD || tail > JOIN_HEAD) {
      this.append(bytes);
      this.scan(false);
      return;
    }
    this.append(bytes.subarray(0, JOIN_HEAD));
    this.scan(false);
    if (this.position < tail) {
      this.append(bytes.subarray(JOIN_HEAD));
      this.scan(false);
      return;
    }
    const inChunk = this.position - tail;
    this.dropConsumed();
    this.buffer = bytes.subarray(inChunk);
    if (this.backing) this.spare = this.backing;
    this.backing = null;
    this.scan(false);
  }
  append(bytes) {
    if (this.position > 0) this.dropConsumed();
    if (this.buffer.length === 0) {
      this.buffer = bytes;
      this.backing = null;
      return;
    }
    const total = this.buffer.length + bytes.length;
    const target = this.spare.length >= total ? this.spare : Buffer.allocUnsafe(total + (total >> 2));
    target.set(this.buffer, 0);
    target.set(bytes, this.buffer.length);
    this.spare = this.backing ?? EMPTY;
    this.backing = target;
    this.buffer = target.subarray(0, total);
  }
  /** Line and column (1-based, in characters) of a byte offset in the current buffer. */
  locate(offset) {
    const buf = this.buffer;
    let line = this.baseLine;
    let lineStart = -1;
    let nl = buf.indexOf(NEWLINE);
    while (nl !== -1 && nl < offset) {
      line++;
      lineStart = nl;
      nl = buf.indexOf(NEWLINE, nl + 1);
    }
    const characters = buf.toString("utf8", lineStart + 1, offset).length;
    const column = lineStart === -1 ? this.baseColumn + characters : characters + 1;
    return { line, column };
  }
  errorAt(offset, message) {
    const { line, column } = this.locate(offset);
    return new XmlSyntaxError(message, line, column);
  }
  dropConsumed() {
    const consumed = this.position;
    const { line, column } = this.locate(consumed);
    this.baseLine = line;
    this.baseColumn = column;
    this.bytesBefore += consumed;
    this.buffer = this.buffer.subarray(consumed);
    this.position = 0;
  }
  /**
   * Where the next tab, LF and CR are in the buffer being scanned (-2: not looked for yet, -1: none). Testing
   * every attribute value for them cost up to a tenth of the parse; with these, each byte is searched once
   * (by memchr) per scan, and a value is checked with three comparisons.
   */
  nextTab = -2;
  nextLf = -2;
  nextCr = -2;
  /** Whether buffer[from, to) holds a tab, LF or CR. `from` only grows within one scan. */
  hasLineBreakOrTab(from, to) {
    const buf = this.buffer;
    if (this.nextTab !== -1 && this.nextTab < from) this.nextTab = buf.indexOf(TAB, from);
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = buf.indexOf(NEWLINE, from);
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = buf.indexOf(CR, from);
    return this.nextTab !== -1 && this.nextTab < to || this.nextLf !== -1 && this.nextLf < to || this.nextCr !== -1 && this.nextCr < to;
  }
  scan(final) {
    const buf = this.buffer;
    const length = buf.length;
    let i = this.position;
    this.nextTab = -2;
    this.nextLf = -2;
    this.nextCr = -2;
    while (i < length) {
      if (this.mode === 1 /* CData */) {
        i = this.scanCData(i, final);
        if (this.mode === 1 /* CData */) break;
        continue;
      }
      if (this.mode === 2 /* Comment */) {
        const end2 = buf.indexOf(COMMENT_END, i);
        if (end2 === -1) {
          i = Math.max(i, length - 2);
          break;
        }
        i = end2 + 3;
        this.mode = 0 /* Content */;
        continue;
      }
      if (buf[i] !== LT) {
        i = this.scanText(i, final);
        if (i < length && buf[i] !== LT) break;
        continue;
      }
      if (i + 1 >= length) break;
      const next = buf[i + 1];
      let end;
      if (next === SLASH) end = this.scanCloseTag(i);
      else if (next === BANG) end = this.scanBang(i);
      else if (next === QUESTION) end = this.scanInstruction(i);
      else end = this.scanOpenTag(i);
      if (end === -1) break;
      i = end;
    }
    this.position = i;
  }
  /** Text up to the next `<`. Returns where it stopped (at `<`, or where more input is needed). */
  scanText(start, final) {
    const buf = this.buffer;
    let end = buf.indexOf(LT, start);
    if (end === -1) {
      end = buf.length;
      if (!final && this.wantText) {
        const amp = buf.lastIndexOf(AMP, end - 1);
        if (amp >= start && amp > end - 12 && buf.indexOf(59, amp) === -1) end = amp;
      }
    }
    if (end === start) return start;
    if (this.open.length === 0) {
      for (let k = start; k < end; k++) {
        const code = buf[k];
        if (!isSpace(code)) {
          if (!this.sawRoot) {
            throw this.errorAt(
              k,
              this.sawAnything ? "text before the root element" : "not an XML file: expected '<'"
            );
          }
          throw this.errorAt(k, "text after the root element");
        }
      }
    } else if (this.wantText) {
      this.handler.text(decodeEntities(decodeUtf8(buf, start, end)));
    }
    return end;
  }
  scanCData(start, final) {
    const buf = this.buffer;
    const close = buf.indexOf(CDATA_END, start);
    if (close === -1) {
      const safeEnd = final ? buf.length : Math.max(start, buf.length - 2);
      if (this.wantText && safeEnd > start) this.handler.text(decodeUtf8(buf, start, safeEnd));
      return safeEnd;
    }
    if (this.wantText && close > start) this.handler.text(decodeUtf8(buf, start, close));
    this.mode = 0 /* Content */;
    return close + 3;
  }
  scanCloseTag(start) {
    const buf = this.buffer;
    const gt = buf.indexOf(GT, start + 2);
    if (gt === -1) return -1;
    let nameEnd = gt;
    while (nameEnd > start + 2 && isSpace(buf[nameEnd - 1])) nameEnd--;
    const name = readName(buf, start + 2, nameEnd);
    const expected = this.open[this.open.length - 1];
    if (expected === void 0) throw this.errorAt(start, `unexpected closing tag </${name}>`);
    if (name !== expected) {
      throw this.errorAt(start, `expected </${expected}> but found </${name}>`);
    }
    this.open.pop();
    if (this.open.length === 0) this.rootClosed = true;
    this.handler.closeTag(name);
    return gt + 1;
  }
  scanBang(start) {
    const buf = this.buffer;
    if (startsWith(buf, start, "<!--")) {
      this.mode = 2 /* Comment */;
      this.sawAnything = true;
      return start + 4;
    }
    if (startsWith(buf, start, "<![CDATA[")) {
      if (this.open.length === 0) throw this.errorAt(start, "CDATA outside the root element");
      this.mode = 1 /* CData */;
      return start + 9;
    }
    if (buf.length - start < 9) return -1;
    if (startsWith(buf, start, "<!DOCTYPE")) {
      throw this.errorAt(start, "DOCTYPE is not allowed in a test report (entities are never expanded)");
    }
    if (startsWith(buf, start, "<!ENTITY")) throw this.errorAt(start, "entity declarations are not allowed");
    throw this.errorAt(start, "malformed markup after '<!'");
  }
  scanInstruction(start) {
    const end = this.buffer.indexOf(INSTRUCTION_END, start + 2);
    if (end === -1) return -1;
    this.sawAnything = true;
    return end + 2;
  }
  scanOpenTag(start) {
    const buf = this.buffer;
    const length = buf.length;
    let i = start + 1;
    while (i < length && !isNameEnd(buf[i])) i++;
    if (i >= length) return -1;
    if (i === start + 1) throw this.errorAt(start, "malformed tag: missing element name");
    const name = readName(buf, start + 1, i);
    this.tagStart = start;
    if (this.rootClosed) throw this.errorAt(start, `unexpected element <${name}> after the root element`);
    const attributes = {};
    for (; ; ) {
      while (i < length && isSpace(buf[i])) i++;
      if (i >= length) return -1;
      const code = buf[i];
      if (code === GT) {
        this.enter(name, attributes, false);
        return i + 1;
      }
      if (code === SLASH) {
        if (i + 1 >= length) return -1;
        if (buf[i + 1] !== GT) throw this.errorAt(i, `malformed tag <${name}>: expected '>' after '/'`);
        this.enter(name, attributes, true);
        return i + 2;
      }
      const nameStart = i;
      while (i < length && !isNameEnd(buf[i])) i++;
      if (i >= length) return -1;
      if (i === nameStart) throw this.errorAt(i, `malformed attribute in <${name}>`);
      const attributeName = readName(buf, nameStart, i);
      while (i < length && isSpace(buf[i])) i++;
      if (i >= length) return -1;
      if (buf[i] !== EQUALS) {
        throw this.errorAt(i, `attribute '${attributeName}' in <${name}> has no value`);
      }
      i++;
      while (i < length && isSpace(buf[i])) i++;
      if (i >= length) return -1;
      const quote = buf[i];
      if (quote !== QUOTE && quote !== APOS) {
        throw this.errorAt(i, `attribute '${attributeName}' in <${name}> must be quoted`);
      }
      const close = buf.indexOf(quote, i + 1);
      if (close === -1) return -1;
      const lt = buf.indexOf(LT, i + 1);
      if (lt !== -1 && lt < close) throw this.errorAt(lt, `'<' in the value of attribute '${attributeName}'`);
      const decoded = decodeUtf8(buf, i + 1, close);
      const raw = this.hasLineBreakOrTab(i + 1, close) ? normalizeAttributeWhitespace(decoded) : decoded;
      attributes[attributeName] = raw.indexOf("&") === -1 ? raw : decodeEntities(raw);
      i = close + 1;
    }
  }
  enter(name, attributes, selfClosing) {
    this.sawRoot = true;
    this.sawAnything = true;
    if (selfClosing) {
      if (this.open.length === 0) this.rootClosed = true;
      this.handler.openTag(name, attributes, true);
      this.handler.closeTag(name);
      return;
    }
    this.open.push(name);
    this.handler.openTag(name, attributes, false);
  }
};
function sequenceLength(leadByte) {
  return leadByte >= 240 ? 4 : leadByte >= 224 ? 3 : leadByte >= 192 ? 2 : 1;
}
function completeLength(bytes) {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back];
    if ((byte & 192) === 128) continue;
    const size = byte >= 240 ? 4 : byte >= 224 ? 3 : byte >= 192 ? 2 : 1;
    return size > back ? length - back : length;
  }
  return length;
}
function firstInvalidUtf8Offset(bytes, end = bytes.length) {
  let i = 0;
  while (i < end) {
    const byte = bytes[i];
    const size = byte < 128 ? 1 : byte >= 194 && byte < 224 ? 2 : byte >= 224 && byte < 240 ? 3 : byte >= 240 && byte < 245 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      if (i + k >= end) return i;
      const next = bytes[i + k];
      if ((next & 192) !== 128) return i;
      if (k === 1 && (byte === 224 && next < 160 || byte === 237 && next >= 160)) return i;
      if (k === 1 && (byte === 240 && next < 144 || byte === 244 && next >= 144)) return i;
    }
    i += size;
  }
  return end;
}

// core/junit/dialects/bazel.ts
var BAZEL_TESTLOG = /(^|[\\/])bazel-testlogs[\\/].*test\.xml$/;
var bazel = {
  name: "bazel",
  detect: ({ path, suiteAttributes, testCaseAttributes }) => BAZEL_TESTLOG.test(path) || (suiteAttributes.name ?? "").startsWith("//") || (testCaseAttributes.name ?? "").startsWith("//") || testCaseAttributes.duration !== void 0 && testCaseAttributes.status === "run" && testCaseAttributes.classname === void 0
};

// core/junit/dialects/catch2.ts
var catch2 = {
  name: "catch2",
  detect: ({ suiteAttributes, suiteProperties, testCaseAttributes }) => suiteProperties.some((p) => p.name === "random-seed") || suiteAttributes.hostname === "tbd" && (testCaseAttributes.classname ?? "").endsWith(".global")
};

// core/junit/dialects/ctest.ts
var ctest = {
  name: "ctest",
  detect: ({ rootName, testCaseAttributes, suiteAttributes }) => rootName === "testsuite" && suiteAttributes.disabled !== void 0 && ["run", "fail", "notrun", "disabled"].includes(testCaseAttributes.status ?? ""),
  status: ({ attributes }, fromElements) => {
    if (attributes.status === "notrun" || attributes.status === "disabled") return "skipped";
    if (attributes.status === "fail" && fromElements === "passed") return "failed";
    return fromElements;
  }
};

// core/junit/dialects/go.ts
var go = {
  name: "go",
  detect: ({ suiteProperties }) => suiteProperties.some((p) => p.name === "go.version"),
  placeholder: goPackageLevel
};

// core/junit/dialects/dialect.ts
function positiveInteger(raw) {
  if (raw === void 0) return null;
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : null;
}

// core/junit/dialects/googletest.ts
var googletest = {
  name: "googletest",
  detect: ({ rootAttributes }) => rootAttributes.name === "AllTests",
  testLine: ({ attributes }) => positiveInteger(attributes.line),
  status: ({ attributes }, fromElements) => {
    if (attributes.status === "notrun") return "skipped";
    if (attributes.result === "skipped" || attributes.result === "suppressed") return "skipped";
    return fromElements;
  }
};

// core/junit/dialects/gradle.ts
var gradle = {
  name: "gradle",
  detect: ({ rootName, rootAttributes, suiteProperties }) => rootName === "testsuite" && rootAttributes.hostname !== void 0 && rootAttributes.skipped !== void 0 && rootAttributes.timestamp !== void 0 && suiteProperties.length === 0,
  placeholder: jvmClassLevel
};

// core/junit/dialects/jest.ts
var jest = {
  name: "jest",
  detect: ({ rootAttributes }) => /^jest tests$/i.test(rootAttributes.name ?? ""),
  placeholder: jestSuiteFailedToRun
};

// core/junit/dialects/mocha.ts
var CYPRESS_SPEC = /(^|\/)cypress\/|\.cy\.[cm]?[jt]sx?$/;
function isMochaRoot(name) {
  return /^mocha tests$/i.test(name ?? "");
}
var cypress = {
  name: "cypress",
  detect: ({ rootAttributes, specFile }) => isMochaRoot(rootAttributes.name) && CYPRESS_SPEC.test(specFile ?? ""),
  testFile: specFileOf,
  failurePhase: ({ message }, { attributes }) => mochaHookPhase(attributes.name, message)
};
var mocha = {
  name: "mocha",
  detect: ({ rootAttributes }) => isMochaRoot(rootAttributes.name),
  testFile: specFileOf,
  failurePhase: ({ message }, { attributes }) => mochaHookPhase(attributes.name, message)
};
function specFileOf({ suiteAttributes, specFile }) {
  return suiteAttributes.file ?? specFile;
}
function mochaHookPhase(name, message) {
  const text = `${name ?? ""} ${message ?? ""}`;
  if (/"before (all|each)" hook/.test(text)) return "setup";
  if (/"after (all|each)" hook/.test(text)) return "teardown";
  return void 0;
}

// core/junit/dialects/nextest.ts
var nextest = {
  name: "nextest",
  detect: ({ rootAttributes }) => /^nextest-run$/i.test(rootAttributes.name ?? "")
};

// core/junit/dialects/node-test.ts
var nodeTest = {
  name: "node",
  detect: ({ rootName, rootAttributes, testCaseAttributes }) => rootName === "testsuites" && Object.keys(rootAttributes).length === 0 && testCaseAttributes.classname === "test",
  // A failing hook is "hookFailed"; the tests under a failed `before` hook are "cancelledByParent".
  failurePhase: ({ type }) => type === "hookFailed" || type === "cancelledByParent" ? "setup" : void 0
};

// core/junit/dialects/phpunit.ts
var phpunit = {
  name: "phpunit",
  detect: ({ testCaseAttributes }) => testCaseAttributes.assertions !== void 0 && testCaseAttributes.class !== void 0
};

// core/junit/dialects/playwright.ts
var playwright = {
  name: "playwright",
  detect: ({ rootAttributes, suiteAttributes }) => rootAttributes.id !== void 0 && suiteAttributes.hostname !== void 0,
  testFile: ({ attributes }) => attributes.classname ?? null
};

// core/junit/dialects/pytest.ts
var PYTHON_TIMESTAMP = /T\d\d:\d\d:\d\d\.\d{6}([+-]\d\d:\d\d)?$/;
var pytest = {
  name: "pytest",
  detect: ({ suiteAttributes, testCaseAttributes }) => suiteAttributes.name === "pytest" || (testCaseAttributes.file ?? "").endsWith(".py") || PYTHON_TIMESTAMP.test(suiteAttributes.timestamp ?? ""),
  testLine: ({ attributes }) => {
    const line = Number(attributes.line);
    return attributes.line !== void 0 && Number.isInteger(line) && line >= 0 ? line + 1 : null;
  },
  failurePhase: ({ message }) => {
    if (!message) return void 0;
    if (/^failed on setup\b|^collection failure/i.test(message)) return "setup";
    if (/^failed on teardown\b/i.test(message)) return "teardown";
    return void 0;
  },
  placeholder: pytestCollectionError
};

// core/junit/dialects/rspec.ts
var rspec = {
  name: "rspec",
  detect: ({ suiteAttributes, rootAttributes }) => suiteAttributes.name === "rspec" || rootAttributes.name === "rspec"
};

// core/junit/dialects/surefire.ts
var SCHEMA = /surefire|failsafe/i;
var surefire = {
  name: "surefire",
  detect: ({ rootAttributes, suiteAttributes, suiteProperties }) => SCHEMA.test(rootAttributes["xsi:noNamespaceSchemaLocation"] ?? "") || SCHEMA.test(suiteAttributes["xsi:noNamespaceSchemaLocation"] ?? "") || suiteProperties.some((p) => p.name.startsWith("surefire.") || p.name === "maven.home"),
  placeholder: jvmClassLevel
};

// core/junit/dialects/vitest.ts
var vitest = {
  name: "vitest",
  detect: ({ rootAttributes, suiteAttributes, testCaseAttributes }) => /^vitest tests$/i.test(rootAttributes.name ?? "") || rootAttributes.id === void 0 && suiteAttributes.hostname !== void 0 && suiteAttributes.name !== void 0 && suiteAttributes.name === testCaseAttributes.classname && /\.[cm]?[jt]sx?$/.test(suiteAttributes.name),
  testFile: ({ attributes }) => attributes.file ?? attributes.classname ?? null,
  placeholder: vitestFileLoad
};

// core/junit/dialects/index.ts
var generic = { name: "generic", detect: () => true };
var DIALECTS = [
  surefire,
  nextest,
  jest,
  vitest,
  cypress,
  mocha,
  playwright,
  pytest,
  go,
  rspec,
  phpunit,
  googletest,
  catch2,
  ctest,
  bazel,
  nodeTest,
  gradle
];
function detectDialect(signature) {
  const dialect = DIALECTS.find((candidate) => candidate.detect(signature)) ?? generic;
  const usesContext = Boolean(dialect.testFile || dialect.testLine || dialect.status || dialect.failurePhase);
  return { ...dialect, usesContext };
}

// core/junit/duration.ts
var THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
function parseSecondsToMs(raw) {
  if (raw === void 0) return 0;
  const simple = parseSimpleDecimal(raw);
  if (simple >= 0) return roundMs(simple * 1e3);
  const plain = Number(raw);
  if (plain >= 0 && plain < Number.POSITIVE_INFINITY) return roundMs(plain * 1e3);
  let text = raw.trim();
  if (text.length === 0) return 0;
  if (text.includes(",")) {
    text = THOUSANDS.test(text) || text.includes(".") ? text.replaceAll(",", "") : text.replace(",", ".");
  }
  const seconds2 = Number(text);
  if (!Number.isFinite(seconds2) || seconds2 < 0) return 0;
  return roundMs(seconds2 * 1e3);
}
function roundMs(ms) {
  return Math.round(ms * 1e3) / 1e3;
}
function parseSimpleDecimal(raw) {
  const length = raw.length;
  if (length === 0 || length > 15) return -1;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0) return -1;
  if (i === length) return whole;
  if (raw.charCodeAt(i) !== 46 || i === length - 1) return -1;
  let fraction = 0;
  let scale = 1;
  for (i++; i < length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    fraction = fraction * 10 + digit;
    scale *= 10;
  }
  return whole + fraction / scale;
}

// core/junit/identity.ts
var SEED = { h1: 3735928559, h2: 1103547991 };
function extendHash(prefix, text, separator) {
  let h1 = prefix.h1;
  let h2 = prefix.h2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  return { h1: Math.imul(h1 ^ separator, 2654435761), h2: Math.imul(h2 ^ separator, 1597334677) };
}
function suitePathHash(suitePath) {
  let prefix = SEED;
  for (const suite of suitePath) prefix = extendHash(prefix, suite, 31);
  return prefix;
}
function finishHash(prefix, name, file) {
  let h1 = prefix.h1;
  let h2 = prefix.h2;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ 30, 2654435761);
  h2 = Math.imul(h2 ^ 30, 1597334677);
  if (file !== null) {
    for (let i = 0; i < file.length; i++) {
      const code = file.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ 30, 2654435761);
  h2 = Math.imul(h2 ^ 30, 1597334677);
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return { high: h2 >>> 0, low: h1 >>> 0 };
}
function formatId(hash) {
  return hex32(hash.high) + hex32(hash.low);
}
var BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
function hex32(value) {
  return BYTE_HEX[value >>> 24] + BYTE_HEX[value >>> 16 & 255] + BYTE_HEX[value >>> 8 & 255] + BYTE_HEX[value & 255];
}
var IdentityTable = class {
  /** `maxValue` decides the value width: below 255 one byte a slot, else four. */
  constructor(maxValue) {
    this.maxValue = maxValue;
    this.directory = [this.newBucket(0)];
  }
  maxValue;
  directory;
  depth = 0;
  /** A handle on the slot holding `hash` (>= 0), or -1. */
  find(hash) {
    const index = this.indexOf(hash);
    const slot = findSlot(this.directory[index], identityKey(hash));
    return slot === -1 ? -1 : index * BUCKET_SLOTS + slot;
  }
  get(handle) {
    return this.bucketOf(handle).values[handle % BUCKET_SLOTS] - 1 >>> 0;
  }
  set(handle, value) {
    this.bucketOf(handle).values[handle % BUCKET_SLOTS] = value + 1;
  }
  /** Adds a hash that `find` did not find. */
  insert(hash, value) {
    this.findOrInsert(hash, value);
  }
  /** The handle of `hash`'s slot if it is there (>= 0); otherwise adds it with `value` and returns -1. */
  findOrInsert(hash, value) {
    const key = identityKey(hash);
    for (; ; ) {
      const index = this.indexOf(hash);
      const bucket = this.directory[index];
      const slot = findSlot(bucket, key);
      if (slot !== -1) return index * BUCKET_SLOTS + slot;
      if (bucket.size < BUCKET_LIMIT || bucket.depth >= 32 && bucket.size < BUCKET_SLOTS - 1) {
        placeInBucket(bucket, key, value + 1);
        return -1;
      }
      this.split(bucket, index);
    }
  }
  indexOf(hash) {
    return this.depth === 0 ? 0 : hash.high >>> 32 - this.depth;
  }
  bucketOf(handle) {
    return this.directory[Math.floor(handle / BUCKET_SLOTS)];
  }
  newBucket(depth) {
    return {
      depth,
      size: 0,
      keys: new Float64Array(BUCKET_SLOTS),
      values: this.maxValue < 255 ? new Uint8Array(BUCKET_SLOTS) : new Uint32Array(BUCKET_SLOTS)
    };
  }
  /** Splits a full bucket by the next bit of the hash, doubling the directory when the bucket needs it. */
  split(bucket, index) {
    if (bucket.depth === this.depth) {
      this.directory = this.directory.flatMap((entry) => [entry, entry]);
      this.depth++;
      index *= 2;
    }
    const sibling = this.newBucket(bucket.depth + 1);
    bucket.depth++;
    const span = 1 << this.depth - bucket.depth + 1;
    const first = index - index % span;
    for (let i = first + span / 2; i < first + span; i++) this.directory[i] = sibling;
    const { keys, values } = bucket;
    SCRATCH_KEYS.set(keys);
    SCRATCH_VALUES.set(values);
    keys.fill(0);
    values.fill(0);
    bucket.size = 0;
    const bit = 1 << 32 - bucket.depth;
    for (let slot = 0; slot < BUCKET_SLOTS; slot++) {
      const stored = SCRATCH_VALUES[slot];
      if (stored === 0) continue;
      const key = SCRATCH_KEYS[slot];
      const high = Math.floor(key / 1048576);
      placeInBucket((high & bit) !== 0 ? sibling : bucket, key, stored);
    }
  }
};
var BUCKET_SLOTS = 4096;
var BUCKET_LIMIT = Math.floor(BUCKET_SLOTS * 0.85);
var SCRATCH_KEYS = new Float64Array(BUCKET_SLOTS);
var SCRATCH_VALUES = new Uint32Array(BUCKET_SLOTS);
function findSlot(bucket, key) {
  const { keys, values } = bucket;
  let slot = homeSlot(key);
  while (values[slot] !== 0) {
    if (keys[slot] === key) return slot;
    slot = slot + 1 & BUCKET_SLOTS - 1;
  }
  return -1;
}
function placeInBucket(bucket, key, storedValue) {
  const { keys, values } = bucket;
  let slot = homeSlot(key);
  while (values[slot] !== 0) slot = slot + 1 & BUCKET_SLOTS - 1;
  keys[slot] = key;
  values[slot] = storedValue;
  bucket.size++;
}
function identityKey(hash) {
  return hash.high * 1048576 + (hash.low >>> 12);
}
function homeSlot(key) {
  return key - Math.floor(key / 1048576) * 1048576 & BUCKET_SLOTS - 1;
}

// core/junit/locate-failure.ts
var FRAME_SHAPES = [
  // at com.acme.OrderTest.pays(OrderTest.java:42), at app//com.acme.OrderTest.pays(...) (Java 9+ loader prefix)
  {
    language: "jvm",
    pattern: /^\s*at (?:[\w.@-]+\/+)?([\w$.]+)\.[\w$<>-]+\(([\w$-]+\.(?:java|kt|groovy|scala)):(\d+)\)/gm
  },
  // at Context.<anonymous> (/repo/test/order.test.js:12:5)   at file:///repo/test/order.test.mjs:3:9
  // ❯ tests/order.test.js:2:1 (vitest)
  {
    language: "js",
    pattern: /^\s*(?:at (?:.*?\()?|❯ )(?:file:\/\/)?([^\s()]+?\.(?:[cm]?[jt]sx?)):(\d+):\d+\)?\s*$/gm
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
  { language: "rust", pattern: /([\w./-]+\.rs):(\d+):\d+/g }
];
var LIBRARY_PATH = /node_modules|node:|internal\/|site-packages|dist-packages|\/usr\/(?:lib|include)|vendor\//;
var LIBRARY_CLASS = /^(?:java|javax|jdk|sun|kotlin|org\.junit|org\.opentest4j|org\.assertj|org\.apache\.maven)\./;
function locateFailure(text, hints) {
  if (!text) return null;
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  let fallback = null;
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
function toLocation(shape, match) {
  const file = shape.language === "jvm" ? match[2] : match[1];
  const line = Number(shape.language === "jvm" ? match[3] : match[2]);
  if (!file || !Number.isInteger(line) || line <= 0) return null;
  return { file, line };
}
function sameFile(a, b) {
  const strip = (path) => path.replace(/^\.\//, "").replaceAll("\\", "/");
  const x = strip(a);
  const y = strip(b);
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

// core/junit/test-case-collector.ts
function outcomeOf(attempts) {
  let passed = false;
  let firstFailing;
  let firstFailed;
  let firstErrored;
  for (const attempt of attempts) {
    if (attempt.status === "passed") passed = true;
    else if (attempt.status === "failed") {
      firstFailing ??= attempt;
      firstFailed ??= attempt;
    } else if (attempt.status === "errored") {
      firstFailing ??= attempt;
      firstErrored ??= attempt;
    }
  }
  if (passed && firstFailing) return { status: "passed", flaky: true, failure: firstFailing.failure };
  const deciding = firstFailed ?? firstErrored;
  if (deciding) return { status: deciding.status, flaky: false, failure: deciding.failure };
  return { status: passed ? "passed" : "skipped", flaky: false, failure: null };
}
var PASSED = 1;
var FAILED = 2;
var ERRORED = 4;
function statusBit(status) {
  return status === "passed" ? PASSED : status === "failed" ? FAILED : status === "errored" ? ERRORED : 0;
}
function bitsOf(attempts) {
  let bits = 0;
  for (const attempt of attempts) bits |= statusBit(attempt.status);
  return bits;
}
function statusOfBits(bits) {
  const failing = (bits & (FAILED | ERRORED)) !== 0;
  if (failing && bits & PASSED) return { status: "passed", flaky: true };
  if (bits & FAILED) return { status: "failed", flaky: false };
  if (bits & ERRORED) return { status: "errored", flaky: false };
  return { status: bits & PASSED ? "passed" : "skipped", flaky: false };
}
var TestCaseCollector = class {
  constructor(collect) {
    this.collect = collect;
    this.identities = new IdentityTable(collect ? 4294967294 : 63);
  }
  collect;
  counts = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0, flaky: 0 };
  /** Time of every attempt of every test case. */
  testCaseMs = 0;
  identities;
  locations = [];
  suites = [];
  /** A suite element closed; `testCases` are its test cases, already merged within the element. */
  addSuite(suite, testCases) {
    if (this.collect) this.collectSuite(suite, testCases);
    else for (const merged of testCases) this.countOnly(merged);
  }
  /** Keeps no test case: a later re-run only updates the counts, through the status bits. */
  countOnly(merged) {
    const attempts = merged.attempts;
    const durationMs = attempts.length === 1 ? attempts[0].durationMs : sumDurations(attempts);
    this.countBits(merged.hash, bitsOf(attempts), durationMs);
  }
  /**
   * One test case element, counted without building it (see JunitParser's counting mode); `bits` are the
   * `statusBit`s of its attempts.
   */
  countOne(hash, bits, durationMs) {
    this.countBits(hash, bits, durationMs);
  }
  countBits(hash, bits, durationMs) {
    this.testCaseMs += durationMs;
    const slot = this.identities.findOrInsert(hash, bits);
    if (slot === -1) {
      const { status, flaky } = statusOfBits(bits);
      this.tally(status, flaky, 1);
      this.counts.tests++;
      return;
    }
    const earlier = this.identities.get(slot);
    const combined = earlier | bits;
    const before = statusOfBits(earlier);
    const after = statusOfBits(combined);
    this.tally(before.status, before.flaky, -1);
    this.tally(after.status, after.flaky, 1);
    this.identities.set(slot, combined);
  }
  collectSuite(suite, testCases) {
    const collected = { ...suite, testCases: [] };
    for (const merged of testCases) {
      const testCase = finishTestCase(merged);
      this.testCaseMs += testCase.durationMs;
      const slot = this.identities.find(merged.hash);
      if (slot === -1) {
        this.tally(testCase.status, testCase.flaky, 1);
        this.counts.tests++;
        collected.testCases.push(testCase);
        this.identities.insert(merged.hash, this.locations.length);
        this.locations.push({ suite: collected, index: collected.testCases.length - 1 });
        continue;
      }
      const location = this.locations[this.identities.get(slot)];
      const earlier = location.suite.testCases[location.index];
      const combined = combineRuns(earlier, testCase);
      this.tally(earlier.status, earlier.flaky, -1);
      this.tally(combined.status, combined.flaky, 1);
      location.suite.testCases[location.index] = combined;
    }
    if (collected.testCases.length > 0 || suite.properties.length > 0) this.suites.push(collected);
  }
  finish() {
    return Object.freeze(
      this.suites.map((suite) => Object.freeze({ ...suite, testCases: Object.freeze(suite.testCases) }))
    );
  }
  tally(status, flaky, delta) {
    this.counts[status] += delta;
    if (flaky) this.counts.flaky += delta;
  }
};
function combineRuns(earlier, later) {
  const attempts = [...earlier.attempts, ...later.attempts];
  return {
    ...earlier,
    ...outcomeOf(attempts),
    durationMs: Math.round((earlier.durationMs + later.durationMs) * 1e3) / 1e3,
    attempts,
    properties: [...earlier.properties, ...later.properties],
    systemOut: later.systemOut ?? earlier.systemOut,
    systemErr: later.systemErr ?? earlier.systemErr,
    placeholder: earlier.placeholder ?? later.placeholder ?? null
  };
}
function sumDurations(attempts) {
  let total = 0;
  for (const attempt of attempts) total += attempt.durationMs;
  return roundMs(total);
}
function finishTestCase(merged) {
  const attempts = merged.attempts;
  const only = attempts.length === 1 ? attempts[0] : void 0;
  const outcome = only ? { status: only.status, flaky: false, failure: only.status === "skipped" ? null : only.failure } : outcomeOf(attempts);
  return {
    id: formatId(merged.hash),
    suitePath: merged.suitePath,
    classname: merged.classname,
    name: merged.name,
    file: merged.file,
    line: merged.line,
    status: outcome.status,
    flaky: outcome.flaky,
    durationMs: only ? only.durationMs : sumDurations(attempts),
    attempts,
    failure: outcome.failure,
    properties: merged.properties,
    systemOut: merged.systemOut,
    systemErr: merged.systemErr,
    placeholder: merged.placeholder
  };
}

// core/junit/text-capture.ts
var DEFAULT_MAX_TEXT_LENGTH = 64 * 1024;
var TextCapture = class {
  constructor(maxLength) {
    this.maxLength = maxLength;
  }
  maxLength;
  parts = [];
  length = 0;
  truncated = false;
  /** False once the cap is reached: the caller may stop decoding text. */
  get wantsMore() {
    return !this.truncated;
  }
  append(text) {
    if (this.truncated) return;
    const room = this.maxLength - this.length;
    if (text.length <= room) {
      this.parts.push(text);
      this.length += text.length;
      return;
    }
    let cut = room;
    if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    this.parts.push(text.slice(0, cut));
    this.length += cut;
    this.truncated = true;
  }
  /** The collected text, or null when the element had none. */
  finish() {
    const text = this.parts.join("");
    if (this.truncated)
      return `${text}
\u2026 [truncated by seamwatch: longer than ${this.maxLength} characters]`;
    return text.length === 0 ? null : text;
  }
};
var NoText = class extends TextCapture {
  get wantsMore() {
    return false;
  }
  append() {
  }
  finish() {
    return null;
  }
};
var NO_TEXT = new NoText(0);
function isHighSurrogate(code) {
  return code >= 55296 && code <= 56319;
}

// core/junit/parse-junit.ts
var NO_CONTEXT = Object.freeze({ attributes: {}, suiteAttributes: {}, specFile: null });
var RESULT_ELEMENTS = /* @__PURE__ */ new Set(["failure", "error", "skipped"]);
var EXTRA_ELEMENTS = /* @__PURE__ */ new Set(["flakyFailure", "flakyError", "rerunFailure", "rerunError"]);
var JunitParser = class {
  scanner = new XmlScanner(this);
  maxTextLength;
  collect;
  path;
  dialect = null;
  rootName = null;
  rootAttributes = {};
  suiteStack = [];
  collector;
  testCase = null;
  result = null;
  /** Where text currently goes, and the element depth that opened it. */
  capture = null;
  captureDepth = -1;
  propertyDraft = null;
  depth = 0;
  /** The last `file` a suite declared: mocha-junit-reporter puts it only on each spec's "Root Suite". */
  specFile = null;
  error = null;
  topLevelSuiteMs = null;
  constructor(options) {
    this.path = options.path;
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    this.collect = options.collectTestCases ?? true;
    this.collector = new TestCaseCollector(this.collect);
  }
  write(bytes) {
    if (this.error) return;
    try {
      this.scanner.write(bytes);
    } catch (cause) {
      this.stopWithSyntaxError(cause);
    }
  }
  /** Records a read failure (the adapter could not read the rest of the file). */
  fail(message) {
    if (!this.error) this.stop({ message, line: null, column: null });
  }
  end() {
    if (!this.error) {
      try {
        this.scanner.end();
        while (this.suiteStack.length > 0) this.closeSuite();
      } catch (cause) {
        this.stopWithSyntaxError(cause);
      }
    }
    const durationMs = roundMs(this.rootDurationMs() ?? this.topLevelSuiteMs ?? this.collector.testCaseMs);
    const counts = Object.freeze({ ...this.collector.counts, durationMs });
    return Object.freeze({
      path: this.path,
      dialect: (this.dialect ?? generic).name,
      suites: this.collector.finish(),
      counts,
      incomplete: this.error !== null,
      error: this.error
    });
  }
  stopWithSyntaxError(cause) {
    if (!(cause instanceof XmlSyntaxError)) throw cause;
    this.stop({ message: cause.message, line: cause.line, column: cause.column });
  }
  /** Keeps every test case finished so far: suites still open are flushed as they stand. */
  stop(error2) {
    this.error = Object.freeze(error2);
    while (this.suiteStack.length > 0) this.closeSuite();
  }
  rootDurationMs() {
    if (this.rootName !== "testsuites" || this.rootAttributes.time === void 0) return null;
    return parseSecondsToMs(this.rootAttributes.time);
  }
  // XmlHandler
  openTag(name, attributes, selfClosing) {
    this.depth++;
    if (this.depth === 1) {
      this.rootName = name;
      this.rootAttributes = attributes;
      if (name !== "testsuites" && name !== "testsuite" && name !== "testcase") {
        throw this.scanner.errorAtTag(`not a JUnit report: the root element is <${name}>`);
      }
    }
    if (this.capture) return;
    const test = this.testCase;
    if (name === "testsuite") {
      this.openSuite(attributes);
    } else if (name === "testcase") {
      if (!test) this.openTestCase(attributes, false);
    } else if (RESULT_ELEMENTS.has(name) && !this.result && (test || this.isDirectlyInSuite(name))) {
      this.openResult(test ?? this.openTestCase({}, true), name, attributes, selfClosing);
    } else if (test && EXTRA_ELEMENTS.has(name) && !this.result) {
      this.result = { kind: name, attributes, details: this.newCapture() };
      this.resultDepth = this.depth;
      test.extras.push(this.result);
      this.startCapture(this.result.details, selfClosing);
    } else if (name === "stackTrace" && this.result) {
      this.startCapture(this.result.details, selfClosing);
    } else if (name === "system-out" && test && !this.result) {
      test.systemOut = this.newCapture();
      this.startCapture(test.systemOut, selfClosing);
    } else if (name === "system-err" && test && !this.result) {
      test.systemErr = this.newCapture();
      this.startCapture(test.systemErr, selfClosing);
    } else if (name === "property") {
      this.openProperty(attributes, selfClosing);
    }
  }
  closeTag(name) {
    if (this.propertyDraft && this.depth === this.propertyDraft.depth) {
      const draft = this.propertyDraft;
      this.propertyDraft = null;
      this.endCapture();
      this.addProperty(draft.name, draft.text.finish() ?? "");
    } else if (this.capture && this.depth === this.captureDepth) {
      this.endCapture();
    }
    if (!this.capture) {
      const test = this.testCase;
      if (test && this.depth === this.testCaseDepth && (name === "testcase" || test.suiteLevel)) {
        this.closeTestCase();
      } else if (this.result && this.depth === this.resultDepth) {
        this.result = null;
        this.resultDepth = -1;
      }
      while (this.suiteStack.length > 0 && this.suiteDepth() >= this.depth) this.closeSuite();
    }
    this.depth--;
  }
  text(text) {
    if (!this.capture) return;
    this.capture.append(text);
    if (!this.capture.wantsMore) this.scanner.wantText = false;
  }
  // Element handling
  testCaseDepth = -1;
  resultDepth = -1;
  suiteDepths = [];
  suiteDepth() {
    return this.suiteDepths[this.suiteDepths.length - 1] ?? -1;
  }
  /** Counting keeps no text at all, so the scanner never decodes a message, trace or output. */
  newCapture() {
    return this.collect ? new TextCapture(this.maxTextLength) : NO_TEXT;
  }
  startCapture(capture, selfClosing) {
    if (selfClosing) return;
    this.capture = capture;
    this.captureDepth = this.depth;
    this.scanner.wantText = capture.wantsMore;
  }
  endCapture() {
    this.capture = null;
    this.captureDepth = -1;
    this.scanner.wantText = false;
  }
  openProperty(attributes, selfClosing) {
    const name = attributes.name;
    if (name === void 0) return;
    if (attributes.value !== void 0 || selfClosing) {
      this.addProperty(name, attributes.value ?? "");
      return;
    }
    const text = this.newCapture();
    this.propertyDraft = { name, depth: this.depth, text };
    this.capture = text;
    this.captureDepth = this.depth;
    this.scanner.wantText = true;
  }
  addProperty(name, value) {
    const property = Object.freeze({ name, value });
    if (this.testCase) this.testCase.properties.push(property);
    else this.suiteStack[this.suiteStack.length - 1]?.properties.push(property);
  }
  openSuite(attributes) {
    if (attributes.file !== void 0) this.specFile = attributes.file;
    const parent = this.suiteStack[this.suiteStack.length - 1];
    const name = attributes.name ?? "";
    const path = Object.freeze(parent ? [...parent.path, name] : [name]);
    const pathHash = suitePathHash(path);
    this.suiteStack.push({
      path,
      attributes,
      properties: [],
      testCases: /* @__PURE__ */ new Map(),
      overflow: null,
      pathHash,
      classname: null,
      classnameHash: pathHash
    });
    this.suiteDepths.push(this.depth);
  }
  closeSuite() {
    const frame = this.suiteStack.pop();
    this.suiteDepths.pop();
    if (!frame) return;
    if (this.testCase && this.testCase.suite === frame) {
      this.testCase = null;
      this.result = null;
    }
    const time = frame.attributes.time;
    if (this.suiteStack.length === 0 && time !== void 0) {
      this.topLevelSuiteMs = (this.topLevelSuiteMs ?? 0) + parseSecondsToMs(time);
    }
    this.collector.addSuite(
      {
        path: frame.path,
        name: frame.path[frame.path.length - 1] ?? "",
        file: frame.attributes.file ?? frame.attributes.filepath ?? null,
        durationMs: time === void 0 ? null : parseSecondsToMs(time),
        properties: Object.freeze(frame.properties)
      },
      frame.overflow ? [...frame.testCases.values(), ...frame.overflow.values()] : frame.testCases.values()
    );
  }
  /** A result element directly inside `<testsuite>` (not `<skipped>`: a skipped suite is no failure). */
  isDirectlyInSuite(name) {
    return name !== "skipped" && this.suiteStack.length > 0 && this.depth === this.suiteDepth() + 1;
  }
  openResult(test, name, attributes, selfClosing) {
    const first = test.result;
    const repeated = first !== null && name !== "skipped" && name === first.kind;
    const kind = repeated ? name === "error" ? "rerunError" : "rerunFailure" : name;
    const result = { kind, attributes, details: this.newCapture() };
    if (!first) test.result = result;
    else if (repeated) test.extras.push(result);
    else test.companions.push(result);
    this.result = result;
    this.resultDepth = this.depth;
    this.startCapture(result.details, selfClosing);
  }
  openTestCase(attributes, suiteLevel) {
    if (this.suiteStack.length === 0) {
      this.openSuite({});
      this.suiteDepths[this.suiteDepths.length - 1] = this.depth - 1;
    }
    const suite = this.suiteStack[this.suiteStack.length - 1];
    const draft = {
      attributes,
      suite,
      properties: [],
      result: null,
      extras: [],
      companions: [],
      systemOut: null,
      systemErr: null,
      suiteLevel
    };
    this.testCase = draft;
    this.testCaseDepth = this.depth;
    this.resultDepth = -1;
    return draft;
  }
  closeTestCase() {
    const draft = this.testCase;
    this.testCase = null;
    this.result = null;
    this.testCaseDepth = -1;
    this.resultDepth = -1;
    if (!draft) return;
    const dialect = this.dialectFor(draft);
    const context = dialect.usesContext ? { attributes: draft.attributes, suiteAttributes: draft.suite.attributes, specFile: this.specFile } : NO_CONTEXT;
    const classname = draft.attributes.classname ?? draft.attributes.class ?? "";
    const name = draft.attributes.name ?? "";
    const file = dialect.testFile?.(context) ?? draft.attributes.file ?? draft.attributes.filepath ?? draft.suite.attributes.file ?? null;
    const suite = draft.suite;
    if (suite.classname !== classname) {
      suite.classname = classname;
      suite.classnameHash = extendHash(suite.pathHash, classname, 30);
    }
    const hash = finishHash(suite.classnameHash, name, file);
    if (!this.collect) {
      this.countTestCase(draft, dialect, context, hash);
      return;
    }
    const line = dialect.testLine?.(context) ?? positiveLine(draft.attributes.line);
    const { attempts, placeholder: placeholder2 } = this.attemptsOf(draft, dialect, context, file, classname);
    let key = hash.low >>> 2;
    let merged = suite.testCases;
    let existing = merged.get(key);
    if (existing && (existing.hash.low !== hash.low || existing.hash.high !== hash.high)) {
      suite.overflow ??= /* @__PURE__ */ new Map();
      merged = suite.overflow;
      key = identityKey(hash);
      existing = merged.get(key);
    }
    if (existing) {
      existing.attempts.push(...attempts);
      existing.placeholder ??= placeholder2;
      existing.properties.push(...draft.properties);
      existing.systemOut = draft.systemOut?.finish() ?? existing.systemOut;
      existing.systemErr = draft.systemErr?.finish() ?? existing.systemErr;
      return;
    }
    merged.set(key, {
      hash,
      suitePath: suite.path,
      classname,
      name,
      file,
      line,
      attempts,
      properties: draft.properties,
      systemOut: draft.systemOut?.finish() ?? null,
      systemErr: draft.systemErr?.finish() ?? null,
      placeholder: placeholder2
    });
  }
  dialectFor(draft) {
    if (!this.dialect) {
      this.dialect = detectDialect({
        rootName: this.rootName ?? "",
        rootAttributes: this.rootAttributes,
        suiteAttributes: draft.suite.attributes,
        suiteProperties: draft.suite.properties,
        testCaseAttributes: draft.attributes,
        specFile: this.specFile,
        path: this.path
      });
    }
    return this.dialect;
  }
  countTestCase(draft, dialect, context, hash) {
    const deciding = decidingResult(draft);
    const elementStatus = deciding ? statusOfKind(deciding.kind) : "passed";
    let bits = statusBit(dialect.status?.(context, elementStatus) ?? elementStatus);
    let durationMs = parseSecondsToMs(draft.attributes.time);
    for (const extra of draft.extras) {
      bits |= statusBit(statusOfKind(extra.kind));
      durationMs += parseSecondsToMs(extra.attributes.time);
    }
    this.collector.countOne(hash, bits, durationMs);
  }
  /** Counting needs no failure details: only the statuses of the attempts. */
  failureOf(result, others, dialect, context, file, classname, fallbackPhase) {
    if (!this.collect) return null;
    return buildFailure(result, others, dialect, context, { testFile: file, classname, fallbackPhase });
  }
  /**
   * One element's results as attempts: flaky re-runs before the element's own result, failing re-runs after
   * it; and whether the element is a placeholder for setup rather than a test.
   */
  attemptsOf(draft, dialect, context, file, classname) {
    const deciding = decidingResult(draft);
    const elementStatus = deciding ? statusOfKind(deciding.kind) : "passed";
    const status = dialect.status?.(context, elementStatus) ?? elementStatus;
    const failing = status === "failed" || status === "errored";
    const recognised = deciding && failing ? this.recognisePlaceholder(draft, deciding, dialect, file, classname) : null;
    const phase = recognised?.phase ?? null;
    const others = deciding ? [draft.result, ...draft.companions].filter((r) => r && r !== deciding) : [];
    const durationMs = parseSecondsToMs(draft.attributes.time);
    const failure = deciding && failing ? this.failureOf(deciding, others, dialect, context, file, classname, phase) : null;
    const final = { status, durationMs, failure };
    const placeholder2 = recognised ? toSetupPlaceholder(recognised) : null;
    if (draft.extras.length === 0) return { attempts: [final], placeholder: placeholder2 };
    const before = [];
    const after = [];
    for (const extra of draft.extras) {
      const attempt = {
        status: statusOfKind(extra.kind),
        durationMs: parseSecondsToMs(extra.attributes.time),
        failure: this.failureOf(extra, [], dialect, context, file, classname, phase)
      };
      (extra.kind.startsWith("flaky") ? before : after).push(attempt);
    }
    return { attempts: [...before, final, ...after], placeholder: placeholder2 };
  }
  /** Only collected test cases carry the flag: counting keeps no test case to put it on. */
  recognisePlaceholder(draft, deciding, dialect, file, classname) {
    if (!this.collect) return null;
    if (draft.suiteLevel) return suiteLevelError;
    const details = deciding.details.finish();
    const candidate = {
      classname,
      name: draft.attributes.name ?? "",
      file,
      message: deciding.attributes.message?.trim() || firstLine2(details),
      type: deciding.attributes.type?.trim() || null,
      details
    };
    return dialect.placeholder?.(candidate) ?? jvmReservedName(candidate) ?? hookEntry(candidate);
  }
};
var SEVERITY = { failure: 3, error: 2, skipped: 1 };
function decidingResult(draft) {
  let deciding = draft.result;
  for (const companion of draft.companions) {
    if (!deciding || (SEVERITY[companion.kind] ?? 0) > (SEVERITY[deciding.kind] ?? 0)) deciding = companion;
  }
  return deciding;
}
function statusOfKind(kind) {
  switch (kind) {
    case "failure":
    case "flakyFailure":
    case "rerunFailure":
      return "failed";
    case "error":
    case "flakyError":
    case "rerunError":
      return "errored";
    case "skipped":
      return "skipped";
  }
}
function positiveLine(raw) {
  if (raw === void 0) return null;
  const line = Number(raw);
  return Number.isInteger(line) && line > 0 ? line : null;
}
var GENERIC_HOOK_PHASE = [
  [
    /\b(?:beforeAll|beforeEach|setUpClass|setUpBeforeClass|@BeforeAll|@BeforeClass)\b|"before (?:all|each)" hook/,
    "setup"
  ],
  [
    /\b(?:afterAll|afterEach|tearDownClass|tearDownAfterClass|@AfterAll|@AfterClass)\b|"after (?:all|each)" hook/,
    "teardown"
  ]
];
function buildFailure(result, others, dialect, context, where) {
  const ownDetails = result.details.finish();
  const message = result.attributes.message?.trim() || firstLine2(ownDetails);
  const type = result.attributes.type?.trim() || null;
  const text = { type, message, details: ownDetails };
  const located = locateFailure(ownDetails ?? message, {
    testFile: where.testFile,
    classname: where.classname
  });
  const phase = dialect.failurePhase?.(text, context) ?? genericPhase(message) ?? where.fallbackPhase;
  return {
    type,
    message,
    details: withOtherResults(ownDetails, others),
    file: located?.file ?? null,
    line: located?.line ?? null,
    phase
  };
}
function withOtherResults(details, others) {
  if (others.length === 0) return details;
  const parts = details ? [details] : [];
  for (const other of others) {
    const type = other.attributes.type?.trim();
    const message = other.attributes.message?.trim();
    const head = `Also in this test case: <${other.kind}>${type ? ` ${type}` : ""}${message ? `: ${message}` : ""}`;
    const text = other.details.finish();
    parts.push(text ? `${head}
${text}` : head);
  }
  return parts.join("\n\n");
}
function genericPhase(message) {
  if (!message) return null;
  for (const [pattern, phase] of GENERIC_HOOK_PHASE) if (pattern.test(message)) return phase;
  return null;
}
function firstLine2(text) {
  if (!text) return null;
  for (const line of text.split("\n", 20)) {
    const trimmed = line.trim();
    if (trimmed.length > 0) return trimmed.length > 1e3 ? `${trimmed.slice(0, 1e3)}\u2026` : trimmed;
  }
  return null;
}

// action/read-junit.ts
var CHUNK_BYTES = 1024 * 1024;
async function readJunitFile(path, options = {}) {
  const { cwd, ...parseOptions } = options;
  const parser = new JunitParser({ ...parseOptions, path });
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let file;
  try {
    file = await open(resolve4(cwd ?? ".", path), "r");
    for (; ; ) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      parser.write(chunk.subarray(0, bytesRead));
    }
  } catch (cause) {
    parser.fail(describeReadError(cause));
  } finally {
    await file?.close();
  }
  return parser.end();
}
function describeReadError(cause) {
  const error2 = cause;
  switch (error2.code) {
    case "ENOENT":
      return "cannot read: no such file";
    case "EISDIR":
      return "cannot read: it is a directory";
    case "EACCES":
      return "cannot read: permission denied";
    default:
      return `cannot read: ${error2.message ?? String(cause)}`;
  }
}

// action/run-command.ts
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";

// action/output-tail.ts
import { StringDecoder } from "node:string_decoder";
var defaultTailLimits = Object.freeze({
  maxLines: 200,
  maxBytes: 64 * 1024,
  maxLineLength: 4096
});
var OutputTail = class {
  #limits;
  #lines = [];
  #bytes = 0;
  // Each stream keeps its own unfinished line, so interleaved chunks never splice two lines together.
  #pending = {
    stdout: { decoder: new StringDecoder("utf8"), partial: "" },
    stderr: { decoder: new StringDecoder("utf8"), partial: "" }
  };
  constructor(limits = defaultTailLimits) {
    this.#limits = limits;
  }
  write(chunk, stream) {
    const pending = this.#pending[stream];
    const text = pending.partial + pending.decoder.write(chunk);
    const parts = text.split(/\r?\n/);
    pending.partial = this.#cap(parts.pop() ?? "");
    for (const line of parts) this.#push(line);
  }
  /** Flushes unfinished lines and returns the tail, oldest line first. */
  end() {
    for (const pending of Object.values(this.#pending)) {
      const rest = pending.partial + pending.decoder.end();
      pending.partial = "";
      if (rest.length > 0) this.#push(rest);
    }
    return [...this.#lines];
  }
  #push(line) {
    const capped = this.#cap(line);
    this.#lines.push(capped);
    this.#bytes += Buffer.byteLength(capped) + 1;
    while (this.#lines.length > this.#limits.maxLines || this.#bytes > this.#limits.maxBytes) {
      const dropped = this.#lines.shift();
      if (dropped === void 0) break;
      this.#bytes -= Buffer.byteLength(dropped) + 1;
    }
  }
  #cap(line) {
    return line.length > this.#limits.maxLineLength ? line.slice(0, this.#limits.maxLineLength) : line;
  }
};

// action/run-command.ts
var CommandStartError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "CommandStartError";
  }
};
var ShellError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ShellError";
  }
};
var KNOWN_SHELLS = {
  bash: ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"],
  sh: ["sh", "-e", "-c"]
};
var SCRIPT_PLACEHOLDER = "{0}";
var PIPE_DRAIN_MS = 2e3;
var GROUP_POLL_MS = 25;
function checkShell(shell) {
  if (KNOWN_SHELLS[shell]) return;
  const words = shell.trim().split(/\s+/);
  if (words[0] === void 0 || words[0] === "" || !shell.includes(SCRIPT_PLACEHOLDER)) {
    throw new ShellError(
      `shell must be "bash", "sh" or a command template containing {0} (the script file), got ${JSON.stringify(shell)}`
    );
  }
}
async function shellArgv(options) {
  checkShell(options.shell);
  const known = KNOWN_SHELLS[options.shell];
  if (known) {
    const [file2 = "", ...args2] = known;
    return { file: file2, args: [...args2, options.command] };
  }
  const script = join3(options.scriptDir, "command");
  await writeFile(script, `${options.command}
`, { mode: 448 });
  const [file = "", ...args] = options.shell.trim().split(/\s+/).map((word) => word.replaceAll(SCRIPT_PLACEHOLDER, script));
  return { file, args };
}
async function runCommand(options) {
  const { file, args } = await shellArgv(options);
  const tail = new OutputTail();
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  });
  let timedOut = false;
  let cancelled = false;
  let stopping = null;
  const stop = () => {
    if (child.pid === void 0) return Promise.resolve();
    stopping ??= stopProcessGroup(child.pid, options.killGraceMs);
    return stopping;
  };
  const streamsClosed = Promise.all(
    ["stdout", "stderr"].map(
      (name) => new Promise((resolve7) => {
        const stream = child[name];
        stream.on("data", (chunk) => {
          tail.write(chunk, name);
          options.onOutput(chunk, name);
        });
        stream.on("close", resolve7);
        stream.on("error", () => resolve7());
      })
    )
  );
  const exited = new Promise((resolve7, reject) => {
    child.once(
      "error",
      (cause) => reject(
        new CommandStartError(`could not start ${JSON.stringify(file)} in ${options.cwd}: ${cause.message}`, {
          cause
        })
      )
    );
    child.once("exit", (code, signal) => resolve7({ code, signal }));
  });
  const timer = options.timeoutMs === null ? null : setTimeout(() => {
    timedOut = true;
    void stop();
  }, options.timeoutMs);
  const onAbort = () => {
    cancelled = true;
    void stop();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const { code, signal } = await exited;
    await stop();
    let drainTimer;
    await Promise.race([
      streamsClosed,
      new Promise((resolve7) => {
        drainTimer = setTimeout(resolve7, PIPE_DRAIN_MS);
      })
    ]);
    clearTimeout(drainTimer);
    child.stdout.destroy();
    child.stderr.destroy();
    return Object.freeze({
      exitCode: code,
      signal,
      timedOut,
      cancelled,
      outputTail: Object.freeze(tail.end()),
      pid: child.pid ?? -1
    });
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
async function stopProcessGroup(pgid, graceMs) {
  if (!signalGroup(pgid, "SIGTERM")) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await delay(GROUP_POLL_MS);
    if (!signalGroup(pgid, 0)) return;
  }
  signalGroup(pgid, "SIGKILL");
}
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (cause) {
    if (cause.code === "ESRCH") return false;
    throw cause;
  }
}
function delay(ms) {
  return new Promise((resolve7) => setTimeout(resolve7, ms));
}

// action/run-suite.ts
var DEFAULT_KILL_GRACE_MS = 5e3;
async function runSuite(options) {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const log2 = options.log ?? ((line) => process.stderr.write(`seamwatch: ${line}
`));
  const onOutput = options.onOutput ?? writeThrough;
  const started = now();
  const asideDir = options.asideDir ?? await mkdtemp(join4(tmpdir(), "seamwatch-run-"));
  await mkdir2(asideDir, { recursive: true });
  const stale = await findReports(options.junitPatterns, options.cwd, asideDir);
  if (stale.length > 0) {
    const dir = join4(asideDir, "before-run");
    const moved = await setAside(stale, options.cwd, dir);
    log2(
      `moved ${plural2(moved, "JUnit file")} left from an earlier run to ${dir}, so none is read as this run's`
    );
  }
  const attempt = async (number) => {
    if (number > 1) {
      const previous = await findReports(options.junitPatterns, options.cwd, asideDir);
      await setAside(previous, options.cwd, join4(asideDir, `attempt-${number - 1}`));
    }
    const attemptStarted = now();
    const command = await runCommand({
      command: options.command,
      shell: options.shell,
      cwd: options.cwd,
      env: { ...options.env ?? process.env, SEAMWATCH_ATTEMPT: String(number) },
      timeoutMs: options.attemptTimeoutMs,
      killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      onOutput,
      scriptDir: asideDir,
      ...options.signal ? { signal: options.signal } : {}
    });
    const durationMs = now() - attemptStarted;
    const junitFiles = [];
    for (const path of await findReports(options.junitPatterns, options.cwd, asideDir)) {
      junitFiles.push(await readJunitFile(path, { cwd: options.cwd, collectTestCases: true }));
    }
    const evidence = Object.freeze({
      exitCode: command.exitCode,
      signal: command.signal,
      timedOut: command.timedOut,
      outputTail: command.outputTail,
      junitFiles: Object.freeze(junitFiles)
    });
    const classification = classifyAttempt(evidence, options.rules);
    return { number, durationMs, evidence, classification, cancelled: command.cancelled };
  };
  const outcomes = await retry(attempt, {
    maxAttempts: options.maxAttempts,
    delayMs: options.retryDelayMs,
    isRetryable: (outcome) => !outcome.cancelled && shouldRetry(outcome, { maxAttempts: options.maxAttempts }),
    describe: describeAttempt,
    log: log2,
    sleep: options.sleep ?? ((ms) => realSleep(ms)),
    ...options.signal ? { signal: options.signal } : {}
  });
  const records = outcomes.map(
    (outcome, index) => recordAttempt({ ...outcome, retried: index < outcomes.length - 1 })
  );
  return Object.freeze({
    result: mergeAttempts(records),
    durationMs: now() - started,
    command: options.command,
    startedAt: new Date(started).toISOString(),
    cancelled: outcomes.some((outcome) => outcome.cancelled) || options.signal?.aborted === true,
    asideDir
  });
}
function checkOptions(options) {
  checkShell(options.shell);
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${options.maxAttempts}`);
  }
  const timeout = options.attemptTimeoutMs;
  if (timeout !== null && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new RangeError(
      `attemptTimeoutMs must be a positive number of milliseconds or null, got ${timeout}`
    );
  }
}
function writeThrough(chunk, stream) {
  (stream === "stdout" ? process.stdout : process.stderr).write(chunk);
}
function describeAttempt(outcome, decision) {
  const { evidence, classification } = outcome;
  const head = `attempt ${decision.attemptNumber} of ${decision.maxAttempts}`;
  const facts = `(${exitText(evidence)} after ${seconds(outcome.durationMs)}; ${junitText(evidence.junitFiles)})`;
  if (outcome.cancelled) return `${head} cancelled ${facts}`;
  switch (classification.outcome) {
    case "passed":
      return `${head} passed ${facts}`;
    case "infra-failure": {
      const next = decision.retryInMs === null ? "no attempts left" : `retrying in ${seconds(decision.retryInMs)}`;
      return `${head} failed for infrastructure: ${failureText(classification.infraFailures)} ${facts}; ${next}`;
    }
    case "test-failures": {
      const infra = classification.infraFailures.length;
      const beside = infra > 0 ? ` (and ${plural2(infra, "infrastructure failure")})` : "";
      return `${head} failed: ${plural2(classification.testFailures.length, "genuine failure")}${beside}, first ${failureText(classification.testFailures)} ${facts}; not retried: a retry could hide a real failure`;
    }
  }
}
function failureText(failures) {
  const first = failures[0];
  if (!first) return "unknown";
  const where = first.test ? `${formatSuitePath([...first.test.suitePath, first.test.name].filter((part) => part))}: ` : "";
  const line = first.evidence.line === null ? "" : ` ${JSON.stringify(first.evidence.line)}`;
  const more = failures.length > 1 ? ` (+${failures.length - 1} more)` : "";
  return `${where}[${first.evidence.rule}]${line}${more}`;
}
function exitText(evidence) {
  if (evidence.timedOut) return "timed out, process group stopped";
  if (evidence.signal) return `signal ${evidence.signal}`;
  return evidence.exitCode === null ? "no exit code" : `exit code ${evidence.exitCode}`;
}
function junitText(files) {
  if (files.length === 0) return "no JUnit file matched";
  const tests = files.reduce((sum, file) => sum + file.counts.tests, 0);
  return `${plural2(files.length, "JUnit file")}, ${plural2(tests, "test")}`;
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(ms < 1e4 ? 1 : 0)} s`;
}
function plural2(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
var RUN_REPORT_VERSION = 1;
async function writeRunReport(path, run) {
  const { result } = run;
  await mkdir2(dirname3(path), { recursive: true });
  const file = await open2(path, "w");
  try {
    const attempts = result.attempts.map(({ testCases, ...attempt }) => ({
      ...attempt,
      testCases: testCases.length
    }));
    const head = {
      version: RUN_REPORT_VERSION,
      command: run.command,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      cancelled: run.cancelled,
      outcome: result.outcome,
      totals: result.totals,
      attemptFailures: result.attemptFailures,
      attempts
    };
    await file.write(`${JSON.stringify(head).slice(0, -1)},"tests":[`);
    let piece = "";
    for (const [index, test] of result.tests.entries()) {
      piece += (index === 0 ? "" : ",") + JSON.stringify(test);
      if (piece.length > 1 << 20) {
        await file.write(piece);
        piece = "";
      }
    }
    await file.write(`${piece}]}
`);
  } finally {
    await file.close();
  }
}

// action/inputs.ts
var INPUT = {
  run: "run",
  workingDirectory: "working-directory",
  shell: "shell",
  junit: "junit",
  maxAttempts: "max-attempts",
  retryDelaySeconds: "retry-delay-seconds",
  attemptTimeoutMinutes: "attempt-timeout-minutes",
  infraPatterns: "infra-patterns",
  testPatterns: "test-patterns",
  slowTestSeconds: "slow-test-seconds",
  comment: "comment",
  commentKey: "comment-key",
  matrix: "matrix",
  githubToken: "github-token",
  failOn: "fail-on",
  images: "images",
  cacheImages: "cache-images",
  cacheKeyPrefix: "cache-key-prefix",
  cacheReadOnly: "cache-read-only",
  cacheMaxGb: "cache-max-gb"
};
var COMMENT_MODES = ["auto", "always", "off"];
var FAIL_ON = ["test-failures", "any-failure", "never"];
var DEFAULTS = {
  shell: "bash",
  junit: defaultJunitPatterns,
  maxAttempts: 3,
  slowTestSeconds: 60,
  comment: "auto",
  failOn: "test-failures",
  cacheImages: "auto",
  cacheReadOnly: false,
  cacheMaxGb: 10
};
var FIRST_RETRY_DELAY_MS = 5e3;
var MAX_RETRY_DELAY_MS = 5 * 6e4;
var InputError = class extends Error {
  inputName;
  value;
  constructor(inputName, value, problem, options) {
    super(`Input "${inputName}" ${problem}${value === "" ? "" : `, got ${JSON.stringify(value)}`}.`, options);
    this.name = "InputError";
    this.inputName = inputName;
    this.value = value;
  }
};
function getInputs(options = {}) {
  const read = options.read ?? ((name) => getInput(name));
  const env = options.env ?? process.env;
  const run = read(INPUT.run);
  if (run === "") throw new InputError(INPUT.run, "", "is required: give the command that runs the tests");
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectoryText = read(INPUT.workingDirectory);
  const workingDirectory = resolve5(workspace, workingDirectoryText || ".");
  if (!isDirectory(workingDirectory)) {
    throw new InputError(
      INPUT.workingDirectory,
      workingDirectoryText,
      `must name an existing directory (resolved to ${workingDirectory})`
    );
  }
  const shell = read(INPUT.shell) || DEFAULTS.shell;
  try {
    checkShell(shell);
  } catch (cause) {
    if (!(cause instanceof ShellError)) throw cause;
    throw new InputError(INPUT.shell, shell, 'must be "bash", "sh" or a command template with {0}', {
      cause
    });
  }
  const junitPatterns = lines(read(INPUT.junit));
  const maxAttempts = readInteger(read, INPUT.maxAttempts, DEFAULTS.maxAttempts, 1);
  const retryDelaySeconds = readNumber(read, INPUT.retryDelaySeconds, null);
  const attemptTimeoutMinutes = readNumber(read, INPUT.attemptTimeoutMinutes, null);
  if (attemptTimeoutMinutes === 0) {
    throw new InputError(
      INPUT.attemptTimeoutMinutes,
      read(INPUT.attemptTimeoutMinutes),
      "must be more than 0 (leave it empty for no timeout)"
    );
  }
  const infraPatterns = compilePatterns(INPUT.infraPatterns, read(INPUT.infraPatterns));
  const testPatterns = compilePatterns(INPUT.testPatterns, read(INPUT.testPatterns));
  const commentKeyText = read(INPUT.commentKey);
  if (/[\r\n]|-->/.test(commentKeyText)) {
    throw new InputError(INPUT.commentKey, commentKeyText, "must be one line without `-->`");
  }
  return Object.freeze({
    run,
    workingDirectory,
    shell,
    junitPatterns: Object.freeze(junitPatterns.length > 0 ? junitPatterns : [...DEFAULTS.junit]),
    maxAttempts,
    retryDelayMs: retryDelaySeconds === null ? exponentialBackoff(FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS) : () => retryDelaySeconds * 1e3,
    attemptTimeoutMs: attemptTimeoutMinutes === null ? null : Math.round(attemptTimeoutMinutes * 6e4),
    rules: buildRules({ infraPatterns, testPatterns }),
    slowTestSeconds: readNumber(read, INPUT.slowTestSeconds, DEFAULTS.slowTestSeconds),
    comment: readChoice(read, INPUT.comment, COMMENT_MODES, DEFAULTS.comment),
    commentKey: commentKeyText || deriveCommentKey({
      workflow: env.GITHUB_WORKFLOW ?? "",
      job: env.GITHUB_JOB ?? "",
      matrix: readMatrix(read)
    }),
    githubToken: read(INPUT.githubToken),
    failOn: readChoice(read, INPUT.failOn, FAIL_ON, DEFAULTS.failOn),
    imageCache: readImageCacheInputs(read)
  });
}
var IMAGE_REFERENCE = /^[a-z0-9][\w.\-/:@]*$/i;
function readImageCacheInputs(read) {
  const listed = [...new Set(lines(read(INPUT.images)))];
  for (const reference of listed) {
    if (!IMAGE_REFERENCE.test(reference)) {
      throw new InputError(INPUT.images, reference, "must list image references, one per line");
    }
  }
  const prefixText = read(INPUT.cacheKeyPrefix);
  let prefix;
  try {
    prefix = checkKeyPrefix(prefixText || defaultKeyPrefix(process));
  } catch (cause) {
    if (!(cause instanceof CacheKeyError)) throw cause;
    throw new InputError(INPUT.cacheKeyPrefix, prefixText, `cannot start a cache key (${cause.message})`, {
      cause
    });
  }
  const maxGb = readNumber(read, INPUT.cacheMaxGb, DEFAULTS.cacheMaxGb);
  if (maxGb === 0) throw new InputError(INPUT.cacheMaxGb, read(INPUT.cacheMaxGb), "must be more than 0");
  return Object.freeze({
    listed: Object.freeze(listed),
    mode: readChoice(read, INPUT.cacheImages, saveModes, DEFAULTS.cacheImages),
    prefix,
    readOnly: readBoolean(read, INPUT.cacheReadOnly, DEFAULTS.cacheReadOnly),
    maxBytes: Math.round(maxGb * 1e9)
  });
}
function readBoolean(read, name, fallback) {
  const text = read(name);
  if (text === "") return fallback;
  if (["true", "True", "TRUE"].includes(text)) return true;
  if (["false", "False", "FALSE"].includes(text)) return false;
  throw new InputError(name, text, "must be true or false");
}
var MAX_READABLE_KEY = 100;
function deriveCommentKey(context) {
  const job = [context.workflow, context.job].filter(Boolean).join(" / ") || "seamwatch";
  const values = Object.values(context.matrix ?? {});
  if (values.length === 0) return safeKey(job);
  const texts = values.map((value) => typeof value === "string" ? value : JSON.stringify(value));
  const readable = `${job} (${texts.join(", ")})`;
  if (readable.length <= MAX_READABLE_KEY && texts.every((text) => /^[\w.:/-]+$/.test(text))) {
    return safeKey(readable);
  }
  const hash = createHash("sha256").update(canonicalJson(context.matrix)).digest("hex").slice(0, 12);
  return safeKey(`${job} (matrix ${hash})`);
}
function safeKey(key) {
  return key.replace(/-->/g, "->").replace(/[\r\n]+/g, " ");
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
function readMatrix(read) {
  const text = read(INPUT.matrix);
  if (text === "" || text === "null") return null;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InputError(INPUT.matrix, text, "must be the JSON of the matrix (leave it unset)", { cause });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InputError(INPUT.matrix, text, "must be the JSON object of the matrix (leave it unset)");
  }
  return parsed;
}
function lines(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
}
var DECIMAL = /^\d+(?:\.\d+)?$/;
function readNumber(read, name, fallback) {
  const text = read(name);
  if (text === "") return fallback;
  if (!DECIMAL.test(text)) throw new InputError(name, text, "must be a number, 0 or more");
  return Number(text);
}
function readInteger(read, name, fallback, min) {
  const text = read(name);
  if (text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || !Number.isSafeInteger(value)) {
    throw new InputError(name, text, `must be a whole number, ${min} or more`);
  }
  return value;
}
function readChoice(read, name, choices, fallback) {
  const text = read(name);
  if (text === "") return fallback;
  if (!choices.includes(text)) {
    throw new InputError(name, text, `must be one of ${choices.join(", ")}`);
  }
  return text;
}
function isDirectory(path) {
  try {
    return statSync2(path).isDirectory();
  } catch {
    return false;
  }
}

// action/sticky-comment.ts
function readPullRequestContext(eventName, payload, repository) {
  const pull = payload?.pull_request;
  const [owner = "", repo = ""] = repository.split("/");
  if (!pull || typeof pull.number !== "number" || owner === "" || repo === "") {
    return { eventName, target: null, fromFork: false };
  }
  const baseName = pull.base?.repo?.full_name ?? repository;
  const headName = pull.head?.repo?.full_name;
  const fromFork = eventName === "pull_request" && (headName === void 0 || headName === null || headName !== baseName);
  return { eventName, target: { owner, repo, issueNumber: pull.number }, fromFork };
}
var FORK_NOTICE = "No pull request comment: this pull request comes from a fork, whose token cannot write comments. The report is below.";
var NOT_PERMITTED_NOTICE = "No pull request comment: the token may not write comments (give the job the pull-requests: write permission). The report is below.";
function planComment(mode, context, token) {
  if (mode === "off") return { write: false, notice: null };
  if (context.target === null) {
    return {
      write: false,
      notice: mode === "always" ? `No pull request comment: the ${context.eventName} event is not about a pull request.` : null
    };
  }
  if (mode === "auto" && context.fromFork) return { write: false, notice: FORK_NOTICE };
  if (token === "") {
    return { write: false, notice: "No pull request comment: the github-token input is empty." };
  }
  return { write: true, target: context.target };
}
async function upsertStickyComment(octokit, target, marker, body) {
  const ours = await findStickyComment(octokit, target, marker);
  if (ours) {
    const { data: data2 } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: ours.id,
      body
    });
    return { action: "updated", id: data2.id, url: data2.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body
  });
  return { action: "created", id: data.id, url: data.html_url };
}
async function findStickyComment(octokit, target, marker) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => carriesMarker(comment.body, marker));
    if (found) return { id: found.id };
  }
  return void 0;
}
function carriesMarker(body, marker) {
  if (!body?.includes(marker)) return false;
  return body.split(/\r?\n/).some((line) => line.trim() === marker);
}
function isNotPermitted(error2) {
  const failure = error2;
  return failure?.status === 403 && typeof failure.message === "string" && failure.message.includes("Resource not accessible by integration");
}

// action/main.ts
var MAX_ANNOTATIONS = 10;
async function runMain(env = process.env) {
  let inputs;
  try {
    inputs = getInputs({ env });
  } catch (error2) {
    if (error2 instanceof InputError || error2 instanceof PatternError) {
      setFailed(error2.message);
      return;
    }
    throw error2;
  }
  try {
    await restoreImageCache({
      inputs: inputs.imageCache,
      env,
      dockerEnv: withoutInputs(env),
      rules: inputs.rules
    });
  } catch (error2) {
    warning(`Docker images not restored: ${messageOf(error2)}`);
  }
  const reportPath = reportPathFor(env);
  const cancel = new AbortController();
  const onSignal = () => cancel.abort();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let suite;
  try {
    suite = await runSuite({
      command: inputs.run,
      shell: inputs.shell,
      cwd: inputs.workingDirectory,
      junitPatterns: inputs.junitPatterns,
      maxAttempts: inputs.maxAttempts,
      retryDelayMs: inputs.retryDelayMs,
      attemptTimeoutMs: inputs.attemptTimeoutMs,
      rules: inputs.rules,
      // A `run:` step does not see the action's inputs, and the token must not reach the tests.
      env: withoutInputs(env),
      log: (line) => info(`seamwatch: ${line}`),
      signal: cancel.signal,
      asideDir: reportPath.replace(/\.json$/, "-aside")
    });
  } catch (error2) {
    if (error2 instanceof CommandStartError) {
      setFailed(error2.message);
      return;
    }
    throw error2;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
  const { result: run, durationMs } = suite;
  if (suite.cancelled) warning("The run was cancelled: the report covers the attempts made until then.");
  try {
    await writeRunReport(reportPath, suite);
  } catch (error2) {
    warning(`Could not write the JSON report to ${reportPath}: ${messageOf(error2)}`);
  }
  saveState(STATE.outcome, run.outcome);
  saveState(STATE.reportPath, reportPath);
  setOutputs(outputValues(run, { durationMs, reportPath }));
  const shown = withRepositoryPaths(run, {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    cwd: inputs.workingDirectory
  });
  annotate(shown);
  const notice2 = await publishComment(shown, inputs, env);
  await writeJobSummary(shown, inputs, notice2);
  const failure = failureFor(run, inputs.failOn);
  if (failure) setFailed(failure);
}
function withRepositoryPaths(run, paths) {
  const file = (path) => path === null ? null : repositoryPath(path, paths);
  const failure = (value) => value === null ? value : { ...value, file: file(value.file) };
  return {
    ...run,
    tests: run.tests.map((test) => ({
      ...test,
      file: file(test.file),
      failure: failure(test.failure),
      attempts: test.attempts.map((attempt) => ({ ...attempt, failure: failure(attempt.failure) }))
    }))
  };
}
function annotate(run) {
  for (const annotation of annotationsFor(run, { max: MAX_ANNOTATIONS })) {
    const properties = {};
    if (annotation.title) properties.title = annotation.title;
    if (annotation.file) properties.file = annotation.file;
    if (annotation.line) properties.startLine = annotation.line;
    const emit = annotation.level === "error" ? error : annotation.level === "warning" ? warning : notice;
    emit(annotation.message, properties);
  }
}
var COMMENT_ATTEMPTS = 3;
var COMMENT_RETRY_DELAY_MS = 1e3;
function describeCommentAttempt(attempt, decision) {
  if ("comment" in attempt) return `Pull request comment ${attempt.comment.action}: ${attempt.comment.url}`;
  const next = decision.retryInMs === null ? "" : `; retrying in ${(decision.retryInMs / 1e3).toFixed(0)} s`;
  return `Pull request comment, attempt ${decision.attemptNumber} of ${decision.maxAttempts}: ${messageOf(attempt.error)}${next}`;
}
function isServerError(error2) {
  const status = error2?.status;
  return typeof status === "number" && status >= 500;
}
function repositoryPath(file, paths) {
  const absolute = resolve6(paths.cwd, file.startsWith("file://") ? fileURLToPath2(file) : file);
  const inside = relative2(paths.workspace, absolute);
  return inside.startsWith("..") || isAbsolute4(inside) ? file : inside.split(sep3).join("/");
}
async function publishComment(run, inputs, env) {
  const context = readPullRequestContext(
    env.GITHUB_EVENT_NAME ?? "",
    readEventPayload(env.GITHUB_EVENT_PATH),
    env.GITHUB_REPOSITORY ?? ""
  );
  const plan = planComment(inputs.comment, context, inputs.githubToken);
  if (!plan.write) {
    if (plan.notice) info(plan.notice);
    return plan.notice;
  }
  try {
    const body = renderRunReport(run, {
      target: "comment",
      title: reportTitle(inputs),
      slowTestSeconds: inputs.slowTestSeconds,
      commentKey: inputs.commentKey
    });
    const { getOctokit } = await import("./chunks/github-FTC7GQF4.js");
    const octokit = getOctokit(inputs.githubToken, {
      baseUrl: env.GITHUB_API_URL || "https://api.github.com"
    });
    const marker = commentMarker(inputs.commentKey);
    const attempts = await retry(
      async () => {
        try {
          return { comment: await upsertStickyComment(octokit, plan.target, marker, body) };
        } catch (error2) {
          return { error: error2 };
        }
      },
      {
        maxAttempts: COMMENT_ATTEMPTS,
        delayMs: exponentialBackoff(COMMENT_RETRY_DELAY_MS),
        // The marker makes a repeat safe: a create that failed late is found and updated next time.
        isRetryable: (attempt) => "error" in attempt && isServerError(attempt.error),
        describe: describeCommentAttempt,
        log: (line) => info(line),
        sleep: (ms) => new Promise((resolve7) => setTimeout(resolve7, ms))
      }
    );
    const last = attempts.at(-1);
    if (last && "error" in last) throw last.error;
    return null;
  } catch (error2) {
    if (isNotPermitted(error2)) {
      const notice2 = context.fromFork ? FORK_NOTICE : NOT_PERMITTED_NOTICE;
      info(notice2);
      return notice2;
    }
    warning(`Could not write the pull request comment: ${messageOf(error2)}`);
    return "No pull request comment: writing it failed (see the step's warnings). The report is below.";
  }
}
async function writeJobSummary(run, inputs, notice2) {
  try {
    const markdown = renderRunReport(run, {
      target: "summary",
      title: reportTitle(inputs),
      slowTestSeconds: inputs.slowTestSeconds,
      commentKey: inputs.commentKey,
      notice: notice2
    });
    await summary.addRaw(markdown, true).write();
  } catch (error2) {
    warning(`Could not write the job summary: ${messageOf(error2)}`);
  }
}
function reportTitle(inputs) {
  return `seamwatch: ${inputs.commentKey}`;
}
function failureFor(run, failOn) {
  if (failOn === "never") return null;
  const { totals } = run;
  if (run.outcome === "test-failures") {
    return `${plural3(totals.failed, "test")} failed${totals.failed === 0 ? " (the command failed)" : ""}.`;
  }
  if (run.outcome === "infra-failure") {
    return `Infrastructure failed on every one of ${plural3(run.attempts.length, "attempt")}: the tests did not run to the end.`;
  }
  if (failOn === "any-failure") {
    if (totals.flaky > 0) return `${plural3(totals.flaky, "flaky test")} (fail-on: any-failure).`;
    const retried = run.attempts.filter((attempt) => attempt.retried).length;
    if (retried > 0) {
      return `The suite passed only after ${plural3(retried, "infrastructure retry", "infrastructure retries")} (fail-on: any-failure).`;
    }
  }
  return null;
}
function withoutInputs(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_")));
}
function plural3(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
function readEventPayload(path) {
  if (!path) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error2) {
    warning(`Could not read the workflow event at ${path}: ${messageOf(error2)}`);
    return null;
  }
}

// action/post.ts
async function runPost(env = process.env) {
  try {
    await saveImageCache(env);
  } catch (error2) {
    warning(`Docker images not saved: ${messageOf(error2)}`);
  }
  const outcome = getState(STATE.outcome);
  if (outcome === "") {
    info("seamwatch: the main step did not run the suite; nothing to do after the job.");
    return;
  }
  info(
    `seamwatch: the suite finished with outcome ${outcome}; report: ${getState(STATE.reportPath)}`
  );
}

// action/index.ts
var isPost = getState(STATE.isPost) === "true";
if (!isPost) saveState(STATE.isPost, "true");
(isPost ? runPost() : runMain()).then(
  // Exit explicitly: keep-alive sockets of the API client must not hold the step open.
  () => process.exit(),
  (error2) => {
    if (!isPost) setFailed(`seamwatch failed unexpectedly: ${error2?.stack ?? String(error2)}`);
    else warning(`seamwatch post step: ${error2?.message ?? String(error2)}`);
    process.exit();
  }
);
