// The public entry of @zlens/hmc-sim: the simulator, its scenario model and presets, the history
// writer, the Prometheus launcher that tests of the BFF and the web use, and the benchmark helper.

export { startSimulator, DEFAULT_CREDENTIALS } from './simulator.js';
export type { Credentials, RunningSimulator, SimulatorFaults, SimulatorOptions } from './simulator.js';
export type { FaultSettings } from './hmc-api/faults.js';
export { EXPORTER_METRIC_GROUPS, ExporterConfigError, exporterConfigFromFile } from './exporter/exporter-config.js';
export type { ExporterConfig } from './exporter/exporter-config.js';
export type { StatusChange } from './scenario/site-state.js';
export { SESSION_END_BEHAVIOURS } from './stomp/stomp-server.js';
export type { SessionEndBehaviour } from './stomp/stomp-server.js';
export { defaultScenario, DEFAULT_SEED } from './scenario/default-scenario.js';
export { PRESETS, demoScenario, largeScenario, presetScenario } from './scenario/presets.js';
export type { PresetName } from './scenario/presets.js';
export { loadScenario, scenarioFrom, scenarioToYaml, ScenarioError } from './scenario/scenario-file.js';
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
} from './scenario/scenario.js';
export type {
  AdapterSpec,
  AdapterStatus,
  AdapterType,
  ChannelSpec,
  CpcSpec,
  CpcStatus,
  CryptoAdapterSpec,
  CryptoConfigurationSpec,
  CryptoDomainSpec,
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
} from './scenario/scenario.js';
export { SLOT_MS, partitionUsage, sampleCpc, sampleSite, slotOf, slotStartMs } from './workload/workload.js';
export type { CpcSample, CpcUsage, PartitionUsage } from './workload/workload.js';
export { lparUsage, sampleClassicCpc } from './workload/classic-workload.js';
export type { ClassicCpcSample, LparUsage } from './workload/classic-workload.js';
export { writeHistory } from './history/history.js';
export type { HistoryRange, HistoryStats } from './history/history.js';
export { backfillRules, queryPrometheus, scrapeLabels, startPrometheus, waitForSeries } from './history/prometheus.js';
export type { PromSample, PrometheusOptions, RuleBackfill, RunningPrometheus } from './history/prometheus.js';
export { startVictoriaMetrics } from './history/victoria-metrics.js';
export type { RunningVictoriaMetrics, VictoriaMetricsOptions } from './history/victoria-metrics.js';
export { selfSignedTls, type TlsMaterial } from './hmc-api/hmc-server.js';
export { consoleHardwareMessages, cpcHardwareMessages, osMessages } from './hmc-api/messages.js';
export { writeBenchmarkSection } from './benchmarks-doc.js';
