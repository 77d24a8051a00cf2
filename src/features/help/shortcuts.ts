/** Every keyboard shortcut, listed once so the overlay and the docs agree. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "j / k", does: "Next / previous pair" },
  { keys: "a", does: "Accept the pair (again: back to pending)" },
  { keys: "r", does: "Reject the pair (again: back to pending)" },
  { keys: "e", does: "Edit the pair inline" },
  { keys: "Ctrl+Enter", does: "Save the edit (or add pasted text)" },
  { keys: "Esc", does: "Cancel the edit or close a dialog" },
  { keys: "x / Delete", does: "Delete the pair (undo from the notice)" },
  { keys: "s", does: "Synthesize the selected document" },
  { keys: "Shift+S", does: "Synthesize all pending chunks of the project" },
  { keys: "n", does: "New document from pasted text" },
  { keys: "/", does: "Filter documents" },
  { keys: "?", does: "Show this list" },
];
