/**
 * A fresh cluster as `kind create cluster --name kubelab` (Kubernetes v1.32, kubeadm) leaves it:
 * the four namespaces, one control-plane node tainted NoSchedule and two workers, each with a
 * /24 of the pod CIDR 10.244.0.0/16, the `kubernetes` Service at 10.96.0.1 with its Endpoints
 * and EndpointSlice pointing at the API server (control-plane IP, port 6443), and the
 * `kube-root-ca.crt` ConfigMap every namespace gets.
 */
import type { Cluster } from './cluster.js';
import type { Node } from './types.js';

/** The control-plane taint kubeadm sets. */
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/** The three nodes: name, InternalIP (kind's docker network), pod CIDR. */
export const NODES = [
  { name: 'kubelab-control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'kubelab-worker', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'kubelab-worker2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
] as const;

/** One node of the bootstrap. */
export type NodeSpec = { name: string; ip: string; podCIDR: string; controlPlane: boolean };

/**
 * The nodes of a cluster with `workers` worker nodes: kind's names (`kubelab-worker`,
 * `kubelab-worker2`, ...), consecutive IPs and /24s. Two workers (the default) is NODES.
 */
export function nodeSpecs(workers = 2): NodeSpec[] {
  if (!Number.isInteger(workers) || workers < 1 || workers > 250) throw new Error(`workers must be 1 to 250, got ${workers}`);
  const out: NodeSpec[] = [{ ...NODES[0] }];
  for (let i = 1; i <= workers; i++) {
    out.push({ name: i === 1 ? 'kubelab-worker' : `kubelab-worker${i}`, ip: `172.18.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`, podCIDR: `10.244.${i}.0/24`, controlPlane: false });
  }
  return out;
}

/** The API server's advertised address and port. */
export const API_SERVER = { ip: '172.18.0.2', port: 6443 };

/** Versions a kind v1.32 node image reports. */
export const NODE_VERSIONS = {
  kubelet: 'v1.32.2',
  containerRuntime: 'containerd://2.0.2',
  kernel: '6.8.0-79-generic',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
};

const CA_CERT = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKubelabCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMK
a3ViZXJuZXRlczAeFw0yNTA4MTkwODU1MDBaFw0zNTA4MTcwOTAwMDBaMBUxEzAR
BgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIB
AQDkubelabsimulatedcertificateauthoritynotarealkey0000000000000000
-----END CERTIFICATE-----
`;

/** Creates what a fresh kubeadm-like cluster has. */
export function bootstrapCluster(cluster: Cluster, workers = 2): void {
  const { store, api, rng } = cluster;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  const ids = rng.fork('node-ids');
  for (const n of nodeSpecs(workers)) store.create(nodeObject(n, cluster.clock.timestamp(), ids.hex(32), ids.hex(32), ids.hex(8)));
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': CA_CERT } });
  }
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  store.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: API_SERVER.ip }], ports: [{ name: 'https', port: API_SERVER.port, protocol: 'TCP' }] }],
  });
  store.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [API_SERVER.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: API_SERVER.port, protocol: 'TCP' }],
  });
}

function nodeObject(n: NodeSpec, now: string, machineID: string, systemUUID: string, boot: string): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const resources = { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16329508Ki', pods: '110' };
  const condition = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: now, lastTransitionTime: now, message, reason, status, type });
  const uuid = `${systemUUID.slice(0, 8)}-${systemUUID.slice(8, 12)}-${systemUUID.slice(12, 16)}-${systemUUID.slice(16, 20)}-${systemUUID.slice(20, 32)}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      providerID: `kind://docker/kubelab/${n.name}`,
      ...(n.controlPlane ? { taints: [{ ...CONTROL_PLANE_TAINT }] } : {}),
    } as Node['spec'],
    status: {
      addresses: [
        { address: n.ip, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [],
      nodeInfo: {
        architecture: 'amd64',
        bootID: `${boot}-1b2c-4d3e-8f4a-${machineID.slice(0, 12)}`,
        containerRuntimeVersion: NODE_VERSIONS.containerRuntime,
        kernelVersion: NODE_VERSIONS.kernel,
        kubeProxyVersion: '',
        kubeletVersion: NODE_VERSIONS.kubelet,
        machineID,
        operatingSystem: 'linux',
        osImage: NODE_VERSIONS.osImage,
        systemUUID: uuid,
      },
    },
  };
}
