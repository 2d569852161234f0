/**
 * The words of the cluster view, the traffic panel and the panel switcher, in English and
 * Korean (the rest of the UI's words are in ../strings.ts).
 */
import type { Lang } from '../../lesson/scenario-types.js';
import type { PanelName } from '../layout/screen-layout.js';

/** The panel words in one language. */
export interface ViewStrings {
  panel: Record<PanelName, string>;
  /** The key line's first entry: what Ctrl-G shows next. */
  switchKey(next: PanelName): string;
  /** The key line when the full one does not fit. */
  shortHelp: string;
  emptyCluster: string;
  /** Old ReplicaSets kept at 0 replicas for `rollout undo`. */
  idleReplicaSets(n: number): string;
  noEndpoints: string;
  moreLines(n: number): string;
  trafficTitle: string;
  /** Rows shown before any request (what to type to send some). */
  noTraffic: string[];
  answers(n: number): string;
  /** The terminal pane's marker row while scrolled back `n` rows (PageUp). */
  scrolledBack(n: number): string;
}

const EN: ViewStrings = {
  panel: { lesson: 'Lesson', cluster: 'Cluster', traffic: 'Traffic' },
  switchKey: (next) => `^G ${EN.panel[next].toLowerCase()}`,
  shortHelp: '^T hint · ^X skip · ^P pause · ^O speed · ^N 한국어 · ^D leave',
  emptyCluster: 'No Deployments, Services or pods yet.',
  idleReplicaSets: (n) => `+${n} old ReplicaSet${n === 1 ? '' : 's'} at 0`,
  noEndpoints: 'no ready endpoints',
  moreLines: (n) => `… ${n} more line${n === 1 ? '' : 's'}`,
  trafficTitle: 'Who answered, via Services (last 60 s, max 100)',
  noTraffic: ['No requests yet. Send some from a pod:', '  kubectl run tmp --rm -it --image=busybox -- sh', '  / # wget -qO- http://SERVICE'],
  answers: (n) => `${n} answer${n === 1 ? '' : 's'}`,
  scrolledBack: (n) => `↑ ${n} row${n === 1 ? '' : 's'} back · PgUp/PgDn scroll · any other key: back to the prompt`,
};

const KO: ViewStrings = {
  panel: { lesson: '실습', cluster: '클러스터', traffic: '트래픽' },
  switchKey: (next) => `^G ${KO.panel[next]}`,
  shortHelp: '^T 힌트 · ^X 건너뛰기 · ^P 정지 · ^O 배속 · ^N English · ^D 나가기',
  emptyCluster: '아직 디플로이먼트, 서비스, 파드가 없습니다.',
  idleReplicaSets: (n) => `0개로 줄어든 이전 레플리카셋 ${n}개`,
  noEndpoints: '준비된 엔드포인트 없음',
  moreLines: (n) => `… ${n}줄 더`,
  trafficTitle: '서비스를 거친 요청에 응답한 파드 (최근 60초, 최대 100건)',
  noTraffic: ['아직 요청이 없습니다. 파드 안에서 보내 보세요:', '  kubectl run tmp --rm -it --image=busybox -- sh', '  / # wget -qO- http://서비스'],
  answers: (n) => `응답 ${n}건`,
  scrolledBack: (n) => `↑ ${n}줄 위 · PgUp/PgDn 스크롤 · 다른 키: 프롬프트로`,
};

/** The panel words of a language. */
export function viewStrings(lang: Lang): ViewStrings {
  return lang === 'ko' ? KO : EN;
}
