// Placeholder: replaced by the component's owner.
export function ClusterView() {
  return null;
}
