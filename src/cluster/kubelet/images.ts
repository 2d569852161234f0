/**
 * The container images kubelab knows, as data: which repositories and tags exist on the
 * registry, their compressed size (what the kubelet prints as `Image size: N bytes`), and how a
 * container of that image behaves (which port it listens on, which files it serves).
 * An image that is not in this table does not exist: pulling it fails as containerd fails.
 */

/** How a running container of an image behaves on the network. */
export interface ImageBehaviour {
  /** `nginx`: an HTTP server; `shell`: busybox-like, no listener; `none`: nothing modelled. */
  kind: 'nginx' | 'shell';
  /** TCP ports a container of this image listens on (`containerPort` is informational only). */
  listens: number[];
  /** The server's version for the `Server:` header, e.g. `1.14.2`. */
  serverVersion?: string;
  /** Whether SIGTERM ends the main process at once (nginx) or only SIGKILL at the deadline (sh as PID 1). */
  exitsOnSigterm: boolean;
}

/** One tag of one repository. */
export interface ImageTag {
  tag: string;
  /** Compressed size in bytes, as containerd reports after a pull. */
  size: number;
  behaviour: ImageBehaviour;
}

const nginx = (tag: string, version: string, size: number): ImageTag => ({
  tag,
  size,
  behaviour: { kind: 'nginx', listens: [80], serverVersion: version, exitsOnSigterm: true },
});
const busybox = (tag: string, size: number): ImageTag => ({
  tag,
  size,
  behaviour: { kind: 'shell', listens: [], exitsOnSigterm: false },
});

/** A tool image: a shell and network clients, no listener (curlimages/curl, nicolaka/netshoot). */
const toolbox = (tag: string, size: number): ImageTag => ({
  tag,
  size,
  behaviour: { kind: 'shell', listens: [], exitsOnSigterm: false },
});

/** Repositories (normalized `docker.io/library/...`) and their tags. */
export const IMAGE_TABLE: Record<string, ImageTag[]> = {
  'docker.io/library/nginx': [
    nginx('1.14', '1.14.2', 44415211),
    nginx('1.14.2', '1.14.2', 44415211),
    nginx('1.15', '1.15.12', 44712003),
    nginx('1.15.12', '1.15.12', 44712003),
    nginx('1.16', '1.16.1', 51029718),
    nginx('1.16.1', '1.16.1', 51029718),
    nginx('1.17', '1.17.10', 51964223),
    nginx('1.17.10', '1.17.10', 51964223),
    nginx('1.19', '1.19.10', 53603286),
    nginx('1.21', '1.21.6', 56725893),
    nginx('1.23', '1.23.4', 56951843),
    nginx('1.25', '1.25.5', 71006349),
    nginx('1.27', '1.27.5', 72225364),
    nginx('1.29', '1.29.1', 72324501),
    nginx('latest', '1.29.1', 72324501),
    nginx('alpine', '1.29.1', 21632174),
  ],
  'docker.io/library/busybox': [
    busybox('latest', 2156518),
    busybox('1.36', 2156518),
    busybox('1.36.1', 2156518),
    busybox('1.35', 2140932),
    busybox('1.28', 727869),
    busybox('stable', 2156518),
  ],
  // Compressed linux/amd64 sizes as Docker Hub listed them in 2025, rounded by kubelab.
  'docker.io/curlimages/curl': [
    toolbox('latest', 9786421),
    toolbox('8.15.0', 9786421),
    toolbox('8.14.1', 9742318),
    toolbox('8.11.1', 9541063),
  ],
  'docker.io/nicolaka/netshoot': [
    toolbox('latest', 192847325),
    toolbox('v0.14', 192847325),
    toolbox('v0.13', 189231442),
  ],
};

/** A parsed image reference. */
export interface ImageRef {
  /** What the pod spec says, e.g. `nginx:1.14`. */
  original: string;
  /** `docker.io/library/nginx`. */
  repository: string;
  /** `1.14`, `latest` when absent. */
  tag: string;
  /** Whether the spec named a tag (or digest) explicitly. */
  tagged: boolean;
  /** `docker.io/library/nginx:1.14`, as containerd reports it in `status.containerStatuses[].image`. */
  normalized: string;
}

/** Parses and normalizes an image reference as docker's reference.ParseNormalizedNamed does. */
export function parseImage(image: string): ImageRef {
  let rest = image;
  let tag = '';
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? rest : `docker.io/${rest}`;
  if (!hasRegistry && !rest.includes('/')) repository = `docker.io/library/${rest}`;
  const effectiveTag = tag || 'latest';
  return { original: image, repository, tag: effectiveTag, tagged: tag !== '' || at >= 0, normalized: `${repository}:${effectiveTag}` };
}

/** The table entry for an image, or undefined if the registry has no such repository or tag. */
export function lookupImage(ref: ImageRef): ImageTag | undefined {
  return IMAGE_TABLE[ref.repository]?.find((t) => t.tag === ref.tag);
}

/**
 * The error containerd returns for an image that cannot be pulled (kubelet wraps it in
 * `Failed to pull image "<image>": <this>`), for a missing tag or a missing repository.
 */
export function pullErrorMessage(ref: ImageRef): string {
  const n = ref.normalized;
  if (IMAGE_TABLE[ref.repository]) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
  }
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** The kubelet default pull policy when the pod spec has none: `Always` for `:latest` or no tag. */
export function effectivePullPolicy(policy: string | undefined, ref: ImageRef): string {
  if (policy) return policy;
  return !ref.tagged || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
