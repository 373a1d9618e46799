// Who acts, as what, and when: what every step on a record is given.
import type { Viewer } from "../domain/accessPolicy.js";
import type { Actor } from "./changeHistory.js";

export interface Acting {
  actor: Actor;
  viewer: Viewer;
  now: Date;
}
