#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build` (run automatically by `npm ci`).
import "../dist/seamwatch.js";
