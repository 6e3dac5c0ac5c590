// The public entry of @zlens/hmc-sim: the simulator, its scenario model, the history writer and
// the Prometheus launcher that tests of the BFF and the web use.

export { startSimulator, DEFAULT_CREDENTIALS } from './simulator.js';
export type { Credentials, RunningSimulator, SimulatorOptions } from './simulator.js';
export { defaultScenario, DEFAULT_SEED } from './default-scenario.js';
export { loadScenario, scenarioFrom, ScenarioError } from './scenario-file.js';
export {
  CPC_STATUSES,
  PARTITION_STATUSES,
  PARTITION_TYPES,
  PROCESSOR_MODES,
  WORKLOAD_PROFILES,
  cpcUri,
  isRunning,
  partitionUri,
} from './scenario.js';
export type {
  CpcSpec,
  CpcStatus,
  HmcInfo,
  PartitionSpec,
  PartitionStatus,
  PartitionType,
  ProcessorMode,
  Scenario,
  WorkloadProfile,
} from './scenario.js';
export { SLOT_MS, partitionUsage, sampleCpc, sampleSite, slotOf, slotStartMs } from './workload.js';
export type { CpcSample, CpcUsage, PartitionUsage } from './workload.js';
export { writeHistory } from './history.js';
export type { HistoryRange, HistoryStats } from './history.js';
export { queryPrometheus, startPrometheus, waitForSeries } from './prometheus.js';
export type { PromSample, PrometheusOptions, RunningPrometheus } from './prometheus.js';
export type { TlsMaterial } from './hmc-server.js';
