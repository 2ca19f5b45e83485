// Generates src/adapter-manifest.ts from the dev kit's manifest JSON Schema (the one the validator uses) with
// json-schema-to-typescript. --write rewrites the file; --check fails (exit 1) when the file is not what the schema
// generates now, so a schema change without regenerated types fails the build.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { compile } from "json-schema-to-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const schemaFile = resolve(here, "../../src/main/resources/io/maestro/conductor/devkit/adapter-manifest.schema.json");
const typesFile = resolve(here, "../src/adapter-manifest.ts");

const mode = process.argv[2];
if (mode !== "--write" && mode !== "--check") {
  console.error("usage: generate.mjs --write | --check");
  process.exit(2);
}

const schema = JSON.parse(await readFile(schemaFile, "utf8"));
const generated = await compile(schema, "AdapterManifest", {
  bannerComment:
    "/* Generated from devkit/src/main/resources/io/maestro/conductor/devkit/adapter-manifest.schema.json by\n" +
    " * json-schema-to-typescript (npm run generate). Do not edit: change the schema and regenerate. */",
  strictIndexSignatures: true,
  style: { printWidth: 120 },
});

if (mode === "--write") {
  await writeFile(typesFile, generated);
  console.log(`wrote ${typesFile}`);
} else {
  let current = "";
  try {
    current = await readFile(typesFile, "utf8");
  } catch {
    // missing counts as out of date
  }
  if (current !== generated) {
    console.error(
      "devkit/typescript/src/adapter-manifest.ts is not what the manifest schema generates: run `npm run generate` " +
        "in devkit/typescript and commit the result",
    );
    process.exit(1);
  }
  console.log("adapter-manifest.ts is up to date with the schema");
}
