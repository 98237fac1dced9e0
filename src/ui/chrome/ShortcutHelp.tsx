// Placeholder: replaced by the component's owner.
export function ShortcutHelp() {
  return null;
}
