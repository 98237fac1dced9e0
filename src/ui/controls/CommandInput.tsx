// Placeholder: replaced by the component's owner.
export function CommandInput() {
  return null;
}
