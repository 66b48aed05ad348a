// Public surface of CI detection: the run report's `ci` block and how it is filled from the environment.
export {
  type CiContext,
  type CiOverrides,
  type CiProvider,
  ciProviders,
  type Environment,
} from "./context.ts";
export { type DetectCiOptions, detectCi, detectProvider, repositoryOfGitUrl } from "./detect-ci.ts";
