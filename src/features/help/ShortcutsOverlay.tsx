import { Dialog } from "../../components/Dialog";
import { Kbd } from "../../components/Kbd";
import { useUi } from "../../stores/ui-store";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsOverlay() {
  const open = useUi((s) => s.shortcutsOpen);
  const setOpen = useUi((s) => s.setShortcutsOpen);
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={() => setOpen(false)}>
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr
              key={s.keys}
              className="border-b border-neutral-100 last:border-0 dark:border-neutral-800"
            >
              <td className="py-1.5 pr-4">
                <Kbd>{s.keys}</Kbd>
              </td>
              <td className="py-1.5">{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
