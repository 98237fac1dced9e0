// Placeholder: replaced by the component's owner.
export function ClusterFacts() {
  return null;
}
