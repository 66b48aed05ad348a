import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  Headers,
  HttpClient,
  HttpClientError,
  HttpClientResponse,
  HttpCodes,
  MediaTypes,
  getProxyUrl,
  isHttps
} from "./chunk-MWJGWRLQ.js";
import "./chunk-NAU65K2V.js";
import "./chunk-HANBNIMK.js";
export {
  Headers,
  HttpClient,
  HttpClientError,
  HttpClientResponse,
  HttpCodes,
  MediaTypes,
  getProxyUrl,
  isHttps
};
