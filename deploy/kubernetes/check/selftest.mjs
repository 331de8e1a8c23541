// Proves validate.mjs refuses what it is meant to refuse: each case breaks one thing in the built manifests
// and expects the matching problem. Usage: node selftest.mjs <built base.yaml> <built production.yaml>
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { problemsOf } from "./validate.mjs";

const load = (file) => parseAllDocuments(readFileSync(file, "utf8")).map((doc) => doc.toJS()).filter(Boolean);
const [baseFile, productionFile] = process.argv.slice(2);
const base = load(baseFile);
const production = load(productionFile);
const find = (resources, kind, name) => resources.find((r) => r.kind === kind && (!name || r.metadata.name === name));
const container = (resources, name) => find(resources, "Deployment", name).spec.template.spec.containers[0];

const cases = [
  ["a field of the wrong type", base, (r) => { find(r, "Deployment").spec.replicas = "two"; }, "does not match its schema"],
  ["a CRD field of the wrong type", base, (r) => { find(r, "KafkaTopic").spec.partitions = "3"; }, "does not match its schema"],
  ["an API nobody validates", base, (r) => { r.push({ apiVersion: "example.org/v1", kind: "Widget", metadata: { name: "w" } }); }, "no schema known"],
  ["no readiness probe", base, (r) => { delete container(r, "gateway").readinessProbe; }, "has no HTTP readinessProbe"],
  ["no memory limit", base, (r) => { delete container(r, "funding-service").resources.limits.memory; }, "has no limits.memory"],
  ["a writable root file system", base, (r) => { container(r, "conseiller-service").securityContext.readOnlyRootFilesystem = false; }, "is not hardened"],
  ["a password in the manifest", base, (r) => { container(r, "structure-service").env.push({ name: "STRUCTURE_DB_PASSWORD", value: "x" }); }, "instead of read from a secret"],
  ["a database secret no cluster creates", base, (r) => { r.splice(r.indexOf(find(r, "Cluster", "funding-db")), 1); }, "no CloudNativePG Cluster funding-db"],
  ["a Secret written out", base, (r) => { r.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { a: "b" } }); }, "secrets are written"],
  ["no autoscaler", base, (r) => { r.splice(r.indexOf(find(r, "HorizontalPodAutoscaler", "gateway")), 1); }, "has no HorizontalPodAutoscaler"],
  ["no disruption budget", base, (r) => { r.splice(r.indexOf(find(r, "PodDisruptionBudget", "structure-service")), 1); }, "has no PodDisruptionBudget"],
  ["two Kafka nodes", base, (r) => { find(r, "KafkaNodePool").spec.replicas = 2; }, "needs three brokers"],
  ["a topic with one replica", base, (r) => { find(r, "KafkaTopic", "post.events").spec.replicas = 1; }, "not 3"],
  ["a topic accepting one in-sync replica", base, (r) => { find(r, "KafkaTopic", "funding.events").spec.config["min.insync.replicas"] = 1; }, "min.insync.replicas is not 2"],
  ["a used topic not declared", base, (r) => { r.splice(r.indexOf(find(r, "KafkaTopic", "structure.events")), 1); }, "structure.events is used by a service but has no KafkaTopic"],
  ["production: one database instance", production, (r) => { find(r, "Cluster").spec.instances = 1; }, "fewer than three instances"],
  ["production: no TLS", production, (r) => { delete find(r, "Ingress").spec.tls; }, "serves no TLS"],
  ["production: the build's image name", production, (r) => { container(r, "gateway").image = "docker.io/inclusion93/gateway:1.0.0-SNAPSHOT"; }, "not the registry's"],
];

const topicsUsed = ["structure.events", "post.events", "funding.events"];
let failures = 0;
for (const resources of [base, production]) {
  const problems = await problemsOf(resources, { topicsUsed, production: resources === production });
  if (problems.length) { failures++; console.error(`[selftest] the unbroken manifests are refused: ${problems}`); }
}
for (const [name, resources, breakIt, expected] of cases) {
  const broken = structuredClone(resources);
  breakIt(broken);
  const problems = await problemsOf(broken, { topicsUsed, production: resources === production });
  if (!problems.some((p) => p.includes(expected))) {
    failures++;
    console.error(`[selftest] ${name}: expected a problem containing "${expected}", got ${JSON.stringify(problems)}`);
  }
}
if (failures) process.exit(1);
console.log(`[selftest] validate.mjs refuses each of ${cases.length} broken variants and accepts the manifests as built`);
