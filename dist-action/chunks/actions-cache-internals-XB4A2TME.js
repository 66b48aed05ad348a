import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getCacheMode,
  getCacheServiceVersion,
  getCacheVersion,
  getCompressionMethod,
  internalCacheTwirpClient,
  isCacheReadable
} from "./chunk-FJPBS65P.js";
import "./chunk-Z54VKEA3.js";
import "./chunk-MWJGWRLQ.js";
import "./chunk-NAU65K2V.js";
import "./chunk-HANBNIMK.js";
export {
  getCacheMode,
  getCacheServiceVersion,
  getCacheVersion,
  getCompressionMethod,
  internalCacheTwirpClient,
  isCacheReadable
};
