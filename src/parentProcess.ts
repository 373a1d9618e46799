// `npm start` runs the service through `sh -c`, and on Linux that shell dies of a SIGTERM sent to
// npm (by Docker, systemd or a process manager stopping "npm start") without passing it on: the
// service would keep running, its parent gone, until it is killed outright. A service started by
// npm whose parent has gone was asked to stop, and stops as it does on SIGTERM.

/** How often the parent is looked for: a stop request is noticed within this. */
const checkEveryMs = 1_000;

/**
 * Calls `stop` once when this process's parent has exited (the process is then adopted by another,
 * so its parent id changes), if it was started by an npm script. Returns a function that stops watching.
 */
export function stopWhenNpmParentExits(stop: () => void, environment: NodeJS.ProcessEnv = process.env): () => void {
  if (!environment.npm_lifecycle_event) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, checkEveryMs);
  timer.unref(); // never what keeps the process alive
  return () => clearInterval(timer);
}
