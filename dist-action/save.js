import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  messageOf,
  runSaveStep
} from "./chunks/chunk-24X6XB3M.js";
import {
  warning
} from "./chunks/chunk-Z54VKEA3.js";
import "./chunks/chunk-HANBNIMK.js";

// action/save-index.ts
runSaveStep().then(
  // Exit explicitly: keep-alive sockets of the cache client must not hold the step open.
  () => process.exit(),
  (error) => {
    warning(`Docker images not saved: ${messageOf(error)}`);
    process.exit();
  }
);
