// Placeholder: replaced by the component's owner.
export function EventFeed() {
  return null;
}
