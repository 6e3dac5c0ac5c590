// The error a bad scenario file raises; its message names the bad field.

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}
