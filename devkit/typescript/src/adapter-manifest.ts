/* Generated from devkit/src/main/resources/io/maestro/conductor/devkit/adapter-manifest.schema.json by
 * json-schema-to-typescript (npm run generate). Do not edit: change the schema and regenerate. */

/**
 * What a partner adapter is, declares and needs: the registry definition it publishes (name, version, category, risk, regions, config schema), its Camel component, operations, permissions and dependencies for review, and its support level, release stage and breaking changes (after Airbyte's metadata.yaml and Camel Kamelets).
 */
export interface AdapterManifest {
  /**
   * Version of this manifest format.
   */
  manifestVersion: 1;
  /**
   * Definition name instances and policies use.
   */
  name: string;
  /**
   * Semantic version of this release; a published version is immutable.
   */
  version: string;
  /**
   * Registry category.
   */
  category: "identity" | "storage" | "payments" | "notifications" | "ticketing" | "event-bus" | "notary";
  title: string;
  description: string;
  owner: {
    name: string;
    email: string;
  };
  /**
   * The Camel component the jar serves.
   */
  component: {
    scheme: string;
    className: string;
  };
  risk: {
    riskLevel: "low" | "medium" | "high" | "critical";
    dataSensitivity: "public" | "internal" | "confidential" | "restricted";
    requiresApproval?: boolean;
  };
  /**
   * @minItems 1
   * @maxItems 64
   */
  supportedRegions: [string, ...string[]];
  /**
   * @maxItems 64
   */
  capabilities: string[];
  /**
   * Operations of the component's operation table.
   *
   * @minItems 1
   * @maxItems 128
   */
  operations: [
    {
      name: string;
      description: string;
      writes?: boolean;
    },
    ...{
      name: string;
      description: string;
      writes?: boolean;
    }[]
  ];
  /**
   * What the adapter needs from the hub and the network; the review compares them with what the jar uses.
   *
   * @maxItems 64
   */
  permissions: {
    kind: "network" | "secrets" | "filesystem" | "process";
    target?: string;
    reason?: string;
  }[];
  /**
   * Libraries bundled in or required by the jar, checked against the known-bad list.
   *
   * @maxItems 512
   */
  dependencies?: string[];
  configSchema: ConfigObject;
  supportLevel: "community" | "partner" | "certified";
  releaseStage: "alpha" | "beta" | "generally_available" | "deprecated";
  documentationUrl?: string;
  releases?: {
    /**
     * Per version that breaks its predecessor: what changed and how to migrate.
     */
    breakingChanges?: {
      [k: string]:
        | {
            message: string;
            upgradeDeadline?: string;
            migrationDocumentationUrl?: string;
          }
        | undefined;
    };
  };
}
/**
 * JSON Schema (draft 2020-12) of an instance's config, type object; credentials marked format: password or x-secret: true.
 */
export interface ConfigObject {
  type: "object";
  properties: {
    [k: string]: ConfigProperty | undefined;
  };
  /**
   * @maxItems 128
   */
  required?: string[];
  additionalProperties?: boolean;
  [k: string]: unknown | undefined;
}
export interface ConfigProperty {
  type: "string" | "integer" | "number" | "boolean" | "object" | "array";
  description: string;
  format?: string;
  "x-secret"?: boolean;
  pattern?: string;
  properties?: {
    [k: string]: ConfigProperty | undefined;
  };
  items?: ConfigProperty;
  [k: string]: unknown | undefined;
}
