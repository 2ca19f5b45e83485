// The adapter manifest's types, for tools that write or read conductor-adapter.yaml (after parsing the YAML).
export type * from "./adapter-manifest.js";
