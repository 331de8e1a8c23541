// Validates the output of `kustomize build` (read from a file) offline:
//  - every resource against its Kubernetes or CRD schema (kubernetes-models, and its Strimzi and CloudNativePG
//    packages: the API server's OpenAPI and the operators' CRDs, compiled to validators);
//  - the rules this system's deployment relies on (probes, resources, non-root, secrets referenced, a disruption
//    budget and an autoscaler per service, three Kafka nodes, a topic for every topic the services use with three
//    replicas and min.insync.replicas 2, a PostgreSQL cluster behind every database secret).
// Usage: node validate.mjs <built.yaml> <label> [--topics a,b,c] [--production]
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// The problems found in a list of resources (empty when all is well).
export async function problemsOf(resources, { topicsUsed = [], production = false } = {}) {
  const problems = [];
  const fail = (resource, message) => problems.push(`${resource.kind}/${resource.metadata?.name}: ${message}`);

  // apiVersion → the module holding its models
  function modelModule(apiVersion) {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    if (group === "kafka.strimzi.io") return `@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/${version}`;
    if (group === "postgresql.cnpg.io") return `@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/${version}`;
    if (group === "" || !group.includes(".") || group.endsWith(".k8s.io")) return `kubernetes-models/${apiVersion}`;
    return undefined;
  }

  async function validateSchema(resource) {
    const module = modelModule(resource.apiVersion ?? "");
    if (!module) return fail(resource, `no schema known for ${resource.apiVersion}`);
    let Model;
    try {
      Model = (await import(module))[resource.kind];
    } catch {
      Model = undefined;
    }
    if (!Model) return fail(resource, `no schema for ${resource.apiVersion} ${resource.kind}`);
    try {
      new Model(resource).validate();
    } catch (error) {
      fail(resource, `does not match its schema: ${error.message}`);
    }
  }

  const ofKind = (kind) => resources.filter((r) => r.kind === kind);
  const named = (kind, name) => ofKind(kind).find((r) => r.metadata.name === name);

  function checkDeployments() {
    const deployments = ofKind("Deployment");
    if (deployments.length !== 4) problems.push(`expected the four services' Deployments, found ${deployments.length}`);
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const pod = deployment.spec.template.spec;
      if (!pod.securityContext?.runAsNonRoot) fail(deployment, "does not require a non-root user");
      for (const container of pod.containers) {
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
          if (!container[probe]?.httpGet?.path) fail(deployment, `container ${container.name} has no HTTP ${probe}`);
        }
        for (const kind of ["requests", "limits"]) {
          for (const resource of ["cpu", "memory"]) {
            if (!container.resources?.[kind]?.[resource]) fail(deployment, `container ${container.name} has no ${kind}.${resource}`);
          }
        }
        const security = container.securityContext ?? {};
        if (security.allowPrivilegeEscalation !== false || !security.readOnlyRootFilesystem
            || !(security.capabilities?.drop ?? []).includes("ALL")) {
          fail(deployment, `container ${container.name} is not hardened (privilege escalation, read-only root, capabilities)`);
        }
        for (const variable of container.env ?? []) {
          if (/PASSWORD|SECRET|TOKEN|CREDENTIAL/.test(variable.name) && !variable.valueFrom?.secretKeyRef) {
            fail(deployment, `${variable.name} is written in the manifest instead of read from a secret`);
          }
          const secret = variable.valueFrom?.secretKeyRef?.name;
          if (secret?.endsWith("-app") && !named("Cluster", secret.slice(0, -"-app".length))) {
            fail(deployment, `${variable.name} reads ${secret}, but no CloudNativePG Cluster ${secret.slice(0, -4)} creates it`);
          }
        }
        for (const source of container.envFrom ?? []) {
          const map = source.configMapRef?.name;
          if (production && map && !named("ConfigMap", map)) fail(deployment, `reads ConfigMap ${map}, which is not there`);
        }
        if (production && container.image.startsWith("docker.io/inclusion93/")) {
          fail(deployment, `image ${container.image} is the build's name, not the registry's`);
        }
      }
      const budget = ofKind("PodDisruptionBudget").find((b) => b.spec.selector?.matchLabels?.["app.kubernetes.io/name"] === name);
      if (!budget) fail(deployment, "has no PodDisruptionBudget");
      const scaler = ofKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === name);
      if (!scaler) fail(deployment, "has no HorizontalPodAutoscaler");
      if (!named("Service", name)) fail(deployment, "has no Service");
    }
    const ingress = ofKind("Ingress").find((i) => i.spec.rules?.some((rule) => rule.http?.paths?.some((p) => p.backend.service?.name === "gateway")));
    if (!ingress) problems.push("no Ingress routes to the gateway");
    if (ingress && production && !(ingress.spec.tls ?? []).length) fail(ingress, "serves no TLS");
    if (ofKind("Secret").length) problems.push(`secrets are written in the manifests: ${ofKind("Secret").map((s) => s.metadata.name)}`);
  }

  function checkKafka() {
    const clusters = ofKind("Kafka");
    if (clusters.length !== 1) return problems.push(`expected one Kafka, found ${clusters.length}`);
    const kafka = clusters[0];
    const pools = ofKind("KafkaNodePool").filter((p) => p.metadata.labels?.["strimzi.io/cluster"] === kafka.metadata.name);
    const count = (role) => pools.filter((p) => p.spec.roles.includes(role)).reduce((sum, p) => sum + p.spec.replicas, 0);
    if (count("broker") < 3 || count("controller") < 3) fail(kafka, `needs three brokers and three KRaft controllers, has ${count("broker")} and ${count("controller")}`);
    if (Number(kafka.spec.kafka.config?.["min.insync.replicas"]) !== 2) fail(kafka, "min.insync.replicas is not 2");
    const topics = ofKind("KafkaTopic");
    for (const topic of topics) {
      const name = topic.spec.topicName ?? topic.metadata.name;
      if (topic.metadata.labels?.["strimzi.io/cluster"] !== kafka.metadata.name) fail(topic, "names no Kafka cluster of these manifests");
      if (topic.spec.replicas !== 3) fail(topic, `${name} has ${topic.spec.replicas} replicas, not 3`);
      if (Number(topic.spec.config?.["min.insync.replicas"]) !== 2) fail(topic, `${name}: min.insync.replicas is not 2`);
      if (!topic.spec.config?.["retention.ms"]) fail(topic, `${name} sets no retention`);
      if (!(topic.spec.partitions >= 1)) fail(topic, `${name} sets no partitions`);
    }
    const declared = new Set(topics.map((t) => t.spec.topicName ?? t.metadata.name));
    for (const used of topicsUsed) if (!declared.has(used)) problems.push(`topic ${used} is used by a service but has no KafkaTopic`);
  }

  function checkDatabases() {
    for (const cluster of ofKind("Cluster")) {
      if (!cluster.spec.bootstrap?.initdb?.database) fail(cluster, "creates no database");
      if (production && cluster.spec.instances < 3) fail(cluster, "has fewer than three instances");
    }
  }

  for (const resource of resources) await validateSchema(resource);
  checkDeployments();
  checkKafka();
  checkDatabases();
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, label, ...options] = process.argv.slice(2);
  const topicsUsed = options.includes("--topics") ? options[options.indexOf("--topics") + 1].split(",").filter(Boolean) : [];
  const resources = parseAllDocuments(readFileSync(file, "utf8")).map((doc) => doc.toJS()).filter(Boolean);
  const problems = await problemsOf(resources, { topicsUsed, production: options.includes("--production") });
  if (problems.length) {
    console.error(`[validate] ${label}: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  const kinds = Object.entries(resources.reduce((n, r) => ({ ...n, [r.kind]: (n[r.kind] ?? 0) + 1 }), {}));
  console.log(`[validate] ${label}: ${resources.length} resources valid (${kinds.map(([k, n]) => `${n} ${k}`).join(", ")})`);
}
