// Placeholder: replaced by the component's owner.
export function LogTable() {
  return null;
}
