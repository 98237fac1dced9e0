// Placeholder: replaced by the component's owner.
export function MessageDetails() {
  return null;
}
