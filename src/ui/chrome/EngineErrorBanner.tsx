// Placeholder: replaced by the component's owner.
export function EngineErrorBanner() {
  return null;
}
