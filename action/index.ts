// Entry of dist-action/index.js, which action.yml runs as both the main and the post step.
import { runMainOrPost } from "./main-or-post.ts";

runMainOrPost(true);
