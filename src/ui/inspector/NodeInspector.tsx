// Placeholder: replaced by the component's owner.
export function NodeInspector() {
  return null;
}
