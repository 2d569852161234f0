/**
 * A compact schema of the k8s.io/api v0.32 Go structs kubelab serves: field JSON names in Go
 * struct order (from `staging/src/k8s.io/api/testdata/v1.32.0/*.json`, which k8s writes with
 * json.Marshal of fully populated objects) and Go types (from the `types.go` files).
 *
 * Field syntax `name:TYPE`, TYPE one of:
 *   s | s=Named (a named string type, printed `v1.Named`) | b | i32 | i64 | f64 | uid
 *   ios (intstr.IntOrString) | q (resource.Quantity) | t (metav1.Time) | mt (metav1.MicroTime)
 *   bytes ([]byte, base64) | any (RawExtension, FieldsV1) | StructName
 *   *TYPE (pointer: omitted when absent) | []TYPE | {}TYPE (map[string]TYPE) | {Key}TYPE
 * A trailing `!` marks a field without `omitempty` (always encoded, zero value when absent).
 * Non-pointer struct fields are always encoded, as Go's encoder ignores omitempty on structs.
 * Fidelity limit: alpha fields behind disabled feature gates are listed like any other.
 */
export const STRUCTS: Record<string, string> = {
  // meta/v1
  ObjectMeta:
    'name:s generateName:s namespace:s selfLink:s uid:uid resourceVersion:s generation:i64 creationTimestamp:t deletionTimestamp:*t deletionGracePeriodSeconds:*i64 labels:{}s annotations:{}s ownerReferences:[]OwnerReference finalizers:[]s managedFields:[]ManagedFieldsEntry',
  OwnerReference: 'apiVersion:s! kind:s! name:s! uid:uid! controller:*b blockOwnerDeletion:*b',
  ManagedFieldsEntry: 'manager:s operation:s=ManagedFieldsOperationType apiVersion:s time:*t fieldsType:s fieldsV1:*any subresource:s',
  LabelSelector: 'matchLabels:{}s matchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'key:s! operator:s=LabelSelectorOperator! values:[]s',
  Condition: 'type:s! status:s=ConditionStatus! observedGeneration:i64 lastTransitionTime:t! reason:s! message:s!',

  // apps/v1
  Deployment: 'kind:s apiVersion:s metadata:ObjectMeta spec:DeploymentSpec status:DeploymentStatus',
  DeploymentSpec:
    'replicas:*i32 selector:*LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy minReadySeconds:i32 revisionHistoryLimit:*i32 paused:b progressDeadlineSeconds:*i32',
  DeploymentStrategy: 'type:s=DeploymentStrategyType rollingUpdate:*RollingUpdateDeployment',
  RollingUpdateDeployment: 'maxUnavailable:*ios maxSurge:*ios',
  DeploymentStatus:
    'observedGeneration:i64 replicas:i32 updatedReplicas:i32 readyReplicas:i32 availableReplicas:i32 unavailableReplicas:i32 conditions:[]DeploymentCondition collisionCount:*i32',
  DeploymentCondition: 'type:s=DeploymentConditionType! status:s=ConditionStatus! lastUpdateTime:t lastTransitionTime:t reason:s message:s',
  ReplicaSet: 'kind:s apiVersion:s metadata:ObjectMeta spec:ReplicaSetSpec status:ReplicaSetStatus',
  ReplicaSetSpec: 'replicas:*i32 minReadySeconds:i32 selector:*LabelSelector template:PodTemplateSpec',
  ReplicaSetStatus:
    'replicas:i32! fullyLabeledReplicas:i32 readyReplicas:i32 availableReplicas:i32 observedGeneration:i64 conditions:[]ReplicaSetCondition',
  ReplicaSetCondition: 'type:s=ReplicaSetConditionType! status:s=ConditionStatus! lastTransitionTime:t reason:s message:s',

  // core/v1: pods
  Pod: 'kind:s apiVersion:s metadata:ObjectMeta spec:PodSpec status:PodStatus',
  PodTemplateSpec: 'metadata:ObjectMeta spec:PodSpec',
  PodSpec:
    'volumes:[]Volume initContainers:[]Container containers:[]Container! ephemeralContainers:[]EphemeralContainer restartPolicy:s=RestartPolicy terminationGracePeriodSeconds:*i64 activeDeadlineSeconds:*i64 dnsPolicy:s=DNSPolicy nodeSelector:{}s serviceAccountName:s serviceAccount:s automountServiceAccountToken:*b nodeName:s hostNetwork:b hostPID:b hostIPC:b shareProcessNamespace:*b securityContext:*PodSecurityContext imagePullSecrets:[]LocalObjectReference hostname:s subdomain:s affinity:*Affinity schedulerName:s tolerations:[]Toleration hostAliases:[]HostAlias priorityClassName:s priority:*i32 dnsConfig:*PodDNSConfig readinessGates:[]PodReadinessGate runtimeClassName:*s enableServiceLinks:*b preemptionPolicy:*s=PreemptionPolicy overhead:{ResourceName}q topologySpreadConstraints:[]TopologySpreadConstraint setHostnameAsFQDN:*b os:*PodOS hostUsers:*b schedulingGates:[]PodSchedulingGate resourceClaims:[]PodResourceClaim resources:*ResourceRequirements',
  Container:
    'name:s! image:s command:[]s args:[]s workingDir:s ports:[]ContainerPort envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements resizePolicy:[]ContainerResizePolicy restartPolicy:*s=ContainerRestartPolicy volumeMounts:[]VolumeMount volumeDevices:[]VolumeDevice livenessProbe:*Probe readinessProbe:*Probe startupProbe:*Probe lifecycle:*Lifecycle terminationMessagePath:s terminationMessagePolicy:s=TerminationMessagePolicy imagePullPolicy:s=PullPolicy securityContext:*SecurityContext stdin:b stdinOnce:b tty:b',
  EphemeralContainer:
    'name:s! image:s command:[]s args:[]s workingDir:s ports:[]ContainerPort envFrom:[]EnvFromSource env:[]EnvVar resources:ResourceRequirements resizePolicy:[]ContainerResizePolicy restartPolicy:*s=ContainerRestartPolicy volumeMounts:[]VolumeMount volumeDevices:[]VolumeDevice livenessProbe:*Probe readinessProbe:*Probe startupProbe:*Probe lifecycle:*Lifecycle terminationMessagePath:s terminationMessagePolicy:s=TerminationMessagePolicy imagePullPolicy:s=PullPolicy securityContext:*SecurityContext stdin:b stdinOnce:b tty:b targetContainerName:s',
  ContainerPort: 'name:s hostPort:i32 containerPort:i32! protocol:s=Protocol hostIP:s',
  EnvFromSource: 'prefix:s configMapRef:*ConfigMapEnvSource secretRef:*SecretEnvSource',
  ConfigMapEnvSource: 'name:s optional:*b',
  SecretEnvSource: 'name:s optional:*b',
  EnvVar: 'name:s! value:s valueFrom:*EnvVarSource',
  EnvVarSource: 'fieldRef:*ObjectFieldSelector resourceFieldRef:*ResourceFieldSelector configMapKeyRef:*ConfigMapKeySelector secretKeyRef:*SecretKeySelector',
  ObjectFieldSelector: 'apiVersion:s fieldPath:s!',
  ResourceFieldSelector: 'containerName:s resource:s! divisor:q',
  ConfigMapKeySelector: 'name:s key:s! optional:*b',
  SecretKeySelector: 'name:s key:s! optional:*b',
  ResourceRequirements: 'limits:{ResourceName}q requests:{ResourceName}q claims:[]ResourceClaim',
  ResourceClaim: 'name:s! request:s',
  ContainerResizePolicy: 'resourceName:s=ResourceName! restartPolicy:s=ResourceResizeRestartPolicy!',
  VolumeMount: 'name:s! readOnly:b recursiveReadOnly:*s=RecursiveReadOnlyMode mountPath:s! subPath:s mountPropagation:*s=MountPropagationMode subPathExpr:s',
  VolumeDevice: 'name:s! devicePath:s!',
  Probe:
    'exec:*ExecAction httpGet:*HTTPGetAction tcpSocket:*TCPSocketAction grpc:*GRPCAction initialDelaySeconds:i32 timeoutSeconds:i32 periodSeconds:i32 successThreshold:i32 failureThreshold:i32 terminationGracePeriodSeconds:*i64',
  ExecAction: 'command:[]s',
  HTTPGetAction: 'path:s port:ios! host:s scheme:s=URIScheme httpHeaders:[]HTTPHeader',
  HTTPHeader: 'name:s! value:s!',
  TCPSocketAction: 'port:ios! host:s',
  GRPCAction: 'port:i32! service:*s',
  Lifecycle: 'postStart:*LifecycleHandler preStop:*LifecycleHandler',
  LifecycleHandler: 'exec:*ExecAction httpGet:*HTTPGetAction tcpSocket:*TCPSocketAction sleep:*SleepAction',
  SleepAction: 'seconds:i64!',
  SecurityContext:
    'capabilities:*Capabilities privileged:*b seLinuxOptions:*SELinuxOptions windowsOptions:*WindowsSecurityContextOptions runAsUser:*i64 runAsGroup:*i64 runAsNonRoot:*b readOnlyRootFilesystem:*b allowPrivilegeEscalation:*b procMount:*s=ProcMountType seccompProfile:*SeccompProfile appArmorProfile:*AppArmorProfile',
  Capabilities: 'add:[]s=Capability drop:[]s=Capability',
  SELinuxOptions: 'user:s role:s type:s level:s',
  WindowsSecurityContextOptions: 'gmsaCredentialSpecName:*s gmsaCredentialSpec:*s runAsUserName:*s hostProcess:*b',
  SeccompProfile: 'type:s=SeccompProfileType! localhostProfile:*s',
  AppArmorProfile: 'type:s=AppArmorProfileType! localhostProfile:*s',
  PodSecurityContext:
    'seLinuxOptions:*SELinuxOptions windowsOptions:*WindowsSecurityContextOptions runAsUser:*i64 runAsGroup:*i64 runAsNonRoot:*b supplementalGroups:[]i64 supplementalGroupsPolicy:*s=SupplementalGroupsPolicy fsGroup:*i64 sysctls:[]Sysctl fsGroupChangePolicy:*s=PodFSGroupChangePolicy seccompProfile:*SeccompProfile appArmorProfile:*AppArmorProfile seLinuxChangePolicy:*s=PodSELinuxChangePolicy',
  Sysctl: 'name:s! value:s!',
  LocalObjectReference: 'name:s',
  Affinity: 'nodeAffinity:*NodeAffinity podAffinity:*PodAffinity podAntiAffinity:*PodAntiAffinity',
  NodeAffinity: 'requiredDuringSchedulingIgnoredDuringExecution:*NodeSelector preferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm',
  NodeSelector: 'nodeSelectorTerms:[]NodeSelectorTerm!',
  NodeSelectorTerm: 'matchExpressions:[]NodeSelectorRequirement matchFields:[]NodeSelectorRequirement',
  NodeSelectorRequirement: 'key:s! operator:s=NodeSelectorOperator! values:[]s',
  PreferredSchedulingTerm: 'weight:i32! preference:NodeSelectorTerm!',
  PodAffinity: 'requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodAntiAffinity: 'requiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodAffinityTerm: 'labelSelector:*LabelSelector namespaces:[]s topologyKey:s! namespaceSelector:*LabelSelector matchLabelKeys:[]s mismatchLabelKeys:[]s',
  WeightedPodAffinityTerm: 'weight:i32! podAffinityTerm:PodAffinityTerm!',
  Toleration: 'key:s operator:s=TolerationOperator value:s effect:s=TaintEffect tolerationSeconds:*i64',
  HostAlias: 'ip:s! hostnames:[]s',
  PodDNSConfig: 'nameservers:[]s searches:[]s options:[]PodDNSConfigOption',
  PodDNSConfigOption: 'name:s value:*s',
  PodReadinessGate: 'conditionType:s=PodConditionType!',
  TopologySpreadConstraint:
    'maxSkew:i32! topologyKey:s! whenUnsatisfiable:s=UnsatisfiableConstraintAction! labelSelector:*LabelSelector minDomains:*i32 nodeAffinityPolicy:*s=NodeInclusionPolicy nodeTaintsPolicy:*s=NodeInclusionPolicy matchLabelKeys:[]s',
  PodOS: 'name:s=OSName!',
  PodSchedulingGate: 'name:s!',
  PodResourceClaim: 'name:s! resourceClaimName:*s resourceClaimTemplateName:*s',
  Volume:
    'name:s! hostPath:*HostPathVolumeSource emptyDir:*EmptyDirVolumeSource gcePersistentDisk:*any awsElasticBlockStore:*any gitRepo:*any secret:*SecretVolumeSource nfs:*any iscsi:*any glusterfs:*any persistentVolumeClaim:*PersistentVolumeClaimVolumeSource rbd:*any flexVolume:*any cinder:*any cephfs:*any flocker:*any downwardAPI:*DownwardAPIVolumeSource fc:*any azureFile:*any configMap:*ConfigMapVolumeSource vsphereVolume:*any quobyte:*any azureDisk:*any photonPersistentDisk:*any projected:*ProjectedVolumeSource portworxVolume:*any scaleIO:*any storageos:*any csi:*any ephemeral:*any image:*ImageVolumeSource',
  HostPathVolumeSource: 'path:s! type:*s=HostPathType',
  EmptyDirVolumeSource: 'medium:s=StorageMedium sizeLimit:*q',
  SecretVolumeSource: 'secretName:s items:[]KeyToPath defaultMode:*i32 optional:*b',
  PersistentVolumeClaimVolumeSource: 'claimName:s! readOnly:b',
  ConfigMapVolumeSource: 'name:s items:[]KeyToPath defaultMode:*i32 optional:*b',
  KeyToPath: 'key:s! path:s! mode:*i32',
  DownwardAPIVolumeSource: 'items:[]DownwardAPIVolumeFile defaultMode:*i32',
  DownwardAPIVolumeFile: 'path:s! fieldRef:*ObjectFieldSelector resourceFieldRef:*ResourceFieldSelector mode:*i32',
  ProjectedVolumeSource: 'sources:[]VolumeProjection defaultMode:*i32',
  VolumeProjection: 'secret:*SecretProjection downwardAPI:*DownwardAPIProjection configMap:*ConfigMapProjection serviceAccountToken:*ServiceAccountTokenProjection clusterTrustBundle:*any',
  SecretProjection: 'name:s items:[]KeyToPath optional:*b',
  ConfigMapProjection: 'name:s items:[]KeyToPath optional:*b',
  DownwardAPIProjection: 'items:[]DownwardAPIVolumeFile',
  ServiceAccountTokenProjection: 'audience:s expirationSeconds:*i64 path:s!',
  ImageVolumeSource: 'reference:s pullPolicy:s=PullPolicy',
  PodStatus:
    'phase:s=PodPhase conditions:[]PodCondition message:s reason:s nominatedNodeName:s hostIP:s hostIPs:[]HostIP podIP:s podIPs:[]PodIP startTime:*t initContainerStatuses:[]ContainerStatus containerStatuses:[]ContainerStatus qosClass:s=PodQOSClass ephemeralContainerStatuses:[]ContainerStatus resize:s=PodResizeStatus resourceClaimStatuses:[]PodResourceClaimStatus',
  PodCondition: 'type:s=PodConditionType! status:s=ConditionStatus! lastProbeTime:t lastTransitionTime:t reason:s message:s',
  HostIP: 'ip:s!',
  PodIP: 'ip:s!',
  ContainerStatus:
    'name:s! state:ContainerState lastState:ContainerState ready:b! restartCount:i32! image:s! imageID:s! containerID:s started:*b allocatedResources:{ResourceName}q resources:*ResourceRequirements volumeMounts:[]VolumeMountStatus user:*any allocatedResourcesStatus:[]any',
  ContainerState: 'waiting:*ContainerStateWaiting running:*ContainerStateRunning terminated:*ContainerStateTerminated',
  ContainerStateWaiting: 'reason:s message:s',
  ContainerStateRunning: 'startedAt:t',
  ContainerStateTerminated: 'exitCode:i32! signal:i32 reason:s message:s startedAt:t finishedAt:t containerID:s',
  VolumeMountStatus: 'name:s! mountPath:s! readOnly:b recursiveReadOnly:*s=RecursiveReadOnlyMode',
  PodResourceClaimStatus: 'name:s! resourceClaimName:*s',

  // core/v1: services, endpoints, config, events, namespaces, nodes
  Service: 'kind:s apiVersion:s metadata:ObjectMeta spec:ServiceSpec status:ServiceStatus',
  ServiceSpec:
    'ports:[]ServicePort selector:{}s clusterIP:s clusterIPs:[]s type:s=ServiceType externalIPs:[]s sessionAffinity:s=ServiceAffinity loadBalancerIP:s loadBalancerSourceRanges:[]s externalName:s externalTrafficPolicy:s=ServiceExternalTrafficPolicy healthCheckNodePort:i32 publishNotReadyAddresses:b sessionAffinityConfig:*SessionAffinityConfig ipFamilies:[]s=IPFamily ipFamilyPolicy:*s=IPFamilyPolicy allocateLoadBalancerNodePorts:*b loadBalancerClass:*s internalTrafficPolicy:*s=ServiceInternalTrafficPolicy trafficDistribution:*s',
  ServicePort: 'name:s protocol:s=Protocol appProtocol:*s port:i32! targetPort:ios nodePort:i32',
  SessionAffinityConfig: 'clientIP:*ClientIPConfig',
  ClientIPConfig: 'timeoutSeconds:*i32',
  ServiceStatus: 'loadBalancer:LoadBalancerStatus conditions:[]Condition',
  LoadBalancerStatus: 'ingress:[]LoadBalancerIngress',
  LoadBalancerIngress: 'ip:s hostname:s ipMode:*s=LoadBalancerIPMode ports:[]PortStatus',
  PortStatus: 'port:i32! protocol:s=Protocol! error:*s',
  Endpoints: 'kind:s apiVersion:s metadata:ObjectMeta subsets:[]EndpointSubset',
  EndpointSubset: 'addresses:[]EndpointAddress notReadyAddresses:[]EndpointAddress ports:[]EndpointPort',
  EndpointAddress: 'ip:s! hostname:s nodeName:*s targetRef:*ObjectReference',
  EndpointPort: 'name:s port:i32! protocol:s=Protocol appProtocol:*s',
  ObjectReference: 'kind:s namespace:s name:s uid:uid apiVersion:s resourceVersion:s fieldPath:s',
  ConfigMap: 'kind:s apiVersion:s metadata:ObjectMeta immutable:*b data:{}s binaryData:{}bytes',
  Event:
    'kind:s apiVersion:s metadata:ObjectMeta! involvedObject:ObjectReference! reason:s message:s source:EventSource firstTimestamp:t lastTimestamp:t count:i32 type:s eventTime:mt series:*EventSeries action:s related:*ObjectReference reportingComponent:s! reportingInstance:s!',
  EventSource: 'component:s host:s',
  EventSeries: 'count:i32 lastObservedTime:mt',
  Namespace: 'kind:s apiVersion:s metadata:ObjectMeta spec:NamespaceSpec status:NamespaceStatus',
  NamespaceSpec: 'finalizers:[]s=FinalizerName',
  NamespaceStatus: 'phase:s=NamespacePhase conditions:[]NamespaceCondition',
  NamespaceCondition: 'type:s=NamespaceConditionType! status:s=ConditionStatus! lastTransitionTime:t reason:s message:s',
  Node: 'kind:s apiVersion:s metadata:ObjectMeta spec:NodeSpec status:NodeStatus',
  NodeSpec: 'podCIDR:s podCIDRs:[]s providerID:s unschedulable:b taints:[]Taint configSource:*any externalID:s',
  Taint: 'key:s! value:s effect:s=TaintEffect! timeAdded:*t',
  NodeStatus:
    'capacity:{ResourceName}q allocatable:{ResourceName}q phase:s=NodePhase conditions:[]NodeCondition addresses:[]NodeAddress daemonEndpoints:NodeDaemonEndpoints nodeInfo:NodeSystemInfo images:[]ContainerImage volumesInUse:[]s=UniqueVolumeName volumesAttached:[]AttachedVolume config:*any runtimeHandlers:[]any features:*any',
  NodeCondition: 'type:s=NodeConditionType! status:s=ConditionStatus! lastHeartbeatTime:t lastTransitionTime:t reason:s message:s',
  NodeAddress: 'type:s=NodeAddressType! address:s!',
  NodeDaemonEndpoints: 'kubeletEndpoint:DaemonEndpoint',
  DaemonEndpoint: 'Port:i32!',
  NodeSystemInfo:
    'machineID:s! systemUUID:s! bootID:s! kernelVersion:s! osImage:s! containerRuntimeVersion:s! kubeletVersion:s! kubeProxyVersion:s! operatingSystem:s! architecture:s!',
  ContainerImage: 'names:[]s sizeBytes:i64',
  AttachedVolume: 'name:s=UniqueVolumeName! devicePath:s!',

  // discovery/v1
  EndpointSlice: 'kind:s apiVersion:s metadata:ObjectMeta addressType:s=AddressType! endpoints:[]Endpoint! ports:[]EndpointSlicePort!',
  Endpoint:
    'addresses:[]s! conditions:EndpointConditions hostname:*s targetRef:*ObjectReference deprecatedTopology:{}s nodeName:*s zone:*s hints:*EndpointHints',
  EndpointConditions: 'ready:*b serving:*b terminating:*b',
  EndpointHints: 'forZones:[]ForZone',
  ForZone: 'name:s!',
  EndpointSlicePort: 'name:*s protocol:*s=Protocol port:*i32 appProtocol:*s',
};

/** Go type names where the table needs a different key (two `EndpointPort` structs exist). */
export const GO_NAME: Record<string, string> = { EndpointSlicePort: 'EndpointPort' };
