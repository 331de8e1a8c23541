// The services' manifests as Quarkus generates them (<service>/target/kubernetes/kubernetes.yml, at every package),
// in a canonical form (keys sorted: Quarkus orders some labels differently from one build to the next), against the
// committed copies in deploy/kubernetes/base/<service>/kubernetes.yml that Kustomize composes.
// Usage: node manifests.mjs --check | --write   (from anywhere; paths are relative to the repository)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, stringify } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const services = ["structure-service", "conseiller-service", "funding-service", "gateway"];
const mode = process.argv[2];
if (mode !== "--check" && mode !== "--write") {
  console.error("usage: node manifests.mjs --check | --write");
  process.exit(2);
}

const canonical = (text) => parseAllDocuments(text).map((doc) => doc.toJS()).filter(Boolean)
  .map((resource) => "---\n" + stringify(resource, { sortMapEntries: true, lineWidth: 0 })).join("");

let stale = [];
for (const service of services) {
  const generated = join(root, service, "target/kubernetes/kubernetes.yml");
  const committed = join(root, "deploy/kubernetes/base", service, "kubernetes.yml");
  if (!existsSync(generated)) {
    console.error(`[manifests] ${generated} is missing: package ${service} first (./mvnw package)`);
    process.exit(1);
  }
  const expected = canonical(readFileSync(generated, "utf8"));
  if (mode === "--write") {
    writeFileSync(committed, expected);
  } else if (!existsSync(committed) || readFileSync(committed, "utf8") !== expected) {
    stale.push(service);
  }
}
if (stale.length) {
  console.error(`[manifests] the generated manifests of ${stale.join(", ")} differ from the committed ones in `
    + "deploy/kubernetes/base: review them with `node deploy/kubernetes/check/manifests.mjs --write && git diff`, then commit");
  process.exit(1);
}
console.log(mode === "--write" ? "[manifests] written to deploy/kubernetes/base" : "[manifests] the committed manifests are the generated ones");
