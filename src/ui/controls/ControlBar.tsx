// Placeholder: replaced by the component's owner.
export function ControlBar() {
  return null;
}
