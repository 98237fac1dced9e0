// Placeholder: replaced by the component's owner.
export function SettingsPanel() {
  return null;
}
