// The public entry of @zlens/hmc-sim: the simulator, its scenario model and presets, the history
// writer, the Prometheus launcher that tests of the BFF and the web use, and the benchmark helper.

export { startSimulator, DEFAULT_CREDENTIALS } from './simulator.js';
export type { Credentials, RunningSimulator, SimulatorFaults, SimulatorOptions } from './simulator.js';
export type { FaultSettings } from './faults.js';
export { EXPORTER_METRIC_GROUPS, ExporterConfigError, exporterConfigFromFile } from './exporter-config.js';
export type { ExporterConfig } from './exporter-config.js';
export type { StatusChange } from './site-state.js';
export { SESSION_END_BEHAVIOURS } from './stomp-server.js';
export type { SessionEndBehaviour } from './stomp-server.js';
export { defaultScenario, DEFAULT_SEED } from './default-scenario.js';
export { PRESETS, demoScenario, largeScenario, presetScenario } from './presets.js';
export type { PresetName } from './presets.js';
export { loadScenario, scenarioFrom, scenarioToYaml, ScenarioError } from './scenario-file.js';
export {
  ADAPTER_STATUSES,
  ADAPTER_TYPES,
  CPC_STATUSES,
  LPAR_STATUSES,
  PARTITION_STATUSES,
  PARTITION_TYPES,
  PROCESSOR_MODES,
  WORKLOAD_PROFILES,
  adapterUri,
  cpcUri,
  isLparRunning,
  isRunning,
  lparUri,
  nicUri,
  partitionUri,
  storageGroupUri,
  virtualSwitchUri,
} from './scenario.js';
export type {
  AdapterSpec,
  AdapterStatus,
  AdapterType,
  ChannelSpec,
  CpcSpec,
  CpcStatus,
  CryptoAdapterSpec,
  HmcInfo,
  LparSpec,
  LparStatus,
  MetricsSettings,
  NicSpec,
  PartitionSpec,
  PartitionStatus,
  PartitionType,
  ProcessorMode,
  Scenario,
  StorageGroupSpec,
  VirtualSwitchSpec,
  WorkloadProfile,
} from './scenario.js';
export { SLOT_MS, partitionUsage, sampleCpc, sampleSite, slotOf, slotStartMs } from './workload.js';
export type { CpcSample, CpcUsage, PartitionUsage } from './workload.js';
export { lparUsage, sampleClassicCpc } from './classic-workload.js';
export type { ClassicCpcSample, LparUsage } from './classic-workload.js';
export { writeHistory } from './history.js';
export type { HistoryRange, HistoryStats } from './history.js';
export { queryPrometheus, scrapeLabels, startPrometheus, waitForSeries } from './prometheus.js';
export type { PromSample, PrometheusOptions, RunningPrometheus } from './prometheus.js';
export { selfSignedTls, type TlsMaterial } from './hmc-server.js';
export { writeBenchmarkSection } from './benchmarks-doc.js';
