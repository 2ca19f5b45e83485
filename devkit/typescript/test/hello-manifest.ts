// The hello example's manifest (devkit/examples/hello/conductor-adapter.yaml) written against the generated types:
// the type-check of the build fails when the types stop describing a real manifest, or stop refusing a wrong one.
import type { AdapterManifest } from "../src/index.js";

export const hello: AdapterManifest = {
  manifestVersion: 1,
  name: "hello-notify",
  version: "1.1.0",
  category: "notifications",
  title: "Hello",
  description: "Says hello to a greeting service; the dev kit's example adapter",
  owner: { name: "partner-acme", email: "adapters@acme.example" },
  component: { scheme: "hello", className: "com.acme.hello.HelloComponent" },
  risk: { riskLevel: "low", dataSensitivity: "internal", requiresApproval: false },
  supportedRegions: ["eu-west-1", "us-east-1"],
  capabilities: ["greet"],
  operations: [
    { name: "greet", description: "Sends a greeting to the body's name and returns the service's reply", writes: true },
  ],
  permissions: [
    { kind: "network", target: "greeter.acme.example:443", reason: "the greeting service" },
    { kind: "secrets", reason: "the greeting service's API key" },
  ],
  dependencies: [],
  configSchema: {
    type: "object",
    additionalProperties: false,
    required: ["greeting", "endpoint", "apiKey"],
    properties: {
      greeting: { type: "string", maxLength: 64, description: "What to say" },
      endpoint: { type: "string", pattern: "^https?://\\S+$", description: "The greeting service's URL" },
      apiKey: { type: "string", format: "password", description: "API key of the greeting service, as secret:<name>" },
    },
  },
  supportLevel: "partner",
  releaseStage: "beta",
  documentationUrl: "https://acme.example/docs/hello",
  releases: {
    breakingChanges: {
      "1.0.0": { message: "The greeting field is required", upgradeDeadline: "2027-01-31" },
    },
  },
};

export const wrongCategory: AdapterManifest = {
  ...hello,
  // @ts-expect-error a category the schema does not have
  category: "chat",
};

export const wrongRisk: AdapterManifest = {
  ...hello,
  // @ts-expect-error a risk level the schema does not have
  risk: { riskLevel: "harmless", dataSensitivity: "internal" },
};

// @ts-expect-error a manifest without its component
export const noComponent: AdapterManifest = { ...hello, component: undefined };
