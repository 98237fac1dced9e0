// Placeholder: replaced by the component's owner.
export function Notices() {
  return null;
}
