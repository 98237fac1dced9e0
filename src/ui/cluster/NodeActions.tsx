// Placeholder: replaced by the component's owner.
export function NodeActions() {
  return null;
}
