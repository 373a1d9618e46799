// Preloaded (--import …/allocationSampler.mjs?dir=DIR) into the service and the baselines when
// BENCH_ALLOCATION_PROFILE_DIR is set:
// samples every allocation, including objects the collector has already freed, and writes the
// profile (<pid>.heapprofile, open it in Chrome DevTools) when the process exits. Node's own
// --heap-prof keeps only what is still alive at the end, which hides the garbage a step makes.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const directory = new URL(import.meta.url).searchParams.get("dir");
if (directory) {
  const session = new inspector.Session();
  session.connect();
  session.post("HeapProfiler.enable");
  session.post("HeapProfiler.startSampling", { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  // The in-process session answers synchronously, so the profile is written before the process ends.
  process.on("exit", () => {
    session.post("HeapProfiler.stopSampling", (error, result) => {
      if (!error) fs.writeFileSync(path.join(directory, `${process.pid}.heapprofile`), JSON.stringify(result.profile));
    });
  });
}
