/** The lesson screen's words that only a lesson on a real cluster needs, in English and Korean. */
import type { Lang } from '../lesson/scenario-types.js';

/** Words of the real-cluster lesson screen. */
export interface RealStrings {
  /** The first lines: where the lesson runs. */
  connected(context: string, namespace: string, workdir: string): string;
  /** How a typed line runs here (differences from the simulator's shell). */
  howLinesRun: string;
  /** A step whose checks are partly left out on a real cluster. */
  notChecked(step: string, kinds: readonly string[]): string;
  /** Ctrl-P and Ctrl-O. */
  cannotPause: string;
  /** The cluster and traffic panels. */
  panelsUnavailable: string[];
  /** Leaving: the namespace is being deleted. */
  deleting(namespace: string): string;
  /** After leaving. */
  deleted(namespace: string): string;
  /** Cluster API errors while the lesson runs (after `kubelab:`). */
  apiProblem(message: string): string;
}

const EN: RealStrings = {
  connected: (context, namespace, workdir) => `On the real cluster of context ${context}, in namespace ${namespace} (made by kubelab, deleted when you leave). Files in ${workdir}.`,
  howLinesRun: 'Each line runs by itself with sh and the real kubectl: cd and variables do not carry over to the next line; heredocs and interactive shells (kubectl run -it, kubectl exec -it) are not supported here.',
  notChecked: (step, kinds) => `Not checked on a real cluster in step "${step}": ${kinds.join(', ')}.`,
  cannotPause: 'A real cluster keeps its own time: it cannot be paused or sped up.',
  panelsUnavailable: ['The live view is not available on a real cluster.', 'Use kubectl get pods -w or kubectl describe.'],
  deleting: (ns) => `Deleting namespace ${ns}…`,
  deleted: (ns) => `Namespace ${ns} deleted (its objects go with it).`,
  apiProblem: (message) => `kubelab: the cluster could not be read: ${message}`,
};

const KO: RealStrings = {
  connected: (context, namespace, workdir) => `컨텍스트 ${context} 의 실제 클러스터, 네임스페이스 ${namespace} 에서 진행합니다 (kubelab 이 만들었고, 나갈 때 삭제합니다). 파일은 ${workdir} 에 있습니다.`,
  howLinesRun: '각 줄은 sh 와 실제 kubectl 로 따로 실행됩니다: cd 와 변수는 다음 줄로 이어지지 않으며, heredoc 과 대화형 셸(kubectl run -it, kubectl exec -it)은 여기서 지원하지 않습니다.',
  notChecked: (step, kinds) => `실제 클러스터에서는 "${step}" 단계의 다음 검사를 하지 않습니다: ${kinds.join(', ')}.`,
  cannotPause: '실제 클러스터는 자기 시간대로 흐릅니다: 일시정지하거나 배속할 수 없습니다.',
  panelsUnavailable: ['실제 클러스터에서는 실시간 보기를 제공하지 않습니다.', 'kubectl get pods -w 나 kubectl describe 를 쓰세요.'],
  deleting: (ns) => `네임스페이스 ${ns} 를 삭제하는 중…`,
  deleted: (ns) => `네임스페이스 ${ns} 를 삭제했습니다 (안의 오브젝트도 함께).`,
  apiProblem: (message) => `kubelab: 클러스터를 읽지 못했습니다: ${message}`,
};

/** The real-cluster words in `lang`. */
export function realStrings(lang: Lang): RealStrings {
  return lang === 'ko' ? KO : EN;
}
