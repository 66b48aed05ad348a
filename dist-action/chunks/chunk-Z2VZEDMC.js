import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  debug,
  getInput,
  getState,
  info,
  saveState,
  setOutput,
  summary,
  warning
} from "./chunk-Z54VKEA3.js";
import {
  __commonJS,
  __toESM
} from "./chunk-HANBNIMK.js";

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
      let finished2 = false;
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
              finished2 = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished2 = true;
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
                finished2 = true;
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
          if (finished2 === true) continue;
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
            finished2 = true;
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
                  finished2 = true;
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
          finished2 = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished2 = true;
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
              finished2 = true;
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
                finished2 = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished2 = true;
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
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
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
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
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

// process/errors.ts
function messageOf(cause) {
  return cause instanceof Error ? cause.message : String(cause);
}

// action/outputs.ts
import { tmpdir } from "node:os";
import { join } from "node:path";
var OUTPUT = {
  outcome: "outcome",
  attempts: "attempts",
  infraRetries: "infra-retries",
  tests: "tests",
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  flaky: "flaky",
  durationMs: "duration-ms",
  reportPath: "report-path",
  imagesRestored: "images-restored",
  imageCacheHit: "image-cache-hit"
};
var SAVE_STEP_OUTPUT = {
  imagesSaved: "images-saved"
};
var STATE = {
  /** Set as soon as the main step starts: the same bundle runs as post when it is there. */
  isPost: "isPost",
  outcome: "outcome",
  reportPath: "reportPath",
  /** The image cache's settings and what the restore did, as JSON (`ImageCacheHandover`). */
  imageCache: "imageCache"
};
function outputValues(run, details) {
  return {
    [OUTPUT.outcome]: run.outcome,
    [OUTPUT.attempts]: String(run.attempts.length),
    [OUTPUT.infraRetries]: String(run.attempts.filter((attempt) => attempt.retried).length),
    [OUTPUT.tests]: String(run.totals.tests),
    [OUTPUT.passed]: String(run.totals.passed),
    [OUTPUT.failed]: String(run.totals.failed),
    [OUTPUT.skipped]: String(run.totals.skipped),
    [OUTPUT.flaky]: String(run.totals.flaky),
    [OUTPUT.durationMs]: String(Math.round(details.durationMs)),
    [OUTPUT.reportPath]: details.reportPath
  };
}
function setOutputs(values) {
  for (const [name, value] of Object.entries(values)) setOutput(name, value);
}
function reportPathFor(env) {
  const step = (env.GITHUB_ACTION || "seamwatch").replace(/[^\w.-]+/g, "_");
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch", `${step}.json`);
}

// action/image-cache.ts
import { randomUUID } from "node:crypto";

// core/images/keys.ts
import { createHash } from "node:crypto";
var MAX_KEY_LENGTH = 512;
var ID_DIGITS = 16;
var REFERENCE_HASH_DIGITS = 8;
var MAX_PREFIX_LENGTH = 200;
var CacheKeyError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "CacheKeyError";
  }
};
function defaultKeyPrefix({ platform, arch }) {
  return `seamwatch-images-${platform}-${arch}`;
}
function checkKeyPrefix(prefix) {
  if (prefix.length === 0) throw new CacheKeyError("the cache key prefix is empty");
  if (prefix.includes(",")) throw new CacheKeyError(`the cache key prefix contains a comma: "${prefix}"`);
  if (prefix.length > MAX_PREFIX_LENGTH) {
    throw new CacheKeyError(
      `the cache key prefix is ${prefix.length} characters long, at most ${MAX_PREFIX_LENGTH} allowed`
    );
  }
  return prefix;
}
function imageCacheKey({
  prefix,
  reference,
  imageId: imageId2
}) {
  checkKeyPrefix(prefix);
  if (reference.length === 0) throw new CacheKeyError("an image reference is empty");
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/.exec(imageId2)?.[1];
  if (!hex) throw new CacheKeyError(`"${imageId2}" is not an image ID (sha256:<64 hex digits>)`);
  const referenceHash = sha256(reference).slice(0, REFERENCE_HASH_DIGITS);
  const tail = `-${referenceHash}-${hex.slice(0, ID_DIGITS)}`;
  const head = `${prefix}-img-`;
  const readable = sanitise(reference).slice(0, MAX_KEY_LENGTH - head.length - tail.length);
  return `${head}${readable}${tail}`;
}
function indexKey(prefix) {
  return `${checkKeyPrefix(prefix)}-index-`;
}
function indexEntryKey(prefix, contentDigest) {
  return `${indexKey(prefix)}${contentDigest.slice(0, ID_DIGITS)}`;
}
function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}
function sanitise(reference) {
  return reference.toLowerCase().replace(/[^a-z0-9._]+/g, "-").replace(/^-+|-+$/g, "");
}

// core/images/model.ts
var IMAGE_INDEX_VERSION = 1;
var saveModes = ["auto", "listed", "off"];
function parseImageIndex(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== IMAGE_INDEX_VERSION) return null;
  const images2 = readList(value.images, readIndexedImage);
  return images2 && { version: IMAGE_INDEX_VERSION, images: images2 };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readList(value, readItem) {
  if (!Array.isArray(value)) return null;
  const items = [];
  for (const item of value) {
    const read = readItem(item);
    if (read === null) return null;
    items.push(read);
  }
  return items;
}
function readLocalImage(value) {
  if (!isRecord(value)) return null;
  const { reference, id, sizeBytes } = value;
  if (typeof reference !== "string" || typeof id !== "string" || typeof sizeBytes !== "number") return null;
  return { reference, id, sizeBytes };
}
function readIndexedImage(value) {
  const image = readLocalImage(value);
  if (!image || !isRecord(value) || typeof value.key !== "string") return null;
  const { key, pullSeconds } = value;
  if (pullSeconds !== void 0 && typeof pullSeconds !== "number") return null;
  return { ...image, key, ...pullSeconds === void 0 ? {} : { pullSeconds } };
}
function formatBytes(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

// core/images/plan.ts
function planRestore({
  listed,
  indexed,
  local
}) {
  const localIds = new Map(local.map((image) => [image.reference, image.id]));
  const byReference = new Map(indexed.map((image) => [image.reference, image]));
  const references = unique([...listed, ...indexed.map((image) => image.reference)]);
  const restore = [];
  const present = [];
  const unknown = [];
  for (const reference of references) {
    const cached = byReference.get(reference);
    const localId = localIds.get(reference);
    if (cached) {
      if (localId === cached.id) present.push(reference);
      else restore.push(cached);
    } else if (localId !== void 0) {
      present.push(reference);
    } else {
      unknown.push(reference);
    }
  }
  return { restore, present, unknown };
}
function planSave(facts) {
  if (facts.mode === "off") return { save: [], skipped: [], notices: [], index: null };
  const afterByReference = new Map(facts.after.map((image) => [image.reference, image]));
  const skipped = [];
  for (const reference of unique(facts.listed)) {
    if (isPinnedByDigest(reference)) {
      skipped.push({
        reference,
        image: null,
        reason: "pinned-by-digest",
        message: `${reference} is pinned by digest, which \`docker load\` cannot restore: it is pulled each job, not cached`
      });
    } else if (!afterByReference.has(reference)) {
      skipped.push({
        reference,
        image: null,
        reason: "not-present",
        message: `${reference} is listed but not in the Docker engine at the end of the job`
      });
    }
  }
  const candidates = candidateImages(facts, afterByReference).map((image) => {
    const pullSeconds = pullSecondsOf(image, facts);
    return {
      ...image,
      key: imageCacheKey({ ...image, prefix: facts.prefix, imageId: image.id }),
      ...pullSeconds === void 0 ? {} : { pullSeconds }
    };
  });
  const restoredIds = new Map(facts.restored.map((image) => [image.reference, image.id]));
  const existing = new Set(facts.existingKeys);
  const cached = [];
  const toSave = [];
  for (const image of candidates) {
    if (restoredIds.get(image.reference) === image.id) {
      cached.push(image);
      skipped.push(skip(image, "unchanged", `${image.reference} is unchanged since it was restored`));
    } else if (existing.has(image.key)) {
      cached.push(image);
      skipped.push(skip(image, "key-exists", `${image.reference} is already cached as ${image.key}`));
    } else if (facts.readOnly) {
      skipped.push(skip(image, "read-only", `${image.reference} not saved: the cache is read-only here`));
    } else {
      toSave.push(image);
    }
  }
  if (facts.readOnly) return { save: [], skipped, notices: [], index: null };
  const { kept, dropped, notice } = fitUnderCap([...cached, ...toSave], facts.maxBytes);
  const droppedKeys = new Set(dropped.map((image) => image.key));
  const decided = skipped.filter((entry) => !(entry.image && droppedKeys.has(entry.image.key)));
  for (const image of dropped) {
    decided.push(
      skip(
        image,
        "over-size-cap",
        `${image.reference} (${formatBytes(image.sizeBytes)}) is over the size cap`
      )
    );
  }
  const keptKeys = new Set(kept.map((image) => image.key));
  const save = toSave.filter((image) => keptKeys.has(image.key));
  const index = planIndex(facts.prefix, kept, existing);
  return { save, skipped: decided, notices: notice ? [notice] : [], index };
}
function planIndex(prefix, images2, existingKeys = /* @__PURE__ */ new Set()) {
  const sorted = [...images2].map(({ reference, id, key: key2, sizeBytes, pullSeconds }) => ({
    reference,
    id,
    key: key2,
    sizeBytes,
    ...pullSeconds === void 0 ? {} : { pullSeconds }
  })).sort((a, b) => a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
  const index = { version: IMAGE_INDEX_VERSION, images: sorted };
  const key = indexEntryKey(prefix, sha256(JSON.stringify(index)));
  return { key, index, exists: existingKeys.has(key) };
}
function pullSecondsOf(image, facts) {
  const pulled = facts.pulled.find((entry) => entry.reference === image.reference);
  if (pulled) return pulled.seconds;
  return facts.indexed.find((entry) => entry.reference === image.reference && entry.id === image.id)?.pullSeconds;
}
function candidateImages(facts, after) {
  const listed = new Set(facts.listed);
  if (facts.mode === "listed") return facts.after.filter((image) => listed.has(image.reference));
  const beforeIds = new Map(facts.before.map((image) => [image.reference, image.id]));
  const indexedIds = new Map(facts.indexed.map((image) => [image.reference, image.id]));
  return [...after.values()].filter(
    (image) => listed.has(image.reference) || beforeIds.get(image.reference) !== image.id || indexedIds.get(image.reference) === image.id
  );
}
function fitUnderCap(images2, maxBytes) {
  const total = images2.reduce((sum, image) => sum + image.sizeBytes, 0);
  if (maxBytes === null || total <= maxBytes) return { kept: [...images2], dropped: [], notice: null };
  const bySize = [...images2].sort(
    (a, b) => b.sizeBytes - a.sizeBytes || (a.reference < b.reference ? -1 : 1)
  );
  const dropped = [];
  let remaining = total;
  for (const image of bySize) {
    if (remaining <= maxBytes) break;
    dropped.push(image);
    remaining -= image.sizeBytes;
  }
  const droppedKeys = new Set(dropped.map((image) => image.key));
  const notice = `The images to cache come to ${formatBytes(total)}, over cache-max-gb (${formatBytes(maxBytes)}): not caching the largest, ${dropped.map((image) => `${image.reference} (${formatBytes(image.sizeBytes)})`).join(", ")}.`;
  return { kept: images2.filter((image) => !droppedKeys.has(image.key)), dropped, notice };
}
function skip(image, reason, message) {
  return { reference: image.reference, image, reason, message };
}
function isPinnedByDigest(reference) {
  return reference.includes("@");
}
function unique(values) {
  return [...new Set(values)];
}

// core/images/results.ts
var emptyImageCacheState = {
  before: [],
  indexed: [],
  restored: [],
  pulled: [],
  existingKeys: []
};
function cacheHit(images2) {
  const hits = images2.filter((image) => image.result === "loaded").length;
  const misses = images2.filter((image) => image.result === "pulled" || image.result === "missing").length;
  if (hits === 0) return "false";
  return misses === 0 ? "true" : "partial";
}
var isString = (value) => typeof value === "string";
var isNumber = (value) => typeof value === "number" && Number.isFinite(value);
var isKey = (value) => value === null || isString(value);
function readPulledImage(value) {
  if (!isRecord(value) || !isString(value.reference) || !isNumber(value.seconds)) return null;
  return { reference: value.reference, seconds: value.seconds };
}
function readImageCacheState(value) {
  if (!isRecord(value)) return null;
  const before = readList(value.before, readLocalImage);
  const indexed = readList(value.indexed, readIndexedImage);
  const restored = readList(value.restored, readIndexedImage);
  const pulled = readList(value.pulled, readPulledImage);
  const existingKeys = readList(value.existingKeys, (key) => isString(key) ? key : null);
  if (!before || !indexed || !restored || !pulled || !existingKeys) return null;
  return { before, indexed, restored, pulled, existingKeys };
}
function readImageRestore(value) {
  if (!isRecord(value) || !isString(value.reference) || !isNumber(value.seconds)) return null;
  const { reference, seconds: seconds2 } = value;
  switch (value.result) {
    case "loaded":
      if (!isString(value.key) || !isNumber(value.bytes) || !isNumber(value.restoreSeconds)) return null;
      if (value.pullSeconds !== null && !isNumber(value.pullSeconds)) return null;
      return {
        result: "loaded",
        reference,
        key: value.key,
        bytes: value.bytes,
        seconds: seconds2,
        restoreSeconds: value.restoreSeconds,
        pullSeconds: value.pullSeconds
      };
    case "pulled":
      if (!isKey(value.key) || !isNumber(value.pullSeconds)) return null;
      return { result: "pulled", reference, key: value.key, seconds: seconds2, pullSeconds: value.pullSeconds };
    case "missing":
      return isKey(value.key) ? { result: "missing", reference, key: value.key, seconds: seconds2 } : null;
    case "present":
      return isKey(value.key) ? { result: "present", reference, key: value.key, seconds: 0 } : null;
    default:
      return null;
  }
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

// core/junit/model.ts
var emptyCounts = Object.freeze({
  tests: 0,
  passed: 0,
  failed: 0,
  errored: 0,
  skipped: 0,
  flaky: 0,
  durationMs: 0
});
function addCounts(a, b) {
  return Object.freeze({
    tests: a.tests + b.tests,
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    errored: a.errored + b.errored,
    skipped: a.skipped + b.skipped,
    flaky: a.flaky + b.flaky,
    durationMs: a.durationMs + b.durationMs
  });
}
function testCasesOf(file) {
  return file.suites.flatMap((suite) => suite.testCases);
}
function formatSuitePath(path) {
  return path.join(" \u203A ");
}

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
  scan(final) {
    const buf = this.buffer;
    const length = buf.length;
    let i = this.position;
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
      const raw = decodeUtf8(buf, i + 1, close);
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
  detect: ({ suiteProperties }) => suiteProperties.some((p) => p.name === "go.version")
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
  detect: ({ rootName, rootAttributes, suiteProperties }) => rootName === "testsuite" && rootAttributes.hostname !== void 0 && rootAttributes.skipped !== void 0 && rootAttributes.timestamp !== void 0 && suiteProperties.length === 0
};

// core/junit/dialects/jest.ts
var jest = {
  name: "jest",
  detect: ({ rootAttributes }) => /^jest tests$/i.test(rootAttributes.name ?? "")
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
  }
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
  detect: ({ rootAttributes, suiteAttributes, suiteProperties }) => SCHEMA.test(rootAttributes["xsi:noNamespaceSchemaLocation"] ?? "") || SCHEMA.test(suiteAttributes["xsi:noNamespaceSchemaLocation"] ?? "") || suiteProperties.some((p) => p.name.startsWith("surefire.") || p.name === "maven.home")
};

// core/junit/dialects/vitest.ts
var vitest = {
  name: "vitest",
  detect: ({ rootAttributes, suiteAttributes, testCaseAttributes }) => /^vitest tests$/i.test(rootAttributes.name ?? "") || rootAttributes.id === void 0 && suiteAttributes.hostname !== void 0 && suiteAttributes.name !== void 0 && suiteAttributes.name === testCaseAttributes.classname && /\.[cm]?[jt]sx?$/.test(suiteAttributes.name),
  testFile: ({ attributes }) => attributes.file ?? attributes.classname ?? null
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
function outcomeOf(attempts, decisive) {
  let passed = false;
  let firstFailure;
  for (const attempt of attempts) {
    if (attempt.status === "passed") passed = true;
    else if (!firstFailure && (attempt.status === "failed" || attempt.status === "errored"))
      firstFailure = attempt;
  }
  if (passed && firstFailure) return { status: "passed", flaky: true, failure: firstFailure.failure };
  return {
    status: decisive.status,
    flaky: false,
    failure: decisive.status === "skipped" ? null : decisive.failure
  };
}
var PASSED = 1;
var FAILED = 2;
var STATUS_CODES = ["passed", "failed", "errored", "skipped"];
function bitsOf(attempts, decisive) {
  let bits = STATUS_CODES.indexOf(decisive) << 2;
  for (const attempt of attempts) {
    if (attempt.status === "passed") bits |= PASSED;
    else if (attempt.status === "failed" || attempt.status === "errored") bits |= FAILED;
  }
  return bits;
}
function combineBits(earlier, later) {
  return (earlier | later) & (PASSED | FAILED) | later & 12;
}
function statusOfBits(bits) {
  const flaky = (bits & (PASSED | FAILED)) === (PASSED | FAILED);
  return { status: flaky ? "passed" : STATUS_CODES[bits >> 2 & 3], flaky };
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
    const bits = bitsOf(attempts, merged.decisive.status);
    this.countBits(
      merged.hash,
      bits,
      attempts.length === 1 ? merged.decisive.durationMs : sumDurations(attempts)
    );
  }
  /** One test case element, counted without building it (see JunitParser's counting mode). */
  countOne(hash, decisive, passed, failed, durationMs) {
    const bits = STATUS_CODES.indexOf(decisive) << 2 | (passed ? PASSED : 0) | (failed ? FAILED : 0);
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
    const combined = combineBits(earlier, bits);
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
  const decisive = later.flaky ? { status: "passed", flaky: false, failure: null } : { status: later.status, flaky: false, failure: later.failure };
  return {
    ...earlier,
    ...outcomeOf(attempts, decisive),
    durationMs: Math.round((earlier.durationMs + later.durationMs) * 1e3) / 1e3,
    attempts,
    properties: [...earlier.properties, ...later.properties],
    systemOut: later.systemOut ?? earlier.systemOut,
    systemErr: later.systemErr ?? earlier.systemErr
  };
}
function sumDurations(attempts) {
  let total = 0;
  for (const attempt of attempts) total += attempt.durationMs;
  return roundMs(total);
}
function finishTestCase(merged) {
  const attempts = merged.attempts;
  const only = attempts.length === 1 ? merged.decisive : null;
  const outcome = only ? { status: only.status, flaky: false, failure: only.failure } : outcomeOf(attempts, { status: merged.decisive.status, flaky: false, failure: merged.decisive.failure });
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
    systemErr: merged.systemErr
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
  stop(error) {
    this.error = Object.freeze(error);
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
      if (!test) this.openTestCase(attributes);
    } else if (test && RESULT_ELEMENTS.has(name) && !this.result) {
      const kind = test.result && name !== "skipped" ? name === "error" ? "rerunError" : "rerunFailure" : name;
      this.result = { kind, attributes, details: this.newCapture() };
      this.resultDepth = this.depth;
      if (!test.result) test.result = this.result;
      else if (kind !== name) test.extras.push(this.result);
      this.startCapture(this.result.details, selfClosing);
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
      if (name === "testcase" && this.testCase && this.depth === this.testCaseDepth) {
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
  openTestCase(attributes) {
    if (this.suiteStack.length === 0) {
      this.openSuite({});
      this.suiteDepths[this.suiteDepths.length - 1] = this.depth - 1;
    }
    const suite = this.suiteStack[this.suiteStack.length - 1];
    this.testCase = {
      attributes,
      suite,
      properties: [],
      result: null,
      extras: [],
      systemOut: null,
      systemErr: null
    };
    this.testCaseDepth = this.depth;
    this.resultDepth = -1;
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
    const { attempts, decisive } = this.attemptsOf(draft, dialect, context, file, classname);
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
      existing.decisive = decisive;
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
      decisive,
      properties: draft.properties,
      systemOut: draft.systemOut?.finish() ?? null,
      systemErr: draft.systemErr?.finish() ?? null
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
    const elementStatus = draft.result ? statusOfKind(draft.result.kind) : "passed";
    const decisive = dialect.status?.(context, elementStatus) ?? elementStatus;
    let passed = decisive === "passed";
    let failed = decisive === "failed" || decisive === "errored";
    let durationMs = parseSecondsToMs(draft.attributes.time);
    for (const extra of draft.extras) {
      const status = statusOfKind(extra.kind);
      passed ||= status === "passed";
      failed ||= status === "failed" || status === "errored";
      durationMs += parseSecondsToMs(extra.attributes.time);
    }
    this.collector.countOne(hash, decisive, passed, failed, durationMs);
  }
  /** Counting needs no failure details: only the statuses of the attempts. */
  failureOf(result, dialect, context, file, classname) {
    return this.collect ? buildFailure(result, dialect, context, file, classname) : null;
  }
  /** One element's results as attempts: flaky re-runs before the final result, failing re-runs after it. */
  attemptsOf(draft, dialect, context, file, classname) {
    const elementStatus = draft.result ? statusOfKind(draft.result.kind) : "passed";
    const status = dialect.status?.(context, elementStatus) ?? elementStatus;
    const durationMs = parseSecondsToMs(draft.attributes.time);
    const failure = draft.result && (status === "failed" || status === "errored") ? this.failureOf(draft.result, dialect, context, file, classname) : null;
    const final = { status, durationMs, failure };
    if (draft.extras.length === 0) return { attempts: [final], decisive: final };
    const before = [];
    const after = [];
    for (const extra of draft.extras) {
      const attempt = {
        status: statusOfKind(extra.kind),
        durationMs: parseSecondsToMs(extra.attributes.time),
        failure: this.failureOf(extra, dialect, context, file, classname)
      };
      (extra.kind.startsWith("flaky") ? before : after).push(attempt);
    }
    return { attempts: [...before, final, ...after], decisive: final };
  }
};
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
function buildFailure(result, dialect, context, testFile, classname) {
  const details = result.details.finish();
  const message = result.attributes.message?.trim() || firstLine(details);
  const type = result.attributes.type?.trim() || null;
  const text = { type, message, details };
  const located = locateFailure(details ?? message, { testFile, classname });
  const phase = dialect.failurePhase?.(text, context) ?? genericPhase(message);
  return {
    type,
    message,
    details,
    file: located?.file ?? null,
    line: located?.line ?? null,
    phase
  };
}
function genericPhase(message) {
  if (!message) return null;
  for (const [pattern, phase] of GENERIC_HOOK_PHASE) if (pattern.test(message)) return phase;
  return null;
}
function firstLine(text) {
  if (!text) return null;
  for (const line of text.split("\n", 20)) {
    const trimmed = line.trim();
    if (trimmed.length > 0) return trimmed.length > 1e3 ? `${trimmed.slice(0, 1e3)}\u2026` : trimmed;
  }
  return null;
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
  const message = firstLine2(failure.message) ?? firstLine2(failure.details);
  const type = failure.type?.trim() || null;
  if (!message) return type;
  return type && !message.startsWith(type) ? `${type}: ${message}` : message;
}
function firstLine2(text) {
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
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const seconds2 = ms / 1e3;
  if (seconds2 < 60) return `${seconds2.toFixed(seconds2 < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds2 / 60);
  return `${minutes} min ${Math.round(seconds2 - minutes * 60)} s`;
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
    const details = detailsAfter(test.failure?.details ?? null, headline);
    if (details) lines2.push(details);
  }
  return {
    level,
    title: truncateText(`${label}: ${testTitle(test)}`, TITLE_CAP),
    message: truncateText(lines2.join("\n") || label, MESSAGE_CAP),
    ...location ? { file: location.file } : {},
    ...location?.line ? { line: location.line } : {}
  };
}
function detailsAfter(details, headline) {
  if (!details) return null;
  const start = details.trimStart();
  const after = headline && start.startsWith(headline) ? start.slice(headline.length) : null;
  const rest = after !== null && /^[ \t]*(\r\n|\r|\n|$)/.test(after) ? after.replace(/^[ \t]*(\r\n|\r|\n)?/, "") : details;
  const shown = rest.split(/\r\n|\r|\n/).slice(0, DETAIL_LINES).join("\n").trimEnd();
  return shown === "" ? null : shown;
}

// core/report/images-section.ts
var SKIP_TEXT = {
  unchanged: "unchanged",
  "key-exists": "already cached",
  "read-only": "read-only",
  "over-size-cap": "over cache-max-gb",
  "not-present": "not in Docker",
  "pinned-by-digest": "pinned by digest (docker load cannot restore a digest)"
};
function renderImagesSection(restores, saves, times) {
  const saveOf = new Map((saves ?? []).map((image) => [image.reference, image]));
  const references = [.../* @__PURE__ */ new Set([...restores.map((image) => image.reference), ...saveOf.keys()])];
  const lines2 = ["### Images", ""];
  if (references.length === 0) {
    lines2.push("No images to restore or save.", "");
    return lines2.join("\n");
  }
  lines2.push("| image | start of job | size | time | end of job |", "| --- | --- | --- | --- | --- |");
  const restoreOf = new Map(restores.map((image) => [image.reference, image]));
  for (const reference of references) {
    const restore = restoreOf.get(reference);
    const save = saveOf.get(reference);
    const bytes = restore?.result === "loaded" ? restore.bytes : save && "bytes" in save ? save.bytes : null;
    const time = [
      ...restore && restore.result !== "present" ? [seconds(restore.seconds)] : [],
      ...save && save.result !== "skipped" ? [`save ${seconds(save.seconds)}`] : []
    ].join(", ");
    lines2.push(
      `| \`${reference.replace(/[`|]/g, "")}\` | ${restore ? restoreText(restore) : "not restored"} | ${bytes === null ? "" : formatBytes(bytes)} | ${time} | ${save ? saveText(save) : saves ? "" : "not saved"} |`
    );
  }
  lines2.push("", timeLine(restores, saves, times), "");
  return lines2.join("\n");
}
function describeRestore(image) {
  const size = image.result === "loaded" ? `, ${formatBytes(image.bytes)}` : "";
  return `${image.reference}: ${restoreText(image)}${size}, ${seconds(image.seconds)}`;
}
function restoreText(image) {
  switch (image.result) {
    case "loaded":
      return "cache hit";
    case "present":
      return "already in Docker";
    case "pulled":
      return "cache miss, pulled";
    case "missing":
      return "cache miss, not pulled";
  }
}
function saveText(image) {
  switch (image.result) {
    case "skipped":
      return `skipped: ${SKIP_TEXT[image.reason]}`;
    case "exists":
      return "already cached";
    case "saved":
      return "saved";
    case "failed":
      return "save failed (see warnings)";
  }
}
function timeLine(restores, saves, times) {
  const loaded = restores.filter((image) => image.result === "loaded").length;
  const pulled = restores.filter((image) => image.result === "pulled").length;
  const start = [
    ...loaded > 0 ? [`${images(loaded)} loaded from the cache`] : [],
    ...pulled > 0 ? [`${images(pulled)} pulled`] : []
  ];
  const parts = [
    `start of job ${seconds(times.restoreSeconds)}${start.length > 0 ? ` (${start.join(", ")})` : ""}`
  ];
  if (saves) {
    const written = saves.filter((image) => image.result === "saved").length;
    parts.push(
      `end of job ${seconds(times.saveSeconds)} (${written > 0 ? `${images(written)} saved for later jobs` : "nothing to save"})`
    );
  }
  return [`Time spent on images: ${parts.join("; ")}.`, ...pullComparison(restores)].join("\n\n");
}
function pullComparison(restores) {
  const loaded = restores.flatMap((image) => image.result === "loaded" ? [image] : []);
  const compared = loaded.flatMap(
    (image) => image.pullSeconds !== null ? [{ restore: image.restoreSeconds, pull: image.pullSeconds }] : []
  );
  if (compared.length === 0) return [];
  const restore = compared.reduce((sum, image) => sum + image.restore, 0);
  const pull = compared.reduce((sum, image) => sum + image.pull, 0);
  const verdict = restore <= pull ? `the cache saved ${seconds(pull - restore)}` : `the cache cost ${seconds(restore - pull)} more than pulling`;
  const unknown = loaded.length - compared.length;
  return [
    `Compared with pulling: ${images(compared.length)} restored in ${seconds(restore)}, where pulling them took ${seconds(pull)} when they were cached: ${verdict}.${unknown > 0 ? ` (${images(unknown)} without a pull time on record.)` : ""}`
  ];
}
function images(count) {
  return plural(count, "image");
}
function seconds(value) {
  return `${value.toFixed(1)} s`;
}

// core/report/json-pieces.ts
var PIECE_CHARS = 1 << 20;
function* jsonPieces(head, listName, items) {
  const opening = JSON.stringify(head).slice(0, -1);
  let piece = `${opening}${opening === "{" ? "" : ","}${JSON.stringify(listName)}:[`;
  let first = true;
  for (const item of items) {
    piece += (first ? "" : ",") + JSON.stringify(item);
    first = false;
    if (piece.length > PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}]}
`;
}

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
  return size <= options.limit ? join2(blocks) : null;
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
  return join2([...rendered, [...note]].filter((lines2) => lines2.length > 0));
}
function* linesOf(plan, shown, rendered = []) {
  yield* plan.head;
  for (let i = 0; i < shown; i++) yield* rendered[i] ?? plan.item(i);
  if (shown < plan.itemCount) yield* plan.more(plan.itemCount - shown, shown);
  yield* plan.tail;
}
function join2(blocks) {
  return `${blocks.map((lines2) => lines2.join("\n")).join("\n\n")}
`;
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
    slowSection(run.tests, options.slowTestSeconds)
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

// docker/docker-cli.ts
import { stat } from "node:fs/promises";
import { setTimeout as realSleep } from "node:timers/promises";

// core/classify/rules.ts
function rows(list) {
  return Object.freeze(
    list.map(
      (row) => Object.freeze({ ...row, condition: row.condition ?? null, source: "builtin" })
    )
  );
}
var builtinTestRules = rows([
  {
    id: "assertion-error",
    kind: "test",
    // AssertionError (chai, node:assert, Python, JUnit 4, Hamcrest), opentest4j/JUnit 5 AssertionFailedError,
    // ComparisonFailure, MultipleFailuresError; pytest prefixes its lines with `E`.
    pattern: /^\s*(?:E\s+|Caused by:\s+)?(?:[\w$]+\.)*(?:AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError)\b/,
    appliesTo: "both",
    description: "an assertion failed in the test"
  },
  {
    id: "pytest-assert",
    kind: "test",
    pattern: /^\s*E\s+(?:assert\s|Failed: DID NOT RAISE\b)|\bFailed: DID NOT RAISE\b/,
    appliesTo: "both",
    description: "a pytest assertion failed"
  },
  {
    id: "jest-matcher",
    kind: "test",
    // jest's matcher hint: `expect(received).rejects.toThrow(expected)`, `expect(jest.fn()).toHaveBeenCalled()`.
    pattern: /\bexpect\((?:received|jest\.fn\(\)|spy|function|value)\)\.(?:(?:not|resolves|rejects)\.)*to[A-Z]\w*\(/,
    appliesTo: "both",
    description: "a jest/vitest expectation failed"
  },
  {
    id: "chai-expectation",
    kind: "test",
    pattern: /\bexpected .+ to (?:(?:not|deeply|strictly|be|have|deep|own|nested|include|contain)\s)*(?:equal|eql|be|include|contain|have|match|throw|satisfy|exist|deep)\b/,
    appliesTo: "both",
    description: "a chai/vitest expectation failed"
  },
  {
    id: "expected-but-was",
    kind: "test",
    // JUnit 4/5 `expected: <a> but was: <b>`; Hamcrest `Expected: ... but: was`; AssertJ `Expecting actual:`.
    pattern: /\bexpected:\s*<.*>\s*but was:\s*<|^\s*but: was\b|^\s*Expecting (?:actual|value|empty|map|code)\b/,
    appliesTo: "both",
    description: "an assertion compared an expected value with the actual one"
  },
  {
    id: "testify-comparison",
    kind: "test",
    // testify assertions that compare values. `Received unexpected error:` is deliberately absent: that is
    // `require.NoError` carrying whatever error happened, and the carried error decides.
    pattern: /^\s*Error:\s+(?:Not equal:|Should (?:be|not be|contain|have|NOT)\b|"[^"]*" does not contain\b|Expected nil, but got:|An error is expected but got nil|Error message not equal:|Elements should be the same)/,
    appliesTo: "both",
    description: "a testify assertion failed"
  },
  {
    id: "go-got-want",
    kind: "test",
    pattern: /\bgot\b.*\bwant(?:ed)?\b/,
    appliesTo: "failure",
    description: "a Go test reported got/want"
  },
  {
    id: "missing-table",
    kind: "test",
    // Postgres, SQLite, MySQL, SQL Server, Oracle: the schema the test expects is not there, which is a
    // migration or fixture bug in the project, not a flaky environment.
    pattern: /\brelation "[^"]+" does not exist|\bno such table: |\bTable '[^']+' doesn't exist|\bER_NO_SUCH_TABLE\b|\bInvalid object name '|\bORA-00942\b/,
    appliesTo: "both",
    description: "a table the test uses does not exist (migration not applied?)"
  },
  {
    id: "missing-column",
    kind: "test",
    pattern: /\bcolumn "[^"]+"(?: of relation "[^"]+")? does not exist|\bno such column: |\bUnknown column '[^']+'/,
    appliesTo: "both",
    description: "a column the test uses does not exist"
  },
  {
    id: "constraint-violation",
    kind: "test",
    pattern: /\bduplicate key value violates unique constraint\b|\bUNIQUE constraint failed\b|\bviolates (?:foreign key|not-null|check) constraint\b|\bDuplicate entry '.*' for key\b/,
    appliesTo: "both",
    description: "the data the test wrote broke a database constraint"
  },
  {
    id: "sql-syntax-error",
    kind: "test",
    pattern: /\bsyntax error at or near\b|\bYou have an error in your SQL syntax\b/,
    appliesTo: "both",
    description: "a SQL statement has a syntax error"
  },
  {
    // Decision: a heap limit hit inside the test process is the program's own memory budget (V8's
    // --max-old-space-size, the JVM's -Xmx), not the machine running out. The same code hits it again on a
    // retry, so it is reported, never retried. The kernel OOM killer (exit 137) is the machine: see infra.
    id: "heap-out-of-memory",
    kind: "test",
    pattern: /\bJavaScript heap out of memory\b|\bjava\.lang\.OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded|Metaspace)\b/,
    appliesTo: "both",
    description: "the test process exceeded its own heap limit (not retried: it will happen again)"
  }
]);
var builtinInfraRules = rows([
  {
    id: "docker-daemon-unreachable",
    kind: "infra",
    pattern: /\bCannot connect to the Docker daemon\b|\bIs the docker daemon running\?|\berror during connect:|\bpermission denied while trying to connect to the Docker daemon socket\b|\bError while fetching server API version\b/i,
    appliesTo: "both",
    description: "the Docker daemon could not be reached"
  },
  {
    id: "testcontainers-no-docker",
    kind: "infra",
    // Java, Node, Go (rootless probe / provider) phrasings.
    pattern: /\bCould not find a valid Docker environment\b|\bCould not find a working container runtime strategy\b|\brootless Docker not found\b|\bfailed to create Docker provider\b/,
    appliesTo: "both",
    description: "Testcontainers found no usable Docker environment"
  },
  {
    id: "registry-rate-limit",
    kind: "infra",
    // Docker's containerd image store checks a manifest with HEAD, which has no body to say
    // `toomanyrequests`: only the status line names the limit.
    pattern: /\btoomanyrequests\b|\bYou have reached your pull rate limit\b|\bunexpected status from (?:HEAD|GET) request to \S+: 429 Too Many Requests\b/i,
    appliesTo: "both",
    description: "the image registry rate-limited the pull"
  },
  {
    id: "registry-unreachable",
    kind: "infra",
    // Any call to a registry's /v2/ API that failed on the network, as printed by the Docker CLI, compose,
    // docker-java and Kitematic-style wrappers, quoted or not.
    pattern: /\bhttps?:\/\/[^\s"\\]*\/v2\/[^\s"\\]*\\?"?: (?:net\/http|dial tcp|read tcp|EOF\b|context deadline exceeded|proxyconnect|remote error|x509|i\/o timeout)|\bError response from daemon: .*\brequest canceled\b/,
    appliesTo: "both",
    description: "the image registry could not be reached"
  },
  {
    id: "image-not-found",
    kind: "infra",
    // Listed as infrastructure by the spec: a registry glitch and a typo look the same from here. A typo
    // is retried up to the limit and then reported as an infra failure naming this line.
    pattern: /\bmanifest unknown\b|\bmanifest for \S+ not found\b|\bfailed to resolve reference "[^"]+": \S+: not found\b|\bpull access denied for\b|\brepository does not exist or may require 'docker login'|\bContainerFetchException\b|\bCan't get Docker image\b|\bFailed to pull image\b/i,
    appliesTo: "both",
    description: "the image could not be pulled"
  },
  {
    id: "container-never-ready",
    kind: "infra",
    // A container whose port, log line or health check never showed up: Java, Node, Python, Go phrasings.
    pattern: /\bTimed out waiting for container port to open\b|\bPort \d+ not bound after \d+ ?ms\b|\bwhile waiting for container ports to be bound\b|\bTimed out waiting for log output matching\b|\bLog message .* not received after \d+ ?ms\b|\bHealth check not healthy after \d+ ?ms\b|\bContainer did not emit logs satisfying predicate\b|\bWait time \(\d+(?:\.\d+)?s\) exceeded for\b|\bhost port waiting failed\b|\bwait until ready:|\bdependency failed to start: container \S+ (?:is unhealthy|exited)/,
    appliesTo: "both",
    description: "a container never became ready (its port never opened)"
  },
  {
    id: "container-startup-failed",
    kind: "infra",
    pattern: /\bContainer startup failed\b|\bCould not (?:create\/)?start container\b|\bWait strategy failed\b|\bContainerLaunchException\b|\bfailed to start container\b|\bcreating reaper failed\b|\bCan not connect to Ryuk\b/i,
    appliesTo: "both",
    description: "a Testcontainers container failed to start"
  },
  {
    id: "docker-port-allocated",
    kind: "infra",
    pattern: /\bport is already allocated\b|\bError starting userland proxy\b|\bfailed to bind port \S+ .*address already in use/,
    appliesTo: "both",
    description: "Docker could not publish a port another process already holds"
  },
  {
    id: "docker-daemon-error",
    kind: "infra",
    pattern: /\bError response from daemon: .*(?:failed to create shim|OCI runtime (?:create|exec) failed|driver failed programming external connectivity|No such container|failed to set up container networking|Internal Server Error)/,
    appliesTo: "both",
    description: "the Docker daemon failed an operation"
  },
  {
    id: "disk-full",
    kind: "infra",
    pattern: /\bno space left on device\b|\bENOSPC\b|\bThere is not enough space on the disk\b/i,
    appliesTo: "both",
    description: "the runner's disk is full"
  },
  {
    id: "oom-killed",
    kind: "infra",
    pattern: /\bOOMKilled\b|\bOut of memory: Killed process\b|\bexit(?:ed with)? code:? 137\b|\bsignal:? '?SIGKILL\b/i,
    appliesTo: "both",
    description: "a process was killed for lack of memory (exit 137)"
  },
  {
    id: "process-killed",
    kind: "infra",
    // `Killed` as bash and make print it when a child dies of SIGKILL, never the word inside a sentence.
    pattern: /(?:^|\s)Killed(?:\s*$|\s{2,}\S)|\bError 137\b/,
    appliesTo: "output",
    description: "the command was killed (usually the kernel OOM killer)"
  },
  {
    id: "runner-lost",
    kind: "infra",
    pattern: /\bThe runner has received a shutdown signal\b|\blost communication with the server\b/,
    appliesTo: "both",
    description: "the CI runner shut down or lost its connection"
  },
  {
    id: "service-connection-refused",
    kind: "infra",
    // Client-specific wordings for "the service was not there": node net, Go net, psycopg2/psycopg 3,
    // redis-py, kafkajs, node-postgres, JDBC (Postgres, MySQL), Mongo, Windows.
    pattern: /\bECONNREFUSED\b|\bconnection refused\b|\bConnection to \S+ refused\b|\bcould not connect to server\b|\bredis\.exceptions\.ConnectionError\b|\bError \d+ connecting to \S+\b|\bKafkaJSConnectionError\b|\bFailed to connect to seed broker\b|\bMongoServerSelectionError\b|\bactively refused\b|\bCommunications link failure\b|\bCould not open JDBC Connection\b|\bUnable to acquire JDBC Connection\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service refused the connection before any test ran"
  },
  {
    id: "service-connection-reset",
    kind: "infra",
    pattern: /\bECONNRESET\b|\bconnection reset by peer\b|\bsocket hang up\b|\bConnection terminated unexpectedly\b|\bserver closed the connection unexpectedly\b|\bEPIPE\b|\bbroken pipe\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service dropped the connection before any test ran"
  },
  {
    id: "service-connection-timeout",
    kind: "infra",
    pattern: /\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|\bconnection timed out\b|\bi\/o timeout\b|\bConnectTimeoutException\b|\bSocketTimeoutException: connect timed out\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a connection to a service timed out before any test ran"
  },
  {
    id: "dns-failure",
    kind: "infra",
    pattern: /\bENOTFOUND\b|\bEAI_AGAIN\b|\bTemporary failure in name resolution\b|\bName or service not known\b|\bno such host\b|\bnodename nor servname provided\b|\bUnknownHostException\b|\bCould not resolve host\b|\bcould not translate host name\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a host name could not be resolved before any test ran"
  },
  {
    id: "tls-handshake-timeout",
    kind: "infra",
    pattern: /\bTLS handshake timeout\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a TLS handshake timed out before any test ran"
  },
  {
    id: "port-in-use",
    kind: "infra",
    pattern: /\bEADDRINUSE\b|\baddress already in use\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a port was already taken when the fixtures started"
  }
]);
var builtinRules = Object.freeze([...builtinTestRules, ...builtinInfraRules]);
var testsRanMarkers = Object.freeze([
  /^\s*Tests:?\s+.*\b[1-9]\d* (?:passed|failed)\b/,
  // jest `Tests:  1 failed, 4 passed`, vitest `Tests  1 failed | 4 passed`
  /\b[1-9]\d* (?:passed|failed)(?:, \d+ \w+)* in [\d.]+s\b/,
  // pytest `1 failed, 2 passed in 0.50s`
  /^\s*[1-9]\d* (?:passing|failing)\b/,
  // mocha
  /\bTests run: \d+, Failures: [1-9]/,
  /\b[1-9]\d* tests? completed\b/,
  /^\s*--- (?:PASS|FAIL): /
]);
var setupMarkers = Object.freeze([
  /"before (?:all|each)" hook/,
  /\binvokeBefore(?:All|Each)Methods\b/,
  /\bFailed to load ApplicationContext\b/,
  /\bTest suite failed to run\b/,
  /\bGot error running globalSetup\b/,
  /^\s*(?:initializationError|classMethod|executionError|setUpClass|setUpModule)\b/,
  /^ERROR at setup of /
]);
var teardownMarkers = Object.freeze([
  /"after (?:all|each)" hook/,
  /\binvokeAfter(?:All|Each)Methods\b/,
  /\bGot error running globalTeardown\b/,
  /^\s*(?:tearDownClass|tearDownModule)\b/,
  /^ERROR at teardown of /
]);

// core/classify/classify-attempt.ts
var attemptVerdicts = {
  killed: {
    rule: "killed",
    kind: "infra",
    description: "the command was killed (SIGKILL, exit 137): out of memory or stopped by the runner"
  },
  terminated: {
    rule: "terminated",
    kind: "infra",
    description: "the command was terminated from outside (SIGTERM, SIGHUP, SIGINT), not by seamwatch's timeout"
  },
  timedOut: {
    rule: "attempt-timed-out",
    kind: "test",
    description: "the command ran past the attempt timeout with no infrastructure signature in its output"
  },
  infraCommandTimedOut: {
    rule: "infra-command-timed-out",
    kind: "infra",
    description: "an infrastructure command (a docker pull) ran past its timeout: the engine or the registry is stuck"
  },
  commandFailed: {
    rule: "command-failed",
    kind: "test",
    description: "the command failed with no infrastructure signature in its output"
  },
  unrecognisedFailure: {
    rule: "unrecognised-failure",
    kind: "test",
    description: "no signature matched: treated as a genuine test failure"
  },
  failuresWithoutDetails: {
    rule: "junit-failures-without-details",
    kind: "test",
    description: "the report counts failures but carries no test cases to classify"
  }
};
var KILL_SIGNALS = /* @__PURE__ */ new Set(["SIGKILL"]);
var TERMINATION_SIGNALS = /* @__PURE__ */ new Set(["SIGTERM", "SIGHUP", "SIGINT"]);
var KILL_EXIT_CODES = /* @__PURE__ */ new Set([137]);
var TERMINATION_EXIT_CODES = /* @__PURE__ */ new Set([129, 130, 143]);
var MAX_MATCHED_LINE = 1e4;
var MAX_EVIDENCE_LINE = 500;
var PHASE_SCAN_LINES = 80;
var ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, "g");
function classifyAttempt(evidence, rules = builtinRules) {
  const output = evidence.outputTail.map(cleanLine);
  const testCases = evidence.junitFiles.flatMap(testCasesOf);
  const failing = testCases.filter(isFailing);
  const testsRan = testBodiesRan(evidence.junitFiles, testCases, output);
  const failures = failing.map((test) => classifyTestFailure(test, rules, output));
  const uncollected = failing.length === 0 && evidence.junitFiles.some((file) => file.counts.failed + file.counts.errored > 0);
  if (failing.length > 0 || uncollected) {
    if (uncollected) failures.push(attemptFailure(attemptVerdicts.failuresWithoutDetails, "junit", null));
    const stopped = stoppedFromOutside(evidence);
    if (stopped) failures.push(stopped);
  } else if (commandFailed(evidence)) {
    failures.push(classifyCommandFailure(evidence, output, testsRan, rules));
  }
  const infraFailures = failures.filter((failure) => failure.kind === "infra");
  const testFailures = failures.filter((failure) => failure.kind === "test");
  const outcome = failures.length === 0 ? "passed" : testFailures.length > 0 ? "test-failures" : "infra-failure";
  return Object.freeze({
    outcome,
    infraFailures: Object.freeze(infraFailures),
    testFailures: Object.freeze(testFailures),
    junitFound: evidence.junitFiles.length > 0,
    testsRan
  });
}
function classifyTestFailure(test, rules = builtinRules, output = []) {
  const failure = decisiveFailure(test);
  const ref = testRef(test);
  const lines2 = failure ? failureLines(failure) : [];
  const phase = failure ? effectivePhase(test, failure, lines2) : null;
  const outsideBody = phase === "setup" || phase === "teardown";
  const hit = firstMatch(rules, lines2, "failure", outsideBody);
  const fromOutput = !hit && phase === "setup" ? firstMatch(rules, output, "output", true) : null;
  const evidence = hit ? toEvidence(hit.rule, "junit", hit.line, hit.lineNumber) : fromOutput ? toEvidence(fromOutput.rule, "output", fromOutput.line, fromOutput.lineNumber) : verdictEvidence(attemptVerdicts.unrecognisedFailure, "junit", null);
  return Object.freeze({ kind: evidence.kind, test: ref, failure, phase, evidence });
}
function classifyCommandFailure(evidence, output, testsRan, rules) {
  const hit = firstMatch(rules, output, "output", !testsRan);
  if (hit) {
    const found = toEvidence(hit.rule, "output", hit.line, hit.lineNumber);
    return Object.freeze({ kind: found.kind, test: null, failure: null, phase: null, evidence: found });
  }
  const stopped = stoppedFromOutside(evidence);
  if (stopped) return stopped;
  if (evidence.timedOut && evidence.runsUserCode === false) {
    return attemptFailure(
      attemptVerdicts.infraCommandTimedOut,
      "exit",
      `stopped at its timeout (${exitLine(evidence)})`
    );
  }
  if (evidence.timedOut) return attemptFailure(attemptVerdicts.timedOut, "exit", exitLine(evidence));
  return attemptFailure(attemptVerdicts.commandFailed, "exit", exitLine(evidence));
}
function stoppedFromOutside(evidence) {
  if (evidence.timedOut) return null;
  const { signal, exitCode } = evidence;
  if (signal && KILL_SIGNALS.has(signal) || exitCode !== null && KILL_EXIT_CODES.has(exitCode)) {
    return attemptFailure(attemptVerdicts.killed, "exit", exitLine(evidence));
  }
  if (signal && TERMINATION_SIGNALS.has(signal) || exitCode !== null && TERMINATION_EXIT_CODES.has(exitCode)) {
    return attemptFailure(attemptVerdicts.terminated, "exit", exitLine(evidence));
  }
  return null;
}
function commandFailed(evidence) {
  return evidence.timedOut || evidence.signal !== null || evidence.exitCode !== 0;
}
function exitLine(evidence) {
  if (evidence.signal) return `signal ${evidence.signal}`;
  return evidence.exitCode === null ? "no exit code" : `exit code ${evidence.exitCode}`;
}
function firstMatch(rules, lines2, scope, outsideBody) {
  for (const rule of rules) {
    if (rule.appliesTo !== "both" && rule.appliesTo !== scope) continue;
    if (rule.condition === "outside-test-body" && !outsideBody) continue;
    const index = lines2.findIndex((line2) => rule.pattern.test(line2));
    const line = lines2[index];
    if (line !== void 0) return { rule, line, lineNumber: index + 1 };
  }
  return null;
}
function isFailing(test) {
  return test.status === "failed" || test.status === "errored";
}
function decisiveFailure(test) {
  if (test.failure) return test.failure;
  for (let i = test.attempts.length - 1; i >= 0; i--) {
    const failure = test.attempts[i]?.failure;
    if (failure) return failure;
  }
  return null;
}
function failureLines(failure) {
  const head = [failure.type, failure.message].filter((part) => part).join(": ");
  return [head, failure.details ?? ""].filter((text) => text.length > 0).flatMap((text) => text.split(/\r?\n/)).map(cleanLine);
}
function effectivePhase(test, failure, lines2) {
  if (failure.phase) return failure.phase;
  const scanned = [test.name, ...lines2.slice(0, PHASE_SCAN_LINES)];
  if (scanned.some((line) => setupMarkers.some((marker) => marker.test(line)))) return "setup";
  if (scanned.some((line) => teardownMarkers.some((marker) => marker.test(line)))) return "teardown";
  return null;
}
function testBodiesRan(files, testCases, output) {
  const ranInReport = testCases.some((test) => {
    if (test.status === "passed") return true;
    if (!isFailing(test)) return false;
    const failure = decisiveFailure(test);
    return !failure || effectivePhase(test, failure, failureLines(failure)) !== "setup";
  });
  if (ranInReport) return true;
  const ranByCounts = files.some(
    (file) => file.suites.length === 0 && file.counts.passed + file.counts.failed > 0
  );
  if (ranByCounts) return true;
  return output.some((line) => testsRanMarkers.some((marker) => marker.test(line)));
}
function testRef(test) {
  return Object.freeze({
    id: test.id,
    suitePath: test.suitePath,
    classname: test.classname,
    name: test.name,
    file: test.file
  });
}
function attemptFailure(verdict, source, line) {
  const evidence = verdictEvidence(verdict, source, line);
  return Object.freeze({ kind: evidence.kind, test: null, failure: null, phase: null, evidence });
}
function verdictEvidence(verdict, source, line) {
  return Object.freeze({
    rule: verdict.rule,
    kind: verdict.kind,
    description: verdict.description,
    source,
    line,
    lineNumber: null
  });
}
function toEvidence(rule, source, line, lineNumber) {
  const trimmed = line.trim();
  return Object.freeze({
    rule: rule.id,
    kind: rule.kind,
    description: rule.description,
    source,
    line: trimmed.length > MAX_EVIDENCE_LINE ? `${trimmed.slice(0, MAX_EVIDENCE_LINE)}\u2026` : trimmed,
    lineNumber
  });
}
function cleanLine(line) {
  const plain = line.replace(ANSI, "");
  return plain.length > MAX_MATCHED_LINE ? plain.slice(0, MAX_MATCHED_LINE) : plain;
}

// core/classify/patterns.ts
var PatternError = class extends Error {
  inputName;
  pattern;
  /** 1-based line of the input the pattern was on. */
  line;
  constructor(inputName, pattern, line, options) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super(
      `Input "${inputName}" line ${line}: invalid regular expression ${JSON.stringify(pattern)}${reason}`,
      options
    );
    this.name = "PatternError";
    this.inputName = inputName;
    this.pattern = pattern;
    this.line = line;
  }
};
var SLASHED = /^\/(.+)\/([a-z]*)$/;
function compilePatterns(inputName, lines2) {
  const list = typeof lines2 === "string" ? lines2.split(/\r?\n/) : lines2;
  const patterns = [];
  list.forEach((raw, index) => {
    const text = raw.trim();
    if (text.length === 0) return;
    const slashed = SLASHED.exec(text);
    try {
      const regex = slashed ? new RegExp(slashed[1] ?? "", slashed[2]?.replace(/[gy]/g, "")) : new RegExp(text);
      patterns.push(Object.freeze({ regex, source: text, line: index + 1 }));
    } catch (cause) {
      throw new PatternError(inputName, text, index + 1, { cause });
    }
  });
  return Object.freeze(patterns);
}
function buildRules(user = {}) {
  return Object.freeze([
    ...userRules(user.testPatterns ?? [], "test", "test-patterns"),
    ...userRules(user.infraPatterns ?? [], "infra", "infra-patterns"),
    ...builtinRules
  ]);
}
function userRules(patterns, kind, source) {
  return patterns.map(
    (pattern) => Object.freeze({
      id: `${source}:${pattern.line}`,
      kind,
      pattern: pattern.regex,
      appliesTo: "both",
      condition: null,
      description: `matches ${source} line ${pattern.line}: ${pattern.source}`,
      source
    })
  );
}

// process/retry.ts
async function retry(attempt, options) {
  checkMaxAttempts(options.maxAttempts);
  const results = [];
  for (let attemptNumber = 1; ; attemptNumber++) {
    const result = await attempt(attemptNumber);
    results.push(result);
    const again = attemptNumber < options.maxAttempts && !options.signal?.aborted && options.isRetryable(result, attemptNumber);
    const retryInMs = again ? Math.max(0, options.delayMs(attemptNumber)) : null;
    options.log(options.describe(result, { attemptNumber, maxAttempts: options.maxAttempts, retryInMs }));
    if (retryInMs === null) return results;
    await untilAborted(options.sleep(retryInMs), options.signal);
    if (options.signal?.aborted) return results;
  }
}
function checkMaxAttempts(maxAttempts) {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
  }
}
function untilAborted(work, signal) {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve5, reject) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve5();
    };
    signal.addEventListener("abort", done, { once: true });
    work.then(done, (cause) => {
      signal.removeEventListener("abort", done);
      reject(cause);
    });
  });
}
function exponentialBackoff(baseMs, capMs = 5 * 6e4) {
  return (attemptNumber) => Math.min(capMs, baseMs * 2 ** Math.max(0, attemptNumber - 1));
}

// process/spawn.ts
import { spawn } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
var ProcessStartError = class extends Error {
  command;
  constructor(command, cause) {
    super(cause.message, { cause });
    this.name = "ProcessStartError";
    this.command = command;
  }
};
var GROUP_POLL_MS = 25;
function startProcess(command, args, options) {
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: [options.stdin ?? "ignore", options.stdout ?? "pipe", "pipe"],
    detached: options.ownGroup === true
  });
  const pipes = [child.stdout, child.stderr].filter((pipe) => pipe !== null);
  let timedOut = false;
  let cancelled = false;
  let exited = false;
  let stopping = null;
  const stop = () => {
    stopping ??= options.ownGroup ? stopGroup(child, options.killGraceMs) : stopChild(child, options.killGraceMs);
    return stopping;
  };
  const closePipes = () => {
    for (const pipe of pipes) pipe.destroy();
  };
  const pipesClosed = Promise.all(
    pipes.map(
      (pipe) => new Promise((resolve5) => {
        pipe.once("close", resolve5);
        pipe.once("error", () => resolve5());
      })
    )
  );
  if (child.stdout) child.stdout.on("data", (chunk) => options.onOutput?.(chunk, "stdout"));
  child.stderr?.on("data", (chunk) => options.onOutput?.(chunk, "stderr"));
  const timers = /* @__PURE__ */ new Set();
  const after = (ms, then) => {
    const timer = setTimeout(then, ms);
    timers.add(timer);
  };
  if (options.timeoutMs !== void 0 && options.timeoutMs !== null) {
    after(options.timeoutMs, () => {
      timedOut = true;
      if (exited) closePipes();
      else void stop();
    });
  }
  const onAbort = () => {
    cancelled = true;
    void stop();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  const ended = new Promise((resolve5, reject) => {
    child.once("error", (cause) => reject(new ProcessStartError(command, cause)));
    child.once("exit", (exitCode, signal) => {
      exited = true;
      void (async () => {
        if (options.ownGroup) await stop();
        const drainMs = options.pipesAfterExitMs ?? (timedOut ? options.killGraceMs : null);
        if (drainMs !== null) after(drainMs, closePipes);
        await pipesClosed;
        closePipes();
        resolve5({ exitCode, signal, timedOut, cancelled });
      })();
    });
  });
  const cleanUp = () => {
    for (const timer of timers) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  };
  ended.then(cleanUp, cleanUp);
  return { child, ended, stop };
}
async function stopChild(child, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve5) => child.once("exit", () => resolve5()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(killTimer);
}
async function stopGroup(child, graceMs) {
  const pgid = child.pid;
  if (pgid === void 0 || !signalGroup(pgid, "SIGTERM")) return;
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

// docker/docker-cli.ts
var defaultDockerTimeouts = {
  metadataMs: 6e4,
  transferMs: 15 * 6e4
};
var TRANSFER_COMMANDS = /* @__PURE__ */ new Set(["load", "save", "pull"]);
var DockerCommandError = class extends Error {
  args;
  exitCode;
  outputTail;
  /** True when seamwatch stopped the command at its timeout (the engine did not answer in time). */
  timedOut;
  constructor(message, details, options) {
    super(message, options);
    this.name = "DockerCommandError";
    this.args = details.args;
    this.exitCode = details.exitCode;
    this.outputTail = details.outputTail;
    this.timedOut = details.timedOut ?? false;
  }
};
var ImageLoadError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ImageLoadError";
  }
};
var TAIL_LINES = 200;
var KILL_GRACE_MS = 2e3;
var SOURCE_GRACE_MS = 1e3;
function timeoutOf(cli, args) {
  const timeouts = { ...defaultDockerTimeouts, ...cli.timeouts };
  return TRANSFER_COMMANDS.has(args[0] ?? "") ? timeouts.transferMs : timeouts.metadataMs;
}
function commandName(args) {
  return args.slice(0, args[0] === "image" ? 2 : 1).join(" ");
}
async function runDocker(cli, args, stdin) {
  const limitMs = timeoutOf(cli, args);
  const stdout = [];
  const stderr = [];
  const started = startProcess(cli.command ?? "docker", args, {
    env: cli.env,
    stdin: "pipe",
    timeoutMs: limitMs,
    killGraceMs: KILL_GRACE_MS,
    onOutput: (chunk, stream) => (stream === "stdout" ? stdout : stderr).push(chunk)
  });
  const input = started.child.stdin;
  input.on("error", () => {
  });
  if (stdin) stdin.pipeTo(input);
  else input.end();
  let end;
  try {
    end = await started.ended;
  } catch (cause) {
    if (!(cause instanceof ProcessStartError)) throw cause;
    throw new DockerCommandError(
      `could not run docker ${args[0] ?? ""}: ${cause.message}`,
      { args, exitCode: null, outputTail: [] },
      { cause: cause.cause }
    );
  }
  return {
    exitCode: end.exitCode,
    signal: end.signal,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
    timedOutAfterMs: end.timedOut ? limitMs : null
  };
}
function secondsOf(ms) {
  return `${Number((ms / 1e3).toFixed(1))} s`;
}
function timeoutMessage(args, limitMs) {
  const why = TRANSFER_COMMANDS.has(args[0] ?? "") ? "the Docker engine did not finish it" : "the Docker engine did not answer";
  return `docker ${commandName(args)} timed out after ${secondsOf(limitMs)} (${why})`;
}
function timeoutError(args, run) {
  return new DockerCommandError(timeoutMessage(args, run.timedOutAfterMs), {
    args,
    exitCode: run.exitCode,
    outputTail: tailOf(run),
    timedOut: true
  });
}
function hasTimedOut(run) {
  return run.timedOutAfterMs !== null;
}
function tailOf(run) {
  return `${run.stdout}
${run.stderr}`.split(/\r?\n/).filter((line) => line.trim().length > 0).slice(-TAIL_LINES);
}
async function docker(cli, args) {
  const run = await runDocker(cli, args);
  if (hasTimedOut(run)) throw timeoutError(args, run);
  if (run.exitCode === 0) return run.stdout;
  const tail = tailOf(run);
  throw new DockerCommandError(
    `docker ${args[0] ?? ""} failed (${run.signal ? `signal ${run.signal}` : `exit ${run.exitCode}`}): ${tail.at(-1) ?? "no output"}`,
    { args, exitCode: run.exitCode, outputTail: tail }
  );
}
var LISTING_ATTEMPTS = 3;
async function listImages(cli) {
  const listings = await retry(
    async () => {
      try {
        return { images: await readImageList(cli) };
      } catch (error) {
        return { error };
      }
    },
    {
      maxAttempts: LISTING_ATTEMPTS,
      delayMs: () => 0,
      // An image removed while the engine lists them (another load being undone, another step's `docker
      // rmi`) fails the listing: on the containerd image store `ls` itself ("failed to get rootfs of image
      // …: not found"), on either store the `inspect` that follows ("No such image"). A new listing no
      // longer holds it.
      isRetryable: (listing) => "error" in listing && removedMeanwhile(listing.error),
      describe: (listing, decision) => `docker image ls: attempt ${decision.attemptNumber}/${decision.maxAttempts}${"error" in listing ? ` failed: ${messageOf(listing.error)}` : ""}`,
      // A listing that had to be taken again is routine; whatever still fails is thrown to the caller.
      log: () => {
      },
      sleep: async () => {
      }
    }
  );
  const last = listings.at(-1);
  if (!last || "error" in last) throw last?.error;
  return last.images;
}
var removedMeanwhile = (cause) => cause instanceof DockerCommandError && !cause.timedOut && /\bNo such image\b|\bnot found\b/i.test(cause.outputTail.join("\n"));
async function readImageList(cli) {
  const listing = await docker(cli, ["image", "ls", "--no-trunc", "--format", "{{json .}}"]);
  const tagged = [];
  for (const line of listing.split("\n")) {
    if (line.trim().length === 0) continue;
    const row = JSON.parse(line);
    if (!row.Repository || !row.Tag || !row.ID || row.Repository === "<none>" || row.Tag === "<none>")
      continue;
    tagged.push({ reference: `${row.Repository}:${row.Tag}`, id: row.ID });
  }
  if (tagged.length === 0) return [];
  const ids = [...new Set(tagged.map((image) => image.id))];
  const inspected = await docker(cli, ["image", "inspect", "--format", "{{.Id}} {{.Size}}", ...ids]);
  const sizes = new Map(
    inspected.split("\n").map((line) => line.trim().split(" ")).filter((parts) => parts.length === 2).map(([id, size]) => [id ?? "", Number(size)])
  );
  return tagged.map((image) => ({ ...image, sizeBytes: sizes.get(image.id) ?? 0 }));
}
async function saveImage(cli, reference, file) {
  await docker(cli, ["save", "-o", file, reference]);
  return (await stat(file)).size;
}
async function loadImage(cli, source, expected) {
  if (typeof source === "string") {
    const size = await stat(source).then(
      (info2) => info2.size,
      () => 0
    );
    if (size === 0) throw new ImageLoadError(`${source} is missing or empty`);
    const prior2 = await priorReferences(cli);
    const args2 = ["load", "-i", source];
    return checkLoad(cli, args2, await runDocker(cli, args2), null, expected, prior2);
  }
  const sourceEnded = source.done.then(
    () => null,
    (cause) => messageOf(cause)
  );
  let prior;
  let run;
  const args = ["load"];
  try {
    prior = await priorReferences(cli);
    run = await runDocker(cli, args, source);
  } catch (cause) {
    source.stop();
    throw cause;
  }
  let sourceProblem;
  if (run.exitCode === 0 && !hasTimedOut(run)) {
    sourceProblem = await sourceEnded;
  } else {
    sourceProblem = await Promise.race([sourceEnded, realSleep(SOURCE_GRACE_MS, null, { ref: false })]);
    source.stop();
  }
  return checkLoad(cli, args, run, sourceProblem, expected, prior);
}
async function priorReferences(cli) {
  return new Map((await listImages(cli)).map((image) => [image.reference, image.id]));
}
async function checkLoad(cli, args, run, sourceProblem, expected, prior) {
  const loadedReferences = [...run.stdout.matchAll(/^Loaded image: (\S+)$/gm)].map((match) => match[1] ?? "");
  const loadedIds = [...run.stdout.matchAll(/^Loaded image ID: (\S+)$/gm)].map((match) => match[1] ?? "");
  let problem = null;
  let timeout = null;
  if (hasTimedOut(run)) {
    timeout = timeoutError(args, run);
    if (!loadedReferences.includes(expected.reference)) loadedReferences.push(expected.reference);
  } else if (sourceProblem !== null) {
    problem = `the cache entry could not be read: ${sourceProblem}`;
  } else if (run.exitCode !== 0) {
    problem = `docker load failed: ${tailOf(run).at(-1) ?? `exit ${run.exitCode}`}`;
  } else {
    try {
      const now = await imageId(cli, expected.reference);
      const strangers = loadedReferences.filter((reference) => reference !== expected.reference);
      if (now !== expected.id) {
        problem = `it did not load ${expected.reference} as ${expected.id} (loaded: ${loadedReferences.join(", ") || loadedIds.join(", ") || "nothing"})`;
      } else if (strangers.length > 0) {
        problem = `it also holds ${strangers.join(", ")}`;
      }
    } catch (cause) {
      if (!isDockerTimeout(cause)) throw cause;
      timeout = cause;
    }
  }
  if (problem === null && timeout === null) return;
  const undo = await undoLoad(cli, loadedReferences, loadedIds, prior);
  const undone = [
    undo.undone.length > 0 ? `; undone: ${undo.undone.join(", ")}` : "",
    undo.stoppedBy ? `; not undone further: ${undo.stoppedBy.message}` : ""
  ].join("");
  if (timeout) {
    throw new DockerCommandError(
      `the cached image file for ${expected.reference} was not used: ${timeout.message}${undone}`,
      { args: timeout.args, exitCode: timeout.exitCode, outputTail: timeout.outputTail, timedOut: true }
    );
  }
  throw new ImageLoadError(
    `the cached image file for ${expected.reference} is unusable: ${problem}${undone}`
  );
}
function isDockerTimeout(cause) {
  return cause instanceof DockerCommandError && cause.timedOut;
}
async function undoLoad(cli, references, ids, prior) {
  const undone = [];
  const priorIds = new Set(prior.values());
  const step = (args, done) => docker(cli, args).then(
    () => void undone.push(done),
    (cause) => {
      if (isDockerTimeout(cause)) throw cause;
    }
  );
  try {
    for (const reference of references) {
      const before = prior.get(reference);
      if (before && await imageId(cli, reference) === before) continue;
      if (before) {
        await step(["tag", before, reference], `${reference} pointed back at ${before}`);
      } else {
        await step(["image", "rm", reference], `removed ${reference}`);
      }
    }
    for (const id of ids) {
      if (priorIds.has(id)) continue;
      await step(["image", "rm", id], `removed ${id}`);
    }
  } catch (cause) {
    if (!isDockerTimeout(cause)) throw cause;
    return { undone, stoppedBy: cause };
  }
  return { undone, stoppedBy: null };
}
async function imageId(cli, reference) {
  const args = ["image", "inspect", "--format", "{{.Id}}", reference];
  const run = await runDocker(cli, args);
  if (hasTimedOut(run)) throw timeoutError(args, run);
  return run.exitCode === 0 ? run.stdout.trim() : null;
}
var defaultPullRetry = {
  maxAttempts: 3,
  delayMs: exponentialBackoff(5e3, 6e4),
  sleep: (ms) => realSleep(ms),
  log: () => {
  },
  rules: buildRules()
};
async function pullImage(cli, reference, { retry: options = defaultPullRetry } = {}) {
  const attempts = await retry(
    async () => {
      const args = ["pull", reference];
      const run = await runDocker(cli, args);
      const timedOutLine = hasTimedOut(run) ? timeoutMessage(args, run.timedOutAfterMs) : null;
      const outputTail = [...tailOf(run), ...timedOutLine ? [timedOutLine] : []].slice(-TAIL_LINES);
      const classification = classifyAttempt(
        {
          exitCode: run.exitCode,
          signal: run.signal,
          timedOut: timedOutLine !== null,
          // A pull runs none of the user's code: past its timeout the engine or the registry is stuck.
          runsUserCode: false,
          outputTail,
          junitFiles: []
        },
        options.rules
      );
      return {
        exitCode: run.exitCode,
        outputTail,
        classification
      };
    },
    {
      maxAttempts: options.maxAttempts,
      delayMs: options.delayMs,
      isRetryable: (attempt) => attempt.classification.outcome === "infra-failure",
      describe: (attempt, decision) => describePull(reference, attempt, decision),
      log: options.log,
      sleep: options.sleep
    }
  );
  return { reference, pulled: attempts.at(-1)?.exitCode === 0, attempts };
}
function describePull(reference, attempt, decision) {
  const head = `docker pull ${reference}: attempt ${decision.attemptNumber}/${decision.maxAttempts}`;
  if (attempt.exitCode === 0) return `${head} succeeded`;
  const [failure] = [...attempt.classification.infraFailures, ...attempt.classification.testFailures];
  const why = failure ? `${failure.kind} (${failure.evidence.rule}): ${failure.evidence.line ?? failure.evidence.description}` : `exit ${attempt.exitCode}`;
  const next = decision.retryInMs === null ? "giving up" : `retrying in ${Math.round(decision.retryInMs / 1e3)} s`;
  return `${head} failed, ${why}; ${next}`;
}

// docker/restore-images.ts
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3 } from "node:path";

// docker/cache-job.ts
import { availableParallelism } from "node:os";
import { performance as performance2 } from "node:perf_hooks";
function startJob(options) {
  const log2 = options.log ?? (() => {
  });
  const warnings = [];
  return {
    store: options.store,
    docker: options.docker,
    prefix: checkKeyPrefix(options.prefix),
    log: log2,
    now: options.now ?? (() => performance2.now()),
    concurrency: Math.max(1, options.concurrency ?? Math.min(4, availableParallelism())),
    warnings,
    warn: (message) => {
      warnings.push(message);
      log2(`warning: ${message}`);
    }
  };
}
function secondsSince(job, started) {
  return Math.round(job.now() - started) / 1e3;
}
function limited(limit) {
  let running = 0;
  const waiting = [];
  return async (work) => {
    if (running >= limit) await new Promise((resolve5) => waiting.push(resolve5));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
function mapWithLimit(items, limit, work) {
  const slot = limited(limit);
  return Promise.all(items.map((item) => slot(() => work(item))));
}

// docker/image-store.ts
var IMAGE_FILE = "image.tar";
var INDEX_FILE = "index.json";

// docker/restore-images.ts
var UNAVAILABLE = { kind: "unavailable" };
async function restoreImages(options) {
  const job = startJob(options);
  let before;
  try {
    before = await listImages(job.docker);
  } catch (cause) {
    job.warn(`Docker images not restored: the Docker engine is not usable (${messageOf(cause)})`);
    return { dockerUsable: false, images: [], warnings: job.warnings, state: emptyImageCacheState };
  }
  const workDir = options.workDir ?? await mkdtemp(join3(tmpdir2(), "seamwatch-images-"));
  try {
    const indexed = await restoreIndex(job, join3(workDir, "index"));
    const plan = planRestore({ listed: options.listed, indexed, local: before });
    const context = {
      ...job,
      workDir,
      listed: new Set(options.listed),
      pull: options.pull === void 0 ? defaultPullRetry : options.pull,
      imageSlot: limited(job.concurrency),
      loadTurn: limited(1),
      loaded: []
    };
    const bySize = [...plan.restore].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const restoring = new Map(bySize.map((image) => [image, restoreOne(context, image)]));
    const pulling = mapWithLimit(
      plan.unknown,
      job.concurrency,
      (reference) => pullOrMiss(context, reference, null, job.now())
    );
    const fromCache = await Promise.all(
      plan.restore.map((image) => restoring.get(image))
    );
    const pulled = await pulling;
    const present = plan.present.map(
      (reference) => ({
        result: "present",
        reference,
        key: indexed.find((image) => image.reference === reference)?.key ?? null,
        seconds: 0
      })
    );
    const existingKeys = [
      ...context.loaded.map((image) => image.key),
      ...indexed.length > 0 ? [planIndex(job.prefix, indexed).key] : []
    ];
    return {
      dockerUsable: true,
      images: [...fromCache, ...pulled, ...present],
      warnings: job.warnings,
      state: {
        before,
        indexed,
        restored: context.loaded,
        pulled: [...fromCache, ...pulled].flatMap(
          (image) => image.result === "pulled" ? [{ reference: image.reference, seconds: image.pullSeconds }] : []
        ),
        existingKeys
      }
    };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}
async function restoreIndex(job, dir) {
  try {
    await mkdir(dir, { recursive: true });
    if (!await job.store.restore(indexKey(job.prefix), dir)) return [];
    const index = parseImageIndex(await readFile(join3(dir, INDEX_FILE), "utf8"));
    if (!index) {
      job.warn(`the image index (${indexKey(job.prefix)}*) is unreadable; starting without it`);
      return [];
    }
    return [...index.images];
  } catch (cause) {
    job.warn(`the image index could not be restored: ${messageOf(cause)}`);
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function restoreOne(context, image) {
  const started = context.now();
  const dir = join3(context.workDir, "entries", image.key);
  try {
    await mkdir(dir, { recursive: true });
    const load = await context.imageSlot(() => loadFromCache(context, image, dir));
    switch (load.kind) {
      case "loaded":
        return {
          result: "loaded",
          reference: image.reference,
          key: image.key,
          bytes: image.sizeBytes,
          seconds: secondsSince(context, started),
          restoreSeconds: load.restoreSeconds,
          pullSeconds: image.pullSeconds ?? null
        };
      case "unavailable":
        return await pullOrMiss(context, image.reference, image.key, started);
      case "engine-not-answering":
        return missing(context, image.reference, image.key, started);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function loadFromCache(context, image, dir) {
  try {
    const load = await (context.store.stream ? streamAndLoad(context, context.store.stream.bind(context.store), image, dir) : downloadAndLoad(context, image, dir));
    if (load.kind === "loaded") context.loaded.push(image);
    return load;
  } catch (cause) {
    if (isDockerTimeout(cause)) {
      context.warn(`${messageOf(cause)}; not pulling it: the Docker engine is not answering`);
      return { kind: "engine-not-answering" };
    }
    context.warn(`${messageOf(cause)}; falling back to a pull`);
    return UNAVAILABLE;
  }
}
function entryUnavailable(context, image, cause) {
  context.warn(`cache entry ${image.key} for ${image.reference} could not be restored: ${messageOf(cause)}`);
  return UNAVAILABLE;
}
async function streamAndLoad(context, stream, image, dir) {
  let loadStarted = 0;
  const opened = await context.loadTurn(async () => {
    loadStarted = context.now();
    let source;
    try {
      source = await stream(image.key, dir, IMAGE_FILE);
    } catch (cause) {
      return { opened: false, load: entryUnavailable(context, image, cause) };
    }
    if (source === null) return { opened: false, load: UNAVAILABLE };
    const loading = loadImage(context.docker, source, image);
    await Promise.race([source.done, loading]).catch(() => {
    });
    return { opened: true, loading };
  });
  if (!opened.opened) return opened.load;
  await opened.loading;
  const took = secondsSince(context, loadStarted);
  context.log(`${image.reference}: downloaded into docker load in ${took.toFixed(1)} s (${image.key})`);
  return { kind: "loaded", restoreSeconds: took };
}
async function downloadAndLoad(context, image, dir) {
  const downloadStarted = context.now();
  let hit;
  try {
    hit = await context.store.restore(image.key, dir);
  } catch (cause) {
    return entryUnavailable(context, image, cause);
  }
  if (!hit) return UNAVAILABLE;
  const downloadSeconds = secondsSince(context, downloadStarted);
  context.log(`${image.reference}: cache entry restored in ${downloadSeconds.toFixed(1)} s`);
  return context.loadTurn(async () => {
    const loadStarted = context.now();
    await loadImage(context.docker, join3(dir, IMAGE_FILE), image);
    const loadSeconds = secondsSince(context, loadStarted);
    context.log(`${image.reference}: loaded in ${loadSeconds.toFixed(1)} s (${image.key})`);
    return { kind: "loaded", restoreSeconds: Math.round((downloadSeconds + loadSeconds) * 1e3) / 1e3 };
  });
}
async function pullOrMiss(context, reference, key, started) {
  if (!context.pull || !context.listed.has(reference)) return missing(context, reference, key, started);
  const pullStarted = context.now();
  try {
    const pulled = await pullImage(context.docker, reference, { retry: context.pull });
    if (!pulled.pulled) {
      context.warn(
        `${reference} could not be pulled: ${pulled.attempts.at(-1)?.outputTail.at(-1) ?? "no output"}`
      );
      return missing(context, reference, key, started);
    }
    return {
      result: "pulled",
      reference,
      key,
      seconds: secondsSince(context, started),
      pullSeconds: secondsSince(context, pullStarted)
    };
  } catch (cause) {
    context.warn(`${reference} could not be pulled: ${messageOf(cause)}`);
    return missing(context, reference, key, started);
  }
}
function missing(context, reference, key, started) {
  return { result: "missing", reference, key, seconds: secondsSince(context, started) };
}

// docker/save-images.ts
import { mkdir as mkdir2, mkdtemp as mkdtemp2, rm as rm2, writeFile } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join4 } from "node:path";
async function saveImages(options) {
  const job = startJob(options);
  if (options.mode === "off") return { images: [], notices: [], warnings: job.warnings, index: null };
  let after;
  try {
    after = await listImages(job.docker);
  } catch (cause) {
    job.warn(`Docker images not saved: the Docker engine is not usable (${messageOf(cause)})`);
    return { images: [], notices: [], warnings: job.warnings, index: null };
  }
  const plan = planSave({
    mode: options.mode,
    prefix: job.prefix,
    listed: options.listed,
    before: options.state.before,
    after,
    indexed: options.state.indexed,
    restored: options.state.restored,
    pulled: options.state.pulled,
    existingKeys: options.state.existingKeys,
    readOnly: options.readOnly,
    maxBytes: options.maxBytes
  });
  for (const notice of plan.notices) job.log(notice);
  for (const entry of plan.skipped) job.log(entry.message);
  const workDir = options.workDir ?? await mkdtemp2(join4(tmpdir3(), "seamwatch-images-"));
  try {
    const saved = await mapWithLimit(plan.save, job.concurrency, (image) => saveOne(job, image, workDir));
    const skipped = plan.skipped.map(
      (entry) => ({
        result: "skipped",
        reference: entry.reference,
        key: entry.image?.key ?? null,
        reason: entry.reason
      })
    );
    let index = null;
    if (plan.index) {
      const failed = new Set(saved.filter((image) => image.result === "failed").map((image) => image.key));
      const planned = planIndex(
        job.prefix,
        plan.index.index.images.filter((image) => !failed.has(image.key)),
        new Set(options.state.existingKeys)
      );
      index = {
        key: planned.key,
        result: planned.exists ? "exists" : await saveIndex(job, planned, workDir)
      };
    }
    return { images: [...saved, ...skipped], notices: plan.notices, warnings: job.warnings, index };
  } finally {
    if (!options.workDir) await rm2(workDir, { recursive: true, force: true });
  }
}
async function saveOne(job, image, workDir) {
  const started = job.now();
  const dir = join4(workDir, "entries", image.key);
  try {
    await mkdir2(dir, { recursive: true });
    const bytes = await saveImage(job.docker, image.reference, join4(dir, IMAGE_FILE));
    const result = await job.store.save(image.key, dir);
    job.log(`${image.reference}: ${result === "saved" ? "saved" : "already cached"} as ${image.key}`);
    return { result, reference: image.reference, key: image.key, bytes, seconds: secondsSince(job, started) };
  } catch (cause) {
    job.warn(`${image.reference} could not be saved to the cache: ${messageOf(cause)}`);
    return {
      result: "failed",
      reference: image.reference,
      key: image.key,
      seconds: secondsSince(job, started)
    };
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}
async function saveIndex(job, planned, workDir) {
  const dir = join4(workDir, "index");
  try {
    await mkdir2(dir, { recursive: true });
    await writeFile(join4(dir, INDEX_FILE), `${JSON.stringify(planned.index, null, 2)}
`);
    return await job.store.save(planned.key, dir);
  } catch (cause) {
    job.warn(`the image index could not be saved: ${messageOf(cause)}`);
    return "failed";
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}

// action/image-cache-handover.ts
import { readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join5 } from "node:path";
function parseHandover(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.restoreId !== "string" || typeof value.restoreSeconds !== "number") {
    return null;
  }
  if (value.savedByStep !== void 0 && typeof value.savedByStep !== "boolean") return null;
  const settings = readSettings(value.settings);
  const state = readImageCacheState(value.state);
  const restores = readList(value.restores, readImageRestore);
  if (!settings || !state || !restores) return null;
  return {
    restoreId: value.restoreId,
    ...value.savedByStep === void 0 ? {} : { savedByStep: value.savedByStep },
    settings,
    state,
    restores,
    restoreSeconds: value.restoreSeconds
  };
}
function readSettings(value) {
  if (!isRecord(value)) return null;
  const { mode, prefix, readOnly, maxBytes, workDir, cacheAvailable } = value;
  const listed = readList(value.listed, (item) => typeof item === "string" ? item : null);
  if (!listed || !saveModes.some((known) => known === mode) || typeof prefix !== "string" || typeof readOnly !== "boolean" || typeof maxBytes !== "number" || typeof workDir !== "string" || typeof cacheAvailable !== "boolean") {
    return null;
  }
  return {
    listed,
    mode,
    prefix,
    readOnly,
    maxBytes,
    workDir,
    cacheAvailable
  };
}
function handoverFile(env) {
  return join5(env.RUNNER_TEMP || tmpdir4(), "seamwatch-images-handover.json");
}
async function readHandoverFile(env) {
  try {
    return parseHandover(await readFile2(handoverFile(env), "utf8"));
  } catch {
    return null;
  }
}
async function writeHandoverFile(env, handover) {
  await writeFile2(handoverFile(env), JSON.stringify(handover));
}

// action/image-cache-store.ts
import { createReadStream } from "node:fs";
import { mkdir as mkdir3, readdir, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join6 } from "node:path";
import { finished, pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
var ImageCacheStoreError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ImageCacheStoreError";
  }
};
function imageWorkDir(env) {
  return join6(env.RUNNER_TEMP || tmpdir5(), "seamwatch-images");
}
var DOWNLOAD_IDLE_MS = 3e4;
var STDERR_TAIL_CHARS = 2e3;
var STOP_GRACE_MS = 2e3;
function actionsCacheImageStore() {
  const client = async () => {
    const cache = await import("./cache-Y3G4OCTP.js");
    if (!cache.isFeatureAvailable())
      throw new ImageCacheStoreError("the Actions cache service is not available");
    return cache;
  };
  const internals = () => import("./actions-cache-internals-XB4A2TME.js");
  const restore = async (key, dir) => {
    const cache = await client();
    const prefix = key.endsWith("-");
    await emptyDir(dir);
    const matched = await cache.restoreCache([dir], key, prefix ? [key] : void 0);
    const hit = matched !== void 0 && (prefix ? matched.startsWith(key) : matched === key);
    if (!hit || await isEmpty(dir)) {
      await emptyDir(dir);
      return false;
    }
    return true;
  };
  return {
    restore,
    /**
     * The image file of an exact key's entry, unpacked as it downloads and never written to disk: the
     * client's restoreCache writes each byte three times (a buffer, the archive file, the unpacked file)
     * before `docker load` reads it again, and on a 2-core machine that made the download cost more CPU
     * than the load itself (npm run bench:images). The v1 protocol (GitHub Enterprise Server) has no
     * streaming path here: its entry is restored to `dir` and read from there.
     */
    async stream(key, dir, file) {
      const [, lib] = await Promise.all([client(), internals()]);
      if (lib.getCacheServiceVersion() !== "v2") {
        if (!await restore(key, dir)) return null;
        return fileStream(join6(dir, file));
      }
      if (!lib.isCacheReadable(lib.getCacheMode())) return null;
      const compression = await lib.getCompressionMethod();
      let found;
      try {
        found = await lib.internalCacheTwirpClient().GetCacheEntryDownloadURL({
          key,
          restoreKeys: [],
          version: lib.getCacheVersion([dir], compression)
        });
      } catch (cause) {
        const message = `the cache service could not be asked for ${key}: ${messageOf(cause)}`;
        throw new ImageCacheStoreError(message, { cause });
      }
      if (!found.ok || found.matchedKey !== key) return null;
      return downloadAndUnpack(key, found.signedDownloadUrl, compression, file);
    },
    async save(key, dir) {
      const cache = await client();
      const found = await cache.restoreCache([dir], key, void 0, { lookupOnly: true });
      if (found === key) return "exists";
      const id = await cache.saveCache([dir], key);
      if (id === -1) {
        throw new ImageCacheStoreError(
          `the cache service did not take the entry ${key} (refused, unreachable, or another job is saving it; see the log above)`
        );
      }
      return "saved";
    }
  };
}
async function emptyDir(dir) {
  await rm3(dir, { recursive: true, force: true });
  await mkdir3(dir, { recursive: true });
}
async function isEmpty(dir) {
  return (await readdir(dir).catch(() => [])).length === 0;
}
function decompressor(compression) {
  switch (compression) {
    case "gzip":
      return ["gzip", "-d"];
    case "zstd":
      return ["unzstd", "--long=30"];
    default:
      return ["unzstd"];
  }
}
var TAR_BLOCKING_FACTOR = "2048";
async function downloadAndUnpack(key, url, compression, file) {
  const { HttpClient } = await import("./lib-AVR3AJ35.js");
  const http = new HttpClient("seamwatch", void 0, { socketTimeout: DOWNLOAD_IDLE_MS, keepAlive: false });
  let response;
  try {
    response = await http.get(url);
  } catch (cause) {
    throw new ImageCacheStoreError(`the download of ${key} could not start: ${messageOf(cause)}`, { cause });
  }
  const body = response.message;
  if (body.statusCode !== 200) {
    body.resume();
    throw new ImageCacheStoreError(`the download of ${key} was refused (HTTP ${body.statusCode})`);
  }
  let stopped = false;
  const stages = [];
  let settle = () => {
  };
  const done = new Promise((resolve5, reject) => {
    settle = (outcome) => outcome.then(resolve5, reject);
  });
  done.catch(() => {
  });
  const stage = (command, args, output) => {
    let stderr = "";
    const decoder = new StringDecoder("utf8");
    const program = startProcess(command, args, {
      stdin: "pipe",
      stdout: output,
      killGraceMs: STOP_GRACE_MS,
      onOutput: (chunk) => {
        stderr = (stderr + decoder.write(chunk)).slice(-STDERR_TAIL_CHARS);
      }
    });
    stages.push(program);
    output.destroy();
    const ended = program.ended.then(
      ({ exitCode, signal }) => {
        if (exitCode === 0 || stopped || signal === "SIGPIPE" || /broken pipe/i.test(stderr)) return;
        const why = stderr.split("\n").map((line) => line.trim()).find((line) => line.length > 0 && !/Exiting with failure status/.test(line)) ?? "no output";
        throw new ImageCacheStoreError(
          `${key} could not be unpacked (${command} ${signal ? `signal ${signal}` : `exit ${exitCode}`}): ${why}`
        );
      },
      (cause) => {
        if (!(cause instanceof ProcessStartError)) throw cause;
        throw new ImageCacheStoreError(`${command} could not be run to unpack ${key}: ${cause.message}`, {
          cause: cause.cause
        });
      }
    );
    return { child: program.child, ended };
  };
  const unpackInto = (input) => {
    const tar = stage(
      "tar",
      ["-x", "-O", "-P", "-b", TAR_BLOCKING_FACTOR, "-f", "-", "--no-anchored", file],
      input
    );
    const [command, ...args] = decompressor(compression);
    const decompress = stage(command, args, tar.child.stdin);
    const downloaded = pipeline(body, decompress.child.stdin);
    settle(
      Promise.allSettled([downloaded, decompress.ended, tar.ended]).then(([download, ...programs]) => {
        if (download.status === "rejected" && !stopped && !isBrokenPipe(download.reason)) {
          throw new ImageCacheStoreError(`the download of ${key} broke off: ${messageOf(download.reason)}`, {
            cause: download.reason
          });
        }
        for (const program of programs) if (program.status === "rejected") throw program.reason;
      })
    );
  };
  return {
    pipeTo: unpackInto,
    done,
    stop() {
      stopped = true;
      body.destroy();
      for (const program of stages) void program.stop();
      if (stages.length === 0) settle(Promise.resolve());
    }
  };
}
function isBrokenPipe(cause) {
  const code = cause?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || code === "ERR_STREAM_PREMATURE_CLOSE";
}
function fileStream(path) {
  const data = createReadStream(path);
  let stopped = false;
  const done = finished(data).catch((cause) => {
    if (!stopped) throw cause;
  });
  done.catch(() => {
  });
  return {
    pipeTo: (input) => data.pipe(input),
    done,
    stop() {
      stopped = true;
      data.destroy();
    }
  };
}

// action/inputs.ts
import { createHash as createHash2 } from "node:crypto";
import { statSync as statSync2 } from "node:fs";
import { resolve as resolve4 } from "node:path";

// runner/report-files.ts
import { copyFile, mkdir as mkdir4, rename, stat as stat3, unlink } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, join as join7, normalize as normalize2, resolve as resolve3, sep as sep2 } from "node:path";

// node_modules/tinyglobby/dist/index.mjs
import { readdir as readdir2, readdirSync, realpath, realpathSync, stat as stat2, statSync } from "fs";
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
  fs.realpath(path, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat4) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat4.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat4, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path);
    const stat4 = fs.statSync(resolvedPath);
    if (stat4.isDirectory() && isRecursive(path, resolvedPath, state)) return;
    callback$1(stat4, resolvedPath);
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
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
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
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
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
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
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
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
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
        this.resolveSymlink(path, this.state, (stat4, resolvedPath) => {
          if (stat4.isDirectory()) {
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
  const { absolute, caseSensitiveMatch, debug: debug2, dot, followSymbolicLinks, onlyDirectories } = options;
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
    filters: [debug2 ? (p, isDirectory2) => {
      const path = format(p, isDirectory2);
      const matches = matcher(path) && !ignore(path);
      if (matches) log(`matched ${path}`);
      return matches;
    } : (p, isDirectory2) => {
      const path = format(p, isDirectory2);
      return matcher(path) && !ignore(path);
    }],
    exclude: debug2 ? (_, p) => {
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
    readdir: opts.fs.readdir || readdir2,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat2,
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
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative2) : [];
}

// runner/report-files.ts
var defaultJunitPatterns = Object.freeze([
  "**/junit*.xml",
  "**/TEST-*.xml",
  "**/test-results/**/*.xml",
  "**/reports/**/*.xml"
]);
var DEPENDENCIES = ["**/node_modules/**", "**/.git/**"];
async function matchFiles(patterns, cwd, options) {
  const excluded = options.excludeDir === null ? null : resolve3(cwd, options.excludeDir) + sep2;
  const ignore = [
    ...options.skipDependencies ? DEPENDENCIES : [],
    ...patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1))
  ];
  const found = /* @__PURE__ */ new Set();
  const unmatched = [];
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    if (!isDynamicPattern(pattern)) {
      if (options.keepMissingPaths || await isFile(resolve3(cwd, pattern))) found.add(pattern);
      continue;
    }
    const matches = await glob(pattern, {
      cwd,
      onlyFiles: true,
      expandDirectories: false,
      absolute: isAbsolute2(pattern),
      ignore
    });
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches.sort()) found.add(match);
  }
  const paths = [...found].filter((path) => excluded === null || !resolve3(cwd, path).startsWith(excluded));
  return { paths, unmatched };
}
async function findReports(patterns, cwd, excludeDir = null) {
  const { paths } = await matchFiles(patterns, cwd, {
    skipDependencies: true,
    keepMissingPaths: false,
    excludeDir
  });
  return [...paths];
}
async function setAside(paths, cwd, dir) {
  let moved = 0;
  for (const path of paths) {
    const from = resolve3(cwd, path);
    const to = join7(dir, asideName(path));
    await mkdir4(dirname2(to), { recursive: true });
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
  if (isAbsolute2(path)) return join7("_absolute", path);
  return normalize2(path).split(sep2).map((segment) => segment === ".." ? "__" : segment).join(sep2);
}
async function isFile(path) {
  try {
    return (await stat3(path)).isFile();
  } catch (cause) {
    const code = cause.code;
    return code !== "ENOENT" && code !== "ENOTDIR";
  }
}

// runner/settings.ts
var FIRST_RETRY_DELAY_MS = 5e3;
var MAX_RETRY_DELAY_MS = 5 * 6e4;
var MAX_ATTEMPTS = 3;
var SLOW_TEST_SECONDS = 60;
var SHELL = "bash";
var RUN_SETTINGS = {
  junit: {
    input: "junit",
    flag: "--junit <glob>",
    default: defaultJunitPatterns,
    help: [
      "JUnit XML to read after each attempt (repeatable); default:",
      defaultJunitPatterns.join(" "),
      "(node_modules excluded)"
    ]
  },
  maxAttempts: {
    input: "max-attempts",
    flag: "--max-attempts <n>",
    default: MAX_ATTEMPTS,
    help: [`attempts in all, the first included (default ${MAX_ATTEMPTS})`]
  },
  retryDelaySeconds: {
    input: "retry-delay-seconds",
    flag: "--retry-delay-seconds <s>",
    default: null,
    help: [
      `wait s seconds before each retry (default: ${FIRST_RETRY_DELAY_MS / 1e3}, then ${2 * FIRST_RETRY_DELAY_MS / 1e3}, ${4 * FIRST_RETRY_DELAY_MS / 1e3}... up`,
      `to ${MAX_RETRY_DELAY_MS / 6e4} minutes)`
    ]
  },
  attemptTimeoutMinutes: {
    input: "attempt-timeout-minutes",
    flag: "--attempt-timeout-minutes <m>",
    default: null,
    help: ["stop an attempt's whole process tree after m minutes (fractions allowed)"]
  },
  infraPatterns: {
    input: "infra-patterns",
    flag: "--infra-pattern <regex>",
    default: [],
    help: ["output or failure text that means infrastructure (repeatable)"]
  },
  testPatterns: {
    input: "test-patterns",
    flag: "--test-pattern <regex>",
    default: [],
    help: ["text that means a genuine failure, checked first (repeatable)"]
  },
  slowTestSeconds: {
    input: "slow-test-seconds",
    flag: "--slow-test-seconds <s>",
    default: SLOW_TEST_SECONDS,
    help: [`tests slower than this are listed as slow (default ${SLOW_TEST_SECONDS})`]
  },
  shell: {
    input: "shell",
    flag: "--shell <bash|sh|template>",
    default: SHELL,
    help: [
      `how the command is run (default ${SHELL}: bash -e -o pipefail);`,
      'a template runs a script file put in place of {0}, e.g. "python {0}"'
    ]
  }
};
function retryDelayMs(seconds2) {
  return seconds2 === null ? exponentialBackoff(FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS) : () => seconds2 * 1e3;
}

// runner/shell-command.ts
import { writeFile as writeFile3 } from "node:fs/promises";
import { join as join8 } from "node:path";

// runner/output-tail.ts
import { StringDecoder as StringDecoder2 } from "node:string_decoder";
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
    stdout: { decoder: new StringDecoder2("utf8"), partial: "" },
    stderr: { decoder: new StringDecoder2("utf8"), partial: "" }
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

// runner/shell-command.ts
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
  const script = join8(options.scriptDir, "command");
  await writeFile3(script, `${options.command}
`, { mode: 448 });
  const [file = "", ...args] = options.shell.trim().split(/\s+/).map((word) => word.replaceAll(SCRIPT_PLACEHOLDER, script));
  return { file, args };
}
async function runShellCommand(options) {
  const { file, args } = await shellArgv(options);
  const tail = new OutputTail();
  const started = startProcess(file, args, {
    cwd: options.cwd,
    env: options.env,
    ownGroup: true,
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs,
    pipesAfterExitMs: PIPE_DRAIN_MS,
    onOutput: (chunk, stream) => {
      tail.write(chunk, stream);
      options.onOutput(chunk, stream);
    },
    ...options.signal ? { signal: options.signal } : {}
  });
  try {
    const end = await started.ended;
    return Object.freeze({
      exitCode: end.exitCode,
      signal: end.signal,
      timedOut: end.timedOut,
      cancelled: end.cancelled,
      outputTail: Object.freeze(tail.end()),
      pid: started.child.pid ?? -1
    });
  } catch (error) {
    if (!(error instanceof ProcessStartError)) throw error;
    throw new CommandStartError(
      `could not start ${JSON.stringify(file)} in ${options.cwd}: ${error.message}`,
      { cause: error.cause }
    );
  }
}

// action/inputs.ts
var INPUT = {
  run: "run",
  workingDirectory: "working-directory",
  shell: RUN_SETTINGS.shell.input,
  junit: RUN_SETTINGS.junit.input,
  maxAttempts: RUN_SETTINGS.maxAttempts.input,
  retryDelaySeconds: RUN_SETTINGS.retryDelaySeconds.input,
  attemptTimeoutMinutes: RUN_SETTINGS.attemptTimeoutMinutes.input,
  infraPatterns: RUN_SETTINGS.infraPatterns.input,
  testPatterns: RUN_SETTINGS.testPatterns.input,
  slowTestSeconds: RUN_SETTINGS.slowTestSeconds.input,
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
  shell: RUN_SETTINGS.shell.default,
  junit: RUN_SETTINGS.junit.default,
  maxAttempts: RUN_SETTINGS.maxAttempts.default,
  slowTestSeconds: RUN_SETTINGS.slowTestSeconds.default,
  comment: "auto",
  failOn: "test-failures",
  cacheImages: "auto",
  cacheReadOnly: false,
  cacheMaxGb: 10
};
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
  const read = withoutExpressions(options.read ?? ((name) => getInput(name)));
  const env = options.env ?? process.env;
  const run = read(INPUT.run);
  if (run === "") throw new InputError(INPUT.run, "", "is required: give the command that runs the tests");
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectoryText = read(INPUT.workingDirectory);
  const workingDirectory = resolve4(workspace, workingDirectoryText || ".");
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
    retryDelayMs: retryDelayMs(retryDelaySeconds),
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
var EXPRESSION = /^\$\{\{[\s\S]*\}\}$/;
function withoutExpressions(read) {
  return (name) => {
    const value = read(name);
    if (!EXPRESSION.test(value)) return value;
    debug(`Input "${name}" is the unevaluated expression ${value}: treated as unset.`);
    return "";
  };
}
function withoutInputs(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_")));
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
  const hash = createHash2("sha256").update(canonicalJson(context.matrix)).digest("hex").slice(0, 12);
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

// action/image-cache.ts
var LOG_PREFIX = "seamwatch: images:";
var noCache = {
  restore: async () => false,
  save: async () => {
    throw new Error("the image cache is off");
  }
};
function hasCacheService(env) {
  return Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL);
}
var logInfo = (line) => {
  if (!line.startsWith("warning: ")) info(`${LOG_PREFIX} ${line}`);
};
async function restoreImageCache(options) {
  const { inputs, env } = options;
  const asked = inputs.listed.length > 0;
  const cacheAvailable = inputs.mode !== "off" && hasCacheService(env);
  if (!asked && !cacheAvailable) {
    if (inputs.mode !== "off")
      info(`${LOG_PREFIX} no Actions cache service in this job; not caching images.`);
    setOutputs({ [OUTPUT.imagesRestored]: "0", [OUTPUT.imageCacheHit]: "false" });
    return;
  }
  if (inputs.mode !== "off" && !cacheAvailable) {
    warning(
      "The Actions cache service is not available in this job: the listed images are pulled, not cached."
    );
  }
  const workDir = imageWorkDir(env);
  const started = performance.now();
  const result = await restoreImages({
    store: cacheAvailable ? actionsCacheImageStore() : noCache,
    // `docker` sees the job's environment, as a `run:` step would.
    docker: { env: withoutInputs(env) },
    prefix: inputs.prefix,
    listed: inputs.listed,
    workDir,
    pull: { ...defaultPullRetry, rules: options.rules, log: (line) => info(`${LOG_PREFIX} ${line}`) },
    log: logInfo
  });
  for (const warning2 of result.warnings) {
    if (!result.dockerUsable && !asked) info(`${LOG_PREFIX} ${warning2}`);
    else warning(warning2);
  }
  for (const image of result.images) info(`${LOG_PREFIX} ${describeRestore(image)}`);
  const hit = cacheHit(result.images);
  const restoreSeconds = (performance.now() - started) / 1e3;
  const fromCache = result.images.filter((image) => image.result === "loaded").length;
  info(
    `${LOG_PREFIX} ${fromCache} of ${result.images.length} from the cache (${hit}) in ${restoreSeconds.toFixed(1)} s`
  );
  if (result.dockerUsable) {
    const handover = {
      restoreId: randomUUID(),
      settings: { ...inputs, workDir, cacheAvailable },
      state: result.state,
      restores: result.images,
      restoreSeconds
    };
    saveState(STATE.imageCache, JSON.stringify(handover));
    try {
      await writeHandoverFile(env, handover);
    } catch (error) {
      info(`${LOG_PREFIX} the save step will not find this job's images: ${messageOf(error)}`);
    }
  }
  setOutputs({ [OUTPUT.imagesRestored]: String(fromCache), [OUTPUT.imageCacheHit]: hit });
}
async function saveImageCache(env) {
  const text = getState(STATE.imageCache);
  if (text === "") return;
  const handover = parseHandover(text);
  if (!handover) {
    warning("Docker images not saved: the main step's state is unreadable.");
    return;
  }
  const fromFile = await readHandoverFile(env);
  if (fromFile?.restoreId === handover.restoreId && fromFile.savedByStep) {
    info(`${LOG_PREFIX} already saved by the save step; nothing left to do.`);
    return;
  }
  await saveAndReport(handover, env);
}
async function saveAndReport(handover, env) {
  const { settings } = handover;
  let saves = null;
  let count = 0;
  const started = performance.now();
  if (settings.mode !== "off" && settings.cacheAvailable) {
    const saved = await saveImages({
      store: actionsCacheImageStore(),
      docker: { env: withoutInputs(env) },
      prefix: settings.prefix,
      listed: settings.listed,
      mode: settings.mode,
      state: handover.state,
      readOnly: settings.readOnly,
      maxBytes: settings.maxBytes,
      workDir: settings.workDir,
      log: logInfo
    });
    for (const warning2 of saved.warnings) warning(warning2);
    saves = saved.images;
    count = saves.filter((image) => image.result === "saved").length;
    info(`${LOG_PREFIX} ${count} saved to the cache${settings.readOnly ? " (read-only: none)" : ""}`);
  }
  try {
    const times = {
      restoreSeconds: handover.restoreSeconds,
      saveSeconds: (performance.now() - started) / 1e3
    };
    await summary.addRaw(renderImagesSection(handover.restores, saves, times), true).write();
  } catch (error) {
    warning(`Could not add the images to the job summary: ${messageOf(error)}`);
  }
  return count;
}
async function saveImagesNow(env) {
  const handover = await readHandoverFile(env);
  if (!handover) {
    warning(
      "No Docker images to save: no seamwatch step with the image cache ran before this one in this job."
    );
    return 0;
  }
  if (handover.savedByStep) {
    info(`${LOG_PREFIX} already saved by an earlier save step in this job.`);
    return 0;
  }
  const saved = await saveAndReport(handover, env);
  try {
    await writeHandoverFile(env, { ...handover, savedByStep: true });
  } catch (error) {
    warning(`The post step may save the images again: ${messageOf(error)}`);
  }
  return saved;
}

export {
  emptyCounts,
  addCounts,
  testCasesOf,
  formatSuitePath,
  classifyAttempt,
  PatternError,
  plural,
  JunitParser,
  annotationsFor,
  jsonPieces,
  commentMarker,
  renderRunReport,
  messageOf,
  retry,
  checkMaxAttempts,
  exponentialBackoff,
  findReports,
  setAside,
  CommandStartError,
  checkShell,
  runShellCommand,
  InputError,
  getInputs,
  withoutInputs,
  SAVE_STEP_OUTPUT,
  STATE,
  outputValues,
  setOutputs,
  reportPathFor,
  restoreImageCache,
  saveImageCache,
  saveImagesNow
};
