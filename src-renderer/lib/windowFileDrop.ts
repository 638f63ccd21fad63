/**
 * Files dragged anywhere over the window: `onDragging(true)` while they hover (child elements' enter and
 * leave events are counted, so it does not flicker), `onDrop(files)` when they are let go. Returns the
 * cleanup for onMount.
 */
export function watchWindowFileDrop(handlers: { onDragging(dragging: boolean): void; onDrop(files: File[]): void }): () => void {
  let depth = 0;
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const enter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth += 1;
    handlers.onDragging(true);
  };
  const over = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const leave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) handlers.onDragging(false);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    depth = 0;
    handlers.onDragging(false);
    handlers.onDrop(Array.from(event.dataTransfer?.files ?? []));
  };
  const listeners = [
    ['dragenter', enter],
    ['dragover', over],
    ['dragleave', leave],
    ['drop', drop],
  ] as const;
  for (const [type, listener] of listeners) window.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of listeners) window.removeEventListener(type, listener);
  };
}
